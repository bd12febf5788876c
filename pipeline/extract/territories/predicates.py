"""territory.labelled: the subject of a predicate that says it holds the label.

"Seine Aval encore labellisé Territoire d'industrie", "CAP Nord Martinique est labellisée
Territoire d'Industrie", "Et le nord Franche-Comté fut l'un des premiers territoires reconnus",
"comme Kourou, Cayenne et Saint Laurent feront aussi partie des 141 territoires", "Le Pays
Ajaccien, fier d'être de nouveau labelisé Territoire d'Industrie", "c'est l'Interdépartemental
Gers Tarn-et-Garonne qui a été retenu", "la labellisation du Ternois en tant que Nouveau
Territoire d'Industrie". The predicates are data (rules/territory_words.json, label_predicates);
the subject is read back from the predicate: one name or coordinated names, each with its
article, geographic head or legal form (pipeline/extract/territories/phrases.py). Coordinated
intercommunalities written with their legal forms are the members of one territory left unnamed
("l'accès de la communauté d'agglomération A et de la communauté de communes B au dispositif"):
no territory.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from pipeline.extract.first_letters import with_first_letters, written_endings, written_forms
from pipeline.extract.members import WORDS as MEMBER_WORDS
from pipeline.extract.places import PlaceMention, place_before, places_starting_in
from pipeline.extract.structure import count_value, Structure
from pipeline.extract.territories.common import (SINGULAR_PREFIX, LEGAL_FORM, AWARDED_PLURAL_OBJECT, article_before_a_place, CLOSING_QUOTES, ET_JOINT, LABELLING, OPENING_QUOTES, PERSON_BEFORE_NAME, PLACE_WORD, PREFIX, WORDS, TerritoryMention, asked,
                                                 capitalised_run, codes_after, is_place_name, legal_form_end, make_mention, quoted_name,
                                                 line_goes_on, reads_as_a_place_name, sentence_before, sentence_bounds, wrapped_sentence_start,
                                                 titled_by_the_programme, town_words, _town_words_of)
from pipeline.extract.territories.fronted_place import fronted_place
from pipeline.extract.territories.phrases import (WHERE_GLOSS, Part, coordinated_relatives_blanked, enumeration_after,
                                                  enumeration_before, is_epci_name, read_part)
from pipeline.extract.territories.topic import BRAND_TAIL, NOT_A_PLACE
from pipeline.linking import EVERYDAY_FORM_SCORE, known_acronyms, link_epci
from pipeline.normalize import fold

RULE = "territory.labelled"


def _expand(pattern: str, refusal: str = "adverbs") -> str:
    if refusal != "none" and pattern.startswith("{aux}{adv}"):
        pattern = _OPENING_AUXILIARY[refusal] + pattern.removeprefix("{aux}")
    for macro, body in WORDS["label_macros"].items():  # in order: a macro may use those after it
        pattern = pattern.replace("{" + macro + "}", body)
    return pattern


_ADVERB = WORDS["label_macros"]["adverb"]
# An adverb of {adverb} in one of its written forms (a run of blanks written with one blank:
# "desormais", "en 2019,"), then one blank: one look-behind per width of the forms
_ADVERB_FORMS = written_forms(_ADVERB)
_AFTER_AN_ADVERB = [r"(?<![\w'])(?:" + "|".join(forms) + r")\s" for _, forms in sorted(_ADVERB_FORMS.items())]
# the farthest such an adverb starting before a position reaches after it, its blank included
_ADVERB_REACH = max(_ADVERB_FORMS) + 1
# The end of an adverb of more forms than look-behinds can hold ("en mars 2019, ": "mars 2019,"),
# then one blank: a position after it may not be after an adverb.
_ADVERB_ENDINGS = written_endings(_ADVERB)
_AFTER_AN_ENDING = [r"(?<![\w'])(?:" + "|".join(forms) + r")\s" for _, forms in sorted(_ADVERB_ENDINGS.items())]
# From this length on, the predicates refuse a start after such an ending too, at some cost (of
# 1,859 texts of the snapshot sets, 13 are so long): a run of dates ("en mars, en mars, …") in a
# shorter text takes at most about 0.15 s to read.
LONG_TEXT = 3_000
_AFTER = {"adverbs": _AFTER_AN_ADVERB, "endings": _AFTER_AN_ADVERB + _AFTER_AN_ENDING}
# a position that the look-behinds of `_AFTER[refusal]` refuse (after a blank after a non-blank
# first: they only there; tried at each blank, a run of blanks cost 14 s a MB)
if any(not re.search(r"(?:(?<!\\)[\w,]|\\d)$", form) for forms in (*_ADVERB_FORMS.values(), *_ADVERB_ENDINGS.values())
       for form in forms):
    raise ValueError("territory_words.json: an adverb of {adverb} must end with a letter, a digit or a comma (_REFUSED)")
_REFUSED = {refusal: re.compile(r"(?<=\S\s)(?:" + "|".join("(?<=" + body + ")" for body in bodies) + ")")
            for refusal, bodies in _AFTER.items()}
# an adverb of {adverb} then one blank, looked for back from a refused position over at most
# _ADVERB_SPAN characters (a longer one, of many blanks, has its start read again: only slower)
_ADVERB_THEN_BLANK = re.compile(r"(?<![\w'])(?:" + _ADVERB + r")\s")
_ADVERB_SPAN = 48

# "{aux}" opening a predicate: an auxiliary, or none where no adverb stands right before (where
# one may stand, after an ending: `refusal` "endings"); the look-behinds only before an adverb,
# where a run of them may begin (a start before none reads no run): the label predicates take
# 30 % less time on the snapshot's texts
if not WORDS["label_macros"]["aux"].endswith(")?"):
    raise ValueError("territory_words.json: the label macro {aux} must be one optional group '(...)?'")
_OPENING_AUXILIARY = {refusal: "(?:" + WORDS["label_macros"]["aux"].removesuffix("?") + r"|(?>(?!(?:" + _ADVERB + r")\s)|"
                      + "".join("(?<!" + body + ")" for body in bodies) + "))" for refusal, bodies in _AFTER.items()}


@lru_cache(maxsize=6)
def _predicates(key: str = "label_predicates", refusal: str = "adverbs") -> re.Pattern:
    """The predicates `key` as one pattern. With a `refusal`, a start with no auxiliary is refused
    right after an adverb ("adverbs") or what may end one ("endings"). A predicate opening with
    "{aux}{adv}" would otherwise start at each adverb of a run ("est ainsi ainsi … labellisé",
    "en 2019, en 2019, … labellisé") and read the rest of the run each time: work growing with the
    square of its length. `label_matches` reads again the starts so refused that the predicates
    without refusal ("none") could find first."""
    return with_first_letters(re.compile(r"(?:,\s*|(?<![\w']))(?:" + "|".join(_expand(p, refusal) for p in WORDS[key]) + r")"))


def _after_an_adverb_from(folded: str, position: int, end: int) -> bool:
    """Whether an adverb of {adverb} and one blank end at `end`, starting at `position` or after."""
    return any(_ADVERB_THEN_BLANK.fullmatch(folded, start, end) for start in range(max(position, end - _ADVERB_SPAN), end - 1))


def label_matches(folded: str, key: str = "label_predicates") -> Iterator[re.Match]:
    """The matches of `finditer` of the predicates `key` without refusal, found with the refusal.
    A match the refusal loses starts, or has its auxiliary's place, at most two characters before
    a refused position; the predicates without refusal read those starts again, unless the
    refused position follows an adverb that starts at the scan's position or after: a match found
    there starts as well at that adverb (its run of adverbs), which the scan reaches first. In a
    run of adverbs each is such; after a match that ended inside an adverb ("labellisé en 2019,
    retenu …"), or after an ending that ends no adverb, a start is read again."""
    refusal = "endings" if len(folded) >= LONG_TEXT else "adverbs"
    refusing, position = _predicates(key, refusal), 0
    while position <= len(folded):
        found = refusing.search(folded, position)
        last = found.start() if found else len(folded)
        # after a whole adverb, only one that starts before `position` may hide a match
        stop = last + 2 if refusal == "endings" else min(last + 2, position + _ADVERB_REACH)
        starts = sorted({start for refused in _REFUSED[refusal].finditer(folded, position, min(stop, len(folded)))
                         if not _after_an_adverb_from(folded, position, refused.start())
                         for start in range(refused.start() - 2, refused.start() + 1) if position <= start <= last})
        if starts:
            unrefused = _predicates(key, "none")
            found = next((match for start in starts if (match := unrefused.match(folded, start))), found)
        if not found:
            return
        yield found
        position = max(found.end(), found.start() + 1)


TERRITORIES_WORD = re.compile(r"\bterritoires?\b")
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")
ONE_LABEL = re.compile(r"\b" + SINGULAR_PREFIX)
PROGRAMME_WORDS = re.compile(r"\b" + PREFIX + r"\b")
EACH = re.compile(WORDS["each_label"])  # "Le TCO et la Cirest restent chacun Territoire d'industrie": one label each
COORDINATION = re.compile(r"\s(?:et|ainsi que)\s")


# "…, porté par la CUCM, et le territoire de B": a carrier's gloss closed by the next subject,
# named as a territory of its own
ANOTHER_TERRITORY_AFTER = re.compile(r",\s+et\s+(?:le|du|au)\s+territoire\s")
# Where the subject lies, between it and its predicate: "X, en Vendée, est …", "X (Gers), …".
PLACE_GLOSS_BEFORE = re.compile(r",\s+(?:en|dans|à|au|autour\s+d[e'’]|(?:situé\w*\s+)?à\s+cheval\s+sur)\s*(?:(?:la|le|les|l['’])\s*)?"
                                r"[A-ZÀ-Ý][\w'’-]*(?:(?:[\s-]+|\s+et\s+(?:(?:la|le|les|l['’])\s*)?)[A-ZÀ-Ý][\w'’-]*)*\s*$")
# "La candidature des Alpes-de-Haute-Provence a été retenue": a département may be a candidate.
CANDIDACY = re.compile(r"\bcandidature\s+(?:de\s+la|de\s+l'|du|des|de|d')\s*$")
# "a rejoint le dispositif", "intègre le programme": joining, said of a territory's new member too.
JOINS = re.compile(r"(?:(?:a|ont|avait|avaient)\s+)?(?:rejoint|rejoignent|rejoindra|rejoindront|integre|integrent)\b")
# A common noun of a company, a school or a body right before a name: "l'entreprise Michelin".
NOT_A_PLACE_NOUN = re.compile(r"\b(?:entreprises?|groupes?|societes?|usines?|sites?|start-?ups?|pme|eti|industriels?"
                              r"|cabinets?|laboratoires?|associations?|cooperatives?|lycees?|ecoles?|clubs?|marques?)\s+$")
# A participle of the award without the programme's words after it: said of people and companies too.
# Going on with the programme ("A, B et C poursuivent l'aventure", "X continue sa démarche") is
# said of companies too: the same checks of its subject.
BARE_AWARD = re.compile(r"(?:reconduit|retenu|labellise|labelise|selectionne|designe|choisi)\w*$|\b(?:label|aventure|demarche)$")
# A plural head of intercommunalities opening the subject: "les agglos de A, B et C".
INTERCOMMUNALITIES_OF = re.compile(r"\s*(?:les|des|ces|deux|trois|quatre|cinq|six)\s+(?:agglos|agglomerations|communautes"
                                   r"(?:\s+de\s+communes|\s+d'agglomeration)?|intercommunalites|epci)\s+"
                                   r"(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)")
# A count right before the subject: "Treize zones du Grand Est", "12 bassins" count territories
# (the number words are the figures' own).
_NUMBER_WORDS = json.loads((Path(__file__).parents[1] / "rules" / "figure_units.json").read_text(encoding="utf-8"))["number_words"]
COUNT_BEFORE = re.compile(r"(?<![\w'])(?:\d+|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\s+$")
# "X fait son entrée dans le programme, de même que la communauté de communes Y.": the names
# closing the sentence after the predicate hold the label too.
LIKEWISE = re.compile(r"\s*,\s*(?:de\s+m[êe]me\s+que|tout\s+comme|au\s+m[êe]me\s+titre\s+que)\s+")
# What may follow the last of those names up to the sentence's end, describing it: its
# département in brackets or after "en"/"dans", a relative clause, a common noun apposed ("…, tout
# comme la vallée de X, en Haute-Savoie, capitale du décolletage.", "… de même que le Y (Aisne),
# qui mise sur la chimie.")
LIKEWISE_GLOSSES = re.compile(r"(?:[ \t]*\([^()\n]{1,60}\)|,[ \t]+(?:en|dans|au|aux|à)[ \t]+[^,;:.()\n]{1,60}"
                              r"|,[ \t]+qui[ \t][^;:.()\n]{1,120}+"
                              r"|,[ \t]+(?!(?:et|ou|ni|que|dont|mais|qui|en|dans|au|aux|à)\b)[a-zà-ÿ][^,;:.()\n«»]{0,60})*"
                              r"[ \t]*[.;!]?[ \t»”\"]*")  # the glosses' first words set apart: no backtracking


def _likewise(text: str, end: int, sentence_end: int, places: list[PlaceMention]) -> list[TerritoryMention]:
    """The names after "de même que", "tout comme" or "au même titre que" that end the sentence
    of a label predicate, the last perhaps glossed by its place or a description (LIKEWISE_GLOSSES)."""
    likewise = LIKEWISE.match(text, end, sentence_end)
    if not likewise:
        return []
    parts = enumeration_after(text, likewise.end(), sentence_end)
    if not parts or not LIKEWISE_GLOSSES.fullmatch(text, parts[-1].end, sentence_end):
        return []
    return _mentions(text, parts, places, sentence_end)


# "X figure, avec le Y, parmi les territoires …": the name after "avec" and its article, set off
# by commas between the verb and the rest of the predicate (group "companion").
COMPANION_NAME = re.compile(r"\s*,\s*avec\s+(?:la\s+|le\s+|les\s+|l['’]\s*)(?=[A-ZÀ-Ý])")


def _companions(text: str, match: re.Match, places: list[PlaceMention], sentence_end: int) -> list[TerritoryMention]:
    """The companion of a label predicate's subject, which holds the label with it: one name or
    a coordination of names after an article, filling the commas; none written with a legal form
    ("avec la Communauté de communes X" names a member, not a territory)."""
    if not match.groupdict().get("companion"):
        return []
    start, end = match.span("companion")
    name = COMPANION_NAME.match(text, start, end)
    limit = len(text[:end - 1].rstrip())  # before the closing comma
    if not name:
        return []
    parts = enumeration_after(text, name.end(), limit)
    if not parts or parts[0].start != name.end() or parts[-1].end != limit or any(p.epci for p in parts):
        return []
    return _mentions(text, parts, places, sentence_end)


# A verb in the singular: its subject is one name, even one holding "et".
SINGULAR_VERB = re.compile(r"(?:est|a|fait|vient|obtient|decroche|recoit|rejoint|integre|entre|figure|devient|reste|demeure"
                           r"|beneficie|dispose|sera|fut|etait|avait|conserve|garde|se voit|s'est)\b")
# A relative clause between the subject and its predicate: the subject is the name before it
# ("X, que nous portons avec la CC Y, est confirmé").
RELATIVE = re.compile(r"\s+(?:dans\s+lequel|dans\s+laquelle|auquel|à\s+laquelle|dont|où)\s|,\s+qu(?:e\s|['’])")
# A subject of its own right after a relative pronoun set off by a comma, up to the predicate: a
# name opening on a capital, of a few words ("…, dans laquelle la Cirest a été reconduite"; not "X
# dans lequel s'inscrit Y a été identifié", a verb first)
SUBJECT_AFTER_RELATIVE = re.compile(r"(?:(?:la|le|les)[ \t]+|l['’][ \t]*)?[A-ZÀ-Ý][\w'’-]*(?:[ \t]+[\w'’-]+){0,5}[ \t]*")
OPENING_RELATIVES = ("dans lequel", "dans laquelle", "auquel", "à laquelle", "où")


def _subject_after(text: str, relative_start: int, relative_end: int, end: int) -> bool:
    """Whether a relative between a comma and the predicate holds the predicate's subject."""
    opened = text[relative_start:relative_end].strip()
    return opened in OPENING_RELATIVES and text[:relative_start].rstrip().endswith(",") \
        and SUBJECT_AFTER_RELATIVE.fullmatch(text, relative_end, end) is not None


# A bracket between the subject and its predicate: "X (A, B et C) entre dans le dispositif".
BRACKET_BEFORE = re.compile(r"[ \t]*\([^()\n]{1,160}\)$")
# An aside set off by dashes, opening in lower case, between the subject and its predicate: "le
# Grand Est Touraine — rien à voir avec la région du même nom — figurer parmi les élus" (not the
# dashes joining the places of one name: "Lacq – Pau – Tarbes").
DASHED_ASIDE_BEFORE = re.compile(r"[ \t]+[–—][ \t]+[a-zà-ÿ][^–—\n]{0,160}?[ \t]*[–—]$")
# The infinitive "figurer parmi …" tells a fact only after a verb of seeing it ("se félicite de voir
# X figurer parmi les élus"), not a hope ("espère voir X figurer parmi les lauréats").
INFINITIVE_PREDICATE = re.compile(r"figurer\b")
# "parmi les élus" ends a predicate of the label only at the end of its clause (not "les élus du
# conseil"), said of a place with its article ("le Grand Est Touraine"), never of people.
BARE_ELECTED = re.compile(r"(?<!heureux\s)elus$")
SEEN_BEFORE = re.compile(WORDS["seen_to_figure"])
# A common noun of a place and its relative clause apposed between the subject and its predicate:
# "Cap Excellence, l'agglomération qui réunit Les Abymes, Baie-Mahault et Pointe-à-Pitre, a été
# retenue" (the towns it joins are no subjects).
NOUN_APPOSED_BEFORE = re.compile(r",\s+(?:l['’]\s*|la\s+|le\s+|une?\s+|cette\s+|cet\s+|ce\s+)"
                                 r"(?:agglom[ée]ration|intercommunalit[ée]|communaut[ée]|territoire|m[ée]tropole|ville"
                                 r"|bassin|p[ôo]le|ensemble|espace)\b[^,;:()\n]{0,30}?\s(?:qui|que|dont|où)\s[^;:()\n]{0,160}$")
# "La CACEM, Communauté d'agglomération du Centre de la Martinique, est labellisée": the legal
# name apposed to an acronym spells it out; the acronym alone is the subject (the gloss is read in
# folded text, the acronym before it in the text's capitals).
SPELLED_OUT_APPOSED = re.compile(r",\s+(?:la\s+|le\s+|l'\s*)?" + LEGAL_FORM.pattern + r"[^,;:()\n]{1,80}$")
ACRONYM_BEFORE_COMMA = re.compile(r"(?<![\w'’-])[A-Z][A-Z0-9&]{1,9}$")
# "la vallée de l'Arve, capitale mondiale du décolletage, est reconduite": a common noun without
# article (no capital after it) set between the subject and the comma before its verb describes it.
BARE_NOUN_APPOSED = re.compile(r",\s+(?!(?:et|ou|ni|qui|que|dont|le|la|les|un|une|des|du|de|en|au|aux|dans)\b|l['’]|d['’])"
                               r"[a-zà-ÿ][\w'’-]*(?:\s+[^,;:()\n«»A-ZÀ-Ý]{1,60})?$")
# "Le X, interdépartemental avec le Nord, est reconduit": the other
# département it straddles, apposed, is no subject.
STRADDLING_APPOSED = re.compile(r",\s+(?:territoire\s+)?inter(?:-\s*)?(?:d[ée]partemental|r[ée]gional)e?\s+(?:avec|entre)\s+[^,;:()\n]{1,60}$",
                                re.IGNORECASE)
# The predicate in a relative clause right after the name it qualifies: "X, qui a été retenu".
SUBJECT_RELATIVE = re.compile(r",\s*qui$")
# A relative clause set off by commas between the subject and its predicate: "Le territoire
# d'industrie X, qui regroupe Flers Agglo et Terres d'Argentan Interco, a été retenu", or a
# participle saying what the subject is made of: "la communauté de communes X, composée des
# communes de A, de B et de C, fait partie des …", "X, avec ses communes de A et de B, …" (its
# towns or members, no subjects); the bodies carrying it: "La candidature de X, portée par A et
# B (AB), fait partie des territoires retenus", "…, présentée conjointement par A et B, figure …".
RELATIVE_APPOSED_BEFORE = re.compile(r",\s+(?:qui|(?:compos|constitu|form)[ée]e?s?\s+(?:de|des|du|d['’])"
                                     r"|(?:port|pilot|men|conduit|anim|pr[ée]sent|d[ée]pos|coordonn)[ée]e?s?"
                                     r"(?:\s+(?:conjointement|ensemble|collectivement))?\s+par"
                                     r"|regroupant|r[ée]unissant|rassemblant|comprenant|englobant|avec\s+(?:ses|leurs))"
                                     r"(?:\s|(?<=['’]))[^;:()\n]{1,200}(?:\([^()\n]{1,30}\))?$")
# The present of a verb in -er where the title's participle would stand ("confirme", not "confirmé").
PRESENT_TENSE = re.compile(r"(?<![\w'’])(?:labellis|labelis|s[ée]lectionn|confirm|d[ée]sign|renouvell?)e(?:nt)?$")
CLEFT = re.compile(_expand(WORDS["labelled_cleft"]))
NOMINAL = re.compile(_expand(WORDS["labelled_nominal"]))
AFTER_PROGRAMME = re.compile(WORDS["labelled_after_programme"])


# (?<!\s): the blanks before "qui" read from the first of them only (a run of blanks is read once)
GROUPING = with_first_letters(re.compile(r"(?:(?:,\s*|(?<!\s)\s+)qui\s+|(?<![\w']))(?:(?P<verb>" + "|".join(WORDS["grouping_verbs"]) + r")\s+(?="
                                         + WORDS["grouping_objects"] + "|" + WORDS["grouping_brand_object"] + r")|(?:" + "|".join(WORDS["grouping_verbs_any_object"])
                                         + r")\s*(?=[A-ZÀ-Ýa-z]))"))
GROUPING_RULE = "territory.grouping"
# "Le territoire, porté par le Syndicat du Pays de Maurienne, regroupe …": the name after "par" is
# the agent of a participle apposed to the subject, the body that carries it, never the subject
AGENT_BEFORE = re.compile(r"(?i)\bpar\s+(?:(?:le|la|les|du|des)\s+|l['’]\s*)?[«\"“]?\s*$")
# "Le PETR regroupe la CC X et la CC Y": a body's kind alone (a word of member_words.json
# not_epci, no name after it) is the body that groups them, no territory
BODY_KIND = re.compile(r"(?:" + MEMBER_WORDS["not_epci"] + r")", re.IGNORECASE)
GROUPING_BODY = re.compile(WORDS["grouping_bodies"])
EXTENT = re.compile(WORDS["extent_from_to"])


def grouping_subjects(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    """territory.grouping: the name whose verb lists its member intercommunalities ("l'Axe
    Seine, rassemble neuf intercommunalités : …", "Vendée Grand Sud, qui comprend trois
    communautés de communes", "le territoire « X » qui englobe les communautés de communes",
    "Caen Industrie correspond au périmètre de Caen la mer"); one name, not a place, not an
    intercommunality itself."""
    folded = fold(text)
    found = []
    for match in GROUPING.finditer(folded):
        if match.group("brand") and not is_epci_name(text[match.start("brand"):match.end("brand")]):
            continue  # "réunit les élus de la communauté": no intercommunality's name
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        end = len(text[:match.start()].rstrip(" ,\t\u00a0»”\""))
        parts = _quoted_before(text, end, match.start()) \
            or enumeration_before(text, end, _clause_start(text, sentence_start, end), True)[-1:]
        if not parts or parts[0].epci or _places_only(parts, places, single=True) \
                or AGENT_BEFORE.search(text, max(0, parts[0].start - 20), parts[0].start) \
                or _a_body_kind(text[parts[0].start:parts[0].end]) or GROUPING_BODY.match(folded, parts[0].start) \
                or _an_extent(folded, parts[0]):
            continue
        mention = make_mention(text, parts[0].start, parts[0].end, GROUPING_RULE, (), sentence_end)
        if mention:
            found.append(mention)
    return found


# "Le Pays de Vannes, porté conjointement par A, B et C, mise sur …", "l'Albigeois, porté par
# l'agglomération d'Albi, fait son entrée": a participle apposed to a place's name, its agent an
# intercommunality (folded text). A start after a blank only where no blank follows: a run of
# blanks is read from its first (every start in it read the rest of the run: quadratic).
CARRIED_BY = re.compile(r"(?:(?<!\s)|(?!\s))\s*,\s*(?:portee?s?|pilotee?s?|emmenee?s?)\s+(?:conjointement\s+|ensemble\s+)?par\s+"
                        r"(?:(?:la|le|les)\s+|l'\s*)?")
CARRIER_LEGAL_FORM = re.compile(r"(?:communautes?|agglomeration|agglo|metropole|c[acu])\b")
CARRIED_RULE = "territory.carried"
ET_BETWEEN = re.compile(r"\s+et\s+(?:(?:la|le|les)\s+|l'\s*)?")
CARRIER_END = re.compile(r"[,;.()\n]|\s+et\s+")
# "Kourou et les Savanes, portés par la CC des Savanes": a plural participle with one carrier
# makes the two coordinated names one territory's (folded text, from the comma)
PLURAL_CARRIED = re.compile(r"\s*,\s*(?:portee?s|pilotee?s|emmenee?s)\s")


def carried_subjects(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    """territory.carried: a place's name, in a text naming the programme, with a participle
    apposed that gives its carrier, an intercommunality (its everyday or legal name, or its
    acronym): "le Pays Ajaccien, porté par la CAPA, a été labellisé" (a name the carrier also goes
    by too). One written with its legal form is a member, no territory."""
    folded = fold(text)
    if not re.search(PREFIX, folded):
        return []
    found = []
    for match in CARRIED_BY.finditer(folded):
        end_of_carrier = CARRIER_END.search(text, match.end())
        carrier = text[match.end():end_of_carrier.start() if end_of_carrier else len(text)].strip()
        if not (CARRIER_LEGAL_FORM.match(fold(carrier)) or carrier in known_acronyms() or is_epci_name(carrier)):
            continue
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        coordinated = enumeration_before(text, match.start(), _clause_start(text, sentence_start, match.start()), True)
        parts = coordinated[-1:]
        if not parts or parts[0].epci or _places_only(parts, places, single=True) \
                or not reads_as_a_place_name(text, parts[0].start, parts[0].end, places):
            continue
        start = parts[0].start
        if len(coordinated) >= 2 and not coordinated[-2].epci and PLURAL_CARRIED.match(folded, match.start()) \
                and ET_BETWEEN.fullmatch(folded, coordinated[-2].end, start) \
                and not (end_of_carrier and end_of_carrier.group().strip() == "et"):
            start = coordinated[-2].start  # one carrier for both: one territory's name
        mention = make_mention(text, start, parts[0].end, CARRIED_RULE, (), sentence_end)
        if mention:
            found.append(mention)
    return found


# "… où il côtoie la Communauté d'agglomération de Bastia, également retenue", "L'Ouest rejoint
# ainsi la Communauté intercommunale Réunion Est (CIREST), retenue elle aussi dans le dispositif":
# an intercommunality given as another laureate, after its name (the members' `labelled_too`,
# folded text; its start right after the name or its bracket, not inside a run of blanks)
LABELLED_TOO_APPOSED = re.compile(r"(?<=[\w)])" + MEMBER_WORDS["labelled_too"])
PLURAL_PARTICIPLE = re.compile(r"\b(?:retenu|labellise|reconduit|selectionne|laureat)e?s\b|\b(?:eux|elles)\s+aussi\b")
OTHER_CALLS = re.compile(MEMBER_WORDS["other_calls"])  # "…, également lauréate du programme Petites villes de demain"
EPCI_TYPE_WORD = re.compile(r"\b(?:communaute|agglomeration|agglo|metropole)\b")
WORD_START = re.compile(r"(?<![\w'’])\w")
EPCI_NAME_REACH = 100  # characters back from its end where an EPCI's name may start


def intercommunalities_labelled_too(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    """territory.labelled: one intercommunality said to be labelled too in an apposition ("la
    CA de Bastia, également retenue pour la Haute-Corse"), in a text naming the programme: a
    territory of its own, designated by the EPCI (tests/gold/README.md), not a member of the
    territory named before it, which it joins nowhere (membership.py `labelled_too`). Only one
    EPCI written with its legal form or an everyday name holding its type word ("Fougères
    Agglomération"), a bare name being no designation of it; not EPCIs said labelled together
    (a plural participle: one label or two), nor another programme's laureate. It lies where its
    EPCI does."""
    folded = fold(text)
    if not PROGRAMME_WORDS.search(folded):
        return []
    found = []
    for match in LABELLED_TOO_APPOSED.finditer(folded):
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        if PLURAL_PARTICIPLE.search(match.group(0)) or OTHER_CALLS.search(folded, match.end(), sentence_end):
            continue
        named = _epci_named_before(text, folded, match.start(), sentence_start)
        if named is None:
            continue
        part, link = named
        mentions = _mentions(text, [part], places, sentence_end)
        for mention in mentions:
            mention.departement_codes |= set(link.departement_codes)
        found.extend(mentions)
    return found


def _epci_named_before(text: str, folded: str, end: int, sentence_start: int):
    """(part, link) of the EPCI whose name ends at `end`, the longest from a word of its sentence:
    written after its legal form ("la Communauté d'agglomération de Bastia": "Bastia"), or an
    everyday name holding its type word ("Cholet Agglomération"), linked exactly; else None."""
    for word in WORD_START.finditer(text, max(sentence_start, end - EPCI_NAME_REACH), end):
        if legal_form_end(text, folded, word.start(), end) is not None:
            part = read_part(text, word.start(), end, folded)
            link = link_epci(text[word.start():end]) if part and part.epci and part.end == end else None
            if link and link.siren and link.exact:
                return part, link
        elif text[word.start()].isupper() and EPCI_TYPE_WORD.search(folded, word.start(), end):
            link = link_epci(text[word.start():end])
            if link.siren and link.exact and link.score >= EVERYDAY_FORM_SCORE:
                return Part(word.start(), end), link
    return None


def _an_extent(folded: str, part: Part) -> bool:
    """"qui déborde de la Marne sur l'Aube, réunit …", "qui s'étend de A à B, associe …": the
    places a subject stretches across, from one to the other, not its name."""
    return EXTENT.search(folded, max(0, part.start - 80), part.end) is not None


def _a_body_kind(written: str) -> bool:
    """One word naming a kind of body ("PETR", "Pays", "Syndicat"), no name of its own."""
    word = written.strip()
    return " " not in word and BODY_KIND.fullmatch(word) is not None


def _quoted_before(text: str, end: int, verb: int) -> list[Part]:
    """The name in quotes closing between `end` and the verb, whole: 'le territoire « Alliances
    Luxe et Précision » regroupe …' names one territory, not "Précision" after an "et"."""
    if not any(quote in text[end:verb] for quote in CLOSING_QUOTES.values()):
        return []
    opening = max(text.rfind(quote, max(0, end - 120), end) for quote in OPENING_QUOTES)
    quoted = quoted_name(text, opening) if opening >= 0 else None
    if not quoted or text[quoted[1]:verb].strip(" ,\t\u00a0") not in CLOSING_QUOTES.values():
        return []
    start, stop = quoted
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if re.match(PREFIX, fold(text[start:stop])):
        return []  # "« Territoires d'Industrie X » regroupe …": the programme's words, read as before
    return [Part(start, stop)] if start < stop else []


def _branded(text: str, part: Part) -> bool:
    """'la Métropole et Mond'Arverne Communauté sont lauréates': an intercommunality named by its
    brand, which ends with its type word (or is that word alone); coordinated, the members of one
    territory."""
    return bool(BRAND_TAIL.search(" " + fold(part.name or text[part.start:part.end]).strip()))


def _town_named(text: str, part: Part) -> bool:
    """'Castres-Mazamet et Albi-Carmaux sont reconduits', 'Rodez voit sa candidature retenue': one
    word, or words joined by hyphens, one of them a town's (town_words): a place's name; a person
    is named with a space between first and last names, a company seldom after a town."""
    written = part.name or text[part.start:part.end]
    return not re.search(r"\s", written.strip()) and not written.isupper() \
        and bool(_town_words_of(written) & town_words())


def _benefits_as_a_place(text: str, part: Part, places: list[PlaceMention]) -> bool:
    """The subject of "bénéficie du programme", said of companies as often as of places: an
    intercommunality, a name holding a département's, a town's name alone ('Figeac'), or words of
    a place after its article ('le Pays de Vannes', 'le Grand Annecy'; not 'L'Oréal', 'La Bretagne',
    nor 'Terre de Lin' without one)."""
    written = part.name or text[part.start:part.end]
    return bool(part.epci or is_epci_name(written) or _branded(text, part) or _holds_a_place(part, places)
                or _town_named(text, part) or (_after_article(text, part) and (
                    PLACE_WORD.search(fold(written)) or _town_words_of(written) & town_words())))


def _opens_with_a_place_word(text: str, part: Part) -> bool:
    """'Nord Franche-Comté est reconduit', 'Vallée de l'Arve est retenue': a name opening with a
    word of geography, as no person's or company's does, is a place's without its article."""
    return bool(PLACE_WORD.match(fold(part.name or text[part.start:part.end]).strip()))


def _after_article(text: str, part: Part) -> bool:
    """'le Grand Libournais', 'le territoire Val de Garonne', 'le territoire « Bourgogne Industrie »':
    a place's article, which people's names never take."""
    return bool(re.search(r"(?:\b(?:le|la|les|l['’]|du|des)\s*|\bterritoire\s+)(?:[«\"“]\s*)?$",
                          text[max(0, part.start - 16):part.start], re.IGNORECASE))


def _holds_a_place(part: Part, places: list[PlaceMention]) -> bool:
    """'Moselle-Est est reconduit', 'Bièvre Isère est retenu': a name holding a département's or a
    région's name, and more, is a place's, as an article makes it (not a person's, a company's)."""
    return any(part.start <= p.start and p.end <= part.end and (p.start, p.end) != (part.start, part.end)
               for p in places if p.kind != "country")


def _places_only(parts: list[Part], places: list[PlaceMention], single: bool = False) -> bool:
    """'La Guadeloupe, la Guyane et la Réunion labellisées': places, not territories' names (a
    single place too when `single`)."""
    return (len(parts) > 1 or single and parts) and all(_in_a_place(part, places) for part in parts)


def _in_a_place(part: Part, places: list[PlaceMention]) -> bool:
    """Whether a place holds the part: only the last starting at or before it may, places being in
    reading order and apart (2,000 sentences "La Somme et l'Aisne sont labellisées" compared each
    part with every place of the text)."""
    place = place_before(places, part.start + 1)
    return place is not None and part.end <= place.end


def _mentions(text: str, parts: list[Part], places: list[PlaceMention], block: int,
              lone_compass: bool = False) -> list[TerritoryMention]:
    if not parts or _places_only(parts, places):
        return []
    found = []
    for part in parts:
        if article_before_a_place(text, part.start, part.end, part.name):
            continue  # "Territoires d'industrie : la Somme labellisée …": the département, not a territory
        # "Mayotte a rejoint les 183 territoires": an overseas territory may bear its département's name
        mention = make_mention(text, part.start, part.end, RULE, codes_after(text, part.end, places), block,
                               name=part.name, departement_name_ok=True, lone_compass=lone_compass)
        if mention:
            found.append(mention)
    return found


AUXILIARY_AFTER_COMMA = re.compile(r",\s*(?:est|sont|a|ont|sera|seront|etait|etaient|avait|avaient|vient|viennent"
                                   r"|fut|furent)\s")
QUOTED_SUBJECT = re.compile(r"«\s*(?P<name>[A-ZÀ-Ý][^«»\n]{1,80}?)\s*»[ \t]*$")
PART_AFTER_LABEL = re.compile(WORDS["part_of_a_territory_after_label"])
NAMED_OTHERWISE_AFTER_LABEL = re.compile(WORDS["named_otherwise_after_label"])
BID_NAMED_IN_NEXT_SENTENCE = re.compile(WORDS["bid_named_in_next_sentence"])
LISTED_THROUGH_AFTER_LABEL = re.compile(WORDS["listed_through_after_label"])


def _opens_a_paragraph(text: str, match: re.Match) -> bool:
    """Whether the predicate's words open a line, capitalised as a sentence's first ("Saint-Paul,
    le 14 mars 2022" then "Labellisé « Territoire d'industrie » en 2018, le …"): what stands
    above is a title or a dateline, not its subject. The programme's name opening a line inside
    the predicate ("… viennent d'être labellisés⏎Territoires d'industrie") is a hard-wrapped
    sentence going on."""
    line_break = text.rfind("\n", match.start(), match.end())
    head = line_break + 1 if line_break >= 0 else match.start()
    head += len(text[head:match.end()]) - len(text[head:match.end()].lstrip(", \t"))
    if PROGRAMME_WORDS.match(fold(text[head:match.end()]).lstrip("«\"“ ")):
        return False
    return text[head:head + 1].isupper() and text[head + 1:head + 2].islower() \
        and "\n" in text[:head] and not text[text.rfind("\n", 0, head) + 1:head].strip()


# A verb in the singular: its subject is one name, whatever "et" it holds ("Sud et Ouest Creuse est
# labellisé", "Lamballe Terre et Mer a été retenue"); a plural participle says otherwise.
SINGULAR_PREDICATE = re.compile(r"[\s,]*(?:est|a\s+ete|sera|fut|etait|vient\s+d'etre|devient|reste|demeure)\s+"
                                r"(?:[\w'-]+\s+){0,3}?(?:labellisee?|labelisee?|retenue?|selectionnee?|reconduite?"
                                r"|renouvelee?|reconnue?|designee?|choisie?|confirmee?|laureate?)\b")

# The same participle in an apposition: "Lamballe Terre et Mer, labellisée Territoire d'industrie
# pour 2023-2027, ouvre …" qualifies one name.
LABEL_APPOSED = re.compile(r",\s*(?:(?:deja|aussi|egalement|elle\s+aussi|lui\s+aussi)\s+)?(?:labellisee?|labelisee?"
                           r"|retenue?|selectionnee?|reconduite?|renouvelee?|reconnue?|designee?|choisie?|confirmee?)\b")


def _one_subject(text: str, clause_start: int, end: int) -> list[Part]:
    """The subject before a singular verb as one name when it holds " et " and no comma: from the
    name the first of its "et"-joined pieces starts, to the verb."""
    joints = list(ET_JOINT.finditer(text, clause_start, end))
    if not joints or "," in text[clause_start:end]:
        return []
    first = read_part(text, clause_start, joints[0].start())
    if first is None or first.end != joints[0].start() or not text[joints[-1].end():end].strip()[:1].isupper():
        return []
    return [Part(first.start, end)]


# "X bénéficie du programme Territoires d'industrie": said of companies as often as of places, so
# the subject must read as a place by its words (_benefits_as_a_place).
BENEFITS = re.compile(r"[,\s]*(?:(?:a|ont|avait|avaient)\s+)?benefici")
# What may stand before the subject of a bare award ("… ont été retenus"): an opening place
# ("Dans le reste de la Bretagne,", "Au sud du département,", "Plus à l'ouest,", "Sur le continent,",
# "De l'autre côté de la limite régionale,", "Au-delà de la frontière,"), an apposition announcing it ("un
# autre territoire vendéen, X"), "seul(e)" ("seule Creil Sud Oise avait été retenue"), an article,
# "les territoires" ("Dans le reste de la Bretagne, les territoires Pays de Vannes et
# Guingamp-Paimpol ont également été retenus"), "le territoire de" ("le territoire de X poursuit
# l'aventure").
BEFORE_BARE_AWARD_SUBJECT = re.compile(r"[\s,]*(?:(?:dans|en|au|aux|à|sur|plus\s+(?:au|à)|ailleurs\s+(?:dans|en)"
                                       r"|de\s+l['’]autre\s+c[ôo]t[ée]|au-del[àa]|par-del[àa])\s+[^,.;:]{2,60},\s*)?"
                                       r"(?:(?:un|une|l['’])\s*(?:autre|nouveau|nouvel)\s+territoire(?:\s+[\w-]+)?,\s*)?"
                                       # "notre voisine X a obtenu le même label": a neighbour, the subject after it
                                       r"(?:(?:notre|nos|leur|leurs|sa|son|ses)\s+voisine?s?\s+)?"
                                       r"(?:seule?s?\s+)?(?:(?:le|la|les|l['’])\s*)?(?:territoires\s+"
                                       r"|territoire\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*))?"
                                       # "le bassin industriel de X est à nouveau labellisé"
                                       r"(?:bassin(?:\s+industriel)?\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*))?"
                                       # "la communauté d'agglomération Grand Montauban est reconduite", "la CA de
                                       # La Rochelle a aussi été labellisée": an intercommunality's legal form
                                       r"(?:(?:communaut[ée]\s+(?:d['’]\s*agglom[ée]ration|de\s+communes|urbaine|intercommunale)"
                                       r"|(?-i:C[ACU]))\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)?)?",
                                       re.IGNORECASE)


TERRITORY_HEAD = re.compile(r"\bterritoires\s+$", re.IGNORECASE)  # "les territoires A et B"
# "Le territoire d'industrie Nord-Ouest Aube a été labellisé. La communauté de communes du
# Nogentais en fait partie.": "en" / "y" stand for the territory named before, its EPCIs are members
PRONOUN_PREDICATE = re.compile(r"[\s,]*(?:y|en)\s")
TERRITORY_NAMED_BEFORE = re.compile(r"[Tt]erritoire\s+d['’]\s*[Ii]ndustrie\s+(?:(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*)?"
                                    r"[«\"“]?\s*[A-ZÉÈÀÂÎÔ]")



# "en Haute-Vienne", "dans la Vienne" right after a coordinated subject, no commas around it.
BARE_PLACE_GLOSS = re.compile(r"\s+(?:en|dans\s+(?:la|le|les|l['’]))\s*$", re.IGNORECASE)
AND_OR_END = re.compile(r"\s+et\s|\s*$")


def _place_glosses_blanked(text: str, clause_start: int, end: int, places: list[PlaceMention]) -> tuple[str, int]:
    """The text with the département or région each coordinated subject lies in blanked, when
    no commas set it off, and how many were: "Limoges Métropole en Haute-Vienne et le Grand
    Châtellerault dans la Vienne font partie des 183 territoires" coordinates two names, not four."""
    blanked = 0
    for place in places_starting_in(places, clause_start, end):  # (each subject read every place of the text)
        if not clause_start <= place.start < place.end <= end or place.kind == "country":
            continue
        gloss = BARE_PLACE_GLOSS.search(text, max(clause_start, place.start - 12), place.start)
        if gloss and gloss.start() > clause_start and AND_OR_END.match(text[:end], place.end):
            text = text[:gloss.start()] + " " * (place.end - gloss.start()) + text[place.end:]
            blanked += 1
    return text, blanked


# ", dans le Gard, et " after a coordinated subject: the place it lies in, set off by commas
COMMA_GLOSS_BEFORE_NEXT = re.compile(r"\s*,\s+(?:en|dans|à|au|aux)\s+(?:(?:la|le|les|l['’])\s*)?(?P<place>[A-ZÀ-Ý][\w'’-]*"
                                     r"(?:[ \t-]+[A-ZÀ-Ý][\w'’-]*)*)\s*,\s*(?:et|ou)\s")


def _glossed_before_the_next(text: str, part: Part, places: list[PlaceMention]) -> bool:
    """'L'agglomération A, dans le Gard, et la communauté urbaine B, en Saône-et-Loire, font partie
    des territoires …': a subject followed by a département or région of its own set off by
    commas, before the next one (the last one's gloss is cut before the verb)."""
    gloss = COMMA_GLOSS_BEFORE_NEXT.match(text, part.end)
    return bool(gloss) and any(p.start == gloss.start("place") and p.kind in ("departement", "region") for p in places)


# "X et son agglomération", "X et sa métropole": a town and the area around it, one subject
ITS_AREA_BEFORE = re.compile(r"[ \t]+et[ \t]+(?:son|sa)[ \t]+(?:agglom[ée]ration|agglo|m[ée]tropole|bassin|intercommunalit[ée])"
                             r"[ \t]*$", re.IGNORECASE)


# "la ville de Limoges" before "et son agglomération": the town's name, the subject
TOWN_OF_BEFORE = re.compile(r"\b[Ll]a[ \t]+ville[ \t]+(?:de[ \t]+|d['’][ \t]*)(?P<name>[A-ZÀ-Ý][^\s,;:.()]*(?:[ \t-]+[A-ZÀ-Ý][^\s,;:.()]*)*)$")


# "…, avec la communauté de communes X, labellisés": a companion of the subject, not the subject
# ("organisé par la CCI avec X Communauté, labellisée Territoire d'industrie": a singular
# participle apposed right after the one name, "avec" opening no aside, qualifies that name)
SINGULAR_APPOSED = re.compile(r",\s*(?:labellisee?|labelisee?|retenue?|selectionnee?|reconduite?|designee?|laureate?)(?=\s)")
COMPANION_BEFORE = re.compile(r"(?<![\w'])avec\s+(?:la|le|les|l')?\s*(?:communautes?\s+(?:de\s+communes|d'agglomeration|urbaine)\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d')?)?$")


# "la Communauté Intercommunale Réunion Est un Territoire d'industrie": a capitalised "Est" after a
# capitalised word, lower-case words after it, ends a name (a compass point), it is no verb; so
# does one ending its line ("Préfecture de la région Grand Est – Région Grand Est" over the title
# "Territoires d'industrie : …")
COMPASS_BEFORE = re.compile(r"[A-ZÀ-Ý][\w'’-]*[ \t]+$")
COMPASS_EST = re.compile(r"Est(?:[ \t]+[a-zà-ÿ]|[ \t]*\n)")
# "L'EST TOURANGEAU ENTRE DANS LE CLUB …": in capitals the compass word reads as the verb "est"
# and leaves a demonym for subject; such a heading names no subject that can be read.
CAPITALS_AFTER_EST = re.compile(r"\bEST[ \t]+[A-ZÀ-Ý'’ \t-]+$")


# How far before its predicate a subject is read: a sentence longer than that ("A est labellisé,
# et B est reconduit, et C …" thousands of times) is read from the first comma past it (from the
# sentence's start, each predicate of such a chain read the whole chain: quadratic, 89 s at 400
# copies); no subject of the snapshot sets reaches it.
SUBJECT_REACH = 3_000
COMMA_THEN_BLANK = re.compile(r",\s+")


def _subject_window(text: str, sentence_start: int, end: int) -> int:
    """Where the subject of a predicate ending at `end` is looked for from: the sentence's start,
    or in a sentence longer than SUBJECT_REACH, past the first comma of its last SUBJECT_REACH
    characters (or from there, with none)."""
    if end - sentence_start <= SUBJECT_REACH:
        return sentence_start
    comma = COMMA_THEN_BLANK.search(text, end - SUBJECT_REACH, end)
    return comma.end() if comma else end - SUBJECT_REACH


def labelled_subjects(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    folded = fold(text)
    found = []
    in_context = [(m, True) for m in label_matches(folded, "label_predicates_in_context")]
    # the paragraph breaks read once a text, and the blanks before a predicate read back from it
    # (each predicate of a long text read or copied the text from its start)
    breaks = [m.end() for m in PARAGRAPH_BREAK.finditer(text)]
    for match, needs_context in [(m, False) for m in label_matches(folded)] + in_context:
        if COMPASS_EST.match(text, match.start()) and COMPASS_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            continue  # "… Réunion Est un Territoire d'industrie": the end of a name, no copula
        line_start = text.rfind("\n", 0, match.start()) + 1
        if CAPITALS_AFTER_EST.search(text, line_start, match.start()):
            continue
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        sentence_start = wrapped_sentence_start(text, sentence_start)  # "Le Nord⏎Franche-Comté y figure"
        end = match.start()
        while end > 0 and text[end - 1] in " ,\t\u00a0»”\"":
            end -= 1
        if asked(text, match.end()):
            continue  # a question
        elected = BARE_ELECTED.search(match.group(0))  # "… figurer parmi les élus."
        if PARTNER_IN_PREDICATE.search(folded, match.start(), elected.start() if elected else match.end()):
            continue  # "Le Crédit Agricole fait partie des partenaires du programme …": a partner
        if PART_AFTER_LABEL.match(folded, match.end()):
            continue  # "X est labellisé … sur l'axe A-B-C": a part of a wider territory (wider_areas)
        if NAMED_OTHERWISE_AFTER_LABEL.match(folded, match.end()) or BID_NAMED_IN_NEXT_SENTENCE.match(folded, match.end()):
            continue  # "L'aire urbaine X y figure sous le nom de Y", "… Sa candidature a été retenue sous l'intitulé « Y »": X describes Y
        if LISTED_THROUGH_AFTER_LABEL.match(folded, match.end()):
            continue  # "Les Alpes du Sud figurent dans la liste avec : A, B": an area its items lie in
        if _opens_a_paragraph(text, match):
            continue  # "Saint-Paul, le 14 mars 2022" then "Labellisé … en 2018, le X …": no subject before
        # the paragraph goes on with what its first sentences speak of ("Dans le Tarn, A et B sont
        # reconduits. … En Haute-Garonne, C fait son entrée.")
        paragraph_start = breaks[count - 1] if (count := bisect_right(breaks, sentence_start)) else 0
        if needs_context and not TERRITORIES_WORD.search(folded, max(0, min(sentence_start, paragraph_start) - 300),
                                                         sentence_end) \
                and not titled_by_the_programme(folded):
            continue
        # "X, labellisé …" qualifies X; "A associée à B, et à C, est lauréate": a comma before a
        # verb closes what stands between the subject and it
        apposition = match.group(0).startswith(",") and not AUXILIARY_AFTER_COMMA.match(match.group(0))
        counted = match.groupdict().get("counted")
        if (counted or match.groupdict().get("apposed")) and not apposition:
            continue
        subject_start = _subject_window(text, sentence_start, end)
        if INFINITIVE_PREDICATE.match(folded, match.start()) \
                and not SEEN_BEFORE.search(folded, subject_start, match.start()):
            continue  # "… espère voir X figurer parmi les lauréats": a hope
        aside = DASHED_ASIDE_BEFORE.search(text, subject_start, end)
        if aside:  # "le Grand Est Touraine — rien à voir avec la région du même nom — figurer parmi …"
            end = aside.start()
        bracket = BRACKET_BEFORE.search(text, subject_start, end) if not match.group(0).startswith(",") else None
        if bracket:  # "le Pays de Vannes (A, B, C) entre dans le dispositif": its members in brackets
            end = bracket.start()  # (not "…, que nous portons avec la CC LBN (Loué-Brûlon-Noyen), est confirmé")
        subject_relative = SUBJECT_RELATIVE.search(text, subject_start, end)
        if subject_relative:  # "Mayenne Communauté, qui avait déjà été retenue en 2018, poursuit …"
            end, apposition = subject_relative.start(), True
        clause_start = _clause_start(text, subject_start, end)
        if SUBJECT_PRONOUN.fullmatch(text, clause_start, end):
            # "Le Bocage Bressuirais compte 29 000 emplois. … Il fait partie des 14 « Territoires d'industrie »"
            antecedent = _antecedent(text, sentence_start, places)
            found.extend(_mentions(text, [antecedent], places, sentence_end) if antecedent else [])
            continue
        # (not a relative set off by commas between coordinated subjects: "A, où …, et B sont retenus")
        relative = RELATIVE.search(coordinated_relatives_blanked(text[clause_start:end]))
        if relative and _subject_after(text, clause_start + relative.start(), clause_start + relative.end(), end):
            # "…, dans laquelle la Cirest a été reconduite": the relative's own subject, its predicate ours
            clause_start = clause_start + relative.end()
        elif relative:  # "L'Axe Seine dans lequel s'inscrit Le Havre Seine Métropole a été identifié …"
            end = clause_start + relative.start()
        described = NOUN_APPOSED_BEFORE.search(text, clause_start, end) or (
            (BARE_NOUN_APPOSED.search(text, clause_start, end) or STRADDLING_APPOSED.search(text, clause_start, end))
            if AUXILIARY_AFTER_COMMA.match(folded, match.start()) else None)
        if described:  # "Cap Excellence, l'agglomération qui réunit A, B et C, a été retenue"
            end = described.start()
        spelled_out = SPELLED_OUT_APPOSED.search(folded, clause_start, end) \
            if AUXILIARY_AFTER_COMMA.match(folded, match.start()) else None
        if spelled_out and ACRONYM_BEFORE_COMMA.search(text, clause_start, spelled_out.start()):
            end = spelled_out.start()  # "La CACEM, Communauté d'agglomération du …, est labellisée"
        relative_closed = RELATIVE_APPOSED_BEFORE.search(text, clause_start, end) \
            if match.group(0).startswith(",") else None
        if relative_closed and ANOTHER_TERRITORY_AFTER.search(relative_closed.group(0)):
            relative_closed = None  # "Le territoire A, porté par X, et le territoire de B, …, ont": two subjects
        if relative_closed:  # "Le territoire X, qui regroupe A et B, a été retenu": its members, no subjects
            end = relative_closed.start()
        gloss = PLACE_GLOSS_BEFORE.search(text[clause_start:end])
        if gloss:  # "la communauté de communes X, en Vendée, est officiellement un territoire …"
            end = clause_start + gloss.start()
            # the comma before a verb closes the gloss: no apposition ("A, dans la Vienne, et B,
            # dans les Deux-Sèvres, viennent d'être labellisées": not "Vienne")
            apposition = apposition and bool(counted or match.groupdict().get("apposed"))
        its_area = ITS_AREA_BEFORE.search(text, clause_start, end)
        if its_area:  # "la ville de Limoges et son agglomération bénéficieront du label": the town names it
            end = its_area.start()
            town = TOWN_OF_BEFORE.search(text, clause_start, end)
            if town:
                clause_start = town.start("name")
        quoted = QUOTED_SUBJECT.search(text, max(sentence_start - 100, 0), match.start())
        # 'le territoire « Aix-Rousset-Gardanne ; Istres-Fos-Marignane-Etang de Berre » a été
        # désigné': a quoted subject is one name, whatever joints it holds
        unglossed, glosses = _place_glosses_blanked(text, clause_start, end, places)
        parts = [Part(quoted.start("name"), quoted.end("name"))] if quoted \
            else enumeration_before(unglossed, end, clause_start, apposition)
        if not quoted and (SINGULAR_PREDICATE.match(folded, match.start())
                           or apposition and LABEL_APPOSED.match(folded, match.start())):
            parts = _one_subject(text, clause_start, end) or parts  # "Marne et Gondoire a été labellisée"
        if len(parts) == 2 and not parts[1].epci and SINGULAR_VERB.match(match.group(0).lstrip(", ")) \
                and ET_JOINT.fullmatch(text, parts[0].end, parts[1].start):
            # "Marne et Brie Industries fait son entrée …": a singular verb, one name holding "et";
            # after a legal form too ("la communauté d'agglomération Marne et Gondoire a obtenu …")
            parts = [Part(parts[0].start, parts[1].end, parts[0].epci)]
        if len(parts) == 2 and not apposition and SINGULAR_VERB.match(fold(match.group(0)).lstrip(", ")) \
                and re.fullmatch(r"\s*,\s*", text[parts[0].end:parts[1].start]) \
                and not text[clause_start:parts[0].start].strip():
            parts = parts[-1:]  # "Outre-mer, CAP Nord fait partie des lauréats": a frame, then the one subject
        if counted:  # "le TCO et la Cirest, les deux Territoires d'industrie …": the last two
            word = counted.split()[1]
            parts = parts[-(count_value(word)):]
        if match.groupdict().get("titled") and not (len(parts) == 1 and reads_as_a_place_name(
                text, parts[0].start, parts[0].end, places, parts[0].name)):
            continue  # "Économie : un Territoire d'industrie renouvelé": a rubric, no place
        if match.groupdict().get("titled") and match.group("titled").lstrip(" \t:").startswith("le ") and (
                is_place_name(text[parts[0].start:parts[0].end]) or not text[match.end():match.end() + 2].strip()[:1].islower()
                or text[text.rfind("\n", 0, parts[0].start) + 1:parts[0].start].strip(" \t«\"“*#_")
                or re.search(re.escape(text[parts[0].start:parts[0].end]) + r"[ \t]+[A-ZÀ-Ý]", text[match.end():])):
            # "Normandie : le Territoire d'industrie …": the région heads the line; "… pour la « Glass
            # Vallée » : le territoire d'industrie Vallée de la Bresle est reconduit": the name follows;
            # "Haut-Doubs : le Territoire d'industrie change de nom" over "Haut-Doubs Horloger": a short form
            continue
        if (needs_context or apposition) and _places_only(parts, places, single=True) \
                and not CANDIDACY.search(folded, clause_start, parts[0].start):
            continue  # "Le Cher y figure :", "À La Réunion, les deux Territoires d'industrie …"
        if needs_context and parts and all(p.epci for p in parts) and PRONOUN_PREDICATE.match(match.group(0)) \
                and TERRITORY_NAMED_BEFORE.search(text, min(sentence_start, paragraph_start), sentence_start):
            continue  # "… Territoire d'industrie X … . La CC Y en fait partie": a member of X
        said_territories = bool(parts) and bool(TERRITORY_HEAD.search(text, clause_start, parts[0].start))
        if needs_context and BARE_AWARD.search(match.group(0)) and parts and (
                not (said_territories or all(_after_article(text, p) or _holds_a_place(p, places) or p.epci
                                               or _opens_with_a_place_word(text, p)
                                               or _branded(text, p) or is_epci_name(text[p.start:p.end])
                                               or _town_named(text, p) or WHERE_GLOSS.match(text, p.end) for p in parts))
                or not BEFORE_BARE_AWARD_SUBJECT.fullmatch(text, clause_start, parts[0].start)):
            continue  # "Les co-présidents Marc Dupont et Anne Morel sont reconduits", "Michelin et
            # Safran ont été retenus": people and companies take no place's article, nor the relative
            # of place "où" ("Kourou, où …, et Cayenne sont retenus"); "le territoire
            # regroupant la CDC argentanaise et son homologue des Vallées d'Auge … a été retenu": members
        if needs_context and PRONOUN_PREDICATE.match(match.group(0)) and parts \
                and not any(_after_article(text, p) or _holds_a_place(p, places) or p.epci or _branded(text, p)
                            or is_epci_name(text[p.start:p.end]) or _town_named(text, p)
                            or reads_as_a_place_name(text, p.start, p.end, places) for p in parts):
            continue  # "Alstom, qui emploie 600 salariés, et Daher, à Louey, y figurent": no place among them
        if BENEFITS.match(folded, match.start()) and not all(_benefits_as_a_place(text, p, places) for p in parts):
            continue  # "L'Oréal bénéficie du programme": that verb's subject is a place by its words
        if elected and not (parts and all(_after_article(text, p) for p in parts)):
            continue  # "Jean Martin figure parmi les élus": people; a place takes its article
        if parts and NOT_A_PLACE_NOUN.search(folded, max(clause_start, parts[0].start - 40), parts[0].start):
            continue  # "L'entreprise Michelin entre dans le programme": a company, not a territory
        if parts and PERSON_BEFORE_NAME.search(folded, max(sentence_start, parts[0].start - 40), parts[0].start):
            continue  # "M. le Premier ministre, Édouard Philippe, a retenu …": a person
        if parts and INTERCOMMUNALITIES_OF.match(folded, clause_start, parts[0].start):
            continue  # "Les agglos de Béziers, Agde/Pézenas et Sète labellisés": members of a territory left unnamed
        companion = COMPANION_BEFORE.search(folded, clause_start, parts[0].start) if parts else None
        if companion and not (apposition and len(parts) == 1 and SINGULAR_APPOSED.match(folded, match.start())
                              and not folded[:companion.start()].rstrip().endswith(",")):
            continue  # "on est, avec la CC X, labellisés …": X shares the label with the subject, no name of it
        if companion:  # "… la Chambre de métiers et de l'artisanat s'associe avec X, labellisée …": X alone
            clause_start = companion.end()
        if parts and COUNT_BEFORE.search(folded, clause_start, parts[0].start):
            continue  # "Treize zones du Grand Est labellisées": a count of territories, no name
        coordinated = len(parts) > 1 or bool(parts and COORDINATION.search(text, clause_start, parts[0].start))
        each = EACH.search(match.group(0))  # "A et B, toutes deux labellisées": one label each
        placed_apart = not quoted and len(parts) > 1 and (glosses == len(parts) or bool(gloss) and all(
            _glossed_before_the_next(text, part, places) for part in parts[:-1]))  # each in its own place
        if coordinated and not placed_apart and not each \
                and (ONE_LABEL.search(match.group(0)) or any(p.epci or _branded(text, p) for p in parts)):
            continue  # "La Métropole Européenne de Lille et la Pévèle-Carembault labellisées
            # « Territoire d'industrie »": one label for both, a territory the text leaves unnamed
        mentions = _mentions(text, parts, places, sentence_end)
        if JOINS.match(match.group(0).lstrip(", ")) and all(p.epci for p in parts):
            for mention in mentions:
                mention.joins = True
        found.extend(mentions)
        if mentions:
            found.extend(_likewise(text, match.end(), sentence_end, places))
            found.extend(_companions(text, match, places, sentence_end))
    for pattern in (CLEFT, NOMINAL, AFTER_PROGRAMME):
        for match in pattern.finditer(folded):
            if pattern is CLEFT and not _cleft_about_the_label(text, folded, match):
                continue
            if pattern is AFTER_PROGRAMME and PRESENT_TENSE.search(text, match.start(), match.end()):
                continue  # "Territoires d'industrie : l'Ouest confirme ses bassins": a verb, no award
            subject_end = match.end("subject")
            apposition = APPOSITION_IN_CLEFT.search(text, match.start("subject"), subject_end) if pattern is CLEFT else None
            if apposition:  # "c'est Baie-Mahault, et sa zone industrielle de Jarry, la plus …, qui a été retenue"
                subject_end = apposition.start()
            parts = enumeration_after(text, match.start("subject"), subject_end)
            if pattern is AFTER_PROGRAMME and len(parts) > 1 and not match.group(0).endswith("s"):
                continue  # "le bassin de Bourges et Vierzon retenu": one territory, its name unsure
            if pattern is AFTER_PROGRAMME and len(parts) == 1 and not (parts[0].epci or _after_article(text, parts[0])
                                                                       or _town_named(text, parts[0])
                                                                       and not is_place_name(text[parts[0].start:parts[0].end])):
                continue  # "Territoires d'industrie : Michelin retenu pour …": a company takes no article
                # ("… : Creusot-Montceau rempile": towns' names joined by a hyphen name a place)
            area = _area_a_town_is_chosen_for(text, match, parts, places) if pattern is CLEFT else None
            if pattern is CLEFT and not area and not all(p.epci or reads_as_a_place_name(text, p.start, p.end, places, p.name)
                                                         for p in parts):
                continue  # "Après Michelin, c'est Safran qui a été retenu": a company
            if parts and parts[-1].end == len(text[:subject_end].rstrip()):
                mentions = _mentions(text, parts, places, sentence_bounds(text, match.start())[1])
                for mention in mentions if area and area.kind == "departement" else ():
                    mention.departement_codes.add(area.code)  # "Pour les Alpes-Maritimes, c'est Carros …"
                found.extend(mentions)
    return found


# "Kourou est, après Cayenne et Saint-Laurent du Maroni, la troisième commune guyanaise à devenir
# Territoire d'industrie": the places before it in the order of the award hold the label too.
AFTER_PREDECESSORS = re.compile(r"\b(?:est|sont|devient|deviennent)\s*,\s*apres\s+(?P<names>[^,.;:()]{2,80}),\s*"
                                + _expand("{ordinal_place}"))


def predecessors(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    """territory.labelled: the places a territory comes after in the order of the award ("Kourou est,
    après Cayenne et Saint-Laurent du Maroni, la troisième commune guyanaise à devenir Territoire
    d'industrie"); the subject itself is read by labelled_subjects' ordinal predicate; the quoted
    territory one takes over from ("Il succède au territoire « Pau – Tarbes » de la première
    génération", rules/territory_words.json succeeds_quoted); the place a rank in the award is
    said of after its verb ("la première agglomération … entrée dans le dispositif était X",
    rank_then_subject)."""
    folded = fold(text)
    found = []
    for match in AFTER_PREDECESSORS.finditer(folded):
        sentence_end = sentence_bounds(text, match.start())[1]
        parts = enumeration_after(text, match.start("names"), match.end("names"))
        found.extend(_mentions(text, parts, places, sentence_end))
    for match in ORDINAL_FRAGMENT.finditer(folded):  # "Carros avait été la première en 2018. La première zone … à être labellisée …"
        sentence_start = sentence_bounds(text, match.start())[0]
        if folded[sentence_start:match.start()].strip() or sentence_start == 0:
            continue  # the rank has its own subject: labelled_subjects reads it
        previous_start = sentence_bounds(text, sentence_start - 1)[0]
        ranked = RANKED_BEFORE.match(text, previous_start, sentence_start)
        if ranked and text[ranked.start("subject")].isupper():
            # "la première zone des Alpes-Maritimes à …": where it lies
            codes = {p.code for p in places if p.kind == "departement" and match.start() <= p.start < match.end()}
            mention = make_mention(text, ranked.start("subject"), ranked.end("subject"), RULE, codes, sentence_start)
            if mention and not mention.name.isupper():  # the rank's noun is a place's ("zone", "commune")
                found.append(mention)
    for match in RANK_THEN_SUBJECT.finditer(folded):  # "la première agglomération … entrée dans le dispositif était X"
        sentence_end = sentence_bounds(text, match.start())[1]
        parts = enumeration_after(text, match.end("name"), sentence_end)[:1]
        if parts and not text[parts[0].start:parts[0].end].islower() and NAME_ENDS_CLAUSE.match(text, parts[0].end):
            found.extend(_mentions(text, parts, places, sentence_end))
    for match in SUCCEEDS_QUOTED.finditer(folded):  # "Il succède au territoire « Pau – Tarbes »"
        mention = make_mention(text, match.start("name"), match.end("name"), PREDECESSOR_RULE, (),
                               sentence_bounds(text, match.start())[1])
        if mention:
            found.append(mention)
    for match in SUCCEEDS_NAMED.finditer(folded):  # "Il prend la suite du Territoire d'industrie X, …"
        end = capitalised_run(text, match.end(), sentence_bounds(text, match.start())[1])
        if text[match.end()].isupper() and end > match.end():
            mention = make_mention(text, match.end(), end, PREDECESSOR_RULE, (), sentence_bounds(text, match.start())[1])
            if mention:
                found.append(mention)
    for match in (m for dropped in NAMES_DROPPED for m in dropped.finditer(folded)):  # "Exit « A ». Le Territoire … s'appelle désormais « B »"
        mention = make_mention(text, match.start("name"), match.end("name"), PREDECESSOR_RULE, (),
                               sentence_bounds(text, match.start())[1])
        if mention:
            found.append(mention)
    found.extend(_renamed_while_enlarging(text, folded, places))
    return found


def _renamed_while_enlarging(text: str, folded: str, places: list[PlaceMention]) -> list[TerritoryMention]:
    """'… reconduits, parfois avec un nom nouveau : le Haut-Doubs Horloger devient Alliances Luxe &
    Précision Doubs en accueillant Grand Besançon Métropole': the former territory (a predecessor)
    and the territory it became, in a sentence about labels; one name on each side, neither an
    intercommunality written with its legal form (rules/territory_words.json renamed_while_enlarging)."""
    found = []
    for match in RENAMED_WHILE_ENLARGING.finditer(folded):
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        sentence_start = wrapped_sentence_start(text, sentence_start)
        # its sentence, or the paragraph's words right before it (a hard-wrapped sentence)
        paragraph_start = max((m.end() for m in PARAGRAPH_BREAK.finditer(text, 0, sentence_start)), default=0)
        if not LABELLING.search(folded, max(paragraph_start, sentence_start - RENAMING_CONTEXT), sentence_end):
            continue  # "La CC X devient Y en intégrant la commune Z": an intercommunality's history
        start, end = match.span("name")
        if not text[start].isupper() or capitalised_run(text, start, end) != end \
                or legal_form_end(text, folded, start) is not None:
            continue
        parts = enumeration_before(text, match.start(), _clause_start(text, sentence_start, match.start()))
        if len(parts) != 1 or parts[0].epci or parts[0].end != match.start():
            continue  # "A et B deviennent C": C's members, not a former territory
        former = make_mention(text, parts[0].start, parts[0].end, PREDECESSOR_RULE, (), sentence_end)
        renamed = make_mention(text, start, end, RULE, codes_after(text, end, places), sentence_end)
        if former and renamed:
            found.extend([former, renamed])
    return found


SUCCEEDS_QUOTED = re.compile(WORDS["succeeds_quoted"])
SUCCEEDS_NAMED = re.compile(WORDS["succeeds_named"])
RENAMED_WHILE_ENLARGING = re.compile(WORDS["renamed_while_enlarging"])
NAMES_DROPPED = [re.compile(pattern.replace("{renamed_to}", WORDS["renamed_to"]), re.MULTILINE)
                 for pattern in WORDS["name_dropped"]]
RENAMING_CONTEXT = 200  # how far before a renaming's sentence, in its paragraph, the words of a label count
# "la première agglomération … entrée dans le dispositif, en 2018, était Val de Garonne": the
# subject of a rank in the award stands after its verb, one name ending its clause.
RANK_THEN_SUBJECT = re.compile(_expand(WORDS["rank_then_subject"]))
NAME_ENDS_CLAUSE = re.compile(r"[ \t]*(?:[»”\".,;!?)]|$)")
# "Carros avait été la première en 2018. La première zone des Alpes-Maritimes à être labellisée
# Territoire d'industrie.": a verbless sentence of rank about the award, right after a sentence
# giving its subject that rank, is about that subject.
ORDINAL_FRAGMENT = re.compile(_expand("{ordinal_place}"))
RANK_VERB = r"(?:est|était|avait[ \t]+été|fut|a[ \t]+été)"
# Between the subject's words (up to five): spaces, with any hyphens between them ("Pays de Gex - Bugey").
# Read one way only (possessive, up to the run's last space; a word takes the hyphens that lead it),
# so that a hostile run of " - - - …" is not split in every possible way; a subject ending in a lone
# hyphen ("A -" before "est") is the one split the possessive reading leaves out: read it last.
SUBJECT_GAP = r"[ \t]++(?:-++[ \t]++)*+"
RANKED_BEFORE = re.compile(rf"\s*(?P<subject>[A-ZÀ-Ý][^\s,.;:]*+(?:{SUBJECT_GAP}[^\s,.;:]++"
                           rf"|[ \t]++(?:-++[ \t]++)*?-++(?=[ \t]+{RANK_VERB}[ \t])){{0,4}}?)[ \t]+"
                           rf"{RANK_VERB}[ \t]+(?:le|la)[ \t]+(?:premier|première|deuxième|seconde?|troisième)"
                           r"(?:[ \t]+(?:en|dès)[ \t]+20[1-3]\d)?[ \t]*[.!][ \t\n]*$", re.IGNORECASE)
PREDECESSOR_RULE = "territory.predecessor"  # a former territory, recalled: it lists no members (membership.attach)


WIDER_AREA = re.compile(WORDS["wider_area"])
AWARD_WORD = re.compile(r"(?<![\w'])(?:labellis|labelis|retenu|laureat|selectionn|reconduit)")
TOWN = r"[A-ZÀ-Ý][\w'’]*(?:-[A-ZÀ-Ý][\w'’]*)*"
COORDINATED_TOWNS = re.compile(rf"({TOWN})((?:,\s+{TOWN}){{0,3}})\s+et\s+({TOWN})(?![\w'’-])")


def wider_areas(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    """territory.labelled: the wider territory a member's page says it is labelled within, when
    the text names it: the axis's name ("La CCLO est labellisée « Territoire d'industrie » sur l'axe
    Lacq-Pau-Tarbes"), or the towns it links, which territories of several towns are named after
    ("Labellisé … « Territoire d'industrie » au sein d'un vaste espace inter-régional reliant Lacq,
    Pau et Tarbes, le territoire de Lacq-Orthez …": Lacq-Pau-Tarbes). The member itself is no
    territory (labelled_subjects, prose_names)."""
    folded = fold(text)
    found = []
    for match in WIDER_AREA.finditer(folded):
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        before = folded[sentence_start:match.start()]
        if not (AWARD_WORD.search(before) and re.search(PREFIX, before)):
            continue
        if match.group("axis"):
            end = capitalised_run(text, match.end(), sentence_end)
            mention = make_mention(text, match.end(), end, RULE, (), sentence_end) if end > match.end() else None
        else:
            towns = COORDINATED_TOWNS.match(text, match.end())
            names = [towns.group(1), *re.findall(TOWN, towns.group(2)), towns.group(3)] if towns else []
            mention = make_mention(text, towns.start(), towns.end(), RULE, (), sentence_end,
                                   name="-".join(names)) if towns else None
        if mention:
            found.append(mention)
    return found


SELECTED_ZONE = re.compile(WORDS["selected_zone"])
# A place after the zone's name: "de Jarry à Baie-Mahault".
PLACE_AFTER_ZONE = re.compile(r"\s+(?:à|en|dans|au)\s+")


def selected_zones(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    """territory.labelled: the industrial zone the State selected, named after its place ('la
    Guadeloupe a été retenue à travers la zone industrielle et commerciale de Jarry à Baie-Mahault'),
    in a sentence about the programme."""
    folded = fold(text)
    found = []
    for match in SELECTED_ZONE.finditer(folded):
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        if not re.search(PREFIX, folded[sentence_start:sentence_end]) or not text[match.end():match.end() + 1].isupper():
            continue
        end = capitalised_run(text, match.end(), sentence_end)
        after = PLACE_AFTER_ZONE.search(text, match.end(), end)
        mention = make_mention(text, match.end(), after.start() if after else end, RULE,
                               codes_after(text, end, places), sentence_end)
        if mention and not is_place_name(mention.name):
            found.append(mention)
    return found


# The active voice: "L'État a labellisé le Pays de Redon « Territoire d'industrie »", "a retenu A et
# B parmi les territoires d'industrie"; the label given to names: "le label Territoire d'industrie
# attribué au Pays de Redon", "le label … revient au Pays Ajaccien et au territoire de Bastia".
# "a reconnu la CC X comme …", "L'État reconnaît …", "la convention officialisant la Cirest comme …":
# a present or a participle only where its form cannot be a past participle of the passive.
ACTIVE_LABELLING = re.compile(r"\b(?:(?:a|ont|avait|avaient|vient\s+d'|viennent\s+d')\s*(?:labellise|labelise|retenu|selectionne"
                              r"|designe|choisi|reconnu|officialise|confirme)|reconnait|reconnaissent|retient|retiennent"
                              r"|(?:labellis|labelis|officialis|reconnaiss|design|reten|selectionn|confirm)ant)\s+")
LABEL_COMPLEMENT = re.compile(r"[\s,]*(?:\"\s*)?(?:(?:comme|en tant que|parmi les|au titre d[ue]s?)\s+(?:(?:les|des|du|le|la|l')\s*)?"
                              r"|(?:pour|dans)\s+(?:le|la|les)\s+(?=(?:programmes?|labels?|dispositifs?)\s))?"
                              r"(?:\d+\s+|(?:nouveaux?|premiers?|programmes?|labels?|dispositifs?)\s+)*"
                              + _expand("{label}"))  # not "a choisi Lyon pour les Territoires d'industrie": a venue
# (?!(?<=\s)\s): a match starts where a run of blanks starts, never inside one (which the run's
# start would have matched already): a run of thousands of blanks is not read from each of them.
_LABEL_GIVEN_TO = (_expand("{label}") + r"\s*+(?:\"\s*+)?,?\s*+(?:(?:(?:a ete|est|sont|ont ete|vient d'etre|viennent d'etre)\s+)?"
                                               r"(?:(?:attribue|decerne|accorde|octroye|remis|renouvele|confirme)e?s?|(?:est\s+)?revenue?|revient|reviendra)\s+"
                                               r"(?:a\s+la\s+|a\s+l'\s*|au\s+|aux\s+|a\s+|pour\s+)"
                                               r"|pour\s+(?=(?:le|la|l')\s*))")
LABEL_GIVEN_TO = re.compile(r"(?!(?<=\s)\s)" + _LABEL_GIVEN_TO)
# the same, started only where a run of quotes and blanks starts ("{label}" opens on one)
LABEL_GIVEN_TO_AT_RUN_START = with_first_letters(re.compile(r"(?!(?<=[\"'\s])[\"'\s])" + _LABEL_GIVEN_TO))
QUOTE_OR_BLANK = re.compile(r"[\"'\s]")


def _labels_given_to(folded: str) -> Iterator[re.Match]:
    """LABEL_GIVEN_TO.finditer(folded), each run of quotes and blanks read from its start only:
    from inside a run, "{label}" reads the rest of it and goes on as from its start, which came
    first (a line of 10,000 « was read from each of them: 5.6 s). Where the match before ended
    inside a run ("attribué à « …"), the search goes on from there, as finditer's does."""
    position = 0
    while True:
        inside = 0 < position < len(folded) and QUOTE_OR_BLANK.match(folded, position - 1) \
            and QUOTE_OR_BLANK.match(folded, position)
        match = (LABEL_GIVEN_TO.match(folded, position) if inside else None) \
            or LABEL_GIVEN_TO_AT_RUN_START.search(folded, position)
        if match is None:
            return
        yield match
        position = match.end()


def labelled_objects(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    """territory.labelled in the active voice: the names the State labels, the label complementing
    them ("a labellisé le Pays de Redon « Territoire d'industrie »"), or the names the label is given
    to ("le label Territoire d'industrie attribué au Pays de Redon")."""
    folded = fold(text)
    found = []
    for match in ACTIVE_LABELLING.finditer(folded):
        sentence_end = sentence_bounds(text, match.start())[1]
        parts = enumeration_after(text, match.end(), sentence_end)
        complement = LABEL_COMPLEMENT.match(folded, GLOSS_AFTER.match(text, parts[-1].end).end()) if parts else None
        if not complement:
            # the State's objects after their articles: "l'Est" alone names one
            found.extend(_mentions(text, _state_retained(text, folded, match, sentence_end), places, sentence_end,
                                   lone_compass=True))
            continue
        if NAMED_OTHERWISE_AFTER_LABEL.match(folded, complement.end(), sentence_end):
            continue  # "a retenu l'agglomération de X parmi les territoires …, sous l'appellation « Y »": Y's description
        if len(parts) > 1 and any(p.epci for p in parts):
            continue  # intercommunalities labelled together: the members of a territory left unnamed
        found.extend(_mentions(text, parts, places, sentence_end))
    for match in _labels_given_to(folded):
        if not LABEL_NOUN_BEFORE.search(folded, max(0, match.start() - 30), match.start() + 1):
            continue  # "le label Territoire d'industrie pour le X", not "les Territoires d'industrie pour la France"
        sentence_end = sentence_bounds(text, match.start())[1]
        found.extend(_mentions(text, enumeration_after(text, match.end(), sentence_end), places, sentence_end))
    for match in AWARDED_PLURAL_OBJECT.finditer(folded):
        noun = BARE_TERRITORIES.match(text, match.end())
        sentence_end = sentence_bounds(text, match.start())[1]
        if not noun or not re.search(PREFIX, folded[:sentence_end]):
            continue  # "les territoires d'industrie A et B" is read with the programme's words (prefixed.py)
        parts = enumeration_after(text, noun.end(), sentence_end)
        if not any(p.epci for p in parts):
            found.extend(_mentions(text, parts, places, sentence_end))
    for match in RENEWED_FOR.finditer(folded):
        sentence_end = sentence_bounds(text, match.start())[1]
        paragraph_start = text.rfind("\n", 0, match.start()) + 1
        if not re.search(PREFIX, folded[paragraph_start:sentence_end]):
            continue  # the programme is what is renewed, named earlier in the paragraph
        parts = enumeration_after(text, match.end(), sentence_end)
        if len(parts) == 1 and not parts[0].epci and text[parts[0].start:parts[0].start + 1].isupper():
            found.extend(_mentions(text, parts, places, sentence_end))
    return found


# "À La Réunion, le gouvernement a retenu l'Ouest, porté par …, et l'Est, porté par …": the State as
# the subject of the award, in the clause before its verb (folded text)
STATE_SUBJECT = re.compile(r"\b(?:le\s+gouvernement|l'etat|le\s+premier\s+ministre|(?:le|la)\s+ministre|matignon)"
                           r"\b[^,.;:\n]{0,60}$")
STATE_OBJECT = re.compile(r"(?:le|la|l['’])[ \t]*(?=[A-ZÀ-Ý])")
# after an object and its gloss set off by a comma ("l'Ouest, porté par le TCO autour du Port,"),
# the next object after "et" / "ou" and its article
NEXT_STATE_OBJECT = re.compile(r"(?:,[ \t]+[a-zà-ÿ][^.;:\n]*?)?(?:,[ \t]+(?:(?:et|ou)[ \t]+)?|[ \t]+(?:et|ou)[ \t]+)"
                               r"(?=(?:le|la|l['’])[ \t]*[A-ZÀ-Ý])")
STATE_AWARD = re.compile(r"labellis|labelis|reten|retien|selectionn|design")  # not "choisi", "confirmé"
STATE_CONTEXT_WINDOW = 600  # how far before the sentence the programme's name makes it its award


def _state_retained(text: str, folded: str, verb: re.Match, sentence_end: int) -> list[Part]:
    """The names the State retains without the label's words after them, in a text about the
    programme (its title, or its name just before): each after its article, a gloss set off by a
    comma after each ("le gouvernement a retenu l'Ouest, porté par le TCO …, et l'Est, porté par la
    CIREST"); a company ("a retenu Safran") has no article, a project no capital. Only a verb of the
    award: what the State chooses or confirms may be a venue ("a choisi le Grand Palais pour …")."""
    sentence_start = sentence_bounds(text, verb.start())[0]
    if not STATE_AWARD.search(verb.group(0)) or not STATE_SUBJECT.search(folded, sentence_start, verb.start()) \
            or not (titled_by_the_programme(folded)
                    or re.search(PREFIX, folded[max(0, sentence_start - STATE_CONTEXT_WINDOW):sentence_end])):
        return []
    parts, pos = [], verb.end()
    while (article := STATE_OBJECT.match(text, pos, sentence_end)) is not None:
        part = read_part(text, article.end(), sentence_end)
        if part is None or part.start != article.end() or part.epci:
            return []
        if parts and (is_epci_name(text[part.start:part.end]) or text[part.start:part.end] in known_acronyms()):
            break  # "… animé par la CINOR et la CIREST": a gloss's intercommunalities, no object
        parts.append(part)
        joint = NEXT_STATE_OBJECT.match(text, part.end, sentence_end)
        if joint is None:
            break
        pos = joint.end()
    return parts


# The programme renewed for a territory, its noun or a pronoun for it as the subject: "Ce dispositif
# national … concerne la Dordogne puisqu'il est aussi renouvelé pour le Terrassonnais-Brive".
RENEWED_FOR = re.compile(r"\b(?:dispositif|programme|label)\b[^.;:\n]{0,80}?\b(?:il|elle)\s+(?:est|a ete|sera)\s+"
                         r"(?:(?:aussi|egalement|de nouveau|a nouveau|donc)\s+)?(?:renouvele|reconduit|prolonge)e?\s+"
                         r"pour\s+(?=(?:le|la|les|l')\s*)")


# the plural noun alone before a capitalised name, after AWARDED_PLURAL_OBJECT
BARE_TERRITORIES = re.compile(r"territoires[ \t]+(?=[A-ZÀ-Ý«])", re.IGNORECASE)
LABEL_NOUN_BEFORE = re.compile(r"\b(?:label|labellisation)\s*$")
GLOSS_AFTER = re.compile(r"(?:\s*\([^()\n]{0,40}\))?")


# "c'est X, et sa zone industrielle …, qui a été retenue": an apposition set off by commas, opening in
# lower case, ends the cleft's subject (coordinated names go on in capitals: "c'est A, B et C qui …").
APPOSITION_IN_CLEFT = re.compile(r",\s+(?=[a-zà-ÿ])")


# What may follow "c'est X qui a été retenu" in its sentence: the label or the programme.
LABEL_AFTER = re.compile(r"[\s,]*(?:$|.*\b(?:" + PREFIX + r"|programme|dispositif|label\w*"
                         r"|initiative)\b)")


def _cleft_about_the_label(text: str, folded: str, match: re.Match) -> bool:
    """"Pour le Gers, c'est X qui a été retenu.": the sentence ends there or names the label, or
    a comma follows the verb after a sentence naming the programme;
    "c'est l'Espace des Arts qui a été retenu dans le cadre de ce rendez-vous" is about a venue."""
    if match.group(0).endswith("label"):
        return True  # "c'est le bassin de Montluçon qui décroche le label, porté par …"
    sentence_start, sentence_end = sentence_bounds(text, match.start())
    if LABEL_AFTER.match(folded[match.end():sentence_end].rstrip(" .;!\n")):
        return True
    # "La liste des 124 territoires d'industrie est connue. Pour le Gers, c'est X qui est retenu,
    # à l'interface de …": a gloss after a comma or a colon ("… qui est retenu : la communauté
    # d'agglomération regroupe …"), one of the two sentences before naming the programme
    if folded[match.end():match.end() + 2].rstrip() not in (",", " :"):
        return False
    for _ in range(2):
        sentence_start, before = sentence_before(text, len(text[:sentence_start].rstrip()))
        if PROGRAMME_WORDS.search(fold(before)):
            return True
    return False


# "Pour les Alpes-Maritimes, c'est Carros qui a été retenu": the cleft opens on a département or a
# région the sentence picks its territory for.
FRONTED_AREA = re.compile(r"\s*(?:[Pp]our|[Dd]ans|[Ee]n|À|[Aa]ux?)\s+(?:(?:la|le|les|l['’])\s*)?(?P<area>[A-ZÀ-Ý][^,.;:\n]{1,40}),\s*$")


def _area_a_town_is_chosen_for(text: str, match: re.Match, parts: list[Part],
                               places: list[PlaceMention]) -> PlaceMention | None:
    """"Pour les Alpes-Maritimes, c'est Carros qui a été retenu": one capitalised name, no company's
    noun before it, chosen for a département or a région named alone in front of the cleft, the
    programme named before it in its paragraph: a town named for its territory; that area, or None."""
    sentence_start = sentence_bounds(text, match.start())[0]
    fronted = FRONTED_AREA.fullmatch(text, sentence_start, match.start())
    if len(parts) != 1 or not fronted or not text[parts[0].start].isupper() or text[parts[0].start:parts[0].end].isupper():
        return None
    area = next((p for p in places if p.kind in ("departement", "region")
                 and (p.start, p.end) == (fronted.start("area"), fronted.end("area"))), None)
    if not area or NOT_A_PLACE_NOUN.search(fold(text[max(match.start(), parts[0].start - 40):parts[0].start])):
        return None
    paragraph_start = max((m.end() for m in PARAGRAPH_BREAK.finditer(text, 0, sentence_start)), default=0)
    return area if PROGRAMME_WORDS.search(fold(text[paragraph_start:sentence_start])) else None


# A subject starts after a title's dash before an article or after a colon at most
# ("Communiqué – Le Ternois labellisé ...", "Agen : l'Agglomération d'Agen labellisée ..."),
# while a dash between capitalised words is part of a name ("Aurillac – Figeac – Rodez").
# ", tandis que le Grand Figeac … conserve son label": a subordinate clause has its own subject
CLAUSE_MARK = re.compile(r"\s[–—-]\s+(?=(?:le|la|les|l['’])\s*\w)|:\s|«\s*|\s\|\s|\""
                         # "**Pays de la Loire** – Vendée-Centre réunit …": a bold head before its dash
                         r"|\*\*\s*[–—-]\s+"
                         r"|,\s*(?:tandis|alors|pendant)\s+qu(?:e\s+|['’]\s*)"
                         # "… est remarquable car, à l'origine, seule X avait été retenue": a clause of its own
                         # (whole words: not "carreaux", "maison")
                         r"|(?:,\s*|\s)(?:(?:car|mais|puisque)(?![\w'’-])|parce\s+qu(?:e\s|['’]))\s*(?:,\s*)?", re.IGNORECASE)


# A sentence adverbial opening the sentence, before the subject: "Sans surprise, la vallée de
# l'Arve est reconduite" (folded text).
FRONTED_ADVERBIAL = re.compile(r"\s*(?:" + "|".join(WORDS["fronted_adverbials"]) + r")\s*,\s+")


# ("les heureux élus": the laureates, no people)
PARTNER_IN_PREDICATE = re.compile(r"(?<![\w'])(?<!heureux\s)(?:" + WORDS["predicate_partner_nouns"] + r"|"
                                  + WORDS["people_nouns"] + r")(?![\w'])")
# "Il fait partie des …": a subject pronoun alone before the predicate
SUBJECT_PRONOUN = re.compile(r"\s*(?:Il|Elle)\s*")
# a sentence opening with a place's article and a capitalised name: "Le Bocage Bressuirais compte …"
OPENING_NAME = re.compile(r"(?:Le|La|L['’])\s*(?=[A-ZÀ-Ý])")
ANTECEDENT_SENTENCES = 2  # how many sentences back a pronoun's name may stand


LEGAL_FORM_WORD = re.compile(r"(?<=\s)(?:Communaut[ée]s?|Agglom[ée]rations?|M[ée]tropoles?)\b")
LEGAL_FORM_READ = 40  # the form's words after the name: "Communauté de l'agglomération"


def _before_a_legal_form(text: str, start: int, end: int) -> int:
    """Where a name written before its legal form ends: "Le Grand Narbonne Communauté
    d'agglomération a été confirmée" names "Grand Narbonne". The form runs past the capitalised
    words ("d'agglomération" in lower case); a type word of the usual name stays ("Mayenne
    Communauté a été …")."""
    for word in LEGAL_FORM_WORD.finditer(text, start, end):
        stretch = text[word.start():end + LEGAL_FORM_READ]
        form = LEGAL_FORM.match(fold(stretch))
        if form and word.start() + len(form.group(0).rstrip()) > end:
            return len(text[:word.start()].rstrip()) if text[start:word.start()].strip() else end
    return end


def _antecedent(text: str, sentence_start: int, places: list[PlaceMention]) -> Part | None:
    """The name a subject pronoun stands for: the one opening one of the sentences right before,
    in the same paragraph, after a place's article ("Le Bocage Bressuirais compte 29 000 emplois.
    Avec 5 700 entreprises, le Bocage se place … Il fait partie des 14 « Territoires d'industrie »"),
    when it reads as a place's name (not a company's: "Le Groupe X …", nor an institution's)."""
    position = sentence_start
    for _ in range(ANTECEDENT_SENTENCES):
        if position < 2 or "\n\n" in text[max(0, position - 2):position + 1]:
            return None
        start, _end = sentence_bounds(text, position - 2)
        start = wrapped_sentence_start(text, start)
        start += len(text[start:position]) - len(text[start:position].lstrip())
        article = OPENING_NAME.match(text, start)
        if article:
            end = _before_a_legal_form(text, article.end(), capitalised_run(text, article.end(), position))
            name = text[article.end():end]
            if end > article.end() and not NOT_A_PLACE.search(fold(name)) \
                    and reads_as_a_place_name(text, article.end(), end, places):
                return Part(article.end(), end)
            return None
        if start >= position or text[start - 1:start] == "\n" and not line_goes_on(text, start):
            return None  # the paragraph opens here
        position = start
    return None


# "C'est à Sochaux, sur l'étape d'un salon, que l'aire urbaine a signé …": a cleft on a place or
# a time; the subject stands after its "que", never among the words it highlights ("C'est la CC X
# que l'État a retenue" highlights its object, a name: not such a cleft).
CLEFT_ON_ADVERBIAL = re.compile(r"\s*c['’]est\s+(?:à|a|au|aux|en|dans|sur|lors|ici"
                                r"|ce\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|matin|soir|jour)"
                                r"|cette\s+(?:semaine|année|annee|fois))\b"
                                r"[^.;:\n]{0,120}?(?:,\s*|\s)qu(?:e\s+|['’]\s*)", re.IGNORECASE)


def _clause_start(text: str, sentence_start: int, end: int) -> int:
    marks = [m.end() for m in CLAUSE_MARK.finditer(text, sentence_start, end)]
    start = max([sentence_start] + marks)
    cleft = CLEFT_ON_ADVERBIAL.match(text, start, end)
    start = cleft.end() if cleft else start
    adverbial = FRONTED_ADVERBIAL.match(fold(text[start:end]))
    start += adverbial.end() if adverbial else 0
    fronted = fronted_place(text, start, end)  # "En Maine-et-Loire, le Choletais …": no subject
    while fronted and fronted.end:  # "Dans le Sud-Ouest, dans les Landes, la CA du Grand Dax …"
        start = fronted.end
        fronted = fronted_place(text, start, end)
    return start




# "les quatre communautés de communes du X", "trois intercommunalités de la X": a count of
# intercommunalities and the one area they are "of". The count must not be the number of names
# after it: "les quatre communautés de communes de A, B, C et D" lists members (no territory).
COUNTED_INTERCOMMUNALITIES_OF = re.compile(
    r"(?<![\w'])(?P<count>\d{1,2}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+(?:communautes\s+de\s+communes"
    r"(?:\s+et\s+d'agglomeration)?|communautes\s+d'agglomeration|communautes|intercommunalites|epci|agglomerations)"
    r"\s+(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)(?=[A-ZÀ-Ý])", re.IGNORECASE)
# A preposition after "et": "du A et du B" coordinates two areas, each a member's.
PREPOSITION_AFTER_ET = re.compile(r"\s+et\s+(?:de\s+la|de\s+l'|du|des|de|d')\s*", re.IGNORECASE)
# The enumeration going on with a repeated preposition: "des quatre EPCI du A, de la CC B, …".
PREPOSITION_GOES_ON = re.compile(r"\s*(?:,|\bet\b)\s*(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*", re.IGNORECASE)
COUNTED_OF_RULE = "territory.intercommunalities_of"


def intercommunalities_of(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    """territory.intercommunalities_of: the area a count of intercommunalities is "of", in a
    sentence about the programme or before one ("le protocole … entre l'Etat et les quatre
    communautés de communes du X a été signé. Ce texte lance … Territoire d'industrie", "Labellisées
    Territoires d'industrie, quatre intercommunalités du A et B …"): one name, coordinated without a
    repeated preposition, not a place, not an intercommunality, fewer names than the count."""
    folded = fold(text)
    found = []
    for match in COUNTED_INTERCOMMUNALITIES_OF.finditer(folded):
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        following_end = sentence_bounds(text, min(sentence_end + 2, len(text)))[1] if sentence_end < len(text) else sentence_end
        if not re.search(PREFIX, folded[sentence_start:following_end]):
            continue
        word = match.group("count").lower()
        count = count_value(word)
        parts = enumeration_after(text, match.end(), sentence_end)
        if not parts or len(parts) >= count or any(p.epci for p in parts) or len(parts) > 2 \
                or PREPOSITION_GOES_ON.match(text, parts[-1].end, sentence_end):
            continue
        if len(parts) == 2 and not (ET_JOINT.fullmatch(text, parts[0].end, parts[1].start)
                                    and not PREPOSITION_AFTER_ET.match(text, parts[0].end)):
            continue
        if any(is_place_name(p.name or text[p.start:p.end]) for p in parts) or _places_only(parts, places, single=True):
            continue  # "les quatre intercommunalités de la Manche": the département's
        mention = make_mention(text, parts[0].start, parts[-1].end, COUNTED_OF_RULE,
                               codes_after(text, parts[-1].end, places), sentence_end)
        if mention:
            found.append(mention)
    return found
