"""territory.enumeration: names coordinated after a cue in running prose.

"Parmi eux, Aubusson-La Souterraine, le bassin de Brive-Périgord, Limoges Métropole et le pays
de Saint-Yrieix-la-Perche." (the sentence before speaks of territories); "Parmi les 183
territoires retenus, on retrouve le binôme Agglomération du A-Communauté de communes du B";
"Parmi les 29 territoires qui découvrent le programme, le A (Tarn) a …" (one name, a place's,
the subject of the sentence the partitive opens);
"141 territoires, dont les communautés d'agglomération de Bastia et du Pays Ajaccien"; "ce seront
les secteurs de Pithiviers, Montargis, …, la vallée du Loir et la vallée du Cher qui profiteront
du label"; "les deux Territoires d'industrie de la première phase, le Territoire de l'Ouest et la
CIREST, sont reconduits", "Deux territoires d'industrie landais, A et B, ont été labellisés", "la
Haute-Vienne accueille deux territoires d'industrie, A et B." (as many names as the count); "Dans le Bas-Rhin, ce sont A et B ; dans le
Haut-Rhin, C et D" (each fronted département places the names after it); a speech's "Je pense
d'abord à A, …, puis à B", "Qui sont les lauréats ? D'abord le A, … Ensuite B", "Les représentants
de A et de B", "Troisième lauréat, A", "Après A, c'est le territoire B qui …" (each name must
read as a place's: no company, person or institution); a regional analysis's "Des territoires se
distinguent : la chimie dans le Grand Dole, l'industrie du cuir en Auxois-Morvan, …" (each name
where an activity stands), its "quatre territoires ont mieux résisté : dans l'A, le B, le C et le D, …"
(as many names as the count after one "dans"); "à l'image du X, dans le Y voisin, lui aussi
relabellisé" (another holder of the label, named in passing). The cues are data
(rules/territory_words.json, enumeration_cues); the names are read by
pipeline/extract/territories/phrases.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache

from pipeline.extract.first_letters import required_text, with_first_letters
from pipeline.extract.places import PlaceMention, places_starting_in
from pipeline.extract.structure import count_value, COUNT_WORDS, Structure
from pipeline.extract.territories.common import (ANNOUNCES_MEMBERS, article_before_a_place, ANNOUNCES_OTHER, AWARD_WORD,
                                                 COUNTED_PLACES, INSTITUTION,
                                                 PERSON_AFTER_NAME, PREFIX, WORDS, TerritoryMention,
                                                 is_place_name, make_mention, reads_as_a_place_name, sentence_bounds)
from pipeline.extract.territories.phrases import Part, enumeration_after, enumeration_before, located_names
from pipeline.extract.territories.prose import HEAD_OF_NAME
from pipeline.normalize import fold

RULE = "territory.enumeration"
TERRITORIES_WORD = re.compile(r"\bterritoires?\b|\blaureats?\b")
# "La Nouvelle-Aquitaine en compte dix.": a count whose pronoun "en" takes up the noun of the
# sentence before it (folded text)
COUNT_OF_EN = re.compile(r"\ben\s+(?:compte|comptent|accueille|accueillent|recense|recensent|totalise|totalisent)\s+"
                         r"(?:(?:desormais|aujourd'hui|deja|au\s+total)\s+)?(?:\d{1,3}|" + "|".join(COUNT_WORDS) + r")\b")
# "des sites « pilotes » ont été désignés, quatre pour la région : A, B, C et D" in a text naming
# the programme: its pilot sites are territories a count may size (folded text).
PILOT_SITES = re.compile(r"\bsites?\s+[\"«]?\s*pilotes?\b")
# "Sur les 4 entreprises … sélectionnées … dans les territoires, deux sont lot-et-garonnais : A et B":
# the whole the sentence takes a part of counts something else (companies, projects, sites): the
# names after the cue are of that, not territories (folded text).
OTHER_WHOLE = re.compile(r"\b(?:sur|parmi)\s+(?:les|ces)\s+(?:\d{1,4}\s+|(?:" + "|".join(COUNT_WORDS) + r")\s+)?"
                         + ANNOUNCES_OTHER.pattern)
# Where a match of OTHER_WHOLE may start, and how far a try from there may read: its opening word,
# article, count and a noun of words of ANNOUNCES_OTHER (three at most), each run of blanks and the
# character after them (more words than that: an over-estimate is safe).
OTHER_WHOLE_OPENING = re.compile(r"\b(?:sur|parmi)\s")
OTHER_WHOLE_READS = re.compile(r"\S*+(?:\s++\S*+){0,8}+")
PROGRAMME = re.compile(PREFIX)


class _OtherWholeBefore:
    """`OTHER_WHOLE.search(folded, start, end)` for every cue match (`end`) of a sentence (`start`),
    without reading the sentence up to each: a try of the pattern from an opening that reads no
    further than `end` answers as on the whole text (found once for each opening); only the few
    openings whose try may read past `end` are tried again up to it. Tries read the text in order,
    so those are the last openings before `end`."""

    def __init__(self, folded: str):
        self.folded = folded
        self.openings = [m.start() for m in OTHER_WHOLE_OPENING.finditer(folded)]
        self.reads = [OTHER_WHOLE_READS.match(folded, start).end() + 1 for start in self.openings]
        # the first opening at or after each whose try matches on the whole text
        self.next_match = [len(self.openings)] * (len(self.openings) + 1)
        for index in range(len(self.openings) - 1, -1, -1):
            matched = OTHER_WHOLE.match(folded, self.openings[index]) is not None
            self.next_match[index] = index if matched else self.next_match[index + 1]

    def before(self, start: int, end: int) -> bool:
        first, last = bisect_left(self.openings, start), bisect_left(self.openings, end)
        past = last  # the openings from `past` on may read past `end`
        while past > first and self.reads[past - 1] >= end:
            past -= 1
        return self.next_match[first] < past or any(OTHER_WHOLE.match(self.folded, self.openings[index], end)
                                                    for index in range(past, last))


# A name's apposition, maybe after its bracket: a place's common noun, in lower case, then the towns
# it holds ("A, le bassin de T1, T2 et T3", "A (D), la vallée de T1 et T2"): no territories of their own
APPOSITION = re.compile(r"(?:\s*\([^()\n]{1,60}\))?,\s*(?:le|la|les|l['’])\s*[a-zà-ÿ]+\s+(?:de|d['’]|du|des)\b")
CLAUSE_JOINT = re.compile(r",\s+|\)\s+et\s+|;\s+")
# "l'Agence nationale de la cohésion des territoires salue … avec nos voisins : A, B et C", "la
# Banque des Territoires": the word in an institution's name counts no territories (folded text).
INSTITUTION_OF_TERRITORIES = re.compile(r"\b(?:cohesion|banque|amenagement)\s+des\s+$")
# After a bracket of names, the verb of the award they are the subject of: "(A, B, C) ont réussi à
# décrocher ce label", "(A et B) ont été labellisés".
AWARD_AFTER = re.compile(r"\s*(?:ont|sont|avaient|etaient)\s+(?:[\w'-]+\s+){0,4}?(?:decroche|obtenu|labellise|labelise"
                         r"|retenu|selectionne|reconduit)\w*")


@lru_cache(maxsize=1)
def _cues() -> list[tuple[re.Pattern, str, dict]]:
    """(pattern, the text every match of it contains, cue): a cue whose words a document lacks is
    not scanned over it (most documents have no "parmi", "a savoir", "en compte"...)."""
    cues = []
    for cue in WORDS["enumeration_cues"]:
        pattern = re.compile(cue["cue"])
        cues.append((with_first_letters(pattern), required_text(pattern), cue))
    return cues


# "le « Territoire d'industrie Rumilly-Usses et Rhône »": the programme's words, then a name.
LABEL_THEN_NAME = re.compile(r"(?i:" + PREFIX + r")\s+(?:(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*)?[A-ZÀ-Ý]")


def _set_beside(text: str, folded: str, part: Part) -> bool:
    """A territory set beside another ('aux côtés du Grand Annecy'): a place's article before
    it, two words at least, not an institution ('aux côtés de la Région Auvergne-Rhône-Alpes')."""
    name = part.name or text[part.start:part.end]
    return (bool(re.search(r"(?:\bdu|\bde\s+la|\bde\s+l'|\bdes)\s*$", folded[max(0, part.start - 8):part.start]))
            and len(name.split()) >= 2 and not part.epci and not INSTITUTION.search(fold(name)))


# "Plusieurs territoires s'étendent sur deux régions, à l'image de A, entre la Normandie et les
# Hauts-de-France, ou du B, à cheval sur …": each example closed by a comma and the places it lies
# in, then "ou" or "et" before the next (folded text, from a name's start)
EXAMPLE_THEN_PLACES = re.compile(r"(?P<name>[^,.;:()\n]{2,80}?)\s*,\s*(?P<where>(?:entre|a\s+cheval\s+sur|dans|sur|en)\s"
                                 r"[^,.;:()\n]{2,80}?)\s*(?=[,.;!]|$)")
EXAMPLE_JOINT = re.compile(r",\s*(?:ou|et)\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d'|la\s+|le\s+|l')?")
EXAMPLES_END = re.compile(r"\s*(?:[.;!]|$)")


def _placed_examples(text: str, folded: str, start: int, end: int, places: list[PlaceMention],
                     min_names: int) -> list[TerritoryMention]:
    """The names of "à l'image de A, entre R1 et R2, ou de B, dans D1 et D2." from `start`: each
    capitalised, each followed by a complement holding a région or a département (the
    départements are the name's), the last complement ending the sentence; none unless
    `min_names` are so written."""
    found, pos = [], start
    while example := EXAMPLE_THEN_PLACES.match(folded, pos, end):
        where = places_starting_in(places, example.start("where"), example.end("where"))
        head = HEAD_OF_NAME.match(folded, example.start("name"))
        if not (text[example.start("name")].isupper() or head and text[head.end()].isupper()) or not where:
            return []  # "du bassin de Castres-Mazamet, dans le Tarn": a place's head in lower case
        codes = {p.code for p in where if p.kind == "departement"}
        mention = make_mention(text, example.start("name"), example.end("name"), RULE, codes, end)
        if mention is None or is_place_name(mention.name) or INSTITUTION.search(fold(mention.name)):
            return []
        found.append(mention)
        joint = EXAMPLE_JOINT.match(folded, example.end(), end)
        if joint is None:
            return found if len(found) >= min_names and EXAMPLES_END.match(folded, example.end(), end) else []
        pos = joint.end()
    return []


def _placed(text: str, part: Part, places: list[PlaceMention]) -> bool:
    """A name that reads as a place's ('les représentants de Bourges-Vierzon et du Grand Chalon',
    'je pense à Caen Industrie', not 'd'Airbus'), and not an intercommunality written with its
    legal form (its members')."""
    return not part.epci and reads_as_a_place_name(text, part.start, part.end, places, part.name)


def _departement_among_names(text: str, parts: list[Part], index: int) -> bool:
    """A département's name with its article, after a comma, between two names of the enumeration
    that are no places' names ("figurent Nord Lozère, les Pyrénées-Orientales, Grand Auch Astarac
    …"): an item of its own, a territory named after its département; not the place a name lies
    in ("A, dans les Vosges", "A, à cheval sur la Seine-Maritime et la Somme, ou B", a last item)."""
    if not 0 < index < len(parts) - 1:
        return False
    before, after = parts[index - 1], parts[index + 1]
    return not any(is_place_name(neighbour.name or text[neighbour.start:neighbour.end]) for neighbour in (before, after)) \
        and bool(ITEM_AFTER_A_COMMA.search(text, before.end, parts[index].start))


# The comma and article right before an item ("…, les Pyrénées-Orientales"): no preposition, no "et".
ITEM_AFTER_A_COMMA = re.compile(r",\s*(?:la|le|les|l['’])\s*$", re.IGNORECASE)


# One town's name, folded: a word, or words joined by a town name's connectors ("Nogent-sur-Seine",
# "Saint-Jean-de-Luz", "Châlons-en-Champagne"); not two towns joined ("Bourges-Vierzon").
ONE_TOWN = re.compile(r"(?:saint|sainte)?-?[a-z']+(?:-(?:sur|sous|en|les|le|la|de|du|des|aux|d'[a-z]+|l'[a-z]+)(?:-[a-z']+)*)?")
PLACE_ARTICLE_BEFORE = re.compile(r"(?:\bdu|\bau|\baux|\bla|\bl'|\ble|\bles|\bdes)\s*[\"«]?\s*$")


def bare_town(text: str, part: Part) -> bool:
    """A town's name without an article ("des représentants de Bar-sur-Aube, Romilly-sur-Seine"):
    towns take none, the areas territories are named after do ("de l'Est du Loiret", "du Grand Chalon")."""
    name = fold(part.name or text[part.start:part.end])
    return (ONE_TOWN.fullmatch(name) is not None
            and not PLACE_ARTICLE_BEFORE.search(fold(text[max(0, part.start - 10):part.start])))


def _counts_other(between: str) -> bool:
    """Whether the noun a count sizes is something else, before any word of territories: "les
    quatre axes portés par le Territoire d'industrie (Attirer, Recruter, …)", "les deux principaux
    partenaires (A et B)"; the places a territory spans, "sur trois départements (A, B et C) et
    deux régions (X et Y)", whatever short name a région goes by."""
    other = ANNOUNCES_OTHER.search(between) or COUNTED_PLACES.search(between)
    territories = TERRITORIES_WORD.search(between)
    return other is not None and (territories is None or other.start() < territories.start())


# "…, parmi lesquels …": a relative pronoun whose antecedent stands just before, in its sentence
RELATIVE_CUE = re.compile(r"parmi\s+(?:lesquels|lesquelles)\b")
# "… réunit plusieurs intercommunalités. Parmi elles figurent A et B": a personal pronoun opening
# its sentence, whose antecedent is the last noun of the sentence before
PRONOUN_CUE = re.compile(r"parmi\s+(?:eux|elles|ceux-ci|celles-ci)\b")


# How many words a try of the patterns of _antecedent_is_other reads may span: the most blanks in
# one of their words (rules/territory_words.json), and a margin; tries from farther before a
# position read nothing at or after it.
_READ_WORDS = 4 + max(len(re.findall(r"\\s|\s", word)) for key in ("announces_members", "announces_something_else")
                      for word in WORDS[key])


class _Antecedents:
    """The last match of each pattern of `_antecedent_is_other` in a sentence up to each of its
    "parmi lesquels" (`end`), without reading the sentence up to each: its matches in the whole
    sentence, found once, are those of a scan up to `end` while they start more than _READ_WORDS
    words before it; the scan goes on from there up to `end`."""

    def __init__(self, sentence: str):
        self.sentence = sentence
        # (a plural: "lesquels" takes up no "Territoire de Belfort")
        self.patterns = {"other": (ANNOUNCES_OTHER, None), "members": (ANNOUNCES_MEMBERS, None),
                         "territories": (TERRITORIES_WORD, ("territoires", "laureats"))}
        self.found = {key: list(pattern.finditer(sentence)) for key, (pattern, _) in self.patterns.items()}
        self.starts = {key: [match.start() for match in matches] for key, matches in self.found.items()}
        self.last_kept = {}  # the start of the last match kept among the first i, for each i
        for key, matches in self.found.items():
            last, kept = None, [None]
            for match in matches:
                last = match.start() if self._kept(key, match) else last
                kept.append(last)
            self.last_kept[key] = kept

    def _kept(self, key: str, match: re.Match) -> bool:
        words = self.patterns[key][1]
        return words is None or match.group(0) in words

    def last(self, key: str, end: int) -> int | None:
        cutoff = end
        for _ in range(_READ_WORDS):
            while cutoff > 0 and self.sentence[cutoff - 1].isspace():
                cutoff -= 1
            while cutoff > 0 and not self.sentence[cutoff - 1].isspace():
                cutoff -= 1
        count = bisect_left(self.starts[key], cutoff)
        resume = max(cutoff, self.found[key][count - 1].end()) if count else cutoff
        tail = [match.start() for match in self.patterns[key][0].finditer(self.sentence, resume, end)
                if self._kept(key, match)]
        return tail[-1] if tail else self.last_kept[key][count]



def _antecedent_is_other(antecedents: _Antecedents, end: int) -> bool:
    """Whether the noun a relative "parmi lesquels" (at `end` of its sentence) takes up is something
    else, the last noun before it being no word of territories: "Une quinzaine de projets y
    figurent, parmi lesquels le « X » sur le site de Y" names projects; "Dix intercommunalités y
    participent, parmi lesquelles la communauté de communes de X" names members. (The last of
    the members' nouns if any, else of the others'.)"""
    other = antecedents.last("members", end)
    other = antecedents.last("other", end) if other is None else other
    territories = antecedents.last("territories", end)
    return other is not None and (territories is None or other > territories)


def _up_to(pattern: re.Pattern, string: str, first: re.Match | None, end: int) -> bool:
    """Whether `pattern` matches in `string` up to `end` after the start of `first`, its first match
    up to a later end (found once for a sentence). For patterns that read nothing after their
    matches (no lookahead, "$" or "\\b" at their end), cutting the text only takes matches away:
    none before `first`, `first` itself if it ends by `end`; else one starting in it (bounded)."""
    if first is None:
        return False
    return first.end() <= end or pattern.search(string, first.start(), end) is not None


class _Joints:
    """A sentence's CLAUSE_JOINT matches up to its end, and their ends."""

    def __init__(self, matches: list[re.Match]):
        self.matches, self.ends = matches, [match.end() for match in matches]


def _last_joint_end(text: str, joints: _Joints, start: int, end: int) -> int:
    """max(start, the ends of CLAUSE_JOINT.finditer(text, start, end)) from the sentence's joints:
    those that end by `end`, then the one `end` cuts, cut there (no joint starts inside another)."""
    count = bisect_right(joints.ends, end)
    last = joints.ends[count - 1] if count else start
    if count < len(joints.ends) and joints.matches[count].start() < end \
            and (cut := CLAUSE_JOINT.match(text, joints.matches[count].start(), end)):
        last = cut.end()
    return last


def _previous_sentence(text: str, sentence_start: int) -> tuple[int, int]:
    end = sentence_start  # len(text[:sentence_start].rstrip()), not copying the text up to it
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return sentence_bounds(text, max(0, end - 1))[0], end


def _count_of_territories(text: str, folded: str, sentence_start: int) -> bool:
    """Whether the sentence before counts territories by the pronoun "en" whose noun the one
    before it names ("… 124 « Territoires d'industrie » … La Nouvelle-Aquitaine en compte dix.
    Parmi eux, …"): "eux" takes up territories there too."""
    before = _previous_sentence(text, sentence_start)
    if not COUNT_OF_EN.search(folded, *before):
        return False
    return bool(TERRITORIES_WORD.search(folded[slice(*_previous_sentence(text, before[0]))]))


def enumerated_names(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    folded = fold(text)
    found = []
    other_whole = _OtherWholeBefore(folded)

    # What a sentence (or the text before it) holds is searched once for all the cue matches in it
    # (a line of 2,000 names searched it again at each: quadratic).
    @cache
    def holds(pattern: re.Pattern, start: int, end: int) -> bool:
        return pattern.search(folded[start:end]) is not None

    @cache
    def before_bounds(sentence_start: int, reach: int | None) -> tuple[int, int]:
        if reach is None:
            return _previous_sentence(text, sentence_start)
        return max(0, sentence_start - reach), sentence_start  # "Qui sont les lauréats ? D'abord A. Ensuite B"

    count_of_territories = cache(lambda sentence_start: _count_of_territories(text, folded, sentence_start))
    sentence_text = cache(lambda start, end: folded[start:end])
    # the first match in a sentence, up to its end, of the words that open it ("je pense …") or
    # of the label before a name: whether one stands before a cue match is read from it (_up_to)
    opening = cache(lambda opened_by, start, end: re.compile(opened_by).search(sentence_text(start, end)))
    label_then_name = cache(lambda start, end: LABEL_THEN_NAME.search(text, start, end))
    antecedents = cache(lambda start, end: _Antecedents(sentence_text(start, end)))
    clause_joints = cache(lambda start, end: _Joints(list(CLAUSE_JOINT.finditer(text, start, end))))
    for pattern, required, cue in _cues():
        if required not in folded:
            continue
        for match in pattern.finditer(folded):
            sentence_start, sentence_end = sentence_bounds(text, match.start())
            sentence = (sentence_start, sentence_end)
            before = before_bounds(sentence_start, cue.get("reach"))
            needs = cue["needs"]
            if other_whole.before(sentence_start, match.start()):
                continue
            if INSTITUTION_OF_TERRITORIES.search(folded, max(0, match.start() - 20), match.start()):
                continue
            if RELATIVE_CUE.match(folded, match.start()) \
                    and _antecedent_is_other(antecedents(*sentence), match.start() - sentence_start):
                continue
            if PRONOUN_CUE.match(folded, match.start()) and before[1] > before[0] \
                    and _antecedent_is_other(antecedents(*before), before[1] - before[0]):
                continue
            if needs == "territories" and not (holds(TERRITORIES_WORD, *sentence) or holds(TERRITORIES_WORD, *before)
                                               or count_of_territories(sentence_start)):
                continue
            if "opened_by" in cue and not _up_to(re.compile(cue["opened_by"]), sentence_text(*sentence),
                                                 opening(cue["opened_by"], *sentence), match.start() - sentence_start):
                continue  # ", puis à B" goes on from "Je pense d'abord à A" in its sentence
            if needs == "award" and not holds(AWARD_WORD, *sentence):
                continue
            if needs == "count_territories" and not (holds(TERRITORIES_WORD, *sentence) or holds(TERRITORIES_WORD, *before)
                                                     or holds(PILOT_SITES, *sentence) and holds(PROGRAMME, 0, len(folded))):
                continue
            if needs in ("count_programme", "programme") and not (holds(PROGRAMME, *sentence) or holds(PROGRAMME, *before)):
                continue  # "2 territoires …, ceux de A et de B" said where the programme is named
            if needs == "programme_text" and not holds(PROGRAMME, 0, len(folded)):
                continue  # "le label a été renouvelé pour X" in a text that never names the programme
            if needs == "label_before" and not _up_to(LABEL_THEN_NAME, text, label_then_name(*sentence), match.start()):
                continue
            if "anaphor_before" in cue and re.search(cue["anaphor_before"], folded[sentence_start:match.start()]) \
                    and LABEL_THEN_NAME.search(text, before[0], match.start()):
                continue  # "le Territoire d'industrie A … Sur la carte, il apparaît sous la dénomination « B »": A's other name
            if cue.get("inside") == "placed_examples":  # "…, à l'image de A, entre R1 et R2, ou de B, …"
                found.extend(_placed_examples(text, folded, match.end(), sentence_end, places, cue["min_names"]))
                continue
            limit = sentence_end
            if cue.get("inside") == "brackets":
                closing = text.find(")", match.end(), sentence_end)
                between = match.groupdict().get("between") or ""
                if closing < 0 or ANNOUNCES_MEMBERS.search(between) or _counts_other(between):
                    continue
                if needs == "award_after" and not AWARD_AFTER.match(folded, closing + 1, sentence_end):
                    continue
                limit = closing
            if cue.get("inside") == "located":  # "… : la chimie dans le Grand Dole, l'horlogerie en …"
                parts = located_names(text, match.end(), limit)
            else:
                parts = enumeration_after(text, match.end(), limit, after_to=bool(cue.get("after_to")))
            if cue.get("beside"):
                parts = [part for part in parts if _set_beside(text, folded, part)]
            if cue.get("placed") and not all(_placed(text, part, places) for part in parts):
                continue
            if cue.get("placed_most") and 2 * sum(_placed(text, part, places) for part in parts) <= len(parts):
                continue  # "Dans le Cher, il s'agit de Bourges, Vierzon, Berry-Sologne et Saint-Amand-Montrond"
            if cue.get("no_bare_town") and any(bare_town(text, part) for part in parts):
                continue
            if cue.get("no_place_first") and parts and is_place_name(parts[0].name or text[parts[0].start:parts[0].end]):
                continue  # "deux territoires : en Haute-Corse, A ; en Corse-du-Sud, B": a place says where
            if len(parts) > cue.get("max_names", len(parts)):
                if not APPOSITION.match(text, parts[cue["max_names"] - 1].end):
                    continue  # "Troisième lauréat, le territoire A, B et C": one name holding commas
                parts = parts[:cue["max_names"]]  # "Un seul territoire : A, le bassin de T1, T2 et T3": A
            if len(parts) < cue.get("min_names", 1):
                continue
            then = re.compile(cue["then"]).match(folded, parts[-1].end if parts else match.end()) if "then" in cue else None
            if "then" in cue and not then:
                continue
            if needs.startswith("count"):
                word = match.group("count")
                if len(parts) != (count_value(word, 1)):
                    continue
            if all(any(p.start <= part.start and part.end <= p.end for p in places) for part in parts):
                continue  # "les territoires de Bretagne et de Normandie": places
            codes = set()
            if cue.get("inside") == "brackets":  # "La Guyane en compte deux (Kourou et Cayenne)"
                clause_start = _last_joint_end(text, clause_joints(*sentence), sentence_start, match.start())
                codes = {p.code for p in places if p.kind == "departement" and clause_start <= p.start < match.end()}
            elif match.groupdict().get("place"):  # "Dans le Bas-Rhin, ce sont A et B"
                codes = {p.code for p in places if p.kind == "departement"
                         and match.start("place") <= p.start < match.end("place")}
            for index, part in enumerate(parts):
                if PERSON_AFTER_NAME.match(folded, part.end):
                    continue  # "Parmi eux, Gérard Trémège, Président de la CA …": a person
                if article_before_a_place(text, part.start, part.end, part.name) \
                        and not _departement_among_names(text, parts, index):
                    continue  # "…, dans les Pyrénées-Atlantiques et les Hautes-Pyrénées.": a place
                mention = make_mention(text, part.start, part.end, RULE, codes if len(codes) == 1 else (),
                                       sentence_end, name=part.name)
                if mention:
                    found.append(mention)
            subject = then.span("subject") if then and "subject" in then.re.groupindex else (-1, -1)
            if subject[0] >= 0 and text[subject[0]].isupper() and not PERSON_AFTER_NAME.match(folded, subject[1]):
                # "Après A et B, retenus en 2018, C a rejoint le programme": C joins after them
                mention = make_mention(text, *subject, RULE, (), sentence_end)
                if mention:
                    found.append(mention)
    return found


# "Grand Châtellerault, Grand Poitiers et le Niortais : trois territoires de Nouvelle-Aquitaine
# obtiennent le label": names, a colon, then a count of territories and a word of the award.
NAMES_THEN_COUNT = re.compile(r"\s:\s+(?P<count>\d{1,2}|" + "|".join(COUNT_WORDS) + r")\s+(?:nouveaux\s+)?territoires\b"
                              r"[^.;:\n]{0,80}?\b(?:labellis|labelis|retenu|laureat|obtien|decroch|selectionn|reconduit|label)")


def names_before_a_count(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    """territory.enumeration: as many names as the count after the colon, before it on its line."""
    folded = fold(text)
    found = []
    for match in NAMES_THEN_COUNT.finditer(folded):
        line_start = text.rfind("\n", 0, match.start()) + 1
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        parts = enumeration_before(text, match.start(), max(line_start, sentence_start))
        word = match.group("count")
        if len(parts) < 2 or len(parts) != (count_value(word, 0)):
            continue
        found.extend(m for part in parts
                     if (m := make_mention(text, part.start, part.end, RULE, (), sentence_end, name=part.name)))
    return found


# "Le Calaisis, l'Audomarois et le Dunkerquois parmi les territoires d'industrie": a title line,
# names coordinated then "parmi les … territoires d'industrie / lauréats" ending it.
NAMES_THEN_AMONG = re.compile(r"\s+parmi\s+les\s+(?:\d{1,3}\s+)?(?:nouveaux\s+|premiers\s+)?"
                              r"(?:territoires\s+d'\s*industrie|laureats)\b[^.;:!?\n]{0,40}$", re.MULTILINE)
TITLE_OPENING = re.compile(r"\s*(?:(?:le|la|les)\s+|l')?")  # only the first name's article before it
# where a NAMES_THEN_AMONG match may end its blanks: searched first, so that a long run of blanks
# is not scanned again from each of its positions (blancs.txt)
AMONG_WORD = re.compile(r"(?<=\s)parmi\s")


def names_among_territories_in_a_title(text: str, places: list[PlaceMention]) -> list[TerritoryMention]:
    """territory.enumeration: the names a title line coordinates before "parmi les territoires
    d'industrie", two at least, the whole line, each read as a place's (not a firm's or a person's)."""
    folded = fold(text)
    found = []
    for match in _names_then_among(folded):
        line_start = text.rfind("\n", 0, match.start()) + 1
        parts = enumeration_before(text, match.start(), line_start)
        if len(parts) < 2 or not TITLE_OPENING.fullmatch(folded, line_start, parts[0].start) \
                or not all(_placed(text, part, places) for part in parts):
            continue
        found.extend(m for part in parts
                     if (m := make_mention(text, part.start, part.end, RULE, (), match.end(), name=part.name)))
    return found


def _names_then_among(folded: str) -> list[re.Match]:
    """NAMES_THEN_AMONG.finditer(folded), the same matches, tried only at the blanks before each
    "parmi": a match from inside a run of blanks exists only if one from the run's start does."""
    matches = []
    searched_from = 0
    for word in AMONG_WORD.finditer(folded):
        if word.start() < searched_from:
            continue
        start = word.start()
        while start > searched_from and folded[start - 1].isspace():
            start -= 1
        if match := NAMES_THEN_AMONG.match(folded, start):
            matches.append(match)
            searched_from = match.end()
    return matches
