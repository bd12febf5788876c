"""Counts a communiqué states for a list of territories it gives, beside the list's real length.

"Dans l'Aube, deux territoires ont été labellisés, il s'agit de : • … • …" states 2 for a list
of 2; "4 dans l'Aisne. Il s'agit des territoires de : - … " states 4. The stated number is the
extracted figure (unit territoire) nearest before the list, in the list intro's sentence, or in the
sentence before when the intro is a bare "Il s'agit des territoires de :". Counts that no list
follows ("18 dans la région", a count of first-phase territories elsewhere) are figures only.
The quality gate compares `stated` with `listed`; a document contradicting itself is rejected.
"""

from __future__ import annotations

from pipeline import referential
from pipeline.extract.territories import TerritoryMention

BARE_INTRO_MAX_WORDS = 15


def _sentence_index(sentences: list[tuple[int, int]], position: int) -> int | None:
    for index, (start, end) in enumerate(sentences):
        if start <= position < end:
            return index
    return None


def _count_figure(figures: list[dict], start: int, end: int) -> dict | None:
    """The last territory count in [start, end): the one closest to the list."""
    counts = [f for f in figures
              if f["unit"] == "territoire" and start <= f["start"] and f["end"] <= end
              and f["value_max"] is None and float(f["value"]).is_integer()]
    return max(counts, key=lambda f: f["start"]) if counts else None


def _area_name(code: str, kind: str) -> str:
    """A COG code alone is ambiguous ("44" is a région and a département): name it by its kind."""
    ref = referential.load()
    area = {"region": ref.regions, "departement": ref.departements}.get(kind, {}).get(code)
    return area.name if area else "France"


def stated_counts(text: str, sentences: list[tuple[int, int]], mentions: list[TerritoryMention],
                  figures: list[dict], phases: dict[str, str | None]) -> list[dict]:
    """One row per list whose intro states its size: stated vs listed territories."""
    lists: dict[tuple[int, int], set[str]] = {}
    list_ends: dict[tuple[int, int], int] = {}
    for mention in mentions:
        if mention.intro is not None:
            lists.setdefault(mention.intro, set()).add(mention.territory_id)
            list_ends[mention.intro] = max(list_ends.get(mention.intro, 0), mention.end)
    rows = []
    for (intro_start, items_start), territory_ids in sorted(lists.items()):
        index = _sentence_index(sentences, intro_start)
        window_start = sentences[index][0] if index is not None else intro_start
        figure = _count_figure(figures, window_start, items_start)
        bare_intro = len(text[window_start:items_start].split()) <= BARE_INTRO_MAX_WORDS
        if figure is None and bare_intro and index:
            figure = _count_figure(figures, sentences[index - 1][0], items_start)
        if figure is None:
            continue
        phase = next((phases[t] for t in sorted(territory_ids) if phases.get(t)), None)
        rows.append({"scope_code": figure["scope_code"],
                     "scope_name": _area_name(figure["scope_code"], figure["scope_kind"]),
                     "phase": phase,
                     "stated": int(figure["value"]), "listed": len(territory_ids),
                     "mention": figure["mention"], "start": figure["start"], "end": figure["end"],
                     "rule": "stated_count.list_intro",
                     "list_start": items_start, "list_end": list_ends[(intro_start, items_start)]})
    return rows
