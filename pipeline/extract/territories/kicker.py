"""territory.kicker: a territory named only in the kicker line above a title about the programme.

"Vallée de la Bresle-Vimeu" then "La deuxième phase de Territoires d'industrie s'engage": local
weeklies put the territory's name on its own short line above the headline and never repeat it.
The line must be one of the first lines of the page, read as a name (a few capitalised words, no
digit, no punctuation but dashes and apostrophes), the next line must speak of the programme, and
the document must name no other territory (find_territories calls this rule last): a rubric such
as "Développement économique" or "Collectivités" is no name, nor is a line in capitals, which is
how pages label their genre ("COMMUNIQUÉ DE PRESSE", "DOSSIER DE PRESSE").
"""

from __future__ import annotations

import re

from pipeline.extract.places import PlaceMention
from pipeline.extract.territories.common import PREFIX, TerritoryMention, make_mention
from pipeline.normalize import fold

RULE = "territory.kicker"
MAX_LINES_ABOVE = 3
KICKER = re.compile(r"[A-ZÀ-Ý][\w'’ -]{2,60}")
NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")
SMALL_WORDS = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "sur", "en"}
MIN_WORDS, MAX_WORDS = 2, 7


def _reads_as_name(line: str) -> bool:
    words = NAME_WORD.findall(line)
    content = [w for w in re.split(r"[\s'’]+", line) if w and fold(w) not in SMALL_WORDS]
    return MIN_WORDS <= len(words) <= MAX_WORDS and len(content) >= MIN_WORDS \
        and all(w[0].isupper() for w in content)


def kicker_name(text: str, places: list[PlaceMention]) -> list[TerritoryMention]:
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    for index, (start, end) in enumerate(lines[:MAX_LINES_ABOVE]):
        line = text[start:end].strip()
        if index + 1 >= len(lines) or line.isupper() or not KICKER.fullmatch(line) \
                or not _reads_as_name(line):
            continue
        title = text[slice(*lines[index + 1])]
        if not re.search(PREFIX, title, re.IGNORECASE):
            continue
        if any(p.start <= start and end <= p.end + 1 for p in places):
            continue  # a région or a département alone is a rubric
        mention = make_mention(text, start, end, RULE, (), end)
        return [mention] if mention else []
    return []
