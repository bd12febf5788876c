"""Programme quantities stated in a communiqué: "149 Territoires d'industrie", "100 millions d'euros".

A figure is a number together with what it counts. The steps, one function each:

1. `_masked_spans`   numbers that are never figures: dates, times, phone numbers, postal codes,
                     street numbers, URLs and e-mail addresses, page chrome (figure_context.py).
2. `_number_tokens`  digits in French formatting ("2 400", "44.000", "1,5"), numbers in words read
                     by text2num ("vingt et un", "un seul") and approximate nouns ("une cinquantaine").
3. `_read_quantity`  what follows a number: a scale ("millions", "M€"), then the counted noun, with
                     one adjective allowed before it ("2 autres territoires") and quotes around it
                     ('124 « Territoires d'industrie »'); the noun gives the unit.
4. a number without a noun is kept only in a frame that gives it one, else dropped: years, list
   numbers and codes never get a unit.
5. figure_context.py leaves out what is not about the programme (statistics of places, company
   revenue, private investments, bounds, other calls); figure_scope.py gives the area counted.

Sentences are spaCy's, cut again where a headline or dateline ends and around list items.

Rule ids (the `rule` column):
- figure.number_unit        "149 territoires", "100 millions d'euros", "87%", "une cinquantaine de projets"
- figure.range              "environ 1200 à 1300 projets", "entre 1 200 et 1 300 projets"
- figure.change             "a porté la liste de 124 à 136 territoires": the value before a change
                            (the one after it is a figure.number_unit), not a range; so is the
                            first of "124 – désormais 136 – territoires", "124 (aujourd'hui 146)"
- figure.ratio              "le nombre de territoires [...] à 13 sur 15", "29 territoires sur 144
                            ont finalisé": both numbers (a share only over ten or a hundred)
- figure.share              "neuf intercommunalités sur dix" (90), "près d'un quart des …" (25): percent;
                            not an amount over a period ("deux millions d'euros sur cinq ans")
- figure.partitive          "58 d'entre eux": unit of the nearest counted noun before it; "trois
                            des 124 territoires": unit of the figure after it; "trois de ces
                            territoires": unit of the noun after "ces"
- figure.apposed_count      "les territoires, au nombre de 124", "Territoires d'industrie (141 dans
                            toute la France)", "portant à 183 le nombre de territoires": the noun
                            the count is set beside
- figure.pronoun_count      "La Gironde en compte trois", "ils sont aujourd'hui 144": what the
                            pronoun stands for
- figure.part               "183 territoires, dont 29 entièrement nouveaux": unit of the figure before
- figure.comparison         "630 intercommunalités, contre 551 il y a cinq ans": same
- figure.whole              "trois territoires … sur les 183 au niveau national", "Parmi ces 124",
                            "l'un des 148 que compte le programme": the unit of the part stated
                            before it
- figure.elided_unit_place  "183 lauréats, dont 18 dans la région Hauts-de-France", "trois en Guyane,
                            un en Guadeloupe, deux à La Réunion", "La France en
                            compte 183, la Bourgogne-Franche-Comté 10": unit of the enumeration it
                            continues
- figure.elided_unit_verb   "58 d'entre eux [...] et plus de 98 sont attendus", "124 retenus": same
- figure.one_of_the_awarded "Ce territoire, l'un des 183 labellisés en France": territories
- figure.elided_currency    "plus de 500 millions viendront du PIA" in a sentence about a budget
- figure.elided_unit_item   "- A : 4 projets ; - B : 3 ;": a number alone
                            after a list item's label counts what its sibling items count
- figure.currency_column    "Coût (€)" heading a PDF table's last column: the numbers alone
                            ending the rows below it are amounts in euros

The vocabulary (nouns, scales, approximation words, frames) is data: rules/figure_units.json.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

from text_to_num import text2num

from pipeline.extract.figure_context import masked_spans, not_programme, paragraphs
from pipeline.extract.figure_scope import Area, DocumentScope
from pipeline.extract.first_letters import with_first_letters
from pipeline.extract.places import PlaceMention
from pipeline.extract.structure import CONTENTS_ENTRY, CONTENTS_HEADING, Item, ListBlock, parse
from pipeline.normalize import fold

RULES_PATH = Path(__file__).parent / "rules" / "figure_units.json"

# Units a bare number never continues: French repeats "%" and "€" on every number.
NOT_INHERITED = {"pourcent", "euro"}
GAP = r"[\s*_\"]*"  # spaces, markdown emphasis and quotes between words ('124 « Territoires »')
MONTHS = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
MASKS = [with_first_letters(re.compile(p)) for p in [
    rf"\d{{1,2}}(?:er)?\s+(?:{MONTHS})(?:\s+\d{{4}})?",  # 14 novembre 2023, 1er décembre
    rf"\b(?:{MONTHS})\s+\d{{4}}",  # novembre 2023
    r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}",  # 23/01/2024, 2024-01-23
    r"\d{1,2}/\d{4}",  # 11/2023
    r"\d{1,2}\s*h\s*\d{0,2}(?!\w)|\d{1,2}:\d{2}",  # 14h30, 9 h, 14:30
    r"(?:\+33\s*(?:\(0\)\s*)?|(?<!\d)0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)",  # phone numbers
    # (possessive blanks: a number before 10,000 blanks is read once, not once per split of them)
    r"\d{1,4}(?:\s*+(?:bis|ter))?(?:\s*+,)?\s++(?:rue|avenue|av\.|boulevard|bd|place|allee|chemin|route|quai"
    r"|impasse|cours|square|esplanade)\b",  # 2, rue Paul Doumer
    r"\b(?:cs|bp|tsa|cedex)\s*\d+",  # CS 20656
    r"\bpour\s+cent\b",  # the "cent" of a percentage is not a hundred
    r"\bn\s*°\s*\d+|\bnumero\s+\d+",  # "Dépêche n° 702455": an identifier, not a count
]]
# URLs, e-mails. Tried at every letter, this pattern costs more than all the masks above; every
# match holds one of WEB_ADDRESS_MARKS, so it runs only on texts holding one.
WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)+/\S*")
WEB_ADDRESS_MARKS = ("/", "@", "www.")
# The same, its e-mail and path alternatives started only where their run of characters starts:
# tried inside a run, they read it to its end again (10,000 "a-" took 6 s). Past a failed start,
# a later one of the same run fails too (a path after "word." too); only the position right after
# a match was never tried.
WEB_ADDRESS_AT_RUN_START = re.compile(r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
                                      r"|(?<![\w-])(?<![\w-]\.)[\w-]+(?:\.[\w-]+)+/\S*")


def web_address_spans(folded: str) -> list[tuple[int, int]]:
    """The spans WEB_ADDRESS.finditer gives, in linear time on long runs of word characters."""
    spans, position = [], 0
    while match := (position and WEB_ADDRESS.match(folded, position)) \
            or WEB_ADDRESS_AT_RUN_START.search(folded, position + bool(position)):
        spans.append(match.span())
        position = match.end()
    return spans


POSTAL_CODE = with_first_letters(re.compile(r"(?<!\d)\d{5}(?=[ \t]+[A-ZÀ-Ý])"))  # on the original text: "02010 LAON"
DIGITS = with_first_letters(re.compile(r"(?<![\w.,/°@#-])(?P<int>\d{1,3}(?P<sep>[ .])\d{3}(?:(?P=sep)\d{3})*|\d+)"
                                       r"(?:,(?P<dec>\d+))?(?![\d]|[.,]\d)"))
# "1.3 milliard d'euros": a decimal point, as the web press writes it, before a scale word
DOT_DECIMAL = with_first_letters(re.compile(r"(?<![\w.,/°@#-])(?P<int>\d{1,3})\.(?P<dec>\d{1,2})"
                                            r"(?=\s+(?:milliards?|millions?)(?!\w))"))
# "d'1, 36 milliard d'euros": a decimal comma followed by a space, before a scale word
SPACED_DECIMAL = with_first_letters(re.compile(r"(?<![\w.,/°@#-])(?P<int>\d{1,3}), (?P<dec>\d{1,2})"
                                               r"(?=\s+(?:milliards?|millions?)(?!\w))"))
# "1 milliard 300 millions d'euros": one amount, read as 1300 millions; a number written right
# after "milliard" that is no such tail ("1 milliard 300.000 millions") is a misprint, no amount
BILLIONS_AND_MILLIONS = with_first_letters(re.compile(r"(?<![\w.,/°@#-])(?P<billions>\d{1,3})\s+milliards?\s+"
                                                      r"(?P<millions>\d{1,3})(?=\s+millions?(?!\w))"))
# "ambitions", "orientations", "missions": a word so ended is a noun, never the adjective between
# a number and its counted noun ("cinq ambitions communes" counts ambitions, not communes)
NOUN_ENDING = re.compile(r"[st]ions?$")
ANAPHORA_AT_MOST = 3  # "les deux territoires" names places; "les 124 territoires" counts
BARE_TERRITORIES = re.compile(r"(?<![\w'])(?:territoires?|laureats?)$")  # "les deux (autres) lauréats" too
DEMONSTRATIVE = re.compile(r"(?<![\w'])ces" + GAP + r"$")
LOCAL_AUTHORITY_UNITS = {"epci", "commune"}
AFTER_BILLIONS = re.compile(r"(?<![\w'])milliards?\s+$")
YEAR = re.compile(r"(?:19|20)\d\d")
CONNECTOR = re.compile(r"\s+d(?:e\s+|'\s*)")
TEXT_GOES_ON = re.compile(r"\s*+\S")  # a word after this point: the text was not cut here
RANGE_OPENER = re.compile(r"(?:(?<![\w'])|(?<=qu'))entre" + GAP + "$")  # "estime qu'entre 1,3 et 1,4 …"
PARTITIVE = re.compile(GAP + r"d'\s*entre\s+(?P<pronoun>eux|elles)\b")
# "Parmi eux, 29 n'avaient jamais été retenus": the same part, its pronoun before the number
AMONG_THEM = re.compile(r"(?<![\w'])parmi\s+(?P<pronoun>eux|elles|ceux-ci|celles-ci)\s*,?[\s*_]*$")
# after such a number, its verb (a plural's ends in "-nt": "29 entrent", "quatre ont signé", "29
# n'avaient"), not a noun it counts of its own ("Parmi eux, trois usines verrières")
THEIR_VERB_AFTER = re.compile(r"\s+(?:n'|ne\b|y\b|en\b|se\b|s'|[a-z]*nt\b)")
PART_OF_A_FIGURE = re.compile(GAP + r"(?:des|d'\s*entre\s+les)" + GAP)  # "trois des 124 territoires"
PART_OF_THESE = re.compile(GAP + r"de\s+ces" + GAP)  # "trois de ces territoires"
# "dont 18 dans la région X", "huit intercommunalités des Pyrénées-Atlantiques et trois des
# Hautes-Pyrénées": a place right after a bare number
IN_PLACE = re.compile(GAP + r"(?:(?:dans|en|a|de|des|du)\s+|d'\s*)(?:la\s+region\s+|le\s+departement\s+(?:de\s+la\s+|de\s+l'\s*"
                      r"|du\s+|des\s+|de\s+|d'\s*)?|les\s+|le\s+|la\s+|l'\s*)?")
RATIO = re.compile(r"[\s*_]+sur[\s*_]+")
ONE_IN_PLACE = with_first_letters(re.compile(r"(?<![\w'-])une?(?=\s+(?:en|dans|a)\s)"))
SHARE_WHOLES = {2, 3, 4, 5, 6, 7, 8, 9, 10, 100}  # "neuf sur dix", "trois sur quatre": shares
# the whole of "un territoire sur quatre", whose "un" no number token reads (an article as often);
# of the programme's territories and intercommunalities only ("un emploi sur cinq" is a place's
# statistic), and the whole no noun's count ("un territoire d'industrie sur trois départements")
ONE_IN_WHOLES = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10}
ONE_IN_UNITS = ("territoire", "epci")
# what may follow the total of "29 territoires sur 144": punctuation or a verb, never a noun
OUT_OF_END = re.compile(r"[\s*_]*(?:[,.;:!?)]|$|(?:ont|sont|a|est|qui|que|au|en|dans|et|ayant)\b)")
BLANK_LINE = re.compile(r"\n[ \t]*\n")
# a verb of change, then "de" right before the first number: "porté de 124 à 136", "passant de",
# "les Ardennes passent de deux à trois territoires"
CHANGE_FROM = re.compile(r"(?<![\w'])(?:(?:a|ont|est|sont|ete|sera|seront)\s+portee?s?|portant|porter"
                         r"|pass(?:e|ee|es|ees|ent|ant|er)|augment(?:e|ee|es|ees|ent|ant|er)|evolu(?:e|ent|ant|er)"
                         r"|grimp(?:e|ent|ant|er)|progress(?:e|ent|ant|er)|relevee?s?)"
                         r"(?:\s+[^\s.;:!?]+){0,4}?\s+de\s+$"
                         # "le doublement de l'engagement de la Banque des Territoires … (de 500 millions à 1 milliard d'euros)"
                         r"|(?<![\w'])(?:doublement|triplement)(?:\s+[^\s.;:!?()]+){0,12}?\s+\(\s*de\s+$")
CHANGE_REACH = 120  # characters before the first number
PLURAL_NOUN = re.compile(r"[a-z'-]+[sx](?![a-z])|epci")  # "territoires d'industrie", "EPCI"
REPEAT_IN_BRACKETS = re.compile(r"\s*\(\s*(?P<number>\d{1,3}|[a-z][a-z -]*[a-z])\s*\)")
# what may follow "dont un nouveau" for its "un" to be a number, not an article ("dont un nouveau site")
STATUS_PHRASE_END = r"[ \t*_]*(?:[,.;:!?)\n]|$|et\b)"
STATUS_END = re.compile(STATUS_PHRASE_END)
# between a part (or the figure it is a part of) and the next part: ", ", " et ", a status word before
# them ("dont 6 renouvelés et 4 nouveaux", "quinze lauréats, dix renouvelés et cinq nouveaux")
NEXT_PART_GAP = r"[\s*_]*(?:,[\s*_]*|\s+et\s+)"
# (after a comma, "sur" alone: "deux territoires d'industrie, sur 183 au niveau national")
WHOLE_OPENER = re.compile(r"(?<![\w'])(?:(?:sur|parmi)\s+(?:les|ces)|l'\s*une?\s+des)[\s*_]+$|,[\s*_]*sur[\s*_]+$")


@dataclass(frozen=True)
class Vocabulary:
    units: dict[str, str]  # surface key -> unit
    unit_noun: re.Pattern  # a counted noun, one adjective allowed before it
    unit_noun_alone: re.Pattern  # a counted noun right after the number
    unit_noun_quoted: re.Pattern  # "13 premiers « Territoires d'industrie »"
    counted_nouns: re.Pattern  # any counted noun (no "%" or currency), searched backwards
    count_of: re.Pattern  # "nombre de territoires"
    scale_words: dict[str, float]
    scale_word: re.Pattern
    scale_abbreviations: dict[str, float]
    scale_abbreviation: re.Pattern  # only before a currency: "M€", "Md d'euros"
    approximation: re.Pattern  # matches at the end of the text before a number
    approximate_nouns: dict[str, float]
    approximate_noun: re.Pattern
    noun_of_an_approximation: re.Pattern  # after it: "une centaine de chefs d'entreprise"
    number_words: re.Pattern
    english_number_words: re.Pattern  # a page in English: "Twelve territories", "four main priorities"
    not_adjectives: frozenset[str]
    elided_verb: re.Pattern
    synonyms: frozenset[str]  # nouns counting territories only in a sentence naming the programme
    anaphoric: re.Pattern  # "les deux territoires": determiners before a count naming places spoken of
    programme_word: re.Pattern
    other_thing: re.Pattern  # after a synonym: "zones d'activités" are no territories
    one_territory_parts: re.Pattern  # before a synonym: "Le territoire X réunit deux bassins" counts its parts
    feminine: set[str]  # keys of the counted nouns of feminine gender ("d'entre elles")
    fractions: dict[str, float]
    fraction: re.Pattern  # "un quart des …": a share, in percent
    one_in: re.Pattern  # "un territoire sur quatre": a share, in percent
    single: re.Pattern  # "un seul", "une seule": 1
    comparison: re.Pattern  # "contre" before a bare number
    pronoun_count: re.Pattern  # "en compte désormais" before a bare number
    currency_context: re.Pattern  # a sentence about euros: "budget", "enveloppe", "€"
    money_noun: re.Pattern  # after "millions de": "1,3 milliard d'investissements" are euros
    duration: re.Pattern  # after a number: "sur cinq ans" is a period, no share's whole
    all_of: re.Pattern  # before a number: "tous deux", "toutes les trois" name, they do not count
    uncounted_noun: re.Pattern  # after a bare number: "(150 entreprises)" counts companies, no unit
    column_header_units: frozenset[str]  # units a column's header counts in rows of places
    lookalikes: frozenset[str]  # words as written that fold like a counted noun: "axés" is no "axes"
    year_preposition: re.Pattern  # before a year: "labellisée depuis 2023 « Territoires d'industrie »"
    status: re.Pattern  # right after a bare count: "nouveaux", "renouvelés" (what it says of its part)
    one_with_status: re.Pattern  # "dont un nouveau.": "un" as a number, before a status ending the phrase
    next_part_gap: re.Pattern  # between a figure and a part after it: " renouvelés et ", ", "


BLANKS = re.compile(r"\s+")
BLANKS_AFTER_APOSTROPHE = re.compile(r"'\s*")


def _key(surface: str) -> str:
    """The form under which a surface and a match of it compare equal."""
    return BLANKS_AFTER_APOSTROPHE.sub("'", BLANKS.sub(" ", fold(surface).strip()))


def _phrase(surface: str) -> str:
    """Regex for a surface on folded text: any whitespace for a space, free space after an apostrophe."""
    words = [re.escape(w).replace("'", r"'\s*") for w in _key(surface).split(" ")]
    return r"\s+".join(words)


def _alternation(surfaces) -> str:
    return "|".join(_phrase(s) for s in sorted(surfaces, key=lambda s: -len(s)))


@lru_cache(maxsize=1)
def _vocabulary() -> Vocabulary:
    rules = json.loads(RULES_PATH.read_text(encoding="utf-8"))
    units = {_key(s): u for s, u in rules["units"].items()}
    synonyms = {_key(s) for s in rules["territory_synonyms"]}
    units.update({synonym: "territoire" for synonym in synonyms})
    nouns = _alternation(units)
    counted = _alternation(s for s, u in units.items() if u not in NOT_INHERITED and s not in synonyms)
    euro = _alternation(s for s, u in units.items() if u == "euro")
    words = _alternation(rules["number_words"])
    boundary = r"(?![\w])"
    return Vocabulary(
        units=units,
        unit_noun=re.compile(rf"(?P<gap>{GAP})(?:(?P<adj>[a-z][a-z-]{{2,}})(?P<gap2>[\s*_]+))?"
                             rf"(?P<unit>{nouns}){boundary}"),
        unit_noun_alone=re.compile(rf"(?P<gap>{GAP})(?P<adj>)(?P<unit>{nouns}){boundary}"),
        unit_noun_quoted=re.compile(
            rf"(?P<gap>{GAP})(?P<adj>{_alternation(rules['prenominal_adjectives'])})(?P<gap2>{GAP})"
            rf"(?P<unit>{nouns}){boundary}"),
        counted_nouns=re.compile(rf"(?<![\w])(?:{counted}){boundary}"),
        count_of=re.compile(rf"\bnombre\s+d(?:e\s+|'\s*)(?P<unit>{counted}){boundary}"),
        scale_words={_key(s): float(v) for s, v in rules["scale_words"].items()},
        scale_word=re.compile(rf"\s+(?P<scale>{_alternation(rules['scale_words'])}){boundary}"),
        scale_abbreviations={_key(s): float(v) for s, v in rules["scale_abbreviations"].items()},
        scale_abbreviation=re.compile(
            rf"\s*(?P<scale>{_alternation(rules['scale_abbreviations'])})"
            rf"(?=\s*(?:d'\s*)?(?:{euro})(?![\w]))"),
        approximation=re.compile(rf"(?<![\w'])(?:{_alternation(rules['approximations'])}){GAP}$"),
        approximate_nouns={_key(s): float(v) for s, v in rules["approximate_nouns"].items()},
        approximate_noun=with_first_letters(re.compile(
            rf"(?<![\w-])(?:une?|la)\s+(?P<noun>{_alternation(rules['approximate_nouns'])}){boundary}")),
        # "un" alone is an article; it is a number only before a scale: "un milliard d'euros".
        number_words=with_first_letters(re.compile(
            rf"(?<![\w-])(?:un(?=\s+(?:{_alternation(rules['scale_words'])}))|(?:{words})"
            rf"(?:(?: +|-)(?:{words})|(?: +|-)et(?: +|-)(?:un|une|onze)|-(?:un|une))*)(?![\w]|-\w)")),
        english_number_words=re.compile(
            rf"(?<![\w-])(?:{_alternation(rules['english_number_words'])})(?:-(?:{_alternation(rules['english_number_words'])}))?(?![\w]|-\w)"),
        not_adjectives=frozenset(_key(w) for w in rules["not_adjectives"]),
        elided_verb=re.compile(rf"{GAP}(?:{_alternation(rules['elided_unit_verbs'])}){boundary}"),
        synonyms=frozenset(synonyms),
        anaphoric=re.compile(rf"(?<![\w'])(?:{_alternation(rules['anaphoric_determiners'])}){GAP}$"),
        programme_word=re.compile(r"(?<![\w'])(?:" + "|".join(rules["programme_words"]) + r")(?!\w)"),
        other_thing=re.compile(r"[\s*_]*(?:" + "|".join(rules["synonyms_other_things"]) + r")(?!\w)"),
        one_territory_parts=re.compile(rules["one_territory_parts"]),
        feminine={_key(s) for s in rules["feminine_nouns"]},
        fractions={_key(s): float(v) for s, v in rules["fractions"].items()},
        fraction=re.compile(rf"(?<![\w])(?P<fraction>{_alternation(rules['fractions'])})"
                            r"(?=\s+(?:de\b|des\b|du\b|d'))"),
        one_in=re.compile(rf"(?<![\w'])une?\s+(?:{_alternation(s for s, u in units.items() if u in ONE_IN_UNITS)})"
                          rf"\s+sur\s+(?P<whole>{_alternation(ONE_IN_WHOLES)})(?={OUT_OF_END.pattern})"),
        single=with_first_letters(re.compile(rf"(?<![\w'])(?:{_alternation(rules['single'])}){boundary}")),
        comparison=re.compile(rf"(?<![\w'])(?:{_alternation(rules['comparisons'])}){GAP}$"),
        pronoun_count=re.compile(
            r"(?<![\w'])(?:" + "|".join(rules["pronoun_counts"]) + r")(?:\s+(?:"
            + _alternation(rules["pronoun_count_adverbs"]) + r"))*[\s,]*$"),
        currency_context=re.compile(rf"(?<![\w'])(?:{_alternation(rules['currency_context'])})(?!\w)"
                                    rf"|{euro}"),
        money_noun=re.compile(rf"\s+d(?:e\s+|'\s*)(?:{_alternation(rules['money_nouns'])}){boundary}"),
        duration=re.compile(rf"{GAP}(?:{_alternation(rules['durations'])}){boundary}"),
        all_of=re.compile(rf"(?<![\w'])(?:{_alternation(rules['all_of'])}){GAP}$"),
        uncounted_noun=re.compile(rf"{GAP}(?:{_alternation(rules['uncounted_nouns'])}){boundary}"),
        lookalikes=frozenset(rules["unit_lookalikes"]),
        column_header_units=frozenset(rules["column_header_units"]),
        status=re.compile(rf"{GAP}(?:{_alternation(rules['status_words'])}){boundary}"),
        one_with_status=with_first_letters(re.compile(
            rf"(?<![\w'])(?:dont|et)\s+(?P<one>une?)"
            rf"(?=\s+(?:{_alternation(rules['status_words'])})(?:\s+venue?)?{STATUS_PHRASE_END})")),
        next_part_gap=re.compile(rf"(?:{GAP}(?:{_alternation(rules['status_words'])}){boundary})?{NEXT_PART_GAP}"),
        year_preposition=re.compile(rf"(?<![\w'])(?:{_alternation(rules['year_prepositions'])}){GAP}$"),
        # its own noun, not a pronoun's ("une dizaine d'entre eux") nor an adjective's whose noun is
        # elided ("dont une trentaine de nouveaux")
        noun_of_an_approximation=re.compile(
            rf"\s+(?:de\s+|d'\s*)(?!entre\b|(?:{_alternation(rules['prenominal_adjectives'])}){boundary})[a-z]"),
    )


@dataclass(frozen=True)
class Token:
    """A number in the text, before knowing whether it is a figure."""

    start: int
    end: int
    value: float
    approximate: bool  # "une cinquantaine"
    kind: str  # digits, words or approximate_noun
    year_like: bool  # "2018": a figure only with its noun right after it


@dataclass(frozen=True)
class Reading:
    """What follows a number: scale and unit, and where that stops."""

    scale: float
    unit: str | None
    end: int
    direct: bool  # the noun follows on the same line, no adjective between
    synonym: bool = False  # the noun counts territories only in a sentence naming the programme


class Frame(NamedTuple):
    """What a frame gives a bare number: its unit, where its mention ends and starts, the rule."""

    unit: str
    end: int
    rule: str
    start: int | None = None  # where the mention starts when the frame comes first ("en compte")
    whole: int | None = None  # the number start of the figure whose rest it counts ("les dix autres")


@dataclass
class Found:
    """A figure before its scope and sentence are attached; start/end span the whole mention."""

    start: int
    end: int
    number_start: int
    value: float
    value_max: float | None
    unit: str
    approximate: bool
    rule: str
    synonym: bool = False
    whole: int | None = None  # the number start of the figure it is the rest of, whose scope it takes


class KnownFigures:
    """The figures found so far, in the order found, with those a bare number may inherit the unit
    of (not "%" or "€") sorted by their number's start: the one nearest before a number is found by
    bisection, not by a scan of every figure per number."""

    def __init__(self, figures: list[Found]):
        self.figures: list[Found] = []
        self.number_starts: set[int] = set()
        self._starts: list[int] = []
        self._inheritable: list[Found] = []
        for figure in figures:
            self.add(figure)

    def add(self, figure: Found) -> None:
        self.figures.append(figure)
        self.number_starts.add(figure.number_start)
        if figure.unit not in NOT_INHERITED:
            index = bisect_right(self._starts, figure.number_start)  # after equal starts found earlier
            self._starts.insert(index, figure.number_start)
            self._inheritable.insert(index, figure)

    def inheritable_between(self, start: int, end: int) -> list[Found]:
        """The inheritable figures whose number starts in [start, end), found by bisection."""
        return self._inheritable[bisect_left(self._starts, start):bisect_left(self._starts, end)]

    def inheritable_units(self, start: int, end: int) -> set[str]:
        """The units of the inheritable figures whose number starts in [start, end) (each item of
        a list of 3,000 items read every figure for every other item)."""
        return {f.unit for f in self.inheritable_between(start, end)}

    def any_inheritable(self, start: int, end: int) -> bool:
        """Whether an inheritable figure's number starts in [start, end)."""
        return bisect_left(self._starts, start) < bisect_left(self._starts, end)

    def last_inheritable(self, window_start: int, position: int) -> Found | None:
        """The inheritable figure whose number starts last in [window_start, position), the first
        found of equal starts."""
        count = bisect_left(self._starts, position)
        if count == 0 or self._starts[count - 1] < window_start:
            return None
        return self._inheritable[bisect_left(self._starts, self._starts[count - 1])]


def _masked_spans(text: str, folded: str) -> list[tuple[int, int]]:
    """Spans holding numbers that are never figures."""
    spans = [m.span() for pattern in MASKS for m in pattern.finditer(folded)]
    if any(mark in folded for mark in WEB_ADDRESS_MARKS):
        spans += web_address_spans(folded)
    spans += [m.span() for m in POSTAL_CODE.finditer(text)]
    return spans + masked_spans(folded)


def _digit_value(match: re.Match) -> float:
    integer = match["int"].replace(" ", "").replace(".", "")
    return float(f"{integer}.{match['dec']}" if match["dec"] else integer)


def _number_tokens(text: str, folded: str, vocab: Vocabulary) -> list[Token]:
    """Every number outside masked spans, in reading order, without overlaps."""
    masked = _masked_spans(text, folded)
    tokens = []
    for match in DIGITS.finditer(folded):
        attached = folded[match.end():match.end() + 1]
        if re.match(r"[a-z_]", attached) and not vocab.scale_abbreviation.match(folded, match.end()):
            continue  # "1er", "2e", "A4", "2027_high": not a quantity
        year_like = bool(YEAR.fullmatch(match.group()))
        tokens.append(Token(match.start(), match.end(), _digit_value(match), False, "digits", year_like))
    for match in (*DOT_DECIMAL.finditer(folded), *SPACED_DECIMAL.finditer(folded)):
        tokens.append(Token(match.start(), match.end(), float(f"{match['int']}.{match['dec']}"), False,
                            "digits", False))
    for match in BILLIONS_AND_MILLIONS.finditer(folded):
        tokens.append(Token(match.start(), match.end(), 1000 * int(match["billions"]) + int(match["millions"]),
                            False, "digits", False))
    for match in vocab.approximate_noun.finditer(folded):
        value = vocab.approximate_nouns[_key(match["noun"])]
        tokens.append(Token(match.start(), match.end(), value, True, "approximate_noun", False))
    for match in vocab.number_words.finditer(folded):
        try:
            value = float(text2num(match.group(), "fr"))
        except ValueError:
            continue
        tokens.append(Token(match.start(), match.end(), value, False, "words", False))
    for match in vocab.english_number_words.finditer(folded):
        tokens.append(Token(match.start(), match.end(), float(text2num(match.group(), "en")), False, "words", False))
    for match in vocab.single.finditer(folded):
        tokens.append(Token(match.start(), match.end(), 1.0, False, "words", False))
    for match in vocab.one_with_status.finditer(folded):  # "dont un nouveau", "et une reconduite"
        tokens.append(Token(match.start("one"), match.end("one"), 1.0, False, "words", False))
    for match in ONE_IN_PLACE.finditer(folded):  # "trois en Guyane, un en Guadeloupe": a frame decides
        tokens.append(Token(match.start(), match.end(), 1.0, False, "words", False))
    # a token overlaps a masked span when one of those starting before its end ends after its
    # start: the farthest end of the spans in start order, found by bisection (a sentence of
    # thousands of dates read every span for each of their numbers)
    masked.sort()
    starts, reach = [start for start, _ in masked], list(accumulate((end for _, end in masked), max))
    tokens = [t for t in tokens if not ((count := bisect_left(starts, t.end)) and reach[count - 1] > t.start)
              and not AFTER_BILLIONS.search(folded, max(0, t.start - 12), t.start)]
    kept, last_end = [], -1
    for token in sorted(tokens, key=lambda t: (t.start, -t.end)):
        if token.start >= last_end:
            kept.append(token)
            last_end = token.end
    return kept


def _read_quantity(folded: str, token: Token, vocab: Vocabulary) -> Reading:
    """Scale and counted noun after a number; unit None when no noun follows."""
    position, scale, scaled = _after_repeat_in_brackets(folded, token, vocab), 1.0, False
    abbreviation = vocab.scale_abbreviation.match(folded, position)
    word = None if abbreviation else vocab.scale_word.match(folded, position)
    if abbreviation or word:
        match = abbreviation or word
        table = vocab.scale_abbreviations if abbreviation else vocab.scale_words
        position, scale, scaled = match.end(), table[_key(match["scale"])], True
    # "une cinquantaine de projets", "2 millions d'euros": the noun comes after "de".
    connector = CONNECTOR.match(folded, position)
    if connector and (scaled or token.kind == "approximate_noun"):
        noun = _unit_noun(folded, connector.end(), vocab)
        if noun:
            return _reading(scale, noun, False, vocab)
    if token.kind == "approximate_noun":
        return Reading(scale, None, position, False)
    noun = _unit_noun(folded, position, vocab)
    if not noun or "\n" in noun["gap"] and _row_label(folded, token) is not None \
            or not scaled and _singular_after_many(folded, token, noun, vocab):
        # "Projets recensés : 12" / "Contrat : signé …": a row's value counts nothing of the next
        # row; "18   Communauté de communes": nor does a number of a singular noun
        return Reading(scale, None, position, False)
    return _reading(scale, noun, not noun["adj"] and "\n" not in noun["gap"], vocab)


def _singular_after_many(folded: str, token: Token, noun: re.Match, vocab: Vocabulary) -> bool:
    """"Vierzon   18   Communauté de communes Vierzon-Sologne-Berry": a number of two or more,
    written in digits, before a singular noun does not count it (a table's département column, a
    code); a number in words is no code ("nos cinq communauté de communes" counts them). The noun's
    words before "de" say its number ("communautés de communes", "industrial territories");
    acronyms ("EPCI", "E.P.C.I.") and symbols (%, €) are invariable, amounts and percentages are
    read as before, and a noun cut by the text's end ("… reconnaissant 149 territoire") may have
    lost its "s"."""
    head = CONNECTOR.split(noun["unit"])[0].split()  # "plan d'actions": "plan"
    return (token.value >= 2 and token.kind == "digits"
            and all(re.fullmatch(r"[a-z-]+", word) and not PLURAL_NOUN.fullmatch(word) for word in head)
            and vocab.units[_key(noun["unit"])] not in ("euro", "pourcent")
            and TEXT_GOES_ON.match(folded, noun.end()) is not None)


def _after_repeat_in_brackets(folded: str, token: Token, vocab: Vocabulary) -> int:
    """Where a number's reading goes on: after the same number written again in brackets, as
    official texts write it ("trois (3) territoires", "3 (trois) territoires"), else at its end."""
    repeat = REPEAT_IN_BRACKETS.match(folded, token.end)
    if repeat is None:
        return token.end
    written = repeat["number"]
    if written.isdigit():
        value = float(written)
    elif vocab.number_words.fullmatch(written):
        value = float(text2num(written, "fr"))
    else:
        return token.end
    return repeat.end() if value == token.value else token.end


def _reading(scale: float, noun: re.Match, direct: bool, vocab: Vocabulary) -> Reading:
    key = _key(noun["unit"])
    return Reading(scale, vocab.units[key], noun.end(), direct, key in vocab.synonyms)


def _anaphoric(folded: str, token: Token, reading: Reading, vocab: Vocabulary, earlier: list[Found]) -> bool:
    """"Les deux territoires sont complémentaires", "nos deux territoires": a small count of bare
    territories after a definite or possessive determiner names places the text spoke of (often a
    territory's two intercommunalities); it counts territories of the programme only where the
    sentence names the programme, as a synonym does. So does a demonstrative count that takes up
    intercommunalities or communes an earlier figure counted ("regroupe 5 Communautés de Communes …
    en partenariat avec ces cinq territoires": the same five intercommunalities; not "124 sites ont
    été retenus … ces 124 territoires", nor "Ces 124 territoires bénéficieront …"). A count opening a list ("Les trois territoires de la
    Seine-Maritime sont :", "des trois territoires ci-dessous : A, B, C") is the list's size,
    whatever its determiner."""
    line_end = folded.find("\n", reading.end)
    before = max(0, token.start - 12)
    return (reading.unit == "territoire"
            and bool(BARE_TERRITORIES.search(folded, token.end, reading.end))
            and (token.value <= ANAPHORA_AT_MOST and bool(vocab.anaphoric.search(folded, before, token.start))
                 or bool(DEMONSTRATIVE.search(folded, before, token.start))
                 and any(f.value == token.value and f.unit in LOCAL_AUTHORITY_UNITS for f in earlier))
            and not folded[reading.end:len(folded) if line_end < 0 else line_end].rstrip(" \t*_").endswith(":")
            and not LIST_ANNOUNCED.match(folded, reading.end))


# After a count of territories, the words announcing the list its sentence goes on with: "des trois
# territoires ci-dessous : A, B, C" (folded text).
LIST_ANNOUNCED = re.compile(r"\s+(?:suivants|ci-dessous|ci-apres|que voici|(?:ci-dessous\s*,\s*)?a savoir)\s*:")


# "axe 3 territoires d'industrie en transition écologique", "volet 2 projets …": the number of a
# heading's label (folded text), which counts nothing of the noun after it.
LABEL_NUMBER_BEFORE = re.compile(r"\b(?:axe|volet|fiche|article|chapitre|annexe|lot)\s+(?:n°\s*|no\s+)?$")


# Runs of spaces between a number and the noun after it: two cells of a PDF's table copied as
# text ("Bourges      18     Communauté d'agglomération …"), a code and a name, not a count.
CELL_GAP = re.compile(r"[ \u00a0]{3,}|\t")
LAST_WORD = re.compile(r"\w+$")


def _numbering(text: str, token: Token, reading: Reading) -> bool:
    """"18\\nCONTRAT DU TERRITOIRE", "476\\nTerritoire d'Industrie Alliances …": a number alone on
    its line above a noun in capitals, or above a singular noun it cannot count (two or more), is
    a page or heading number; it counts nothing."""
    line_start = text.rfind("\n", 0, token.start) + 1
    line_end = text.find("\n", token.end)
    if line_end < 0 or line_end >= reading.end or text[line_start:token.start].strip(" \t*_#") \
            or text[token.end:line_end].strip(" \t*_"):
        return False
    noun = re.search(r"[^\W\d_]+$", text[token.end:reading.end])
    first = re.search(r"[^\W\d_]+", text[line_end:reading.end])
    singular = token.value >= 2 and first is not None and not first.group().lower().endswith(("s", "x"))
    return singular or bool(noun) and len(noun.group()) > 1 and noun.group().isupper()


def _all_of_them(folded: str, token: Token, vocab: Vocabulary) -> bool:
    """'A et B, tous deux Territoires d'industrie de la première heure': a small count written in
    words after "tous" names what the sentence named already; "tous les 183 territoires" counts."""
    return (token.value < 10 and folded[token.start:token.end].isalpha()
            and vocab.all_of.search(folded, max(0, token.start - 20), token.start) is not None)


def _one_before_a_plural(text: str, token: Token, reading: Reading) -> bool:
    """"Kit · 1 Territoires d'industrie - la feuille de route": the digit 1 before a plural noun is a page or
    section number over a title (one counts a singular: "1 territoire"); not before a scale
    ("1 milliard d'euros") or a share."""
    if text[token.start:token.end] != "1" or reading.scale != 1 or reading.unit in ("euro", "pourcent"):
        return False
    noun = re.search(r"[^\W\d_]+", text[token.end:reading.end])
    return noun is not None and noun.group().lower().endswith(("s", "x"))


def _one_intercommunality_alone(folded: str, token: Token, reading: Reading, vocab: Vocabulary) -> bool:
    """"Le territoire est porté par une seule intercommunalité": one EPCI alone tells how a
    territory is made, it counts nothing of the programme (no gold keeps it)."""
    return reading.unit == "epci" and vocab.single.match(folded, token.start) is not None


def _unit_noun(folded: str, position: int, vocab: Vocabulary) -> re.Match | None:
    """The counted noun at `position`, in the same paragraph, after at most one adjective."""
    noun = vocab.unit_noun.match(folded, position) or vocab.unit_noun_quoted.match(folded, position)
    if noun and noun["adj"] and _key(noun["adj"]) in vocab.units:
        # "14 contrats Territoires d'industrie": a counted noun is no adjective, it is the noun
        noun = vocab.unit_noun_alone.match(folded, position)
    if not noun or BLANK_LINE.search(noun.group()):
        return None
    if noun["adj"] and (noun["adj"] in vocab.not_adjectives or NOUN_ENDING.search(noun["adj"])):
        return None  # "cinq ambitions communes": the number counts the noun, "communes" qualifies it
    return noun


def _qualifier(folded: str, start: int, vocab: Vocabulary) -> tuple[int, bool]:
    """Start of the mention and whether an approximation word ("plus de", "environ") precedes it."""
    match = vocab.approximation.search(folded, max(0, start - 40), start)
    return (match.start(), True) if match else (start, False)


def _explicit_figures(text: str, folded: str, tokens: list[Token],
                      vocab: Vocabulary) -> tuple[list[Found], list[Token]]:
    """Numbers followed by their counted noun, ranges and shares included; and the bare numbers
    left over."""
    found: list[Found] = []
    bare: list[Token] = []
    consumed = 0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if token.start < consumed:
            continue
        reading = _read_quantity(folded, token, vocab)
        following = tokens[index] if index < len(tokens) else None
        if reading.unit is None:
            spans = _range(folded, token, reading, following, vocab) \
                or _update(folded, token, reading, following, vocab)
            if spans:
                found.extend(spans)
                consumed = spans[-1].end
                index += 1
            else:
                bare.append(token)
            continue
        if CELL_GAP.search(text, token.end, reading.end):
            bare.append(token)  # the next cell's noun counts nothing; a row's label may ("Projets : 14   …")
            continue
        written = LAST_WORD.search(text, token.end, reading.end)
        if written and written.group().lower() in vocab.lookalikes:
            bare.append(token)  # "2 700 dirigeants axés business": a participle, written with its accent
            continue
        # a year is a figure only with its noun right after it, and never after "depuis", "en" …
        dated = token.year_like and vocab.year_preposition.search(folded, max(0, token.start - 20), token.start)
        if (token.year_like and not reading.direct) or dated or _numbering(text, token, reading) \
                or _one_before_a_plural(text, token, reading) \
                or _one_intercommunality_alone(folded, token, reading, vocab) \
                or LABEL_NUMBER_BEFORE.search(folded, max(0, token.start - 16), token.start) \
                or _all_of_them(folded, token, vocab):
            continue
        start, approximate = _qualifier(folded, token.start, vocab)
        share = _share(folded, token, reading, following, vocab)
        if share is not None:
            found.append(Found(start, following.end, token.start, share, None, "pourcent",
                               approximate or token.approximate, "figure.share"))
            consumed = following.end
            index += 1
            continue
        found.append(Found(start, reading.end, token.start, round(token.value * reading.scale, 6), None,
                           reading.unit, approximate or token.approximate, "figure.number_unit",
                           reading.synonym or _anaphoric(folded, token, reading, vocab, found)))
        consumed = reading.end
        if _out_of(folded, token, reading, following, vocab):
            found.append(Found(following.start, following.end, following.start, following.value, None,
                               reading.unit, following.approximate, "figure.ratio", reading.synonym))
            consumed = following.end
            index += 1
    return found, bare


def _share(folded: str, token: Token, reading: Reading, following: Token | None,
           vocab: Vocabulary) -> float | None:
    """"neuf intercommunalités sur dix": a share of the whole, in percent (None if it is not one)."""
    if following is None or not RATIO.fullmatch(folded, reading.end, following.start):
        return None
    if following.value <= token.value or following.year_like or following.value not in SHARE_WHOLES \
            or _read_quantity(folded, following, vocab).unit is not None \
            or reading.unit == "euro" or vocab.duration.match(folded, following.end):
        return None  # "deux millions d'euros sur cinq ans": an amount over a period
    return round(100 * token.value * reading.scale / following.value, 4)


def _out_of(folded: str, token: Token, reading: Reading, following: Token | None,
            vocab: Vocabulary) -> bool:
    """"29 territoires sur 144 ont finalisé leur contrat": a count out of a total that is no share
    (not over ten or a hundred), the total a figure of the same noun; not "sur 3 ans"."""
    if following is None or following.year_like or following.value <= token.value \
            or not RATIO.fullmatch(folded, reading.end, following.start):
        return False
    return (_read_quantity(folded, following, vocab).unit is None
            and bool(OUT_OF_END.match(folded, following.end)))


# "630 intercommunalités, soit une sur deux": one of so many, set by "soit" after a count of the
# programme's intercommunalities, territories or communes (not "12 000 emplois industriels, soit un sur
# quatre", a statistic of a place; folded text)
ONE_IN_AFTER_A_COUNT = re.compile(r"(?<![\w'])soit\s+(?:(?:environ|pres\s+d'|plus\s+d'|presque)\s*)?(?P<one>une?)"
                                  rf"\s+sur\s+(?P<whole>{'|'.join(ONE_IN_WHOLES)})(?!\w)")
ONE_IN_WHOLE = re.compile(r"\b(?:intercommunalites|epci|territoires|communes)\b[^.;:!?]{0,60}$")
ONE_IN_REACH = 80  # characters before "soit" where the count stands


def _fractions(folded: str, vocab: Vocabulary) -> list[Found]:
    """"près d'un quart des intercommunalités", "les deux tiers des …", "un territoire sur quatre",
    "…, soit une sur deux": a share, in percent."""
    found = []
    for match in vocab.fraction.finditer(folded):
        start, approximate = _qualifier(folded, match.start(), vocab)
        found.append(Found(start, match.end(), match.start(), vocab.fractions[_key(match["fraction"])],
                           None, "pourcent", approximate, "figure.share"))
    for match in vocab.one_in.finditer(folded):
        start, approximate = _qualifier(folded, match.start(), vocab)
        found.append(Found(start, match.end(), match.start(), round(100 / ONE_IN_WHOLES[match["whole"]], 4),
                           None, "pourcent", approximate, "figure.share"))
    for match in ONE_IN_AFTER_A_COUNT.finditer(folded):
        if not ONE_IN_WHOLE.search(folded, max(0, match.start() - ONE_IN_REACH), match.start()):
            continue
        start, approximate = _qualifier(folded, match.start("one"), vocab)
        found.append(Found(start, match.end(), match.start("one"), round(100 / ONE_IN_WHOLES[match["whole"]], 4),
                           None, "pourcent", approximate, "figure.share"))
    return found


# "124 – désormais 136 – « Territoires d'industrie »", "124 (aujourd'hui 146) territoires": the
# number the first has become since, set off by dashes, brackets or commas (folded text)
UPDATE_OPENER = re.compile(r"[\s*_]*(?P<mark>[–—-]|\(|,)[\s*_]*(?:desormais|aujourd'hui|maintenant|puis|depuis)[\s*_]+")
UPDATE_CLOSER = {mark: re.compile(r"[\s*_]*" + closer)
                 for mark, closer in {"–": "[–—-]", "—": "[–—-]", "-": "[–—-]", "(": r"\)", ",": ","}.items()}
# "les 124 puis 141 Territoires d'industrie": the update joined by "puis" alone, the noun right after it
BARE_UPDATE = re.compile(r"[\s*_]+puis[\s*_]+")


def _update(folded: str, low: Token, low_reading: Reading, high: Token | None,
            vocab: Vocabulary) -> list[Found] | None:
    """"124 – désormais 136 – « Territoires d'Industrie »", "124 puis 141 Territoires d'industrie":
    two figures, the value before the update (figure.change) and the one since, both of the noun
    after the closing mark (after the second number when "puis" alone joins them)."""
    if high is None or low_reading.unit is not None or low.year_like or high.year_like:
        return None
    opener = UPDATE_OPENER.match(folded, low.end)
    bare = BARE_UPDATE.match(folded, low.end) if opener is None else None
    if bare is not None and bare.end() == high.start:
        reading = _read_quantity(folded, high, vocab)
    else:
        if opener is None or opener.end() != high.start:
            return None
        closer = UPDATE_CLOSER[opener["mark"]].match(folded, high.end)
        if closer is None:
            return None
        reading = _read_quantity(folded, Token(high.start, closer.end(), high.value, high.approximate, high.kind,
                                               high.year_like), vocab)
    if reading.unit is None:
        return None
    return [Found(low.start, low.end, low.start, round(low.value * reading.scale, 6), None, reading.unit,
                  low.approximate, "figure.change", reading.synonym),
            Found(high.start, reading.end, high.start, round(high.value * reading.scale, 6), None, reading.unit,
                  high.approximate, "figure.number_unit", reading.synonym)]


def _range(folded: str, low: Token, low_reading: Reading, high: Token | None,
           vocab: Vocabulary) -> list[Found] | None:
    """"1200 à 1300 projets", "entre 1 et 2 millions d'euros": the bounds share the noun of the
    second. After a verb of change ("a porté la liste de 124 à 136 territoires", "est passé de 10
    à 12 projets") they are two figures, the value before and after, not a range."""
    if high is None or low.year_like or high.year_like:
        return None
    opener = RANGE_OPENER.search(folded, max(0, low.start - 12), low.start)
    join = "et" if opener else "a"
    if not re.fullmatch(rf"[\s*_]+{join}[\s*_]+", folded[low_reading.end:high.start]):
        return None
    high_reading = _read_quantity(folded, high, vocab)
    if high_reading.unit is None:
        return None
    # "entre 1 et 2 millions": the low bound takes the high one's scale; "de 100 000 à 2 millions
    # d'euros" is written in full already (taking the scale would exceed the high bound)
    low_scale = low_reading.scale if low_reading.scale != 1.0 or low.value > high.value else high_reading.scale
    if low_reading.scale == 1.0 and high.value < low.value < 1000 and high_reading.scale >= 1e6:
        low_scale = high_reading.scale / 1000  # "de 500 à 1,05 milliard d'euros": 500 millions, the scale below
    low_value, high_value = round(low.value * low_scale, 6), round(high.value * high_reading.scale, 6)
    if not opener and CHANGE_FROM.search(folded, max(0, low.start - CHANGE_REACH), low.start):
        return [Found(low.start, low.end, low.start, low_value, None, high_reading.unit,
                      low.approximate, "figure.change", high_reading.synonym),
                Found(high.start, high_reading.end, high.start, high_value, None, high_reading.unit,
                      high.approximate, "figure.number_unit", high_reading.synonym)]
    start, approximate = _qualifier(folded, opener.start() if opener else low.start, vocab)
    return [Found(start, high_reading.end, low.start, low_value, high_value, high_reading.unit,
                  approximate or low.approximate or high.approximate, "figure.range")]


def _elided_figures(text: str, folded: str, tokens: list[Token], bare: list[Token], found: list[Found],
                    sentences: Sentences, places: list[PlaceMention],
                    vocab: Vocabulary) -> list[Found]:
    """Bare numbers in a frame that gives them a unit; the others are dropped."""
    place_starts = {p.start: p for p in places}
    place_ends = {p.end: p for p in places}
    positions: dict[Token, int] = {}  # a token's place among all, without a search of the list per token
    for position, token in enumerate(tokens):
        positions.setdefault(token, position)
    known = KnownFigures(found)
    list_units = ListValueUnits(known)
    resolved: list[Found] = []
    for token in bare:
        if token.year_like or vocab.all_of.search(folded, max(0, token.start - 20), token.start):
            continue  # "tous deux labellisés": the two already counted, not a count
        if vocab.uncounted_noun.match(folded, token.end):
            continue  # "(150 entreprises)": it counts a noun the table has no unit for
        if token.kind == "approximate_noun" and vocab.noun_of_an_approximation.match(folded, token.end):
            continue  # "Ils étaient une centaine de chefs d'entreprise": it counts its own noun, which has no unit
        sentence = _sentence_at(sentences, token.start, folded)
        frame = (_ratio(folded, positions[token], tokens, known, sentence, vocab)
                 or _partitive(folded, token, known, sentences, vocab)
                 or _apposed_count(folded, token, sentences, vocab)
                 or _continued_enumeration(text, folded, token, known, sentence, place_starts, vocab)
                 or _one_of_the_awarded(folded, token, sentence)
                 or _pronoun_count(folded, token, sentences, vocab)
                 or _part_or_comparison(folded, token, tokens, known, sentence, sentences, vocab)
                 or _next_part(folded, token, known, sentence, vocab)
                 or _whole(folded, token, known, sentences)
                 or _part_of_an_opening_whole(folded, token, known, sentence, vocab)
                 or _the_others(folded, token, known, sentences, vocab)
                 or _after_place(folded, token, known, sentence, place_ends)
                 or _money_without_currency(folded, token, sentences, vocab)
                 or _value_of_a_list_item(text, token, list_units)
                 or _dot_leader_row(folded, token, place_starts, vocab)
                 or _label_value(folded, token, vocab)
                 or _cell_of_a_currency_column(text, token))
        if frame:
            start, approximate = _qualifier(folded, token.start, vocab)
            if frame.start is not None:
                start = min(start, frame.start)
            scale = _read_quantity(folded, token, vocab).scale if frame.unit == "euro" else 1
            resolved.append(Found(start, frame.end, token.start, round(token.value * scale, 6), None,
                                  frame.unit, approximate or token.approximate, frame.rule, whole=frame.whole))
            known.add(resolved[-1])
    return resolved


def _antecedent_window(sentences: Sentences, position: int, back: int = 1) -> int:
    """Start of the sentence `back` sentences before the one holding `position`."""
    count = bisect_right(sentences.starts, position)  # the sentences starting at or before it
    return sentences.starts[count - 1 - back] if count > back else (sentences.starts[0] if count else 0)


def _antecedent_unit(folded: str, sentences: Sentences, position: int,
                     vocab: Vocabulary, back: int = 1, plural: bool = False) -> str | None:
    """The unit of the nearest counted noun (a plural one if `plural`) before `position`, in its
    sentence or the `back` ones before."""
    window_start = _antecedent_window(sentences, position, back)
    nouns = [m for m in vocab.counted_nouns.finditer(folded, window_start, position)
             if not plural or PLURAL_NOUN.match(m.group())]
    return vocab.units[_key(nouns[-1].group())] if nouns else None


# a comparison opening right after a counted noun, up to the pronoun: ", quand la première vague"
COMPARED_RIGHT_AFTER = re.compile(r"[\s*_]*,?\s*(?:quand|alors\s+que|tandis\s+que|contre|lorsque)\b[^.;:,]{0,60}?\s*")
# a number in digits right before a counted noun: "474 projets", "1 200 emplois"
COUNTED_BEFORE = re.compile(r"(?<![\w'])\d[\d\s.,]*\s+$")


def _pronoun_count(folded: str, token: Token, sentences: Sentences,
                   vocab: Vocabulary) -> Frame | None:
    """"La Gironde en compte trois", "qui en comptait quatre", "ils sont aujourd'hui 144": the
    number counts what the pronoun stands for: territories when the two sentences (or 400
    characters) before name them (what communiqués count by places), else the nearest plural
    counted noun before it; the noun a number counts in the pronoun's sentence or the one before,
    when it is the only one ("… identifier 474 projets. À peine la moitié … : ils sont ainsi 231",
    projects; not "5 intercommunalités et 134 communes. Le Sud Gironde en réunit quatre")."""
    frame = vocab.pronoun_count.search(folded, max(0, token.start - 80), token.start)
    if not frame:
        return None
    window_start = min(_antecedent_window(sentences, frame.start(), 2), max(0, frame.start() - 400))
    plural = [m for m in vocab.counted_nouns.finditer(folded, window_start, frame.start())
              if PLURAL_NOUN.match(m.group())]
    if not plural:
        return None
    units = [vocab.units[_key(m.group())] for m in plural]
    near = _antecedent_window(sentences, frame.start())
    counted_near = {vocab.units[_key(m.group())] for m in plural if m.start() >= near
                    and COUNTED_BEFORE.search(folded, max(0, m.start() - 20), m.start())}
    last = plural[-1]
    if COMPARED_RIGHT_AFTER.fullmatch(folded, last.end(), frame.start()) \
            and COUNTED_BEFORE.search(folded, max(0, last.start() - 20), last.start()):
        unit = vocab.units[_key(last.group())]  # "630 intercommunalités, quand la première vague en rassemblait 551"
    elif len(counted_near) == 1:
        unit = counted_near.pop()
    else:
        unit = "territoire" if "territoire" in units else units[-1]
    return Frame(unit, token.end, "figure.pronoun_count", frame.start())


def _part_or_comparison(folded: str, token: Token, tokens: list[Token], known: KnownFigures,
                        sentence: tuple[int, int], sentences: Sentences,
                        vocab: Vocabulary) -> Frame | None:
    """"183 territoires, dont 29 entièrement nouveaux", "630 intercommunalités, contre 551 il y a
    cinq ans", "… 17 territoires … Dont trois en Isère": the unit of the nearest figure before it
    (this sentence or the one before), else of the nearest counted noun; none when the nearest
    number before it in its sentence is no figure (a part of établissements is not one of projets)."""
    before = folded[max(0, token.start - 30):token.start]
    if _read_quantity(folded, token, vocab).scale >= 1e6:
        return None  # "18 millions d'euros, dont 3 millions apportés par …": an amount (_money_without_currency)
    if re.search(r"(?<![\w'])dont\s+(?:les\s+|des\s+)?$", before):
        rule = "figure.part"
    elif vocab.comparison.search(before):
        rule = "figure.comparison"
    else:
        return None
    window_start = _antecedent_window(sentences, token.start)
    whole = _last_number_before(tokens, sentence[0], token.start)
    if whole and whole.start not in known.number_starts:
        return None  # "896 établissements industriels dont 368 …": a part of what no figure counts
    earlier = known.last_inheritable(window_start, token.start)
    unit = earlier.unit if earlier else _antecedent_unit(folded, sentences, token.start, vocab)
    return Frame(unit, token.end, rule) if unit else None


def _next_part(folded: str, token: Token, known: KnownFigures, sentence: tuple[int, int],
               vocab: Vocabulary) -> Frame | None:
    """"dont 6 renouvelés et 4 nouveaux", "quinze lauréats, dix renouvelés et cinq nouveaux": a bare
    count that a status word follows, right after a figure of its sentence (and that one's own status
    word) and a comma or "et", is a part of what that figure counts, in its unit. The status word is
    what tells a part ("nouveaux") from a number of something else; it ends the phrase or a verb
    follows it ("cinq nouveaux font leur entrée"), not a noun ("2 150 projets et 50 nouveaux chefs de
    projet" count no projects)."""
    status = vocab.status.match(folded, token.end)
    before = known.last_inheritable(sentence[0], token.start)
    if status is None or before is None or before.end > token.start \
            or not vocab.next_part_gap.fullmatch(folded, before.end, token.start) \
            or not (STATUS_END.match(folded, status.end()) or vocab.elided_verb.match(folded, status.end())):
        return None
    return Frame(before.unit, status.end(), "figure.part")


def _last_number_before(tokens: list[Token], window_start: int, position: int) -> Token | None:
    """The last token starting in [window_start, position) that is not a year (tokens in reading
    order)."""
    index = bisect_left(tokens, position, key=lambda t: t.start)
    while index > 0 and tokens[index - 1].start >= window_start:
        index -= 1
        if not tokens[index].year_like:
            return tokens[index]
    return None


def _whole(folded: str, token: Token, known: KnownFigures,
           sentences: Sentences) -> Frame | None:
    """"trois territoires en Guadeloupe … sur les 183 au niveau national", "deux territoires, sur 183
    au niveau national", "Parmi ces 124, sept
    …": the whole that a figure before it (this sentence or the one before) is a part of."""
    if not WHOLE_OPENER.search(folded, max(0, token.start - 20), token.start) \
            or not OUT_OF_END.match(folded, token.end):
        return None  # "parmi les 13 premiers …" counts a noun of its own
    earlier = known.last_inheritable(_antecedent_window(sentences, token.start), token.start)
    return Frame(earlier.unit, token.end, "figure.whole") if earlier else None


# "Sur les 148 territoires labellisés depuis 2018, " opening a sentence, up to a number that
# stands right after its first comma (folded text)
OPENING_WHOLE = re.compile(r"[\s*_\"«]*(?:sur|parmi)\s+(?:les|ces)\s+(?P<whole>[^,;:.!?()]+),[\s*_]*")
PART_NOT_SUBJECT = re.compile(r"[\s*_]*(?:$|[,.;:!?(%€]|d'|de\b|des\b|du\b)")


def _part_of_an_opening_whole(folded: str, token: Token, known: KnownFigures,
                              sentence: tuple[int, int], vocab: Vocabulary) -> Frame | None:
    """"Sur les 148 territoires labellisés depuis 2018, une quinzaine débordent les limites d'une
    seule région", "Parmi les 183 lauréats, quinze sont interrégionaux": the subject of the clause after a whole that
    opens the sentence is a part of it, whatever its verb; not a number of something else
    ("…, 2 millions d'habitants", "…, 15 d'entre eux", a bracket)."""
    opening = OPENING_WHOLE.match(folded, sentence[0], token.start)
    if opening is None or opening.end() != token.start or PART_NOT_SUBJECT.match(folded, token.end) \
            or _read_quantity(folded, token, vocab).scale != 1:
        return None
    whole = known.last_inheritable(opening.start("whole"), opening.end("whole"))
    return Frame(whole.unit, token.end, "figure.part") if whole else None


# "Les dix autres étaient …": a determiner, the number, then "autres" ending the noun phrase
THE_OTHERS_BEFORE = re.compile(r"(?<![\w'])(?:les|des|aux|ses|nos|leurs)[\s*_]+$")
THE_OTHERS = re.compile(r"[\s*_]+autres(?![\w'-])")
THE_OTHERS_END = re.compile(r"[\s*_]*(?:[,.;:!?)–—]|$)")
THE_OTHERS_REACH = 600  # characters before it where the whole may stand (a list of its parts between)


def _the_others(folded: str, token: Token, known: KnownFigures, sentences: Sentences,
                vocab: Vocabulary) -> Frame | None:
    """"15 Territoires d'industrie, dont 5 nouveaux : • … • … Les dix autres étaient déjà
    labellisés", "cinq territoires, dont deux nouveaux : … Les trois autres, labellisés dès 2018":
    the rest of a count of the two sentences (or THE_OTHERS_REACH characters) before once a part
    of it is taken, of its noun and in its area; none unless the numbers add up ("trois noms. Les
    deux autres avaient …")."""
    others = THE_OTHERS.match(folded, token.end)
    if others is None or not THE_OTHERS_BEFORE.search(folded, max(0, token.start - 10), token.start) \
            or not (THE_OTHERS_END.match(folded, others.end()) or vocab.elided_verb.match(folded, others.end())):
        return None
    window_start = min(_antecedent_window(sentences, token.start, 2), max(0, token.start - THE_OTHERS_REACH))
    before = known.inheritable_between(window_start, token.start)
    for index, whole in reversed(list(enumerate(before))):
        if any(part.unit == whole.unit and whole.value - part.value == token.value for part in before[index + 1:]):
            return Frame(whole.unit, others.end(), "figure.part", whole=whole.number_start)
    return None


def _after_place(folded: str, token: Token, known: KnownFigures, sentence: tuple[int, int],
                 place_ends: dict[int, PlaceMention]) -> Frame | None:
    """"La France en compte 183, la Bourgogne-Franche-Comté 10", "La Réunion deux également": a
    place then a number, in a sentence that counted something before."""
    gap = re.search(r"[\s*_]*$", folded[max(sentence[0], token.start - 10):token.start])
    if token.start - len(gap.group()) not in place_ends:
        return None
    earlier = known.last_inheritable(sentence[0], token.start)
    return Frame(earlier.unit, token.end, "figure.elided_unit_place") if earlier else None


def _money_without_currency(folded: str, token: Token, sentences: Sentences,
                            vocab: Vocabulary) -> Frame | None:
    """"plus de 500 millions viendront du PIA, 250 millions du PIC": millions or billions in a
    sentence about euros (this one or the one before)."""
    reading = _read_quantity(folded, token, vocab)
    if reading.scale >= 1e6 and vocab.money_noun.match(folded, reading.end):
        return Frame("euro", reading.end, "figure.elided_currency")  # "1,3 milliard d'investissements"
    if reading.scale < 1e6 or re.match(r"\s+d(?:e\s+|'\s*)(?!la\b|l'|les\b)", folded[reading.end:]):
        return None  # "1,5 million d'habitants" counts something else
    window_start = _antecedent_window(sentences, token.start)
    if not vocab.currency_context.search(folded, window_start, token.start):
        return None
    return Frame("euro", reading.end, "figure.elided_currency")


# A table's column of amounts whose header gives the currency ("Coût (€)", "Montant (en euros)"),
# its cells numbers alone ending their lines, the header a few lines above with no blank line
# between: a PDF's table copied as text, its columns parted by runs of spaces.
CURRENCY_HEADER = re.compile(r"(?:^|[ \t]{3,})(?P<cell>[^\W\d_][^\n]{0,30}?\((?:en\s+)?(?:€|euros?)\))[ \t]*$",
                             re.IGNORECASE | re.MULTILINE)
MAX_ROWS_BELOW_HEADER = 20
HEADER_SLACK = 4  # characters a cell may stand left of its header


def _cell_of_a_currency_column(text: str, token: Token) -> Frame | None:
    line_end = text.find("\n", token.end)
    line_end = len(text) if line_end < 0 else line_end
    line_start = text.rfind("\n", 0, token.start) + 1
    if text[token.end:line_end].strip() or not re.search(r"[ \t]{3,}$", text[line_start:token.start]):
        return None  # not the last cell of a row of columns
    column = token.start - line_start
    for _ in range(MAX_ROWS_BELOW_HEADER):
        if line_start == 0:
            return None
        line_start = text.rfind("\n", 0, line_start - 1) + 1
        line = text[line_start:text.find("\n", line_start)]
        if not line.strip():
            return None  # a blank line ends the table
        header = CURRENCY_HEADER.search(line)
        if header:
            return Frame("euro", token.end, "figure.currency_column") \
                if header.start("cell") - HEADER_SLACK <= column < header.end("cell") else None
    return None


# "Projets recensés : 12", "Intercommunalités : 551      dont territoires nouveaux : 29": a row's
# label (after the line's start or a gap of columns) then its value
VALUE_AFTER_COLON = re.compile(r":[ \t]*$")
# "| Projets inscrits dans les plans d'action | 3 200 |": a Markdown table's row, label then value
VALUE_AFTER_CELL = re.compile(r"^[ \t]*\|(?P<label>[^|\n]+)\|[ \t]*$", re.MULTILINE)
CELL_END = re.compile(r"[ \t]*\|[ \t]*(?:\n|$)")
# "| Intercommunalités concernées | 630 (contre 551 lors de la première phase) |": the value, then a
# comparison in brackets, ends the row's last cell
CELL_END_AFTER_BRACKET = re.compile(r"[ \t]*\((?:contre|soit|dont|vs\.?)\s[^()|\n]{0,80}\)[ \t]*\|[ \t]*(?:\n|$)")
CELL_LABEL_HEAD = re.compile(r"[\s*_]*(?:(?:nombre\s+(?:de\s+|d')|dont\s+|les\s+|des\s+))?")  # what may stand before the head
COLUMN_GAP = re.compile(r"[ \t]{2,}|\t")
MAX_LABEL = 80  # characters: a row's label is short; the search stays near the number


def _row_label(folded: str, token: Token) -> tuple[int, int] | None:
    """The span of the label of a "label : value" row whose value is the token (the label starts
    at its line's start or after a gap of columns), or of a Markdown row of two cells "| label |
    value |"; None when the token follows no colon."""
    window = max(0, token.start - MAX_LABEL - 8)
    line_start = folded.rfind("\n", window, token.start) + 1 or window
    colon = VALUE_AFTER_COLON.search(folded, max(line_start, token.start - 8), token.start)
    if colon is None:
        row = VALUE_AFTER_CELL.match(folded, line_start, token.start)
        return row.span("label") if row and _ends_a_cell(folded, token.end) else None
    gaps = list(COLUMN_GAP.finditer(folded, max(line_start, colon.start() - MAX_LABEL), colon.start()))
    label_start = gaps[-1].end() if gaps else max(line_start, colon.start() - MAX_LABEL)
    label_end = colon.start()
    while label_end > label_start and folded[label_end - 1] in " \t":
        label_end -= 1
    return (label_start, label_end) if label_end > label_start else None


NUMBERED_LABEL = re.compile(r"\s*(?:\d+|[ivx]+|[a-z])[.)]\s")
COLUMN_END = re.compile(r"[ \t]*(?:\n|$)|[ \t]{2,}|\t")


def _label_value(folded: str, token: Token, vocab: Vocabulary) -> Frame | None:
    """"Projets recensés : 12", "Territoires d'industrie en Grand Est : 15", "dont territoires
    nouveaux : 29": a number alone after a row's label counts the label's first counted noun (its
    head: "Projets portés par ces onze territoires : une cinquantaine" counts projects)."""
    if not (COLUMN_END.match(folded, token.end) or _ends_a_cell(folded, token.end)):
        return None
    label = _row_label(folded, token)
    if label is None:
        return _counted_by_its_read_header(folded, token, vocab)
    if NUMBERED_LABEL.match(folded, *label) or _in_contents(folded, label[0]):
        return None  # "2. Les territoires retenus en Occitanie : 3": a table of contents' page
    noun = vocab.counted_nouns.search(folded, *label)
    if noun is None and _ends_a_cell(folded, token.end):
        return _counted_by_its_header(folded, token, label, vocab)
    if noun and _ends_a_cell(folded, token.end) and not CELL_LABEL_HEAD.fullmatch(folded, label[0], noun.start()):
        return None  # "| Chefs de projet en poste | 176 |": a table's label counts its head, here no unit's
    return Frame(vocab.units[_key(noun.group())], token.end, "figure.label_value", noun.start()) if noun else None


def _ends_a_cell(folded: str, position: int) -> bool:
    """Whether a Markdown row's last cell ends at `position`, or after a comparison in brackets."""
    return bool(CELL_END.match(folded, position) or CELL_END_AFTER_BRACKET.match(folded, position))


TABLE_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}")  # "|---|---|", the line under a Markdown header
HEADER_CELL = re.compile(r"^[ \t]*\|[^|\n]+\|(?P<cell>[^|\n]+)\|[ \t]*$", re.MULTILINE)
MAX_TABLE_ROWS = 40


def _counted_by_its_header(folded: str, token: Token, label: tuple[int, int], vocab: Vocabulary) -> Frame | None:
    """"| Région | Lauréats 2023-2027 |" over "| Hauts-de-France | 18 |": a row of two cells whose
    label is a place (no counted noun) counts the noun heading the value's column; the row's
    place scopes it. The header is the row right above the table's rule line."""
    line_start = folded.rfind("\n", 0, label[0]) + 1
    for _ in range(MAX_TABLE_ROWS):
        if line_start == 0:
            return None
        above = folded.rfind("\n", 0, line_start - 1) + 1
        line = folded[above:line_start - 1]
        if not line.lstrip().startswith("|"):
            return None  # the table ended with no header found
        if TABLE_RULE.match(line):
            header_start = folded.rfind("\n", 0, above - 1) + 1
            header = HEADER_CELL.match(folded, header_start, max(header_start, above - 1))
            if header is None:
                return None
            return _column_header_frame(folded, header, token, vocab)
        line_start = above
    return None


def _column_header_frame(folded: str, header: re.Match, token: Token, vocab: Vocabulary) -> Frame | None:
    """The frame a value takes from its column's header cell ("Nombre de territoires labellisés"):
    the counted noun heading the cell, when its unit is one a column may count; else None."""
    noun = vocab.counted_nouns.search(folded, *header.span("cell"))
    if noun is None or not CELL_LABEL_HEAD.fullmatch(folded, header.start("cell"), noun.start()) \
            or vocab.units[_key(noun.group())] not in vocab.column_header_units:
        return None
    return Frame(vocab.units[_key(noun.group())], token.end, "figure.column_header", token.start)


READ_ROW_LABEL = re.compile(r"(?P<label>[^|\n]+?)[ \t]\|[ \t]*")  # "Bretagne | " before the value
READ_TWO_CELLS = re.compile(r"(?P<label>[^|\n]+?)[ \t]\|[ \t](?P<cell>[^|\n]+)")


def _counted_by_its_read_header(folded: str, token: Token, vocab: Vocabulary) -> Frame | None:
    """"Région | Nombre de territoires labellisés" over "Bretagne | 10": an HTML table as the
    reader writes it (cells apart by " | ", no rule line under the header). As in a Markdown
    table (_counted_by_its_header), a row of two cells whose label names no counted noun counts
    the noun heading the value's column; the header is the first line of the table's lines of two
    cells."""
    line_start = folded.rfind("\n", 0, token.start) + 1
    row = READ_ROW_LABEL.fullmatch(folded, line_start, token.start)
    if row is None or vocab.counted_nouns.search(folded, *row.span("label")):
        return None
    header = None
    for _ in range(MAX_TABLE_ROWS):
        if line_start == 0:
            break
        above = folded.rfind("\n", 0, line_start - 1) + 1
        line = READ_TWO_CELLS.fullmatch(folded, above, line_start - 1)
        if line is None:
            break
        header, line_start = line, above
    return None if header is None else _column_header_frame(folded, header, token, vocab)


CONTENTS_REACH = 40  # lines: a table of contents' entries stand right under its heading


def _lines_above(folded: str, line_start: int):
    """The stripped lines above the line at `line_start`, nearest first, at most CONTENTS_REACH."""
    end = folded.rfind("\n", 0, line_start)
    for _ in range(CONTENTS_REACH):
        if end < 0:
            return
        start = folded.rfind("\n", 0, end) + 1
        yield folded[start:end].strip()
        end = start - 1


def _in_contents(folded: str, line_start: int) -> bool:
    """Whether the line at `line_start` is an entry of a table of contents: "Sommaire" above it,
    then only "Title : page" lines (the reader writes a dot leader as " : "), one a line or all
    apart by blank lines ("Carte des 183 Territoires d'industrie ....... 3" under "Sommaire"): its
    number is a page. A blank line after entries one a line ends the contents ("Sommaire" / "1.
    … : 2" / "2. … : 3" / "" / "Projets recensés : 12" is a row of figures)."""
    above: list[str] = []
    for line in _lines_above(folded, line_start):
        if CONTENTS_HEADING.fullmatch(line):
            entries = "".join("e" if entry else "b" for entry in reversed(above)).lstrip("b") + "e"
            return "b" not in entries or "ee" not in entries
        if line and not CONTENTS_ENTRY.fullmatch(line):
            return False
        above.append(line)
    return False


def _under_contents_heading(folded: str, line_start: int) -> bool:
    """Whether the line at `line_start` heads a part of a table of contents: only its entries and
    blank lines between it and "Sommaire" above ("Sommaire" / "Avant-propos : 3" / "" /
    "Protocoles et contrats signés le 19 novembre 2019" / "Vosges : 73": a page, not 73 protocols)."""
    for line in _lines_above(folded, line_start):
        if CONTENTS_HEADING.fullmatch(line):
            return True
        if line and not CONTENTS_ENTRY.fullmatch(line):
            return False
    return False


# "Grand Est ........ 21": a place, a leader of dots, a number ending the line.
# "- Auvergne-Rhône-Alpes : 25": a list item of a place, a colon, a number ending the line.
DOT_LEADER = re.compile(r"[ \t]*\.{3,}[ \t]*")
COLON_LEADER = re.compile(r"[ \t]*:[ \t]*")
# "Doubs (2)" alone on its line, the territories of the Doubs listed under it: a heading's count
BRACKET_LEADER = re.compile(r"[ \t]*\([ \t]*")
BRACKETED_ROW = re.compile(r"[^\n()]*\([ \t]*\d+[ \t]*\)[ \t]*\n?")
LIST_ITEM_LINE = re.compile(r"[ \t]*[-•*–][ \t]+")
ROW_ARTICLE = re.compile(r"[ \t]*(?P<marker>[-•*–][ \t]+)?(?:(?:la|le|les)\s+|l'\s*)?")  # "La Réunion ...... 2"
# A row's number to the end of its line, [ \t]*[\d.,  ]+[ \t]* read one way only: the blanks
# before its first digit, dot or comma, then those and single spaces, then blanks (or a blank
# alone: a space is one of its characters too).
ROW_NUMBER = re.compile(r"(?:[ \t]*+[\d.,](?:[ ]*+[\d.,])*+[ \t]*+|\t*+ [ \t]*+)\n?")
LIST_ITEM_ROW = re.compile(r"[ \t]*+[-•*–][ \t]++[^\n:]*+:")
# "Grand Est : 21": a row whose dot leader the readers wrote as " : " (pipeline.read.with_leaders_as_colons)
COLON_ROW = re.compile(r"[ \t]*+[^\s:][^\n:]*+:")


def _is_dot_leader_row(line: str) -> bool:
    """"Grand Est ........ 21" (dots, then a row's number ending the line), "- Grand Est : 21" or
    "Grand Est : 21" (the readers write dot leaders as " : ").
    Read once: a line of 10,000 dots then "111x" never ended as one regular expression, which
    split the dots between the leader and the number every way; here the line is read once from
    its end, and any three dots before a number that ends the line make the leader."""
    item = LIST_ITEM_ROW.match(line) or COLON_ROW.match(line)
    if item and ROW_NUMBER.fullmatch(line, item.end()):
        return True
    body = line[:-1] if line.endswith("\n") else line
    if "\n" in body:
        return False
    # From the end: `first` is the first digit, dot or comma at or after `at`, `last` the last of the
    # line; a number from `at` to the end holds no tab between them, or is blanks with a space.
    first = last = None
    tab_after = blocked = space = False
    for at in range(len(body) - 1, 2, -1):
        char = body[at]
        if char.isdecimal() or char in ".,":
            first = at
            last = at if last is None else last
            blocked = blocked or tab_after
        elif char == "\t":
            tab_after = tab_after or last is not None
        elif char == " ":
            space = True
        else:
            return False
        if body[at - 3:at] == "..." and (not blocked if first is not None else space):
            return True
    return False


def _dot_leader_row(folded: str, token: Token, place_starts: dict[int, PlaceMention],
                    vocab: Vocabulary) -> Frame | None:
    """"Répartition des territoires labellisés par région :" then "Grand Est ........ 21" lines, or
    list items "- Auvergne-Rhône-Alpes : 25", or headings "Doubs (2)" each above its list: a number
    after a place and its dot leader (a colon in a list item, a bracket closing a heading line)
    counts the noun of the line above the rows (above the headings and their items)."""
    line_start = folded.rfind("\n", 0, token.start) + 1
    line_end = folded.find("\n", token.end)
    line_end = len(folded) if line_end < 0 else line_end
    article = ROW_ARTICLE.match(folded, line_start)
    place = place_starts.get(article.end())
    leaders = (COLON_LEADER,) if article["marker"] else (DOT_LEADER, COLON_LEADER)  # the readers write dots as " : "
    bracketed = (place is not None and not article["marker"] and BRACKET_LEADER.fullmatch(folded, place.end, token.start)
                 and folded[token.end:line_end].strip() == ")")
    if not bracketed and (place is None or folded[token.end:line_end].strip()
                          or not any(leader.fullmatch(folded, place.end, token.start) for leader in leaders)):
        return None
    if bracketed and place.kind == "departement" and folded[token.start:token.end] == place.code.lower():
        return None  # "Ardennes (08)", "Aube (10)": the département's code, no count of its items
    intro = _intro_above_rows(folded, line_start, bool(bracketed))
    if intro is None or _under_contents_heading(folded, intro[0]):
        return None
    line = folded[slice(*intro)]
    # "des territoires labellisés par région": the noun counted, not the one after "par"
    nouns = [m for m in vocab.counted_nouns.finditer(line) if not re.search(r"\bpar\s+$", line[:m.start()])]
    start = (article.end("marker") if article["marker"]
             else article.start() + len(article.group()) - len(article.group().lstrip()))
    end = folded.index(")", token.end) + 1 if bracketed else token.end
    return Frame(vocab.units[_key(nouns[0].group())], end, "figure.dot_leader_row",
                 start=start) if nouns else None


@lru_cache(maxsize=16)
def _rows_intros(folded: str, bracketed: bool) -> dict[int, tuple[int, int] | None]:
    """Start of a line -> the intro above it found so far, for the rows of one text."""
    return {}


def _intro_above_rows(folded: str, line_start: int, bracketed: bool) -> tuple[int, int] | None:
    """The intro of the rows above `line_start`: the first line above them that is not a row. The
    rows of a table share it, found once (3,000 rows read every row above each: 18 s)."""
    known = _rows_intros(folded, bracketed)
    passed = []
    above, intro = line_start, None
    while above > 0:
        if above in known:
            intro = known[above]
            break
        passed.append(above)
        previous = folded.rfind("\n", 0, above - 1) + 1
        line = folded[previous:above]
        if line.strip() and not _is_dot_leader_row(line) \
                and not (bracketed and (BRACKETED_ROW.fullmatch(line) or LIST_ITEM_LINE.match(line))):
            intro = (previous, above)
            break
        above = previous
    for start in passed:
        known[start] = intro
    return intro


class ListValueUnits:
    """The units of the inheritable figures inside each value of a list's items, kept up to date
    as figures are found: an item reads the other items' units from its list's tally, not by a
    scan of every other item (3,000 "- Grand Est : 21" items were quadratic)."""

    def __init__(self, known: KnownFigures):
        self.known = known
        self._tallies: dict[int, _ValueTally] = {}

    def of_others(self, lst: ListBlock, item: Item) -> set[str]:
        """The units in the values of the list's items other than `item` (none when no value of
        theirs holds an inheritable figure)."""
        tally = self._tallies.get(id(lst))
        if tally is None:
            tally = self._tallies[id(lst)] = _ValueTally(lst, self.known)
        return tally.of_others(item, self.known)


class _ValueTally:
    """One list's values in order, the units found in each, and in how many values each unit is."""

    def __init__(self, lst: ListBlock, known: KnownFigures):
        self.lst = lst
        fielded = [item for item in lst.items if item.field is not None]
        self.index = {id(item): index for index, item in enumerate(fielded)}
        self.starts = [item.field.value.start for item in fielded]
        self.ends = [item.field.value.end for item in fielded]
        self.disjoint = all(end <= start for end, start in zip(self.ends, self.starts[1:]))
        self.units: list[set[str]] = [set() for _ in fielded]
        self.counts: Counter[str] = Counter()
        self.seen = len(known.figures)
        if self.disjoint and fielded:
            for figure in known.inheritable_between(self.starts[0], self.ends[-1]):
                self._add(figure)

    def _add(self, figure: Found) -> None:
        index = bisect_right(self.starts, figure.number_start) - 1
        if index >= 0 and figure.number_start < self.ends[index] and figure.unit not in self.units[index] \
                and figure.unit not in NOT_INHERITED:
            self.units[index].add(figure.unit)
            self.counts[figure.unit] += 1

    def of_others(self, item: Item, known: KnownFigures) -> set[str]:
        if not self.disjoint:  # values that overlap: read them one by one
            values = [other.field.value for other in self.lst.items if other is not item and other.field is not None]
            if not values or not known.any_inheritable(min(v.start for v in values), max(v.end for v in values)):
                return set()
            return set().union(*(known.inheritable_units(v.start, v.end) for v in values))
        for figure in known.figures[self.seen:]:
            self._add(figure)
        self.seen = len(known.figures)
        own, count = self.index[id(item)], len(self.starts)
        others = [i for i in (0, 1, count - 2, count - 1) if 0 <= i < count and i != own]
        if not others or not known.any_inheritable(self.starts[min(others)], self.ends[max(others)]):
            return set()  # no figure among the other items' values
        return {unit for unit, times in self.counts.items() if times > (unit in self.units[own])}


def _value_of_a_list_item(text: str, token: Token, list_units: ListValueUnits) -> Frame | None:
    """"- A : 4 projets ; - B : 3 ; - C : 2.": a number
    alone after an item's label counts what the counts of the other items of its list count."""
    held = parse(text).item_at(token.start)
    if held is None or held[1].field is None:
        return None
    lst, item = held
    value = item.field.value
    if not value.start <= token.start or text[value.start:value.end].strip(" \t;.,") != \
            text[token.start:token.end]:
        return None
    units = list_units.of_others(lst, item)
    if not units or len(units) > 1:
        return None  # no figure among the other items' values, or they count different things
    return Frame(units.pop(), token.end, "figure.elided_unit_item")


def _ratio(folded: str, position: int, tokens: list[Token], known: KnownFigures,
           sentence: tuple[int, int], vocab: Vocabulary) -> Frame | None:
    """"à 13 sur 15": both numbers count the noun of either, else the "nombre de <noun>" before
    (the token at `position` of `tokens`)."""
    token = tokens[position]
    pair = None
    if position + 1 < len(tokens) and RATIO.fullmatch(folded, token.end, tokens[position + 1].start):
        pair = (token, tokens[position + 1])
    elif position > 0 and RATIO.fullmatch(folded, tokens[position - 1].end, token.start):
        pair = (tokens[position - 1], token)
    if pair is None:
        return None
    units = [f.unit for f in known.figures if f.number_start in (pair[0].start, pair[1].start)]
    if not units:
        counts = list(vocab.count_of.finditer(folded, sentence[0], pair[0].start))
        units = [vocab.units[_key(counts[-1]["unit"])]] if counts else []
    return Frame(units[0], token.end, "figure.ratio") if units else None


def _partitive(folded: str, token: Token, known: KnownFigures, sentences: Sentences,
               vocab: Vocabulary) -> Frame | None:
    """"58 d'entre eux", "Parmi eux, 29 …": the unit of the nearest plural counted noun in this or the previous
    sentence ("eux" and "elles" stand for a plural: not "la région" in "… la région confirme sa
    vocation. Quatre d'entre elles …"); "trois des 124 territoires": the unit of the larger figure
    right after "des" (not "l'un des 124": one is no count of a list); "trois de ces territoires":
    the unit of the noun after "ces"."""
    of_whole = PART_OF_A_FIGURE.match(folded, token.end)
    if of_whole and token.value >= 2:
        whole = next((f for f in known.figures if f.number_start == of_whole.end()), None)
        if whole is not None and whole.value > token.value and whole.unit not in NOT_INHERITED:
            return Frame(whole.unit, token.end, "figure.partitive")
    these = PART_OF_THESE.match(folded, token.end)
    noun = these and token.value >= 2 and vocab.counted_nouns.match(folded, these.end())
    if noun:
        return Frame(vocab.units[_key(noun[0])], noun.end(), "figure.partitive")
    frame = PARTITIVE.match(folded, token.end) or (AMONG_THEM.search(folded, max(0, token.start - 30), token.start)
                                                   if THEIR_VERB_AFTER.match(folded, token.end) else None)
    if not frame:
        return None
    end = frame.end() if frame.start() >= token.end else token.end
    feminine = frame.group("pronoun") in ("elles", "celles-ci")
    window_start = _antecedent_window(sentences, token.start)
    # "Sur les 146 territoires d'industrie, 130 ont finalisé leurs plans d'action. 100 d'entre eux
    # …": the pronoun stands for the larger set counted last, not for the last noun
    wholes = [f for f in known.inheritable_between(window_start, token.start)
              if f.value > token.value and _counts_feminine(folded, f, vocab) == feminine]
    if wholes:
        return Frame(wholes[-1].unit, end, "figure.partitive")
    nouns = [m for m in vocab.counted_nouns.finditer(folded, window_start, token.start)
             if PLURAL_NOUN.match(m.group()) and (_key(m.group()) in vocab.feminine) == feminine]
    return Frame(vocab.units[_key(nouns[-1].group())], end, "figure.partitive") if nouns else None


def _counts_feminine(folded: str, figure: Found, vocab: Vocabulary) -> bool:
    """Whether the noun a figure counts is feminine ("12 intercommunalités"); a figure without its
    noun ("130 ont finalisé") counts territories or projects, masculine."""
    nouns = list(vocab.counted_nouns.finditer(folded, figure.number_start, figure.end))
    return bool(nouns) and _key(nouns[-1].group()) in vocab.feminine


# "les territoires, au nombre de 124", "Territoires d'industrie (141 dans toute la France)": a count
# set beside the noun it counts.
NUMBER_OF = re.compile(r"(?<![\w'])au\s+nombre\s+de\s+$")
# "portant à 183 le nombre de territoires": the count stands before the noun it sizes
THEN_NUMBER_OF = re.compile(r"[\s*_]+le\s+nombre\s+(?:total\s+)?d(?:e\s+|'\s*)")
BRACKET_AFTER_NOUN = re.compile(r"[\s*_\"»]*\(\s*$")


def _apposed_count(folded: str, token: Token, sentences: Sentences,
                   vocab: Vocabulary) -> Frame | None:
    """"au nombre de 124" counts the nearest counted noun before it in its sentence, "portant à
    183 le nombre de territoires" the noun after it; a number opening a bracket counts the noun
    right before the bracket."""
    before = folded[max(0, token.start - 20):token.start]
    if NUMBER_OF.search(before):
        unit = _antecedent_unit(folded, sentences, token.start, vocab, back=0)
        return Frame(unit, token.end, "figure.apposed_count") if unit else None
    number_of = THEN_NUMBER_OF.match(folded, token.end)
    noun = number_of and vocab.counted_nouns.match(folded, number_of.end())
    if noun:
        return Frame(vocab.units[_key(noun.group())], noun.end(), "figure.apposed_count")
    bracket = BRACKET_AFTER_NOUN.search(before)
    # a word must follow: "territoires (3)" is a note's call, "(57 et 54)", "(21, 71)" are codes
    if bracket and re.match(r"\s+(?!(?:et|ou)\b)[a-z]", folded[token.end:token.end + 6]):
        noun_end = token.start - len(bracket.group())
        nouns = list(vocab.counted_nouns.finditer(folded, max(0, noun_end - 40), noun_end))
        if nouns and nouns[-1].end() == noun_end:
            return Frame(vocab.units[_key(nouns[-1].group())], token.end, "figure.apposed_count")
    return None


# "87 % des territoires ont installé …, 58 ont …": a share of a counted noun, which the counts after it inherit
SHARE_OF = re.compile(r"\d[ \t]*%[ \t]+(?:des|de|d')[ \t]*")
# between the figure before and a part of it: "dix intercommunalités, huit en Béarn (…) et deux en Bigorre"
BREAKDOWN_GAP = re.compile(r"(?:[ \t]*\([^()\n]{0,80}\))?[ \t]*(?:,[ \t]*|[ \t]+et[ \t]+)")
CAPITALISED_WORD = re.compile(r"[A-ZÀ-Ý][\w'’-]*")


def _continued_enumeration(text: str, folded: str, token: Token, known: KnownFigures, sentence: tuple[int, int],
                           place_starts: dict[int, PlaceMention],
                           vocab: Vocabulary) -> Frame | None:
    """"dont 18 dans la région X", "plus de 98 sont attendus": the noun of the figure before it;
    "dix intercommunalités, huit en Béarn et deux en Bigorre": parts of it in places right after
    it, whatever the places (old provinces are no places of the referential); "87 % des
    territoires ont …, 58 ont …": the noun a share before it counts."""
    before = known.last_inheritable(sentence[0], token.start)
    if before is None:
        return _after_a_share(folded, token, sentence, vocab)
    unit = before.unit
    frame = IN_PLACE.match(folded, token.end)
    if frame and frame.end() in place_starts and not BLANK_LINE.search(frame.group()):
        return Frame(unit, place_starts[frame.end()].end, "figure.elided_unit_place")
    word = CAPITALISED_WORD.match(text, frame.end()) if frame and not BLANK_LINE.search(frame.group()) else None
    if word and before.end <= token.start and BREAKDOWN_GAP.fullmatch(folded, before.end, token.start):
        return Frame(unit, word.end(), "figure.elided_unit_place")
    if vocab.elided_verb.match(folded, token.end):
        if unit in NEVER_AWARDED and AWARD_AFTER.match(folded, token.end):
            unit = "territoire"  # "… des quatre axes …, l'une des 183 retenues en France"
        return Frame(unit, token.end, "figure.elided_unit_verb")
    return None


def _after_a_share(folded: str, token: Token, sentence: tuple[int, int], vocab: Vocabulary) -> Frame | None:
    """"87 % des territoires ont installé leur gouvernance, 58 ont déjà …": a bare count before a
    verb, after a share of a counted noun in its sentence, counts that noun."""
    if not vocab.elided_verb.match(folded, token.end):
        return None
    shares = list(SHARE_OF.finditer(folded, sentence[0], token.start))
    noun = vocab.counted_nouns.match(folded, shares[-1].end()) if shares else None
    return Frame(vocab.units[_key(noun.group())], token.end, "figure.elided_unit_verb") if noun else None


# "Ce territoire, l'un des 183 labellisés en France": the territory the sentence speaks of, one of
# the awarded ones the number counts
ONE_OF = re.compile(r"\bl'une?\s+des\s+$")
AMONG_THE = re.compile(r"\bparmi\s+les\s+$")
TERRITORY_BEFORE = re.compile(r"\bterritoire\b")
FIRST_OF_A_WAVE = re.compile(GAP + r"premiers\b")


def _one_of_the_awarded(folded: str, token: Token, sentence: tuple[int, int]) -> Frame | None:
    """"Ce territoire, l'un des 183 labellisés en France": a participle of the award after "l'un
    des N", in a sentence whose subject is a territory, counts territories; so does "premiers"
    after "parmi les N" ("Le territoire, labellisé en novembre parmi les 124 premiers de France":
    one of the first wave; "parmi les trois premiers" ranks, figure_context)."""
    before = (max(sentence[0], token.start - 12), token.start)
    wave = AMONG_THE.search(folded, *before) and FIRST_OF_A_WAVE.match(folded, token.end)
    if (ONE_OF.search(folded, *before) and AWARD_AFTER.match(folded, token.end) or wave) \
            and TERRITORY_BEFORE.search(folded, sentence[0], token.start):
        return Frame("territoire", wave.end() if wave else token.end, "figure.one_of_the_awarded")
    return None


# Units whose things the programme never selects: a participle of the award after a bare number
# counts territories, not the axes or jobs counted before it in the sentence.
NEVER_AWARDED = {"axe", "priorite", "probleme", "emploi", "departement", "region", "commune", "pourcent", "euro"}
AWARD_AFTER = re.compile(GAP + r"(?:retenu|labellise|selectionne|designe)e?s?\b")


class Sentences(list):
    """Sentence spans in reading order, disjoint, with their starts: the sentence of a position
    is found by bisection, not by a scan of every sentence per figure."""

    def __init__(self, spans: list[tuple[int, int]]):
        super().__init__(spans)
        self.starts = [start for start, _end in spans]


# the blanks around a line break; tried only where a run of blanks starts (from each of a line's
# 10,000 blanks it read the run again), the same gaps as "[ \t]*\n\s*"
LINE_GAP = re.compile(r"(?<![ \t])[ \t]*+\n\s*")
LEADING_MARKS = re.compile(r"[#*_ ]*")


def refine_sentences(text: str, sentences: list[tuple[int, int]]) -> Sentences:
    """spaCy's sentences, also cut where a line break evidently ends one, and around list items.

    The statistical sentence recogniser glues headlines and datelines to the first paragraph
    ("... DANS L'AUBE\\n\\nTroyes, le 14 novembre 2023\\n\\nLancé fin 2018 ..."), which would give
    the headline's place to the paragraph's figures. A line break ends a sentence when the next line
    starts with a capital and the previous one ends with ".", "!" or "?", or, across a blank line,
    with anything but a lower-case word or a comma, colon or semicolon (a PDF's blank line between
    two lines of one sentence follows a lower-case word). Each item of a list of lines (the
    structure's; not the "A ; B" parts of a sentence) is a sentence of its own, and so is what
    follows a list: a national figure after "• Vosges" does not speak of the Vosges. Each row of
    a table is one too: a row's number counts in the row's place, not the next row's.
    """
    structure = parse(text)
    cuts = sorted({position for block in structure.lists if block.kind != "inline"
                   for position in (*(item.span.start for item in block.items), block.span.end)})
    refined = []
    for start, end in sentences:
        cut = start
        for gap in LINE_GAP.finditer(text[start:end]):
            gap_start, gap_end = start + gap.start(), start + gap.end()
            # the marks before and after the gap read back to the line's start and on to the next
            # non-mark, not copied from the sentence's start and to its end for each gap
            line_start = max(start, text.rfind("\n", start, gap_start) + 1)
            previous = text[line_start:gap_start].rstrip("*_»\" \t") or text[line_start - 1:line_start] * (line_start > start)
            following = LEADING_MARKS.match(text, gap_end, end).end()
            if not previous or following == end or not text[following].isupper():
                continue
            last = previous[-1]
            blank = "\n" in gap.group().split("\n", 1)[1]
            if last in ".!?" or (blank and not last.islower() and last not in ",;:(-–"):
                refined.append((cut, gap_start))
                cut = gap_end
        refined.append((cut, end))
    pieces = [piece for s, e in refined for piece in _cut_at(text, s, e, cuts)]
    return Sentences(_rows_whole(text, pieces, structure))


def _rows_whole(text: str, pieces: list[tuple[int, int]], structure) -> list[tuple[int, int]]:
    """The sentences with each row of a table one of its own, whole ("| Hauts-de-France | 18 |":
    the recogniser starts a sentence after the label and runs it into the next row)."""
    rows = sorted({(start, len(text) if end < 0 else end)
                   for table in structure.tables for row in [table.header, *table.rows] if row
                   for start in [text.rfind("\n", 0, row[0].start) + 1] for end in [text.find("\n", row[-1].end)]})
    if not rows:
        return pieces
    outside = []
    for start, end in pieces:
        position = start
        for row_start, row_end in rows[max(0, bisect_right(rows, (start, len(text))) - 1):]:
            if row_start >= end:
                break
            if row_end <= position:
                continue
            if row_start > position:
                outside.append((position, row_start))
            position = max(position, row_end)
        if position < end:
            outside.append((position, end))
    kept = [(s + len(text[s:e]) - len(text[s:e].lstrip()), s + len(text[s:e].rstrip())) for s, e in outside]
    return sorted([(s, e) for s, e in kept if s < e] + rows)


def _cut_at(text: str, start: int, end: int, cuts: list[int]) -> list[tuple[int, int]]:
    """[start, end) cut at the positions of `cuts` inside it, blanks trimmed, empty pieces left out."""
    bounds = [start, *cuts[bisect_right(cuts, start):bisect_left(cuts, end)], end]  # cuts in order
    pieces = []
    for piece_start, piece_end in zip(bounds, bounds[1:]):
        while piece_start < piece_end and text[piece_start].isspace():
            piece_start += 1
        while piece_end > piece_start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > piece_start:
            pieces.append((piece_start, piece_end))
    return pieces


def _sentence_at(sentences: Sentences, position: int, text: str) -> tuple[int, int]:
    """The sentence holding `position`; the line when no sentence does."""
    index = bisect_right(sentences.starts, position) - 1
    if index >= 0 and position < sentences[index][1]:
        return sentences[index]
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    return line_start, len(text) if line_end < 0 else line_end


def extract_figures(text: str, sentences: list[tuple[int, int]], places: list[PlaceMention],
                    names: list[tuple[int, int]] = (),
                    territory_departements: list[set[str]] = (),
                    territory_mentions: list[tuple[int, int, frozenset[str]]] = ()) -> list[dict]:
    """One row per programme quantity, in reading order, grounded (text[start:end] == mention).
    `names` are the spans of territory and EPCI names, whose places are no figure's scope;
    `territory_departements` the départements of each territory the document names, where its
    local figures count when it names no place of its own (figure_scope.DocumentScope.of);
    `territory_mentions` (start, end, départements of its territory) of each territory mention,
    where its sentence's counts of EPCIs and communes count."""
    vocab = _vocabulary()
    folded = fold(text)
    sentences = refine_sentences(text, sentences)
    fractions = _fractions(folded, vocab)
    tokens = [t for t in _number_tokens(text, folded, vocab)
              if not any(f.start <= t.start < f.end for f in fractions)]
    found, bare = _explicit_figures(text, folded, tokens, vocab)
    found += fractions + _elided_figures(text, folded, tokens, bare, found, sentences, places, vocab)
    paragraph_spans = paragraphs(folded)
    paragraph_starts = [start for start, _ in paragraph_spans]
    document = DocumentScope.of(folded, places, list(names), list(territory_departements),
                                list(territory_mentions))
    rows = []
    # One string per sentence, shared by the rows of its figures: a sentence of thousands of
    # figures is not copied thousands of times (in memory, and in the worker's answer: pickle
    # writes a shared string once).
    sentence_texts: dict[tuple[int, int], str] = {}
    scope_of_number: dict[int, Area] = {}  # the scope of each figure kept, by its number's start
    for figure in sorted(found, key=lambda f: f.start):
        sentence = _sentence_at(sentences, figure.number_start, text)
        sentence = (min(sentence[0], figure.start), max(sentence[1], figure.end))  # "18\nterritoires"
        # the figure's own words name nothing: "Les deux autres lauréats correspondent …" names
        # no programme by its "lauréats"
        if figure.synonym and (not (vocab.programme_word.search(folded, sentence[0], figure.start)
                                    or vocab.programme_word.search(folded, figure.end, sentence[1]))
                               or vocab.other_thing.match(folded, figure.end)
                               or vocab.one_territory_parts.search(folded, sentence[0], figure.start)):
            continue  # "zones", "bassins": territories only where the sentence names the programme
        paragraph = paragraph_spans[bisect_right(paragraph_starts, figure.start) - 1]
        if not_programme(folded, figure.start, figure.end, figure.unit, float(figure.value), sentence,
                         paragraph, places):
            continue
        scope = scope_of_number.get(figure.whole) or document.scope(
            figure.number_start, figure.start, figure.end, sentence, rows, float(figure.value), figure.unit)
        scope_of_number[figure.number_start] = scope
        if sentence not in sentence_texts:
            sentence_texts[sentence] = text[sentence[0]:sentence[1]]
        rows.append({
            "value": float(figure.value),
            "value_max": None if figure.value_max is None else float(figure.value_max),
            "unit": figure.unit,
            "approximate": figure.approximate,
            "scope_code": scope.code,
            "scope_kind": scope.kind,  # "44": Grand Est or Loire-Atlantique
            "mention": text[figure.start:figure.end],
            "start": figure.start,
            "end": figure.end,
            "sentence": sentence_texts[sentence],
            "rule": figure.rule,
        })
    return rows
