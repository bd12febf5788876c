"""Member intercommunalités (EPCIs) named in a communiqué, linked to their SIREN.

Rules (ids in the `rule` column):
- epci.member_list     names listed as members: after "regroupant", "composé de", "porté par" ...
                       (rules/member_words.json), after a plural noun of EPCIs ("trois
                       intercommunalités : A, B et C", "4 communautés de communes qui la composent
                       (A, B, C et D)"), on the lines or items an intro ending with a colon
                       opens ("représenté par :" then "− La communauté de communes X …", "Il
                       réunit des communautés de communes … :" then items, of which only what
                       links), or as the value of a "Territory : A, B et C" line (or "NAME — CA A,
                       CC B"), or in a footnote
                       called in a sentence ("couvre 147 communes*" … "* CA A, CC B"), or as
                       the subject of a verb of membership ("la CA X et la CC Y forment …",
                       "A, B, C… ces collectivités se sont réunies"), or in apposition to a
                       plural noun of EPCIs ("Les deux intercommunalités, A et B, …"), or right
                       after a counted one ("au côté des deux agglomérations A et B": only what
                       links), or in the sentence after one a count of them closes ("… porté par
                       deux intercommunalités. La CC A et la CC B …": only what links), or
                       coordinated as a sentence's subject that a count of as many EPCIs later in
                       it takes up ("A, B et C partagent une cheffe de projet qui suit les
                       dossiers des trois intercommunalités": every name linked). A weak
                       trigger ("pilotée par", "autour de") followed by a common noun lists no
                       names. A
                       legal-form head ("les communautés de communes", "celle du") is distributed
                       over the coordinated names that follow it; the list is split where the
                       parts are real EPCIs of the referential (a name may hold "et" or a comma),
                       by dynamic programming over the ", ", " et ", " / ", " ainsi que " and
                       "et, d'autre part," joints; a plural common noun standing for the legal
                       form opens no name ("les bassins péri-urbains de Pompey", "les EPCI ruraux
                       Pays du Sel et du Vermois"). An acronym
                       before the name it abbreviates ("CCVG - Communauté de communes …") is no
                       name; in a list that speaks of communes ("34 communes autour de Laval"), or
                       shaped as communes' names ("Bessines-sur-Gartempe"), a part that links to
                       nothing is a town, not reported.
- epci.head_mention    a legal-form head followed by a capitalised name anywhere else in the text
                       ("la communauté de communes du Grand Autunois Morvan", "l'Agglomération
                       d'Agen", "l'Agglomération du Gard rhodanien": a lower-case adjective
                       may end it, even when the words before it link as a short form of the
                       same EPCI ("Castelnaudary Lauragais audois"), or open it when the whole is an official name ("la
                       communauté de communes interrégionale Aumale - Blangy-sur-Bresle"); "la CA du Bassin d'Aurillac et Rodez Agglomération": the
                       name stops before " et " and the next name); a plural head gives its
                       legal form to each name after it that opens with its article ("les
                       communautés de communes de la Haute-Bigorre et du Pays de Nay"); the
                       noun "EPCI" is a head of no legal form ("des quatre EPCI du Grand
                       Saint-Dizier, de la …": a town made great only for one agglomeration of
                       the document's départements).
- epci.everyday_name   a capitalised name ending with a type word, linked exactly ("Questembert
                       Communauté", "Flers Agglo", "Bordeaux Métropole", "d'Alès agglomération"),
                       or an official name opening with its type word, without article, in
                       mixed case or capitals ("Métropole Rouen Normandie a été labellisée",
                       "« MÉTROPOLE AIX-MARSEILLE-PROVENCE - … »"),
                       or going on after it ("Loudéac Communauté Bretagne Centre"), or with
                       "Co" for "Communauté" ("Questembert Co": an official name only); over a line
                       break only in running text wrapped at a fixed width ("… Rodez⏎agglomération
                       en fait partie"); after another
                       name and " et " it starts after the " et " ("le Grand Belfort et Pays de
                       Montbéliard Agglomération").
- epci.acronym         an acronym or short name the text defines ("… Bassin d'Arcachon Nord
                       (COBAN)", "CAPEX Communauté d'Agglomération Cap Excellence", "… (Cap
                       Nord)"), or a well-known one of the document's EPCIs, where it is used;
                       an acronym abbreviates the name it follows (its first letter is the
                       legal form's or the name's: not "… la région Creil Sud Oise (GERC)").
- epci.apposition      a name of two words or more followed by a type noun in apposition with no
                       name after it ("Melun Val de Seine, agglomération d'environ 140 000
                       habitants"), exactly one of the names or everyday forms of an EPCI of
                       that legal form; never a single word (a town) nor a département's name.
- epci.demonym         a legal form then the demonym of the town an EPCI is named after ("l'agglo
                       paloise", "la communauté urbaine mancelle", pipeline/town_demonyms.py),
                       where no list or head read it: never a bare demonym ("les entreprises
                       paloises"), nor one of two towns ("clermontois"), nor a province's.
- epci.own_anaphor     a type noun with no name after it ("l'agglomération", "la Communauté",
                       "notre intercommunalité"), in a sentence about the programme, in a text
                       about one territory named after an EPCI of that legal form ("Grand
                       Châtellerault … l'agglomération signait le protocole d'accord"): that EPCI,
                       the way its own site or a local paper writes it; in a text about one
                       territory named otherwise, "notre intercommunalité" is the one EPCI the
                       masthead names with its legal form ("Le magazine de la Communauté de
                       communes X"), a member of that territory.
- epci.own_name        an official name without legal form written after its article twice or
                       more ("Le Pays du Coquelicot propose …") in a text that also writes that
                       legal form alone ("la Communauté de communes"), of the document's
                       départements: that EPCI, in a sentence about the programme.
- epci.name_part       each part of a territory's name made of its members' names, when the
                       text counts them right after it ("Le Territoire d'industrie Pays de Grasse,
                       Cannes Pays de Lérins et Sophia Antipolis … ces trois intercommunalités"):
                       every part exactly an EPCI's name or everyday form of two words or more,
                       the EPCIs distinct, as many as counted; a member of that territory.
- epci.coordinated     a name without legal form coordinated after an EPCI's ("l'Agglomération
                       de La Roche-sur-Yon, Vie et Boulogne, le Pays des Achards", "GrandSoissons
                       Agglomération, le Val de l'Aisne, le canton d'Oulchy-le-Château et
                       Retz-en-Valois"), when it is the official name of an EPCI of the
                       document's départements or its neighbour's, or holds a
                       type word ("Flers Agglo et Intercom de la Vire au Noireau"): never a
                       town, a person or an everyday form; or coordinated before it, of two
                       words or more ("Le Grand Autunois Morvan et la Communauté urbaine
                       Creusot-Montceau"), of the document's départements or that EPCI's.
- epci.presided        the body a president presides, named without legal form ("au côté du
                       président du Bassin de Pompey"): the official name of an EPCI of the
                       document's départements, two words or more; a territory's own name
                       when one EPCI in France bears it ("Président du Grand Chalon" about the
                       Grand Chalon); an office, never a member.
- epci.said_outside    a name without legal form said outside the territory right after it
                       ("l'Intercom Bernay Terres de Normandie, qui ne fait pas partie du
                       territoire d'industrie", "le X, voisin, …"): the official name of an EPCI of
                       the document's départements, two words or more; tied to no territory.

Acronyms are learnt before lists are read, so "la COBAN" in a list links wherever the text
defines it. Mentions outside member lists are kept by the attachment only when a territory claims
them (pipeline/extract/membership.py).
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from pipeline import referential
from pipeline.extract.first_letters import with_first_letters
from pipeline.extract.structure import (count_value, COUNT_WORDS, FINITE_VERB, Field, Span, SpanHolders, SpanReach, SpansInside,
                                        cell_parts)
from pipeline.linking import (ACCEPT_SCORE, EVERYDAY_FORM_SCORE, OFFICIAL_NAME_SCORE, TAGLINE, DocumentLinker,
                              Link, acronym_in, core_word_floors, everyday_alias_pattern,
                              is_official_name, known_acronyms, link_epci)
from pipeline.normalize import fold, name_key
from pipeline.read.pdf import cut_words

WORDS = json.loads((Path(__file__).parent / "rules" / "member_words.json").read_text(encoding="utf-8"))
MEMBER_TRIGGER = "(?:" + "|".join(WORDS["member_triggers"]) + ")"
FOUND_THERE = re.compile(WORDS["found_there"], re.IGNORECASE)
TRIGGER = with_first_letters(re.compile(r"(?<![\w'’])(?:" + MEMBER_TRIGGER + "|" + WORDS["found_there"] + r")(?!\w)",
                                        re.IGNORECASE))
ONE_TERRITORY_WORD = re.compile(WORDS["one_territory_word"], re.IGNORECASE)
MEMBERS_NOUN = with_first_letters(re.compile(WORDS["members_noun"], re.IGNORECASE))
MEMBERS_NOUN_SPELLED_OUT = re.compile(WORDS["members_noun_spelled_out"], re.IGNORECASE)
GROUP_LEAD = re.compile(WORDS["group_lead"].replace("{count_words}", "|".join(COUNT_WORDS)), re.IGNORECASE)
LIST_ADVERB = re.compile(WORDS["list_adverb"], re.IGNORECASE)
TOWNS_LEAD = re.compile(WORDS["towns_lead"].replace("{count_words}", "|".join(COUNT_WORDS)), re.IGNORECASE)
LEADING_ADVERB = re.compile(WORDS["leading_adverb"], re.IGNORECASE)
TYPE_WORD = with_first_letters(re.compile(WORDS["type_words"] + r"(?![\w'’])"))
# Triggers that may also introduce other things ("autour de 2 filières", "formé par le lycée"): an
# unlinked part is not reported. Those that may introduce partners ("le Pays X est associé au Pays
# Y") list members only where a territory is named with them.
WEAK_TRIGGERS = re.compile(r"autour|port|pilot|coordonn|inclu|s['’]appuie|repos|correspond|associ|s['’]alli|alli|concern|co-?pr|pr[ée]sid"
                           r"|s['’][ée]tend"  # "s'étend sur 45 communes", "sur deux départements"
                           r"|form\w*\s+par"  # "le vivier de compétences formé par le lycée X et l'AFPA"
                           r"|(?:a|ont|avai\w*)\s+sign"  # "… a signé d'une même main : A, B, la Région"
                           r"|p[ée]rim[èe]tre"  # "Le périmètre, d'abord, est le même : A, B et C, en Haute-Saône"
                           r"|on\s+y",  # "On y retrouve l'Agglo X et …": what links
                           re.IGNORECASE)
# "le dispositif concerne les 14 territoires suivants : A, B …" lists territories, not members
CONCERNS_TERRITORIES = re.compile(r"concern\w*\s+(?:(?:les|des|ces|\d+|plus\s+de)\s+){0,3}"
                                  r"(?:\w+\s+)?territoires\b", re.IGNORECASE)


# "deux territoires d'industrie ont signé leur contrat : A, porté par …, et B, autour de …": a
# colon list whose subject counts territories lists territories, each carrying its own members
TERRITORIES_BEFORE_COLON_TRIGGER = re.compile(r"(?<![\w'’])(?:\d{1,3}|" + "|".join(COUNT_WORDS) + r"|les|ces|nos)\s+"
                                              r"(?:[^\W\d_]+\s+)?territoires\b(?:\s+d['’]\s*industrie)?"
                                              r"[^.;:!?\n]{0,60}$", re.IGNORECASE)
COLON_LIST_WINDOW = 120  # characters before a trigger where the subject counting territories may stand


@lru_cache(maxsize=1)
def _concerns_a_place() -> re.Pattern:
    """'concerne(nt) la Normandie,': the verb's object is a région or a département, whose
    territories the sentence counts; what follows it names territories, no members."""
    ref = referential.load()
    names = sorted({area.name for area in [*ref.regions.values(), *ref.departements.values()]}, key=len, reverse=True)
    return re.compile(r"concern\w*\s+(?:(?:la|le|les)\s+|l['’]\s*)?(?:" + "|".join(map(re.escape, names))
                      + r")\s*[,.;]", re.IGNORECASE)


PARTNER_TRIGGERS = re.compile(r"associ[ée]e?s?\s", re.IGNORECASE)

# legal forms written out that the referential types ("la Communauté intercommunale …": CA)
SPELLED_OUT_FORMS = {re.compile(pattern, re.IGNORECASE): epci_type
                     for pattern, epci_type in WORDS["spelled_out_forms"].items()}

HEAD = with_first_letters(re.compile(
    r"(?:(?:la|les|une|des|l['’])\s*)?"
    # "les communautés de communes et d'agglomération de A, B et C": a mixed plural head
    r"(?:(?i:communaut[ée]s?\s+(?:de|des)\s+communes?(?:\s+et\s+d['’]\s*agglom[ée]rations?)?)"
    # "la Communauté intercommunale Réunion Est": a form written out that the referential types
    r"|(?i:(?:" + "|".join(WORDS["spelled_out_forms"]) + r")(?![\w'’]))"
    # "la Communauté d'agglo de Pau": the everyday short form of the legal form too
    r"|(?i:communaut[ée]s?\s+d['’]\s*agglo(?:m[ée]rations?)?(?![\w'’]))"
    r"|(?i:communaut[ée]s?\s+urbaines?)|(?i:(?<=la\s)m[ée]tropole|(?<=les\s)m[ée]tropoles)"
    r"|(?i:communaut[ée]\s+de\s+l['’]\s*agglom[ée]ration)"
    r"|(?i:(?<=l['’])agglom[ée]ration(?=\s+(?:(?:de|du|des|d['’])\s*)?[A-ZÉÈÀÂÎÔ]))"
    # "(agglo de Tarbes-Lourdes et la CC de la Haute-Bigorre)": no article after a bracket
    r"|(?i:(?<=\()agglo(?:m[ée]ration)?(?=\s+(?:de|du|des|d['’])\s*[A-ZÉÈÀÂÎÔ]))"
    # "l'agglo de Saint-Dié", "l'intercommunalité Lisieux Normandie", "l'interco X"
    r"|(?i:(?<=l['’])(?:agglo|intercommunalit[ée]|interco)(?=\s+(?:(?:de|du|des|d['’])\s*)?[A-ZÉÈÀÂÎÔ]))"
    r"|(?i:(?<=les\s)agglom[ée]rations(?=\s+(?:de|du|des|d['’])\s*[A-ZÉÈÀÂÎÔ]))"
    # "le binôme Agglomération du Gard rhodanien-…": capitalised, without its article
    r"|(?<![\w'’])Agglom[ée]ration(?=\s+(?:de|du|des|d['’])\s*[A-ZÉÈÀÂÎÔ])"
    # "les EPCI d'Issoudun et Châteauroux", "les intercommunalités de X et de Y": any legal form
    r"|(?<=[Ll]es\s)(?:EPCI|(?i:intercommunalit[ée]s))(?=\s+(?:de|du|des|d['’])\s*[A-ZÉÈÀÂÎÔ])"
    r"|(?i:celles?(?=\s+(?:de|du|des|d['’])\s*[A-ZÉÈÀÂÎÔ]))"
    # "l'EPCI Cluses Arve et Montagnes": any legal form
    r"|(?<=[Ll]['’])EPCI(?=\s+(?:(?:de|du|des|d['’])\s*)?[A-ZÉÈÀÂÎÔ])"
    # "la C.C. du Pays Rochois", "la com com Faucigny-Glières"
    r"|\bC\.[CAU]\.(?!\w)"
    r"|\bCC\b|\bCA\b|\bCU\b|\bCD?C\b|\bCdC\b|(?i:\bcom['’-]?\s?com\b))"))
HEAD_TYPES = [("agglo", "CA"), ("urbaine", "CU"), ("tropole", "METRO"), ("communes", "CC"),
              ("cc", "CC"), ("ca", "CA"), ("cu", "CU"), ("c.c.", "CC"), ("c.a.", "CA"), ("c.u.", "CU")]
# "A et B ainsi que C", "A et, d'autre part, B": joints of a list in prose too
# ("du A et du B jusqu'à C et D": the far end of a range of members too); a line break between
# names set one a line ("signé par :⏎A⏎B"); a name wrapped over two lines is a run of parts
# that links whole
JOINT = re.compile(r"(?:\s+et)?\s*,\s*d['’]autre\s+part\s*,\s*|\s*[,;]\s*(?:et\s+)?|\s+et\s+|\s+/\s+"
                   r"|[ \t]*\n\s*"
                   r"|\s+ainsi\s+que\s+|\s+jusqu['’]\s*(?:à|au|aux)\s+")
EVERYDAY_PLURAL_LEAD = re.compile(WORDS["everyday_plural_lead"])
# A bare plural noun of EPCIs, no legal form, before the place they lie in: "communautés du Perche",
# "intercommunalités de la vallée" name an area, not one EPCI a fuzzy link would find in it.
PLURAL_AREA = re.compile(r"(?i)\s*(?:communaut[ée]s|intercommunalit[ée]s)\s+(?!de\s+communes\b|d['’]\s*agglom)"
                         r"(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*")
MAX_PARTS_PER_NAME = 4
# A connector between two groups: "... Métropole et les communautés de communes de ..."
GROUP_CONNECTOR = re.compile(r"[\s,;]*+(?:\bet\b)?[\s,]*+(?:(?:la|les|une|des|l['’])\s*)?$",
                             re.IGNORECASE)
# A singular legal-form head a comma follows names no one ("notre communauté de communes, A et B"):
# the type noun alone (the publisher's anaphor, read apart), the names after the comma bare ones
HEAD_ALONE = re.compile(r"[ \t]*,[ \t]*")
# A capitalised name after a head: words joined by connectors, on one line.
# ("la communauté de communes entre Arroux, Loire et Somme": a name may open with "entre" in lower case)
HEAD_NAME = re.compile(r"\s*(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])?((?:entre\s+(?=[A-ZÉÈÀÂÎÔ]))?(?:[A-ZÉÈÀÂÎÔ][\w'’&-]*(?!°)"
                       r"(?:\s+(?:de\s+la|de\s+l['’]|de|du|des|la|le|les|et|sur|en|&|l['’]|d['’])?\s*(?=[A-ZÉÈÀÂÎÔ]))?\s*)+)")
NAME_WORD = re.compile(r"[A-ZÉÈÀÂÎÔ0-9][\w'’&-]*|(?:de|du|des|la|le|les|et|sur|en|à|&|l['’]|d['’])",
                       re.UNICODE)


# communes, not in "communauté(s) de communes"
COMMUNES_NOUN = re.compile(r"(?<![Dd]e\s)(?<![Dd]es\s)\b[Cc]ommunes?\b")


@dataclass
class EpciMention:
    start: int
    end: int
    link: Link
    written_name: str
    epci_type: str | None
    rule: str
    in_member_list: bool = False       # named as a member (a list), not just named
    legal_form: bool = False           # written with its legal form ("CC de X", "communauté de
                                       # communes X"), not as a place ("l'agglomération de X")
    list_start: int | None = None      # where its list starts, or its trigger when it has one
    territory_hint: str | None = None  # the territory_id its layout names ("Territory : A, B")
    one_territory: bool = False        # its list holds the members of one territory, never
                                       # territories ("Côté X : A et B", "A et B, les deux EPCI")


# "les communautés de communes et d'agglomération de A, B et C": each name of either legal form
# (DocumentLinker.link reads "CC|CA"); a mention keeps the form of the EPCI it links to
MIXED_HEAD_TYPE = "CC|CA"


def _mention_type(epci_type: str | None, link: Link) -> str | None:
    return link.epci_type if epci_type == MIXED_HEAD_TYPE else epci_type


@lru_cache(maxsize=1024)
def head_type(head: str, previous: str | None = None) -> str | None:
    """The legal form a head of names announces ("la communauté d'agglomération" CA, "les
    communautés de communes" CC); None for any form ("l'EPCI X"); "celle de" takes the previous
    head's. Membership reads the same heads before a territory's name."""
    words = head.lower().split()
    if words and words[-1].startswith("celle"):
        return previous
    spelled_out = next((epci_type for form, epci_type in SPELLED_OUT_FORMS.items() if form.search(head)), None)
    if spelled_out:
        return spelled_out
    if "intercom" in head.lower() or "epci" in head.lower():
        return None  # "l'intercommunalité X", "l'EPCI X": any legal form
    if "communes" in words and any("agglo" in word for word in words):
        return MIXED_HEAD_TYPE
    for marker, epci_type in HEAD_TYPES:
        if any(marker in word if len(marker) > 2 else marker == word for word in words):
            return epci_type
    return "CC"


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Parts of a coordinated list between ', ', ' et ' and ' / ' joints, as absolute spans."""
    parts, pos = [], start
    for joint in JOINT.finditer(text, start, end):
        if text.count("(", pos, joint.start()) > text.count(")", pos, joint.start()):
            continue  # a joint inside brackets: "(CC3M, CCTLB)" after a name stays with it
        parts.append((pos, joint.start()))
        pos = joint.end()
    parts.append((pos, end))
    parts = [(s, _before_column_gap(text, s, e)) for s, e in parts]
    return [(_past_everyday_plural(text, s, e), _before_place_complement(text, s, e)) for s, e in parts
            if text[s:e].strip()]


# "Communauté de communes du Nogentais      Nogent-sur-Seine": a table's columns read as one line
COLUMN_GAP = re.compile(r"(?<=\S)(?:[ \t]{3,}|\t)(?=\S)")


def _before_column_gap(text: str, start: int, end: int) -> int:
    """Where a part's first cell ends, when a gap of blanks parts it into a table's columns (the
    name's cell, then its seat's): the other cells are no part of the name."""
    gap = COLUMN_GAP.search(text, start, end)
    return gap.start() if gap else end


# "… et le Haut Pays Bigouden à l'intérieur", "… B côté Morbihan": the place a name lies in, after it
PLACE_COMPLEMENT_END = re.compile(r"\s+(?:" + WORDS["place_complement_after"] + r")[\s.;,]*$")
PLACE_COMPLEMENT_CHARS = 60  # read at a part's end only: a long part is not read again for each word


@lru_cache(maxsize=1)
def _complements_in_official_names() -> frozenset[str]:
    """The complements of place that close an EPCI's own name in the referential ("CC des Vosges
    côté Sud Ouest"), folded: part of that name, never a place after it."""
    found = (PLACE_COMPLEMENT_END.search(borne.name) for epci in referential.load().epcis.values()
             for borne in epci.names)
    return frozenset(fold(match.group()).strip(" .;,") for match in found if match)


def _before_place_complement(text: str, start: int, end: int) -> int:
    """Where a part ends before a complement of place in lower case that closes it ("sur la côte",
    "à l'intérieur", "côté Doubs"), or its end; not before one that closes an EPCI's own name."""
    found = PLACE_COMPLEMENT_END.search(text, max(start, end - PLACE_COMPLEMENT_CHARS), end)
    if not found or found.start() <= start or fold(found.group()).strip(" .;,") in _complements_in_official_names():
        return end
    return found.start()


def _past_everyday_plural(text: str, start: int, end: int) -> int:
    """Where a part's name starts after a plural common noun standing for the legal form ("les
    bassins péri-urbains de Pompey", "les EPCI ruraux Pays du Sel et du Vermois")."""
    while start < end and text[start].isspace():
        start += 1
    lead = EVERYDAY_PLURAL_LEAD.match(text, start, end)
    return lead.end() if lead else start


def _split_names(text: str, start: int, end: int, epci_type: str | None,
                 linker: DocumentLinker, distributed: bool = True) -> list[tuple[int, int, Link]]:
    """Best partition of a coordinated list into EPCI names (each a run of segments). A plural
    head ("les communautés de communes A, B et C") gives its legal form to every name; a singular
    one ("la communauté de communes A, B, C") to the first only."""
    parts = _segments(text, start, end)
    n = len(parts)
    if n == 0:
        return []

    @lru_cache(maxsize=None)
    def link(i: int, j: int) -> Link:
        return linker.link(text[parts[i][0]:parts[j][1]], epci_type if distributed or i == 0 else None)

    def gain(i: int, j: int) -> float:
        """A linked name gains its margin over the threshold; a part that links to nothing
        costs the same whatever the parts around it, so unknown names stay apart, and a run
        of parts must link closely (or by one of its names, even outside the document's
        départements), or a fuzzy match would swallow an unknown neighbour."""
        found = link(i, j)
        score = ACCEPT_SCORE if found.candidates else found.score  # several fit: still a name
        if score >= ACCEPT_SCORE and (i == j or score >= EVERYDAY_FORM_SCORE or found.exact):
            # a run gains for each of its parts: "CC Entre Beauce et Perche" is one name, not
            # the start of it ("CC Entre Beauce", a shortened name) and "Perche"
            return (score - ACCEPT_SCORE) * (j - i + 1)
        return -2 * ACCEPT_SCORE * (j - i + 1) - 0.01

    best = [0.0] + [float("-inf")] * n
    back = [0] * (n + 1)
    for j in range(1, n + 1):
        for i in range(max(0, j - MAX_PARTS_PER_NAME), j):
            value = best[i] + gain(i, j - 1)
            if value > best[j]:
                best[j], back[j] = value, i
    names, j = [], n
    while j > 0:
        i = back[j]
        names.append((parts[i][0], parts[j - 1][1], link(i, j - 1)))
        j = i
    return list(reversed(names))


CONNECTOR_WORD = re.compile(r"de|du|des|d['’]|et|à|la|le|les|l['’]", re.IGNORECASE)


def _trailing_connector(text: str, start: int, end: int) -> int | None:
    """Where a dangling connector of text[start:end] ("…, de") starts with the blanks and commas
    before it, or None: the match of "[\\s,]+(?:connector)$" read from the end (searched from
    `start`, it read a run of 10,000 "et" again for each of them)."""
    for length in (1, 2, 3):  # a connector word is one to three characters
        before = end - length - 1
        if before >= start and (text[before].isspace() or text[before] == ",") \
                and CONNECTOR_WORD.fullmatch(text, end - length, end):
            while before > start and (text[before - 1].isspace() or text[before - 1] == ","):
                before -= 1
            return before
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces, markup, punctuation and a dangling connector ("…, de"); a ')'
    stays when it closes a '(' inside. No name ends with a dash: one is the next item's marker
    ("… du Pays Rochois⏎  - communauté …") or runs into the next name ("du Gard rhodanien-Pont")."""
    while True:
        while start < end and text[start] in " \t\n*_«\"“":
            start += 1
        while end > start and (text[end - 1] in " \t\n*_,.;:»\"”-–—"
                               or text[end - 1] == ")" and text.count("(", start, end) < text.count(")", start, end)):
            end -= 1
        connector = _trailing_connector(text, start, end)
        if connector is None or connector == start:
            return start, end
        end = connector


# Words of a clause, no name's: verbs ("s'appelle « X »": a reflexive one), prepositions, numbers.
PROSE = re.compile(r"\b(?:participer|sont|seront|ont|est|a|avec|pour|dans)\b|\d{3,}|[!?]|(?<![\w'’])s['’][a-zà-ÿ]"
                   r"|(?i:\b(?:le|ce|un|du|au)\s+territoire\b)")
OFFICE_WORD = re.compile(r"\b(?:" + WORDS["offices"] + r")\b|^(?:M\.|Mme|Monsieur|Madame)\s",
                         re.IGNORECASE)
# "Patrick VACARIS": a first name then a surname in capitals
PERSON_NAME = re.compile(r"(?:[A-ZÉÈ][a-zéèëï]+(?:-[A-ZÉÈ][a-zéèëï]+)?\s+)+[A-ZÉÈ]{2,}(?:[\s-][A-ZÉÈ]{2,})*")
NOT_AN_EPCI = re.compile(r"(?:" + WORDS["not_epci"] + r")$", re.IGNORECASE)


LEADING_ARTICLES = re.compile(r"^(?:(?:de|du|des|la|le|les)\s+|[ld]['’]\s*)+", re.IGNORECASE)
# "Cédric Bole, Président de …", "représentée par Christophe Baudrier son président"
OFFICE_AFTER = re.compile(r"\s*+(?:,\s*+)?(?:(?:son|sa|leur|notre)\s+)?(?:" + WORDS["offices"] + r")\b", re.IGNORECASE)


# "une partie du Cantal": a share of a place is still a place
PART_OF = re.compile(r"^(?:(?:une|la)\s+)?partie\s+", re.IGNORECASE)
PREPOSITION_FIRST = re.compile(r"(?:à|au|aux|autour|près|sur|dans|vers|dont|avec|pour|par|chez)\b")


def _looks_like_name(written: str, following: str = "") -> bool:
    """An unlinked part is still reported when it reads as an EPCI's proper name: short,
    capitalised, not a person ("Patrick VACARIS", "Cédric Bole, Président de …", "X son
    président", "le Directeur") nor another body ("PETR", "CCI") or companies ("des PME"), nor
    opening with a common noun ("la création d'un campus à Cluses")."""
    written = written.strip()  # " des PME": the article leads once the space before it is gone
    words = written.split()
    if OFFICE_WORD.search(written) or PERSON_NAME.fullmatch(written) \
            or OFFICE_AFTER.match(following):
        return False
    bare = LEADING_ARTICLES.sub("", written)
    if _common_noun_first(written):
        return False  # "la création d'un campus à Cluses": a project's item in a list right below the members
    if PREPOSITION_FIRST.match(bare):
        return False  # "à cheval sur la Seine-Maritime et la Somme", "autour d'Eu, du Tréport …": where
    pieces = [LEADING_ARTICLES.sub("", PART_OF.sub("", piece))
              for piece in re.split(r"\s*,\s*|\s+et\s+", written)]
    if all(fold(piece) in _place_names() for piece in pieces):
        return False  # "des Pyrénées-Atlantiques et des Hautes-Pyrénées", "(une) partie du Puy-de-Dôme et
        # de la Haute-Loire" (after "couvre"): départements
    if all(TOWN_SHAPE.fullmatch(piece) for piece in pieces):
        return False  # "Bessines-sur-Gartempe et Saint-Pardoux-le-Lac": communes' names
    return 0 < len(words) <= 8 and any(w[:1].isupper() for w in words) and not PROSE.search(written) \
        and not NOT_AN_EPCI.match(bare) and re.search(r"[^\W\d_]{3}", bare) is not None  # not "G." nor "Le"


# one hyphenated word with a lower-case connector inside, the way communes are named
TOWN_SHAPE = re.compile(r"[A-ZÉÈÀÂÎÔ][\w'’]*(?:-[\w'’]+)*-(?:sur|sous|en|le|la|les|lès|lez|de|du|des|aux|au|d['’][\w'’]+)"
                        r"-[\w'’]+(?:-[\w'’]+)*")


@lru_cache(maxsize=1)
def _names_holding_a_head() -> re.Pattern | None:
    """Official names with a legal form after their start ("CC Grand Orb Communauté de Communes
    en Languedoc"), less their leading one, as one pattern on folded text: a head inside such a
    name does not start a new group of names."""
    tails = set()
    for epci in referential.load().epcis.values():
        for borne in epci.names:
            name = borne.name
            if any(head.start() > 0 for head in HEAD.finditer(name)):
                lead = HEAD.match(name)
                tail = fold(name[lead.end() if lead else 0:]).split()
                tails.add(r"\s+".join(re.escape(word) for word in tail))
    return re.compile("|".join(sorted(tails))) if tails else None


def _heads(text: str, folded: str, start: int, end: int, all_heads: list[re.Match]) -> list[re.Match]:
    """The legal-form heads of a member list, those inside an official name or brackets
    ("la COBAN (Communauté d'Agglomération …)") left out. `all_heads` (found by one finditer)
    are in order of start and of end: the list's are found by bisection and its brackets counted
    once, not from its start for each head (a text of 1,000 lists read every head for each)."""
    heads, opened, closed, counted = [], 0, 0, start
    for head in all_heads[bisect.bisect_left(all_heads, start, key=re.Match.start):
                          bisect.bisect_right(all_heads, end, key=re.Match.end)]:
        opened += text.count("(", counted, head.start())
        closed += text.count(")", counted, head.start())
        counted = head.start()
        if opened <= closed:
            heads.append(head)
    pattern = _names_holding_a_head()
    if heads and pattern:
        inside = [(m.start(), m.end()) for m in pattern.finditer(folded, start, end)]
        heads = [head for head in heads if not any(s < head.start() < e for s, e in inside)]
    return heads


@dataclass(frozen=True)
class _Region:
    """Where a list of EPCI names stands, and what its layout says about it."""
    start: int
    end: int
    keep_unlinked: bool               # report parts that link to nothing but read as names
    territory_hint: str | None = None
    members: bool = True              # names listed as members, not just coordinated
    anchor: int | None = None         # where the list is introduced (its trigger), if before
    subject_of: int | None = None     # the verb a list of subjects ends at ("A et B forment …")
    weak: bool = False                # its trigger may introduce other things ("autour de")
    bare_nearby: bool = False         # a name without legal form or type word must lie in the
                                      # document's départements (a list without trigger)
    typed_needed: bool = False        # and one name must be written as an EPCI's
    count_needed: int | None = None   # exactly this many distinct EPCIs, every name linked
    every_name_linked: bool = False   # every name links to an EPCI (of the document's départements)


SENTENCE_STOP = re.compile(r"\.(?=\s|$)|\n[ \t]*\n|\n[ \t]*[•▪\-\*–]\s|;|:[ \t]*\n")


class _FirstStop:
    """`SENTENCE_STOP.search(text, position)`, the last answer remembered: the stop found from a
    position is the first from any later one up to its start (the pattern looks at nothing before
    where it starts). 2,000 member lists of one sentence each searched it to its end."""

    def __init__(self, text: str):
        self.text, self._from, self._found = text, None, None

    def search(self, position: int) -> re.Match | None:
        if self._from is None or not self._from <= position <= (self._found.start() if self._found else len(self.text)):
            self._from, self._found = position, SENTENCE_STOP.search(self.text, position)
        return self._found


@lru_cache(maxsize=2)
def _first_stop(text: str) -> _FirstStop:
    return _FirstStop(text)


def _sentence_end(text: str, position: int) -> int:
    """Where the sentence from `position` ends; a ';' inside brackets opened after `position`
    does not end it ("composé de 8 intercommunalités (A ; B ; C)"). Each bracket is passed
    once, so a hostile text of many brackets costs a linear scan."""
    scan_from = position
    stops = _first_stop(text)
    stop = stops.search(position)
    while stop and stop.group(0) == ";":
        opening = text.rfind("(", scan_from, stop.start())
        if opening < 0 or text.find(")", opening, stop.start()) >= 0:
            break
        close = text.find(")", stop.start())
        newline = text.find("\n", stop.start(), close if close >= 0 else len(text))
        if close < 0 or newline >= 0:
            break
        scan_from = close
        stop = stops.search(close)
    return stop.start() if stop else len(text)


# a legal form right before a capitalised word: that word opens the EPCI's name
NAME_AFTER_LEGAL_FORM = re.compile(r"(?:\bC[CAU]|[Cc]ommunaut[ée]\s+de\s+communes|[Cc]ommunaut[ée]\s+d['’]\s*agglom[ée]ration)[ \t]+$")


AROUND_BEFORE_COLON = re.compile(r"\s*autour\s+(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*[^\n:;,.]{1,60}?\s*", re.IGNORECASE)
# "Le périmètre réunit, de part et d'autre des monts du Forez :" then the members' list
SET_OFF_BEFORE_COLON = re.compile(WORDS["set_off_complement"], re.IGNORECASE)


# "celui de l'Ouest, porté par A, et celui de l'Est, porté par B": a second territory as the
# subject of the next trigger, weak as it is, ends the first one's list
# "Le territoire A, porté par la CA X, et le territoire du Grand Y": the next territory, named as such
NEXT_TERRITORY_NAMED = re.compile(r",\s+et\s+(?:le|du|au)\s+territoire\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])?\s*[A-ZÀ-Ý]")
ANOTHER_TERRITORY_BETWEEN = re.compile(r"(?:,|\bet)\s+celui\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])", re.IGNORECASE)


# "Le département y est représenté par :", "la région sera représentée par": a place's
# territories follow, not the members of one (the subject is the département or the région)
REPRESENTED = re.compile(r"repr[ée]sent[ée]e?s?\s", re.IGNORECASE)
PLACE_REPRESENTED = re.compile(r"\b(?:le\s+d[ée]partement|la\s+r[ée]gion)\s+(?:y\s+)?(?:est|sera|était)\s+"
                               r"(?:(?:ainsi|donc|aussi|également|notamment)\s+)?$", re.IGNORECASE)


def _trigger_regions(text: str, structure) -> list[_Region]:
    """From a trigger to ')' (inside brackets) or the end of its sentence or item; a trigger
    ending a list's intro ("représenté par les EPCI qui le composent :") opens every item."""
    regions = []
    triggers = list(TRIGGER.finditer(text))
    for index, trigger in enumerate(triggers):
        if CONCERNS_TERRITORIES.match(text, trigger.start()) or _concerns_a_place().match(text, trigger.start()):
            continue  # "Dix concernent la Normandie, parmi lesquels les territoires de … de la Côte d'Albâtre"
        if trigger.group(0).endswith(":") and TERRITORIES_BEFORE_COLON_TRIGGER.search(
                text, max(0, trigger.start() - COLON_LIST_WINDOW), trigger.start()):
            continue  # "deux territoires d'industrie ont signé leur contrat :" then the territories
        if PLACE_REPRESENTED.search(text, max(0, trigger.start() - 60), trigger.start()) \
                and REPRESENTED.match(text, trigger.start()):
            continue  # "Le département y est représenté par :" then its territories, no members
        if text[trigger.start()].isupper() and NAME_AFTER_LEGAL_FORM.search(text, max(0, trigger.start() - 40), trigger.start()):
            continue  # "CC Autour de Chenonceaux Bléré-Val de Cher": a word of an EPCI's name
        if _relative_to_an_epci(text, trigger.start()):
            continue  # "la CA du Centre Littoral (CACL), qui rassemble Cayenne, …": its communes
        if FOUND_THERE.match(trigger.group(0)) and not _one_territory_before(text, trigger.start()):
            continue  # "La région compte vingt territoires. On y retrouve A, B …": territories
        if WEAK_TRIGGERS.match(trigger.group(0)) and _carries_a_project(text, trigger):
            continue  # "Ce projet est porté par la CC X, et soutenu au titre du Fonds Vert"
        # "le Territoire qui concerne Le Grésivaudan regroupe A et B": the next trigger ends it
        following = triggers[index + 1].start() if index + 1 < len(triggers) else len(text)
        keep = not WEAK_TRIGGERS.match(trigger.group(0))
        members = not PARTNER_TRIGGERS.match(trigger.group(0))
        inside_paren = text.rfind("(", 0, trigger.start()) > text.rfind(")", 0, trigger.start())
        if inside_paren:
            close = text.find(")", trigger.end())
            end = close if close >= 0 else _sentence_end(text, trigger.end())
        elif re.match(r"\s*:[ \t]*\S", text[trigger.end():]):
            # "co-présidé par : A, président de la CC X ; B, président de la CA Y ; …"
            stop = re.compile(r"\.(?=\s|$)|\n").search(text, trigger.end())
            end = stop.start() if stop else len(text)
        else:
            end = _sentence_end(text, trigger.end())
        if (not WEAK_TRIGGERS.match(triggers[index + 1].group(0) if following < len(text) else "x")
                or ANOTHER_TERRITORY_BETWEEN.search(text, trigger.end(), following)) \
                and text[trigger.end():following].strip():
            end = min(end, following)
        named_apart = NEXT_TERRITORY_NAMED.search(text, trigger.end(), end)
        if named_apart:  # "…, porté par la CA X, et le territoire du Grand Y, …": Y is the next territory, no member
            end = named_apart.start()
        end = _gloss_clause_end(text, trigger, end)
        # the lead words open the list ("regroupe les territoires de A"): not "le Territoire de la
        # Côte Ouest", an EPCI's name, cut out of the middle
        lead = GROUP_LEAD.match(text, trigger.end(), end)
        rest = text[lead.end() if lead else trigger.end():end]
        if not keep and _common_noun_first(rest) and not COUNTED_ACRONYM_FIRST.match(rest):
            continue  # "pilotée par la préfecture", "autour de quatre axes": no list of names
        if DESCRIBED_BY_PLACE.match(fold(text[trigger.end():end])) and not re.search(r"[:(]", rest):
            continue  # "réunit des intercommunalités gersoises et tarn-et-garonnaises entre Lomagne et Savès"
        # "Il réunit des communautés de communes de part et d'autre de la limite :": a noun of EPCIs
        # announces the items after it, of which only what links is reported (the items may be
        # territories: "Le programme rassemble des collectivités de tout le département :")
        announced = bool(rest.strip(" \t\n:;,.")) and MEMBERS_NOUN_FIRST.match(text, trigger.end(), end) \
            and re.match(r":[ \t]*\n", text[end:end + 3])
        # "le contrat … réunit" / "autour du Pays :" / "réunit, de part et d'autre des monts :" then
        # the members' list: a complement of the verb before the colon that ends the line
        around = (AROUND_BEFORE_COLON.fullmatch(rest) or SET_OFF_BEFORE_COLON.fullmatch(rest)) \
            and re.match(r":[ \t]*\n", text[end:end + 3])
        if keep and COUNTED_NOUN_OF.match(text, trigger.end(), end):
            keep = False  # "rassemble dix intercommunalités du Béarn et de la Bigorre": where they lie
        if not rest.strip(" \t\n:;,.") or announced or around \
                or LIST_ADVERB.fullmatch(rest.rstrip(" \t\n:;,.") + " "):
            # "représenté par :", "réunit notamment :" then the members' list; nothing when no list follows
            regions += _lines_after(text, structure, end, keep and not announced, members, trigger.start())
        else:
            regions.append(_Region(trigger.end(), end, keep, None, members, trigger.start(),
                                   weak=not keep))
    return regions


def _one_territory_before(text: str, position: int) -> bool:
    """Whether the sentence of `position`, or the one before, speaks of a territory or a perimeter
    (singular): what "on y retrouve" there names are its members. Read within 400 characters."""
    floor = max(0, position - 400)
    stop = max(text.rfind(mark, floor, position) for mark in ".!?")
    if stop >= 0:
        stop = max(text.rfind(mark, floor, stop) for mark in ".!?")
    return ONE_TERRITORY_WORD.search(text, max(floor, stop + 1), position) is not None


# "dix intercommunalités du Béarn et de la Bigorre", "cinq communautés de communes de la vallée":
# a count of EPCIs, then a complement that says where they lie; only what links is a member
COUNTED_NOUN_OF = re.compile(r"\s*(?:\d{1,3}|" + "|".join(COUNT_WORDS) + r")\s+" + WORDS["members_noun"] + r"\s+(?:du|de\s+la|de\s+l['’]|des|d['’])\s*",
                             re.IGNORECASE)


# "Il s'agit de A, porté par la communauté d'agglomération X, et du Pays de B": a trigger set
# off by a comma (", qui réunit" too), before one EPCI (singular article), opens a gloss clause of
# the name before it; ", et du" then takes up the preposition of the outer list ("de A … et du
# B"), no member.
GLOSS_CLAUSE_TRIGGER = re.compile(r",[ \t]*(?:qui[ \t]+)?$")
SINGULAR_LEAD = re.compile(r"\s*(?:la|le|l['’])\s*", re.IGNORECASE)
OUTER_LIST_RESUMED = re.compile(r",\s+et\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*(?=[A-ZÀ-Ý])")
# ", et l'Ouest Guyanais, porté par", ", et les Savanes, dont Kourou … est le moteur": the outer
# list's next name, with its article or without ("et Espace Sud, qui réunit", "et Espace Sud qui
# réunit"), and its own gloss clause (its trigger, "dont" or "où" right after its comma, or "qui"
# then a trigger): another territory, no member.
OUTER_ITEM_GLOSSED = re.compile(r",\s+et\s+(?:la\s+|le\s+|les\s+|l['’]\s*)?[A-ZÀ-Ý][^,;.:()\n]{0,60}?(?:,\s*|\s+(?=qui\s))")
WHOSE = re.compile(r"(?:dont|où)\s")
RELATIVE_PRONOUN = re.compile(r"qui\s+")  # ", qui réunit …": the clause's trigger after it


def _gloss_clause_end(text: str, trigger: re.Match, end: int) -> int:
    """Where a member region opened by a gloss clause between commas ends: at the comma that
    resumes the outer list (see OUTER_LIST_RESUMED; after one EPCI, "Il s'agit de A, porté par
    la CA X, et du Pays de B"), or at the outer list's next item glossed in turn ("le Centre
    Littoral, autour de Cayenne et de la CA X, et les Savanes, dont …"), else at `end`."""
    if not GLOSS_CLAUSE_TRIGGER.search(text, max(0, trigger.start() - 7), trigger.start()):
        return end
    resumed = OUTER_LIST_RESUMED.search(text, trigger.end(), end) \
        if SINGULAR_LEAD.match(text, trigger.end(), end) else None
    if resumed is None:  # "le Centre Littoral, autour de la CA X, et l'Ouest Guyanais, porté par la CC Y"
        resumed = next((m for m in OUTER_ITEM_GLOSSED.finditer(text, trigger.end(), end)
                        if TRIGGER.match(text, _after_relative_pronoun(text, m.end())) or WHOSE.match(text, m.end())), None)
    return resumed.start() if resumed else end


def _after_relative_pronoun(text: str, position: int) -> int:
    """Where a clause's trigger stands: after "qui" if it opens there ("qui réunit")."""
    pronoun = RELATIVE_PRONOUN.match(text, position)
    return pronoun.end() if pronoun else position


PROJECT_SUBJECT = re.compile(WORDS["project_subject"], re.IGNORECASE)


def _carries_a_project(text: str, trigger: re.Match) -> bool:
    """Whether a weak trigger names who carries a project rather than a territory's members: a
    project just described is its nearest subject ("Ce projet, est porté par la CC X, et soutenu
    au titre du Fonds vert") and its sentence does not speak of the programme ("ce projet, porté
    par A et B, a été labellisé Territoire d'industrie" still lists; rules/member_words.json
    project_subject)."""
    project = PROJECT_SUBJECT.search(text, max(0, trigger.start() - 120), trigger.start())
    if project is None or re.search(r"\bterritoire", project.group(0), re.IGNORECASE):
        return False
    start = max(text.rfind(stop, 0, trigger.start()) for stop in ".!?\n") + 1
    return not PROGRAMME_WORDS.search(text, start, _sentence_end(text, trigger.end()))


# ", qui " right before a trigger, and the clause before it (from the last comma or stop)
RELATIVE_BEFORE = re.compile(r"(?:^|[.;:!?,\n])(?P<antecedent>[^.;:!?,\n]{3,160}?)[ \t]*,?[ \t]*qui[ \t]+$")


def _relative_to_an_epci(text: str, position: int) -> bool:
    """Whether the trigger at `position` opens a relative clause about an EPCI written with its
    legal form or a type word ("porté par la CA du Centre de la Martinique (CACEM), qui regroupe
    Fort-de-France, Le Lamentin …"): an EPCI groups communes, not a territory's members."""
    relative = RELATIVE_BEFORE.search(text, max(0, position - 200), position)
    if relative is None:
        return False
    antecedent = re.sub(r"\([^()]*\)", " ", relative.group("antecedent"))
    last = re.search(r"(?:^|\s)(?:la|le|l['’])\s*([\w&-]+)\s*$", antecedent, re.IGNORECASE)
    if last and not re.search(r"\bterritoire", antecedent, re.IGNORECASE):
        acronym = acronym_in(re.sub(r"^(?i:ex)-", "", last.group(1)))
        if acronym and (acronym in known_acronyms() or link_epci(acronym).score == 1.0):
            return True  # "… ou la Cacem, qui regroupe deux, trois communes": a well-known acronym's;
            # "la CIVIS, qui regroupe Saint-Pierre, Saint-Louis …": an official name in capitals;
            # "la CA du Territoire de l'Ouest, l'ex-TCO, qui réunit Le Port, …": its former one
    typed = [word.start() for word in [*HEAD.finditer(antecedent), *TYPE_WORD.finditer(antecedent)]
             if not word.group(0).lower().startswith("celle")]
    # the nearest noun is the antecedent: "le territoire de la CA X, qui regroupe A et B" may
    # be about the territory, "celle du territoire X, qui réunit …" is
    territory = [word.start() for word in re.finditer(r"\bterritoire", antecedent, re.IGNORECASE)]
    return bool(typed) and max(typed) > max(territory, default=-1) \
        and not re.search(r"\bterritoires?\s+(?:de|du|des|d['’])(?:\s+la|\s+l['’])?\s*$", antecedent[:min(typed)],
                          re.IGNORECASE)


# An indefinite noun of EPCIs qualified by an adjective of place describes members without naming
# them: what follows locates them ("entre Lomagne et Savès", two pays), it is no list of names.
DESCRIBED_BY_PLACE = re.compile(r"\s*des\s+" + fold(WORDS["members_noun"]) + r"\s+" + WORDS["place_adjective"] + r"\b")
MEMBERS_NOUN_FIRST = re.compile(r"\s*(?:(?:les|des|ses|leurs|\d+|" + "|".join(COUNT_WORDS) + r")\s+)*"
                                + WORDS["members_noun"] + r"\b", re.IGNORECASE)
TYPE_NOUN = re.compile(r"(?:communaute|agglo|intercom|interco|metropole|epci|e\.p\.c\.i|collectivite)")
FIRST_WORD = re.compile(r"[\s:]*(?:(?:la|les|le|une|un|des|du|de)\s+|[ld]['’]\s*)?([^\W\d_][\w'’-]*)", re.IGNORECASE)
# an acronym opening with a count after its article ("la 5C", "la 3CM"): a name, not "la" a common noun
COUNTED_ACRONYM_FIRST = re.compile(r"[\s:]*(?:(?:la|le|les)\s+|l['’]\s*)?[2-9][A-Z][\w'’-]*")


def _common_noun_first(rest: str) -> bool:
    """Whether what follows a trigger opens with a common noun that is no legal form nor type
    word, and no legal form follows closely ("la préfecture a recensé … dans le Jovinien",
    "quatre axes"; not "les communautés A et B", "les présidents des communautés de communes
    A et B"): a weak trigger then introduces no names."""
    first = FIRST_WORD.match(rest)
    if not first or not first.group(1)[0].islower() or TYPE_NOUN.match(fold(first.group(1))):
        return False
    return not HEAD.search(rest, 0, first.end() + 40)


# a count right before a plural head ("deux communautés de communes de …"): it needs as many names
COUNT_BEFORE_HEAD = re.compile(r"(?<![\w'’])(\d{1,2}|" + "|".join(COUNT_WORDS) + r")[ \t]+$", re.IGNORECASE)


def _fewer_than_counted(text: str, head_start: int, names: list[tuple[int, int, Link]]) -> bool:
    """A counted plural head whose one name (or none known) stands for more EPCIs ("deux
    communautés de communes de la Montagne noire"): the area they lie in, not their names;
    several names are a part of them
    ("douze communautés de communes …, du Périgord Nontronnais et du Périgord Ribéracois jusqu'à …")."""
    counted = COUNT_BEFORE_HEAD.search(text, max(0, head_start - 12), head_start)
    if counted is None:
        return False
    word = counted.group(1).lower()
    count = count_value(word)
    return count > 1 and sum(1 for _, _, link in names if link.siren or link.candidates) < 2


PLURAL_HEAD = re.compile(r"(?:t[ée]s|ions|oles)\b|\bEPCI\b", re.IGNORECASE)  # "EPCI" heads only "les EPCI de …"
MEMBERS_VERB = with_first_letters(re.compile(r"(?<![\w'’])(?:" + "|".join([*WORDS["members_verbs"], WORDS["joins_the_perimeter"]])
                                             + r")(?!\w)",
                                             re.IGNORECASE))
SENTENCE_START = re.compile(r".*(?:[.!?:;]\s|\n)", re.DOTALL)


# "… regroupe 17 intercommunalités sur trois départements. Parmi elles, A, B et C jouent un rôle
# moteur.": a part of the EPCIs the sentence before counts, named after "parmi elles"; or after
# a verb of presence inverted ("Parmi elles figurent A, B et C", "Parmi elles, on trouve A")
PRESENCE_VERB = r"(?:on\s+(?:re)?trouve|on\s+compte|figur(?:e|ent|aient)|se\s+trouv(?:e|ent)|il\s+y\s+a|citons)\s+"
AMONG_THEM = re.compile(r"(?:^|(?<=[.!?]\s))[ \t]*Parmi\s+(?:elles|eux|celles-ci|ceux-ci)(?:\s*,\s*(?:" + PRESENCE_VERB
                        + r")?|\s+" + PRESENCE_VERB + ")", re.MULTILINE | re.IGNORECASE)


def _among_them_regions(text: str) -> list[_Region]:
    """The EPCIs named after "Parmi elles," when the sentence before counts EPCIs (only what
    links is reported: the names run into the sentence's verb)."""
    regions = []
    for among in AMONG_THEM.finditer(text):
        before = text[max(0, among.start() - 300):among.start()]
        previous = re.split(r"[.!?]\s+", before.rstrip())[-1]
        if MEMBERS_NOUN.search(previous):
            regions.append(_Region(among.end(), _sentence_end(text, among.end()), False))
    return regions


MEMBER_QUESTION = re.compile(WORDS["member_question"], re.IGNORECASE)
ANSWER_OPENING = re.compile(r"[\s—–-]*")


def _answered_question_regions(text: str) -> list[_Region]:
    """The answer's sentence after a question asking who makes up the territory ("Qui est
    dedans ? A, B et la CC C."; only what links is reported)."""
    regions = []
    for question in MEMBER_QUESTION.finditer(text):
        start = ANSWER_OPENING.match(text, question.end()).end()
        regions.append(_Region(start, _sentence_end(text, start), False, anchor=question.start()))
    return regions


# "Le territoire est porté par deux intercommunalités. La communauté de communes A et la
# communauté de communes B se sont engagées …": a count of members closing its sentence, then a
# sentence of the same paragraph opening with an EPCI's legal form names them. Where the members
# lie may close the count ("trois intercommunalités situées de part et d'autre de la rivière, en
# Seine-Maritime comme dans la Somme.", "… réparties sur le Cher et le Loir-et-Cher."): a place,
# no other object the next sentence could list.
MEMBERS_LOCATED = (r"(?:,?[ \t]+(?:situ|r[ée]parti|implant|localis|install)[ée]e?s?[ \t][^.;:!?\n]{0,120}"
                   r"|[ \t]+(?:sur|dans|en|entre)[ \t][^.;:!?\n\d]{0,80})?")
COUNTED_MEMBERS_CLOSING = with_first_letters(re.compile(
    r"(?<![\w'’])" + MEMBER_TRIGGER + r"\s+(?:(?:les|ses|leurs)\s+)?(?P<count>\d{1,2}|" + "|".join(COUNT_WORDS)
    + r")\s+" + WORDS["members_noun"] + MEMBERS_LOCATED + r"[ \t]*\.[ \t]*(?:\n[ \t]*){0,2}(?=\S)", re.IGNORECASE))
# "Trois intercommunalités le composent. A et B côté Morbihan ; C côté Côtes-d'Armor.": the
# counted members as the subject of a verb of composition whose object is the territory
COUNTED_MEMBERS_COMPOSE = with_first_letters(re.compile(
    r"(?<![\w'’])(?P<count>\d{1,2}|" + "|".join(COUNT_WORDS) + r")\s+" + WORDS["members_noun"]
    + r"\s+(?:" + WORDS["counted_compose"] + r")[ \t]*\.[ \t]*(?:\n[ \t]*)?(?=\S)", re.IGNORECASE))
SEMICOLON_PIECE = re.compile(r"[^;]+")
# "A et B côté Morbihan": the side the names lie on, after them, is no part of the last name
SIDE_AFTER = re.compile(r"\s+c[ôo]t[ée]\s+(?=\S)", re.IGNORECASE)
NAMED_NEXT_OPENING = re.compile(r"(?P<pointer>il\s+s['’]agit\s+(?:de\s+(?=la\b|l['’]|(?-i:[A-ZÀ-Ý]))|des\s+|du\s+"
                                r"|d['’]\s*(?=(?-i:[A-ZÀ-Ý])))|ce\s+sont\s+)?"
                                r"(?:(?:la|les)\s+|l['’]\s*)?", re.IGNORECASE)


def _counted_then_named_regions(text: str, all_heads: list[re.Match]) -> list[_Region]:
    """The sentence after one that counts a territory's members and ends there, when it opens
    with an EPCI's legal form and writes no more legal forms than the count (only what links is
    reported: the names run into the sentence's verb); or, when it has no verb ("Trois
    intercommunalités le composent. A et B côté Morbihan ; C côté Côtes-d'Armor."), up to its full
    stop, when exactly that many EPCIs link there and every name links."""
    regions = []
    starts = sorted(head.start() for head in all_heads)
    for counted in [*COUNTED_MEMBERS_CLOSING.finditer(text), *COUNTED_MEMBERS_COMPOSE.finditer(text)]:
        count = counted.group("count").lower()
        count = count_value(count)
        if count < 2:
            continue
        opening = NAMED_NEXT_OPENING.match(text, counted.end())
        if text.count("\n", text.rfind(".", counted.start(), counted.end()), counted.end()) > 1 \
                and not opening.group("pointer"):
            continue  # the next paragraph names them only when it says so: "Il s'agit de …", "Ce sont …"
        start = opening.end()
        end = _sentence_end(text, start)
        first = bisect.bisect_left(starts, start)
        opens = first < len(starts) and starts[first] == start
        if opens and bisect.bisect_left(starts, end) - first <= count:
            regions.append(_Region(start, end, False, anchor=counted.start()))
            continue
        if opening.group("pointer") and bisect.bisect_left(starts, end) - first < count:
            # "… trois intercommunalités réparties sur le Cher et le Loir-et-Cher. Il s'agit de
            # Vierzon-Sologne-Berry, de la communauté de communes A et de la CCRM": the sentence
            # says it names them, bare names too (of the document's départements)
            regions.append(_Region(start, end, False, anchor=counted.start(), bare_nearby=True))
            continue
        stop = LINE_OR_SENTENCE_STOP.search(text, start)
        end = stop.start() if stop else len(text)
        if FINITE_VERB.search(text, start, end):
            continue
        pieces = [(m.start(), m.end()) for m in SEMICOLON_PIECE.finditer(text, start, end)]
        for piece_start, piece_end in pieces:
            side = SIDE_AFTER.search(text, piece_start, piece_end)
            piece_end = side.start() if side else piece_end
            # one piece: exactly the count; several, each a name of the document's départements
            regions.append(_Region(piece_start, piece_end, False, anchor=counted.start(), bare_nearby=len(pieces) > 1,
                                   count_needed=count if len(pieces) == 1 else None))
    return regions


def _sentence_and_first_head(text: str, starts: list[int], verb_start: int) -> tuple[int, int | None]:
    """Where the sentence of a verb opens (400 characters back at most), and the index of the first
    legal-form head between that opening and the verb (None when there is none)."""
    before = SENTENCE_START.match(text, max(0, verb_start - 400), verb_start)
    sentence_start = before.end() if before else max(0, verb_start - 400)
    index = bisect.bisect_left(starts, sentence_start)
    return sentence_start, index if index < len(starts) and starts[index] < verb_start else None


def _subject_regions(text: str, all_heads: list[re.Match]) -> list[_Region]:
    """'la CU X, la CC Y et la CC Z s'étaient rassemblées pour donner naissance au Territoire
    W', 'la CA X et la CC Y forment le territoire W': EPCIs with their legal form, coordinated as
    the subject of a verb of membership, from the first head of the sentence to the verb; or
    names without legal form that a plural noun of EPCIs takes up before the verb ('A, l'Aire
    Cantilienne, le Pays du Valois… ces collectivités se sont réunies'), a member to come ('et
    bientôt B') left out."""
    regions = []
    starts = [head.start() for head in all_heads]
    for verb in MEMBERS_VERB.finditer(text):
        sentence_start, index = _sentence_and_first_head(text, starts, verb.start())
        first = all_heads[index] if index is not None else None
        resumed = RESUMPTION.search(text, max(0, verb.start() - 60), verb.start())
        if resumed is not None:  # an ellipsis ends no sentence: "… et bientôt B... ces collectivités"
            starts_before = list(PLAIN_SENTENCE_START.finditer(text, max(0, verb.start() - 400), resumed.start()))
            names_start = starts_before[-1].end() if starts_before else max(0, verb.start() - 400)
            future = FUTURE_MEMBER.search(text, names_start, resumed.start())
            end = future.start() if future else resumed.start()
            regions.append(_Region(names_start, end, False, None, True, verb.start()))
        elif first is not None:
            regions.append(_Region(first.start(), verb.start(), False, None, True, verb.start(),
                                   verb.start()))
    return regions


JOINS_THE_PERIMETER = with_first_letters(re.compile(r"(?<![\w'’])(?:" + WORDS["joins_the_perimeter"] + r")(?!\w)",
                                                   re.IGNORECASE))
_ARTICLE = r"(?:(?:le|la|les|Le|La|Les)[ \t]+|[lL]['’][ \t]*)?"
# "Côté bigourdan, le Plateau de X, Y et Z complètent le périmètre": names coordinated right
# before the verb, each after its article at most
BARE_SUBJECT = re.compile(_ARTICLE + "(?:" + "{name}(?:[ \t]*,[ \t]*{article}{name})*(?:[ \t]*,?[ \t]+et[ \t]+{article}{name})?"
                          .format(name=r"[A-ZÀ-Ý][\w'’-]*(?:[ \t]+(?:(?:de|du|des|la|le|en|sur)[ \t]+|[dl]['’][ \t]*)?[A-ZÀ-Ý][\w'’-]*)*",
                                  article=_ARTICLE) + r")[ \t]+$")


def _bare_subject_regions(text: str, all_heads: list[re.Match]) -> list[_Region]:
    """'A, B et C complètent le périmètre' (rules/member_words.json joins_the_perimeter): names
    without legal form, coordinated as the subject of a verb whose object is the perimeter,
    opening their clause (after a complement set off by a comma at most: "Côté bigourdan, …"):
    members when every name links to an EPCI of the document's départements (a perimeter is
    made of EPCIs; a town's name would stop the run). Subjects with a legal form are
    _subject_regions'."""
    regions = []
    starts = [head.start() for head in all_heads]
    for verb in JOINS_THE_PERIMETER.finditer(text):
        sentence_start, index = _sentence_and_first_head(text, starts, verb.start())
        if index is not None:
            continue  # a head in the subject: _subject_regions reads it
        run = BARE_SUBJECT.search(text, sentence_start, verb.start())
        opening = text[sentence_start:run.start()].strip() if run else None
        if run and (not opening or opening.endswith(",")):
            regions.append(_Region(run.start(), verb.start(), False, None, True, verb.start(), verb.start(),
                                   bare_nearby=True, every_name_linked=True))
    return regions


BROUGHT_ITS_NEIGHBOURS = with_first_letters(re.compile(r"(?<![\w'’])" + WORDS["brought_its_neighbours"], re.IGNORECASE))
SUBJECT_WORDS = 8  # "La communauté urbaine Le Creusot Montceau-les-Mines" at most, no clause before it


def _brought_in_by_regions(text: str) -> list[_Region]:
    """'La CAPI a en effet embarqué ses voisines : A et B': the EPCI that brought its neighbours
    in, the subject from its sentence's start to the auxiliary, is a member as they are; a
    longer subject (a clause before it) is not read."""
    regions = []
    for verb in BROUGHT_ITS_NEIGHBOURS.finditer(text):
        before = SENTENCE_START.match(text, max(0, verb.start() - 200), verb.start())
        start = before.end() if before else max(0, verb.start() - 200)
        if 0 < len(text[start:verb.start()].split()) <= SUBJECT_WORDS:
            regions.append(_Region(start, verb.start(), False, None, True, verb.start(), verb.start()))
    return regions


# "Les élus de la CCXY, de la CCZ et du Pays W ont signé mardi … la feuille de route du Territoire
# d'industrie V": the intercommunalities whose officials sign the territory's own act, its subject
SIGNED_THE_TERRITORYS_ACT = with_first_letters(re.compile(
    r"(?<![\w'’])(?:ont|avaient)\s+(?:officiellement\s+|conjointement\s+)?sign[ée]\w*\b[^.;:\n]{0,80}?"
    r"\b(?:contrat|feuille\s+de\s+route|protocole|convention)\s+(?:du|de\s+leur|de\s+son|de\s+ce)\s+"
    r"(?:[«\"“]\s*)?territoires?\s+d['’]\s*industrie\b", re.IGNORECASE))
OFFICIALS_OF = re.compile(r"\s*(?:les\s+)?(?:[ée]lus|pr[ée]sidents?|repr[ée]sentants)\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*",
                          re.IGNORECASE)


def _signatory_regions(text: str) -> list[_Region]:
    """The subject of "ont signé … le contrat / la feuille de route du Territoire d'industrie X"
    when it is the officials of intercommunalities ("Les élus de A, de B et de C"): A, B and C
    sign the territory's act, its members; only what links is reported."""
    regions = []
    for verb in SIGNED_THE_TERRITORYS_ACT.finditer(text):
        before = SENTENCE_START.match(text, max(0, verb.start() - 300), verb.start())
        start = before.end() if before else max(0, verb.start() - 300)
        officials = OFFICIALS_OF.match(text, start, verb.start())
        if officials:
            regions.append(_Region(officials.end(), verb.start(), False, None, True, verb.start(),
                                   verb.start()))
    return regions


RESUMPTION = re.compile(WORDS["resumption"], re.IGNORECASE)
PLAIN_SENTENCE_START = re.compile(r"(?<!\.)[.!?;:](?!\.)\s+|\n")
FUTURE_MEMBER = re.compile(WORDS["future_member"], re.IGNORECASE)


COLON_NEXT = re.compile(r"[ \t]*:")


def _plural_head_regions(text: str, all_heads: list[re.Match]) -> list[_Region]:
    """'les communautés d'agglomération de Bastia et du Pays Ajaccien': a plural legal form
    coordinates names, members or not. A counted one before a colon ("Trois communautés de
    communes : A, B et C") announces members: the noun's region reads them (_noun_regions)."""
    regions = []
    for head in all_heads:
        if COUNT_BEFORE.search(text, max(0, head.start() - 20), head.start()) and COLON_NEXT.match(text, head.end()):
            continue
        if PLURAL_HEAD.search(head.group(0)) and NAMES_FOLLOW.match(text, head.end()):
            regions.append(_Region(head.start(), _sentence_end(text, head.end()), False, None, False))
    return regions


# the names a plural head coordinates follow it ("les métropoles de Lyon et de Grenoble", "les
# communautés de communes des bassins de Pompey et de Pont-à-Mousson"); not
# "Les métropoles, qui …, sont retenues, parmi lesquelles Bordeaux, Rouen …": towns named for them
NAMES_FOLLOW = re.compile(r"\s*(?:(?:de|du|des|d['’])\s*(?:\w+\s+(?:de|du|des|d['’])\s*)?|:\s*)?[«\"“]?\s*[A-ZÉÈÀÂÎÔ]")


MARKED_LINE = re.compile(r"[ \t]*[−–—\-•▪◦*](?:[ \t]*[−–—\-])?[ \t]+(\S[^\n]*)\n?")


def _marked_lines(text: str, start: int) -> list[re.Match]:
    """The lines starting with a list marker from `start` on (one gloss line allowed first)."""
    lines, position = [], start
    line = MARKED_LINE.match(text, position)
    if line is None:  # "ci-après, les « intercommunalités » ;" between the intro and the items
        following = text.find("\n", position)
        line = MARKED_LINE.match(text, following + 1) if following >= 0 else None
    while line:
        lines.append(line)
        line = MARKED_LINE.match(text, line.end())
    return lines


def _announces_members(text: str, heading: Span | None) -> bool:
    """Whether a list's sub-heading announces members of its own ("* L'Aigle – Mortagne, qui réunit :")."""
    written = heading.of(text).rstrip() if heading else ""
    return written.endswith(":") and TRIGGER.search(fold(written)) is not None


def _own_items(text: str, items: list, under_an_item: bool = False) -> list:
    """The items of a member list up to the first one marked with another bullet: "• Sud
    Champagne, qui regroupe trois intercommunalités :" over "– la CA …" items, then "• Ouest
    Champenois, …": the "•" line is the next territory, not a member (numbered items keep their
    changing numbers; a numbered one after bullets, "2. Vichy Communauté" under "1. Montluçon,
    porté par :" and its "- A" items, is the next territory), or the first under another sub-heading announcing members of its own. A list opened by an item of its own (`under_an_item`: "- X, réunissant :"
    over "  - la CA …" items, then "- Y, …") also ends at an item standing left of the first."""
    def bullet(marker: str) -> str | None:
        return marker if marker and not any(c.isalnum() for c in marker) else None

    def indent(item) -> int:
        return item.span.start - text.rfind("\n", 0, item.span.start) - 1
    first = bullet(items[0].marker) if items else None
    own = []
    for item in items:
        if first is not None and (bullet(item.marker) not in (None, first) or item.marker and bullet(item.marker) is None) \
                or under_an_item and indent(item) < indent(items[0]) \
                or item.heading != items[0].heading and _announces_members(text, item.heading):
            break
        own.append(item)
    return own


def _lines_after(text: str, structure, position: int, keep: bool, members: bool,
                 anchor: int | None = None) -> list[_Region]:
    """The lines an intro ending with ':' opens: the items of the list that follows, or the
    "label : value" lines that follow; each line's value (after its label) is a list of names."""
    start = position + len(text[position:]) - len(text[position:].lstrip(" \t:\n"))
    if "\n" not in text[position:start]:
        return []
    lst = structure.list_at(start)
    if lst is None:  # a gloss line between ("ci-après, les « intercommunalités » ;")
        following = text.find("\n", start)
        lst = structure.list_at(following + 1) if following >= 0 else None
        lst = lst if lst and not text[following + 1:lst.span.start].strip() else None
    # under a heading inside the list ("• Sud Haute-Marne, associant :" then "- A ;" "- B."), its own
    # items follow it: the items above are others'
    own = _own_items(text, [i for i in lst.items if i.span.end > start], position >= lst.span.start) if lst else []
    # "• « A » : CC X, CC Y" / "• « B » (76-80)": beside lines giving a label its members, a bare
    # line without a type word is a territory listed without members, not a member
    labelled = any(item.field and item.field.value.end > item.field.value.start for item in own)
    spans = [(item.field.value if item.field else item.content) for item in own
             if item.field or not labelled or TYPE_WORD.search(text, item.content.start, item.content.end)]
    if not spans:  # items the structure did not read as a list ("− La communauté …", U+2212)
        spans = [Span(line.start(1), line.end(1)) for line in _marked_lines(text, start)]
    if not spans:
        for line in structure.fields:
            if line.label.start < start:
                continue
            gap = text[spans[-1].end if spans else start:line.label.start]
            if gap.strip() or gap.count("\n") > 2:
                break
            spans.append(line.value)
    if not spans and _wrapped_prose_line(text, start):
        # "… qui ont candidaté ensemble :" then "A, B, la communauté de communes C, celle" /
        # "des D et celle de E.": the names run on in the wrapped sentence under the intro
        end = _sentence_end(text, start)
        spans = [Span(start, end)] if "\n\n" not in text[start:end] else []
    if not spans and _names_line(text, start) \
            and INTRO_SUBJECT_IS_THE_TERRITORY.search(text, text.rfind("\n", 0, position) + 1, position):
        # "… il est porté par trois intercommunalités :" then "la CC X (CCX), la CA Y et la CA Z."
        spans = [Span(start, text.index("\n", start) if "\n" in text[start:] else len(text))]
    return [_Region(span.start, span.end, keep, None, members, anchor) for span in spans]


WRAPPED_PROSE_LINE = 60  # characters of a line of running text wrapped at a fixed width
# one sentence on its line, ending it with a full stop, no other sentence inside
NAMES_LINE = re.compile(r"[^\n]*?[^\s.][ \t]*\.[ \t]*(?:\n|$)")
SENTENCE_INSIDE = re.compile(r"[.!?][ \t]+[A-ZÉÈÀÂÎÔ]")


# the intro's subject is the territory, named or pointed back to ("À cheval sur deux régions, il est
# porté par trois intercommunalités :"), not another body ("Le Pôle métropolitain X rassemble
# trois agglomérations :", whose names are no territory's members)
INTRO_SUBJECT_IS_THE_TERRITORY = re.compile(r"(?:^|[,;][ \t]*)(?:il|elle|celui-ci|celle-ci|(?:le|ce|notre)[ \t]+territoire)\b",
                                            re.IGNORECASE)


def _names_line(text: str, start: int) -> bool:
    """Whether the line at `start`, under an intro ending with ':', is one sentence of its own
    (the names the intro announces, run on in prose), not the first of a paragraph's."""
    line = NAMES_LINE.match(text, start)
    return bool(line) and not SENTENCE_INSIDE.search(text, start, line.end())


def _wrapped_prose_line(text: str, start: int) -> bool:
    """Whether the line at `start` is running text wrapped onto the next line: long, no stop at
    its end, and the next line goes on in lower case."""
    line_end = text.find("\n", start)
    if line_end < 0 or line_end - start < WRAPPED_PROSE_LINE or text[start:line_end].rstrip()[-1:] in ".;:!?":
        return False
    return text[line_end + 1:line_end + 2].islower()


# "Les deux intercommunalités, A et B, …", "… associe ainsi les deux intercommunalités, de A et
# de B": names in apposition to a plural noun of EPCIs
NAMES_IN_APPOSITION = re.compile(r"[ \t]*,[ \t]*(?=(?:(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’])[ \t]*)?"
                                 r"(?:la[ \t]+|le[ \t]+|l['’][ \t]*)?[A-ZÉÈÀÂÎÔ])")
GROUP_BEFORE_APPOSITION = re.compile(r"\b(?:[Ll]es|[Dd]es|[Cc]es|[Ss]es|[Ll]eurs)[ \t]+(?:\w+[ \t]+)?$")
# "Les trois intercommunalités qui le composent, A, B et C, …", "les deux intercommunalités du
# secteur, A et B": what the noun's members are, before
# the comma opening their names
APPOSED_QUALIFIER = re.compile(r"(?:[ \t]+(?:membres|concern[ée]es|partenaires|du[ \t]+(?:territoire|secteur|p[ée]rim[èe]tre)"
                               r"|qui[ \t]+(?:le|la|l['’]|en)[ \t]*(?:composent|forment|constituent|font[ \t]+partie)))?")


# "des deux agglomérations Meuse Grand Sud et …": a counted plural noun of EPCIs, the names
# right after it
COUNTED_GROUP_BEFORE = re.compile(r"\b(?:[Ll]es|[Dd]es|[Cc]es|[Ss]es|[Ll]eurs|[Aa]ux)[ \t]+"
                                  r"(?:\d{1,2}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)[ \t]+$")
NAMES_RIGHT_AFTER = re.compile(r"[ \t]+(?=[A-ZÉÈÀÂÎÔ])(?!(?:EPCI|E\.P\.C\.I)\b)")
LINE_OR_SENTENCE_STOP = re.compile(r"\.(?=\s|$)|\n")
# a value going on over the next line, indented deeper and with no label of its own
CONTINUED_VALUE = re.compile(r"[ \t]*\n[ \t]{4,}((?:(?![ \t]:[ \t])[^\n.])+)")


# "des grandes agglomérations de Nouvelle-Aquitaine (A, B, C)", "les principales agglomérations":
# a size word before "agglomérations" speaks of urban areas, not of intercommunalities
URBAN_AREAS_BEFORE = re.compile(r"\b(?:grandes|principales|petites|moyennes|grosses|autres\s+grandes)\s+$", re.IGNORECASE)


COUNT_BEFORE = re.compile(r"\b(?:\d{1,2}|" + "|".join(COUNT_WORDS) + r")\s+$", re.IGNORECASE)


# "trois intercommunalités à cheval sur la Seine-Maritime et la Somme, donc sur deux régions, la
# Normandie et les Hauts-de-France : A ; B ; et C": words of place may stand between the counted
# noun and its list; past this many characters, the noun is counted and no verb may stand between
# (another clause's list: "des intercommunalités … situés dans … toute la France : « Toutes … »")
NOUN_TO_LIST_CHARS = 60


# "nos cinq communauté de communes (A, B, …)": a singular noun of EPCIs after a count of two or
# more, a common slip for the plural
SINGULAR_MEMBERS_NOUN = re.compile(r"\b(?:communaut[ée]\s+de\s+communes|communaut[ée]\s+d['’]\s*agglom[ée]ration"
                                   r"|intercommunalit[ée])\b", re.IGNORECASE)
PLURAL_COUNT_BEFORE = re.compile(r"\b(?:[2-9]|[1-9]\d|" + "|".join(COUNT_WORDS) + r")\s+$",
                                 re.IGNORECASE)


def _noun_regions(text: str, structure) -> list[_Region]:
    """'trois intercommunalités : A, B et C', '4 communautés de communes qui la composent (A, …)',
    'nos cinq communauté de communes (A, B, …)' (the singular after a count),
    'des trois intercommunalités du territoire d'industrie — A, B et C — avec …' (a count, then the
    members set off by two long dashes; not a masthead's "Intercommunalités de France – AdCF")."""
    regions = []
    nouns = sorted([*MEMBERS_NOUN.finditer(text), *MEMBERS_NOUN_SPELLED_OUT.finditer(text),
                    *(m for m in SINGULAR_MEMBERS_NOUN.finditer(text)
                      if PLURAL_COUNT_BEFORE.search(text, max(0, m.start() - 20), m.start()))], key=lambda m: m.start())
    for noun in nouns:
        after = re.match(r"[^().:;\n—–]{0,120}?(?:(\()|(:)\s|[ \t](—|–)[ \t])", text[noun.end():noun.end() + 130])
        if after and len(after.group(0)) > NOUN_TO_LIST_CHARS and (
                FINITE_VERB.search(after.group(0)) or re.search(r"\bqui\b", after.group(0))
                or not COUNT_BEFORE.search(text, max(0, noun.start() - 20), noun.start())):
            after = None  # "Huit intercommunalités … participent au programme, qui compte 148 territoires :"
        apposition = NAMES_IN_APPOSITION.match(text, APPOSED_QUALIFIER.match(text, noun.end()).end())
        if apposition and GROUP_BEFORE_APPOSITION.search(text, max(0, noun.start() - 30), noun.start()):
            # "Les deux intercommunalités, A et B, travailleront …": only what links is reported
            regions.append(_Region(apposition.end(), _sentence_end(text, apposition.end()), False))
            continue
        if not after:
            if COUNTED_GROUP_BEFORE.search(text, max(0, noun.start() - 30), noun.start()) \
                    and NAMES_RIGHT_AFTER.match(text, noun.end()):
                # "au côté des deux agglomérations Meuse Grand Sud et …": only what links is reported
                regions.append(_Region(noun.end(), _sentence_end(text, noun.end()), False))
            continue
        start = noun.end() + after.end()
        if noun.group(0).lower().startswith("agglom") and URBAN_AREAS_BEFORE.search(text, max(0, noun.start() - 30), noun.start()):
            continue  # "les grandes agglomérations de la région (A, B, C)": towns, not EPCIs
        if after.group(2) and noun.group(0).lower().startswith("agglom"):
            continue  # "29 EPCI et 2 agglomérations, sont :" then territories: only "(A et B)"
        if after.group(2) and (text[start - 1] == "\n" or re.match(r"[ \t]*\n", text[start:])):
            # "… :" ending a line; the lines are introduced where the noun stands ("Il associe
            # cinq intercommunalités :" points back for each of them)
            regions += _lines_after(text, structure, start - 1, True, True, noun.start())
            continue
        if after.group(1):
            close = text.find(")", start)
            if close < 0 or "\n" in text[start:close]:
                continue
            # "(A, B, C et D)" after "qui la composent"; after a place ("de l'arrondissement
            # de Lunéville (…)") only what links is reported
            plain = not re.search(r"[A-ZÉ]", after.group(0))
            regions.append(_Region(start, close, plain))
        elif after.group(3):  # "les trois intercommunalités du territoire — A, B et C — avec …"
            close = text.find(after.group(3), start, _sentence_end(text, start))
            if close >= 0 and COUNT_BEFORE.search(text, max(0, noun.start() - 20), noun.start()):
                regions.append(_Region(start, close, True))
        elif after.group(2):  # "Intercommunalités : A ; B ; C": after a colon ";" parts the names
            stop = LINE_OR_SENTENCE_STOP.search(text, start)
            end = stop.start() if stop else len(text)
            going_on = CONTINUED_VALUE.match(text, end) if text[start:end].rstrip().endswith((";", ",")) else None
            while going_on:  # "… : A ; B ;" then "            C ; D" indented under it (a PDF's form)
                end = going_on.end(1)
                going_on = CONTINUED_VALUE.match(text, end) if going_on.group(1).rstrip().endswith((";", ",")) else None
            regions.append(_Region(start, end, True))
        else:
            regions.append(_Region(start, _sentence_end(text, start), True))
    return regions


# "…, de Quimperlé Communauté et de Blavet Bellevue Océan, les trois intercommunalités qui
# composent ce territoire", "… Loue-Lison et Grand Besançon Métropole. Six intercommunalités,
# donc, …": a counted plural noun of EPCIs right after a run of names takes it up
RESUMED_BY_COUNT = with_first_letters(re.compile(
        r"(?!(?<=[ \t])[ \t])[ \t]*(?:,[ \t]*(?:(?:les|ces|soit)[ \t]+)|[.][ \t]+(?=[A-ZÉÈ\d]))"
        r"(?:\d+|" + "|".join(COUNT_WORDS) + r")[ \t]+"
        r"(?:intercommunalit[ée]s|communaut[ée]s(?:[ \t]+de[ \t]+communes)?|EPCI|E\.P\.C\.I\.?)\b", re.IGNORECASE))


def _typed(written: str, epci_type: str | None) -> bool:
    """Whether a name is written as an EPCI's: with its legal form or a type word."""
    return epci_type is not None or TYPE_WORD.search(written) is not None


def _resumed_regions(text: str) -> list[_Region]:
    """The run of names, from its sentence's start, that a counted plural noun of EPCIs right
    after it takes up: members, only what links, a bare name only in the document's
    départements and beside a name written as an EPCI's."""
    regions = []
    for noun in RESUMED_BY_COUNT.finditer(text):
        starts = list(PLAIN_SENTENCE_START.finditer(text, max(0, noun.start() - 400), noun.start()))
        start = starts[-1].end() if starts else max(0, noun.start() - 400)
        if text[start:noun.start()].strip():
            regions.append(_Region(start, noun.start(), False, None, True, start,
                                   bare_nearby=True, typed_needed=True))
    return regions


# "Depuis un an, A, B et C partagent une cheffe de projet qui suit les dossiers des trois
# intercommunalités": a counted plural noun of EPCIs later in the sentence of a run of names
COUNTED_LATER = re.compile(r"\b(?:les|des|ces|aux|ses|leurs)[ \t]+(?P<count>[2-9]|deux|trois|quatre|cinq|six|sept|huit|neuf)[ \t]+"
                           r"(?:intercommunalit[ée]s|agglom[ée]rations|communaut[ée]s[ \t]+(?:de[ \t]+communes|d['’][ \t]*agglom[ée]rations?)"
                           r"|EPCI)\b", re.IGNORECASE)
# capitalised names coordinated by commas and "et", then the sentence's verb in lower case
_CAPITALISED_NAME = r"[A-ZÀ-Ý][\w'’-]*(?:[ \t]+(?:(?:de|du|des|la|le|en|sur)[ \t]+|[dl]['’][ \t]*)?[A-ZÀ-Ý][\w'’-]*)*"
NAMES_BEFORE_VERB = re.compile(_CAPITALISED_NAME + r"(?:[ \t]*,[ \t]*" + _CAPITALISED_NAME + r")*[ \t]*,?[ \t]+et[ \t]+"
                               + _CAPITALISED_NAME + r"(?=[ \t]+(?:s['’]|se[ \t]|ont[ \t]|sont[ \t])?[a-zà-ÿ])")

# "le Territoire d'industrie A et B associe les deux intercommunalités": a territory's name
PROGRAMME_BEFORE = re.compile(r"[Tt]erritoires?[ \t]+d['’][ \t]*[Ii]ndustrie[ \t]*[«\"“]?[ \t]*$")


def _counted_later_regions(text: str) -> list[_Region]:
    """The names coordinated as a sentence's subject that a count of EPCIs later in it takes up
    ("Depuis un an, A, B et C partagent une cheffe de projet qui suit les dossiers des trois
    intercommunalités"): members when exactly that many distinct EPCIs link and every
    name links, never a town's single word; not a territory's name after the programme's."""
    regions = []
    for noun in COUNTED_LATER.finditer(text):
        starts = list(PLAIN_SENTENCE_START.finditer(text, max(0, noun.start() - 400), noun.start()))
        start = starts[-1].end() if starts else max(0, noun.start() - 400)
        runs = list(NAMES_BEFORE_VERB.finditer(text, start, noun.start()))
        count = noun.group("count").lower()
        if runs and not PROGRAMME_BEFORE.search(text, max(0, runs[-1].start() - 40), runs[-1].start()):
            regions.append(_Region(runs[-1].start(), runs[-1].end(), False, None, True, runs[-1].start(),
                                   count_needed=count_value(count)))
    return regions


# "… les cinq intercommunalités de l'aire urbaine ont choisi de candidater ensemble. Autour de la
# table : A, B, C, D et E.": a short label without a verb closing on a colon opens the next sentence
COUNTED_LABEL = re.compile(r"[ \t]*(?:\n[ \t]*){0,2}(?P<label>[A-ZÀ-Ý][^\W\d_]*(?:[ \t]+[^\W\d_]+(?:['’][^\W\d_]+)?){0,5})[ \t]*:[ \t]*(?=\S)")


def _counted_then_labelled_regions(text: str) -> list[_Region]:
    """The names after a short label and a colon ("Autour de la table : A, B et C") opening the
    sentence right after one that counts EPCIs with a definite article ("les trois
    intercommunalités … ont candidaté ensemble"), or the paragraph right after: members when exactly
    that many distinct EPCIs link and every name links."""
    regions = []
    for noun in COUNTED_LATER.finditer(text):
        stop = LINE_OR_SENTENCE_STOP.search(text, noun.end())
        label = COUNTED_LABEL.match(text, stop.end()) if stop else None
        if label is None or FINITE_VERB.search(label.group("label")):
            continue  # a sentence's words before a colon
        end = LINE_OR_SENTENCE_STOP.search(text, label.end())
        count = noun.group("count").lower()
        regions.append(_Region(label.end(), end.start() if end else len(text), False, None, True, label.start(),
                               count_needed=count_value(count)))
    return regions


# "Côté haut-garonnais : A, B et C. Côté bigourdan : D et E." after "associés à six autres
# communautés de communes": a side's label, then its names
SIDE_LABEL = re.compile(r"(?:^|(?<=[.!?;]\s)|(?<=\n))[ \t]*C[ôo]t[ée][ \t]+[^:.;\n]{2,40}?[ \t]*:[ \t]*(?=\S)",
                        re.MULTILINE)
# "Côté Hautes-Pyrénées, notre Agglomération et la CC X. Côté Pyrénées-Atlantiques, A, B et les
# autres intercommunalités du Béarn.": the label closed by a comma, a sentence without a verb
SIDE_LABEL_COMMA = re.compile(r"(?:^|(?<=[.!?;]\s)|(?<=\n))[ \t]*C[ôo]t[ée][ \t]+[^:,.;\n]{2,40}?[ \t]*,[ \t]*(?=\S)",
                              re.MULTILINE)
SIDES_ANNOUNCED_CHARS = 400  # how far back the plural noun of EPCIs the sides share out may stand


def _side_regions(text: str) -> list[_Region]:
    """The names after "Côté X :" in a paragraph that has just spoken of EPCIs in the plural
    ("nous nous sommes associés à six autres communautés de communes … . Côté haut-garonnais :
    A, B et C."), or after "Côté X," in a sentence without a verb, in a paragraph that speaks of
    them before or after ("Côté Pyrénées-Atlantiques, A, B et les autres intercommunalités du
    Béarn."): members, only what links, a bare name only in the document's départements."""
    regions = []
    for label in [*SIDE_LABEL.finditer(text), *SIDE_LABEL_COMMA.finditer(text)]:
        window = max(0, label.start() - SIDES_ANNOUNCED_CHARS)
        paragraph = max(window, text.rfind("\n\n", window, label.start()))
        stop = LINE_OR_SENTENCE_STOP.search(text, label.end())
        end = stop.start() if stop else len(text)
        if label.group(0).rstrip().endswith(","):
            after = text.find("\n\n", end)
            after = min(len(text) if after < 0 else after, end + SIDES_ANNOUNCED_CHARS)
            if FINITE_VERB.search(text, label.end(), end) or not MEMBERS_NOUN.search(text, paragraph, after):
                continue
        elif not MEMBERS_NOUN.search(text, paragraph, label.start()):
            continue
        regions.append(_Region(label.end(), end, False, None, True, label.start(), bare_nearby=True))
    return regions


# a footnote: its call right after a word ("couvre 147 communes*", "communes (1)", "communes¹"),
# its text on a line of its own after, opening with the same mark
FOOTNOTE_LINE = re.compile(r"^[ \t]*(\*{1,3}|\(\d\)|[¹²³])[ \t]*(\S[^\n]*)", re.MULTILINE)


def _footnote_regions(text: str) -> list[_Region]:
    """The EPCIs a footnote lists are members, introduced where its call stands ("Le
    territoire X couvre 147 communes*" … "* Communauté d'agglomération A, communauté de
    communes B …"): the call's sentence is the list's intro."""
    regions, calls = [], {}  # mark -> the starts of its calls in the text, found once (not once a line)
    for line in FOOTNOTE_LINE.finditer(text):
        mark = line.group(1)
        if mark.startswith("*") and mark in line.group(2):
            continue  # "**Occitanie** – …": a bold run opening the line, no footnote
        if mark not in calls:
            call = re.compile(r"(?<=\w)[ \t]?" + re.escape(mark) if mark.startswith("(")
                              else r"(?<=\w)" + re.escape(mark) + r"(?!\*)")
            calls[mark] = [c.start() for c in call.finditer(text)]
        # the last call ending before the line (a call ends with its mark, never with the line break)
        count = bisect.bisect_left(calls[mark], line.start())
        if count:
            regions.append(_Region(line.start(2), line.end(2), False, None, True, calls[mark][count - 1]))
    return regions


# "NAME IN CAPITALS — CA X, CC Y": a line whose label a
# spaced long dash parts from a value opening with a legal form (a "label : value" line's layout).
# Read once, not from every blank: the label starts after the line's blanks, or at the latest three
# characters before the line's first dash (a shorter label takes blanks: "   x — CC Y"), the only
# start where it can match; the value ends at its line's last character that is not a blank (a
# line of 10,000 blanks took 35 s, each of its blanks starting a label of each length).
DASH_FIELD = re.compile(r"^(?>[ \t]*(?=[^\n—–:]{3}))(?P<label>[^\n—–:]{2,80}?)[ \t]++[—–][ \t]++"
                        r"(?P<value>(?:(?:la|les|le)[ \t]+|l['’][ \t]*)?"
                        r"(?:C[CAU]\b|[Cc]ommunaut[ée]|[Mm][ée]tropole)(?:[^\n]*[^ \t\n])?)[ \t]*$", re.MULTILINE)


def dash_fields(text: str) -> list[Field]:
    """The "Name — CA X, CC Y" lines of a text, read as "label : value" lines."""
    return [Field(Span(*line.span("label")), Span(*line.span("value"))) for line in DASH_FIELD.finditer(text)]


MAX_LABEL_WORDS = 5  # "Territoire d'industrie Bourges-Vierzon (Cher)" beside the territory's name
# "- Bourges (Cher) – Bourges Plus": a line's one name after a spaced dash, without legal form.
# Read once, as DASH_FIELD (the label starts where only it can; the value ends at the line's last
# character that is not a blank): a line of 10,000 blanks took 34 s, each blank starting a label.
BARE_DASH_VALUE = re.compile(r"^(?>[ \t]*(?=[^\n—–:]{3}))(?P<label>[^\n—–:]{2,80}?)[ \t]++[—–][ \t]++"
                             r"(?P<value>[A-ZÉÈÀÂÎÔ](?:[^\n;:()]*[^ \t\n;,:()])?)[ \t]*$", re.MULTILINE)
# "Béziers-Sète (34) — Béziers Méditerranée, Sète Agglopôle Méditerranée": the names the value coordinates
BARE_VALUE_JOINT = re.compile(r",[ \t]*|[ \t]+et[ \t]+")


def _bare_names_after_a_dash(text: str, linker: DocumentLinker, territories: list[tuple[int, int, str]],
                             taken: list[EpciMention]) -> list[EpciMention]:
    """'- Bourges (Cher) – Bourges Plus' among 'Territory (département) – CC X' lines: the names
    after the dash of a line whose label is a territory's name with at most a few words around it,
    without legal form nor type word, one or several coordinated ("Béziers-Sète (34) — Béziers
    Méditerranée, Sète Agglopôle Méditerranée"), are its members when each is, whole, the
    official name of an EPCI of the document's départements (two words or more: "– Bourges" is a
    town); one name that is not leaves the whole line unread."""
    found = []
    owners = SpansInside(territories)
    taken_reach = SpanReach((m.start, m.end) for m in taken)  # by bisection, not every mention each time
    for line in BARE_DASH_VALUE.finditer(text):
        owner = owners.first_inside(line.start("label"), line.end("label"))
        if owner is None or taken_reach.holds(line.start("value")):
            continue
        rest = re.sub(r"\([^)]*\)", " ", text[line.start("label"):owner[0]] + " " + text[owner[1]:line.end("label")])
        if len(re.findall(r"\w+", rest)) > MAX_LABEL_WORDS:
            continue
        cuts = [line.start("value"), *(i for joint in BARE_VALUE_JOINT.finditer(text, line.start("value"), line.end("value"))
                                       for i in joint.span()), line.end("value")]
        names = [(start, end, text[start:end]) for start, end in zip(cuts[::2], cuts[1::2])]
        links = [_official_in_context(value, linker) if len(value.split()) >= 2 else None for _, _, value in names]
        if all(links) and len({link.siren for link in links}) == len(links) \
                and not any(taken_reach.holds(start) for start, _, _ in names):  # (another rule read them)
            found += [EpciMention(start, end, link, value, link.epci_type, "epci.member_list", in_member_list=True,
                                  territory_hint=owner[2]) for (start, end, value), link in zip(names, links)]
    return found


# "l'Intercom Bernay Terres de Normandie, qui ne fait pas partie du territoire", "le Pays de
# Lumbres, voisin, …": a bare name after its article, said outside the territory right after it
# (blanks, an optional comma, blanks: "[ \t]*(?:,[ \t]*)?", not "[ \t]*,?[ \t]*", which tries every
# split of a long run of blanks between its two stars: blancs_numero.txt)
SAID_OUTSIDE_RULE = "epci.said_outside"
BARE_NAME_SAID_OUTSIDE = re.compile(
    r"(?:\b[Ll]['’][ \t]*|\b[Ll][ae][ \t]+)(?P<name>[A-ZÀ-Ý][\w'’-]*(?:[ \t]+(?:[A-ZÀ-Ý][\w'’-]*|de|du|des|la|le|l['’]"
    r"|d['’]|et|sur|en)){0,8}?)(?=[ \t]*,[ \t]*(?:(?:sa|son|leur|notre)[ \t]+)?voisine?s?[ \t]*,"
    r"|[ \t]*(?:,[ \t]*)?(?:qui[ \t]+)?(?:ne|n['’])[ \t]*(?:en[ \t]+)?(?:fait|font|est|sont)[ \t]+pas[ \t]+(?:partie|membres?)\b)")


def _bare_names_said_outside(text: str, linker: DocumentLinker, taken: list[EpciMention]) -> list[EpciMention]:
    """An EPCI named without legal form and said outside the territory right after its name: the
    official name of an EPCI of the document's départements (_official_in_context), two words or
    more; the attachment keeps it tied to no territory (membership.NOT_A_MEMBER)."""
    found = []
    taken_reach = SpanReach((m.start, m.end) for m in taken)
    for match in BARE_NAME_SAID_OUTSIDE.finditer(text):
        written = match.group("name")
        if len(written.split()) < 2 or taken_reach.holds(match.start("name")):
            continue
        link = _official_in_context(written, linker)
        if link is not None:
            found.append(EpciMention(match.start("name"), match.end("name"), link, written, link.epci_type,
                                     SAID_OUTSIDE_RULE))
    return found


# "Cap Excellence : l'agglomération centre (…)": a value opening with an article and a type word
# that no name follows (a lower-case word, a bracket, a comma, its end)
TYPE_WORD_DESCRIPTION = re.compile(
    r"[ \t*]*(?:l['’]|la[ \t]+|le[ \t]+)(?:agglom[ée]ration|agglo|intercommunalit[ée]|interco|m[ée]tropole"
    r"|communaut[ée][ \t]+(?:urbaine|d['’]agglom[ée]ration|de[ \t]+communes))(?=[ \t]*(?:[,;(]|$)|[ \t]+(?!(?:de|du|des)[ \t]|d['’])[a-zà-ÿ])")


def _territories_described_by_a_type_word(text: str, structure, linker: DocumentLinker,
                                          territories: list[tuple[int, int, str]],
                                          taken: list[EpciMention]) -> list[EpciMention]:
    """"- Cap Excellence : l'agglomération centre (Pointe-à-Pitre, …)": a territory's name alone
    as a label, its value the type word of an intercommunality with a description, not a name:
    the name is that intercommunality's, its member, when it is an EPCI's name of the document's
    départements (the type word given apart, "l'Agglomération de X" split in two)."""
    found = []
    owners = SpansInside(territories)
    taken_reach = SpanReach((m.start, m.end) for m in taken)  # by bisection, not every mention each time
    for line in structure.fields:
        owner = owners.first_inside(line.label.start, line.label.end)
        if owner is None or taken_reach.holds(owner[0]) \
                or re.search(r"\w", text[line.label.start:owner[0]] + text[owner[1]:line.label.end]) \
                or not TYPE_WORD_DESCRIPTION.match(text, line.value.start, line.value.end):
            continue
        written = text[owner[0]:owner[1]]
        link = _official_in_context(written, linker)
        if link is not None:
            found.append(EpciMention(owner[0], owner[1], link, written, link.epci_type,
                                     "epci.described_territory", territory_hint=owner[2]))
    return found


def _field_regions(text: str, structure, territories: list[tuple[int, int, str]]) -> list[_Region]:
    """The value of a "label : value" line whose label is a territory's name, with at most a
    few words around it: its members."""
    regions = []
    owners = SpansInside(territories)
    for line in [*structure.fields, *dash_fields(text)]:
        owner = owners.first_inside(line.label.start, line.label.end)
        if owner:
            s, e, owner = owner
            rest = re.sub(r"\([^)]*\)", " ", text[line.label.start:s] + " " + text[e:line.label.end])
            if len(re.findall(r"\w+", rest)) > MAX_LABEL_WORDS:
                continue  # "Le Ternois rejoint ainsi les territoires … : A et B": a sentence
            # "X : le sud du Tarn, entre Mazamet et la Montagne noire, …": a value opening with a
            # common noun describes the territory; a name there without legal form may be a place,
            # a member only when it lies in the document's départements
            described = _common_noun_first(text[line.value.start:line.value.end])
            # "Sud Manche ⏎ – A ⏎ – B": a value going on over marked lines is a list, a name a line
            start = line.value.start
            for mark in MARKED_LINE_BREAK.finditer(text, line.value.start, line.value.end):
                regions.append(_Region(start, mark.start(), False, owner, bare_nearby=described))
                start = mark.end()
            regions.append(_Region(start, line.value.end, False, owner, bare_nearby=described))
    return regions


def _territory_headed_list_regions(text: str, structure,
                                   territories: list[tuple[int, int, str]]) -> list[_Region]:
    """The items of a list under a heading that is a territory's name, with at most a few words
    around it ("Territoire d'industrie Épinal-Rambervillers" then "- Communauté d'agglomération
    d'Épinal", "- Communauté de communes …", the next territory's heading over its own items):
    that territory's members, only what links, when some item is written as an EPCI's."""
    regions = []
    owners = SpansInside(territories)
    for lst in structure.lists:
        for heading, items in _items_by_heading(lst):
            items = _own_items(text, items)
            owner = _heading_territory(text, heading, owners)
            if owner is None or not any(TYPE_WORD.search(item.content.of(text)) or HEAD.search(item.content.of(text))
                                        for item in items):
                continue
            regions += [_Region(item.content.start, item.content.end, False, owner, True, heading.start)
                        for item in items]
    return regions


def _items_by_heading(lst) -> list[tuple[Span, list]]:
    """(heading, items) of a list: the items before its first sub-heading under its intro."""
    groups: list[tuple[Span, list]] = []
    for item in lst.items:
        heading = item.heading or lst.intro
        if heading is None:
            continue
        if groups and groups[-1][0] == heading:
            groups[-1][1].append(item)
        else:
            groups.append((heading, [item]))
    return groups


def _heading_territory(text: str, heading: Span, owners: SpansInside) -> str | None:
    """The territory a heading line names, when the rest of the line is a few words without a
    sentence's stop, clause or verb ("Territoire d'industrie X (Vosges)"), not a sentence naming
    it ("X, qui regroupe trois intercommunalités :", read by the trigger)."""
    owner = owners.first_inside(heading.start, heading.end)
    if owner is None:
        return None
    s, e, tid = owner
    rest = re.sub(r"\([^)]*\)", " ", text[heading.start:s] + " " + text[e:heading.end])
    if len(re.findall(r"\w+", rest)) > MAX_LABEL_WORDS or re.search(r"[.,;!?]|:\s*\S|\bqui\b", rest) \
            or FINITE_VERB.search(rest):
        return None
    return tid


# "Le territoire d'industrie X, avec A, le B et la C, mise sur …": the names in an
# apposition opened by "avec" right after a territory's name, up to a comma before a lower-case
# word that opens no name, or the sentence's end
# (possessive blanks: a run of them is read once, not split between the two runs at each blank)
WITH_AFTER_TERRITORY = re.compile(r"[ \t]*+[»\"”]?[ \t]*+,[ \t]*+avec[ \t]+")
END_OF_WITH = re.compile(r",\s*(?!(?:la|le|les|l['’]|de|du|des|d['’]|et|celle|celles)\b)[a-zéèêàâîôûç]|[.;:!?](?:\s|$)|\n\s*\n")


def _territory_with_regions(text: str, territories: list[tuple[int, int, str]]) -> list[_Region]:
    """The names set off by ", avec" right after a territory's name: its members, only what links
    (not "avec ses 40 000 emplois", "avec le soutien de la Région")."""
    regions = []
    for start, end, territory_id in territories:
        opening = WITH_AFTER_TERRITORY.match(text, end)
        if opening is None:
            continue
        stop = END_OF_WITH.search(text, opening.end())
        close = stop.start() if stop else len(text)
        if _common_noun_first(text[opening.end():close]):
            continue
        regions.append(_Region(opening.end(), close, False, territory_id, True, start, weak=True))
    return regions


MARKED_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*[−–—•▪◦*-][ \t]+")


# A heading or intro over a list of the territory's EPCIs: "Le périmètre", "Composition",
# "Membres", "Intercommunalités membres", a committee's "Membres invités", a newsletter's question
# "Qui est concerné ?" under the territory's name (folded, without its colon)
MEMBERS_HEADING = re.compile(r"(?:(?:le|son|notre)\s+)?perimetre(?:\s+du\s+territoire)?|composition(?:\s+du\s+territoire)?"
                             r"|(?:les\s+|ses\s+)?(?:intercommunalites|epci)\s+membres|(?:les\s+|ses\s+)?membres(?:\s+invites)?"
                             r"|qui\s+(?:est|sont)\s+concernee?s?\s*\?")

# a list item heading the items under it: "- Les intercommunalités" over "  - la CC A ;" (folded)
SUBLIST_OF_MEMBERS = re.compile(MEMBERS_HEADING.pattern + r"|(?:les\s+|ses\s+)?(?:intercommunalites|epci)")


def _heads_members(text: str, span) -> bool:
    """Whether an intro or a heading line says the items under it are members (MEMBERS_HEADING)."""
    return span is not None and MEMBERS_HEADING.fullmatch(fold(span.of(text)).strip(" \t\n:#*")) is not None


def _headed_list_regions(text: str, structure) -> list[_Region]:
    """The items of a list headed "Le périmètre" or "Membres" (its intro or the heading line over
    its items), the value of a line "Membres : A et B", the lines under a list's item "Les
    intercommunalités": members, only what links, a bare name only in the document's départements
    and beside a name written as an EPCI's (a list of communes under "Le périmètre" names none)."""
    regions = []
    for lst in structure.lists:
        # the list's intro, or the short heading line right above its items ("Membres invités :",
        # a blank line above it: the list's intro is then the paragraph before)
        intro_heads = _heads_members(text, lst.intro)
        heads = [(item, lst.intro if intro_heads else item.heading) for item in lst.items
                 if intro_heads or _heads_members(text, item.heading)]
        if not any(TYPE_WORD.search(item.content.of(text)) or HEAD.search(item.content.of(text)) for item, _ in heads):
            continue
        regions += [_Region(item.content.start, item.content.end, False, None, True, head.start,
                            bare_nearby=True) for item, head in heads]
    for lst in structure.lists:  # "La démarche associe :" then "- Les intercommunalités" over its own items
        for item in lst.items:
            content = item.content.of(text)
            head, newline, rest = content.partition("\n")
            if not newline or not SUBLIST_OF_MEMBERS.fullmatch(fold(head).strip(" \t:#*")) \
                    or not (TYPE_WORD.search(rest) or HEAD.search(rest)):
                continue
            start = item.content.start + len(head) + 1
            regions += [_Region(start + line.start(), start + line.end(), False, None, True, item.content.start,
                                bare_nearby=True) for line in re.finditer(r"[^\n]*\S[^\n]*", rest)]
    for line in structure.fields:  # "Membres : A (agglomération) et B Intercom."
        value = line.value.of(text)
        if MEMBERS_HEADING.fullmatch(fold(line.label.of(text)).strip(" \t\n:#*-•")) \
                and (TYPE_WORD.search(value) or HEAD.search(value)):
            regions.append(_Region(line.value.start, line.value.end, False, None, True, line.label.start,
                                   bare_nearby=True))
    return regions


# A table's column of member intercommunalities ("EPCI", "Intercommunalités membres",
# "Intercommunalité(s) membre(s)", "Intercommunalités citées", "Intercommunalités axonaises", a
# spreadsheet's "epci_membre", a press table's "Communauté de communes" over short names,
# "Membres", "Périmètre", "Composition", "Collectivités membres", "Intercommunalités partenaires",
# "Intercommunalités engagées", "Intercommunalités du territoire", "EPCI composant le territoire"), or of
# the one carrying the territory ("EPCI porteur", "Structure porteuse"), which lies in it too (folded
# header; a carrier that is no EPCI, a PETR or a pôle métropolitain, links to none).
EPCI_COLUMN = re.compile(r"(?:structures?\s+porteuses?\s*/\s*)?"  # "Structure porteuse / intercommunalités membres"
                         r"(?:nom[\s_]+de[\s_]+l'\s*)?(?:epci|intercommunalite(?:s|\(s\))?"
                         r"|communautes?[\s_]+(?:de[\s_]+communes|d'agglomeration)|communautes|collectivites)"
                         r"(?:[\s_]+(?:membres?|membre\(s\)|signataires?|concernee?s?|concernee?\(s\)|citee?s?|citee?\(s\)"
                         r"|partenaires?|associee?s?|impliquee?s?"
                         # "Intercommunalité(s) chef(s) de file": the EPCIs leading the territory, members of it
                         r"|porteu(?:r|se)|engagee?s?|chefs?(?:\(s\))?[\s_]+de[\s_]+file|" + WORDS["place_adjective"] + r"))?"
                         # "Intercommunalités du territoire", "EPCI composant le territoire", "Intercommunalités
                         # du périmètre citées"
                         r"(?:[\s_]+(?:du|de[\s_]+ce|composant[\s_]+le|formant[\s_]+le)[\s_]+(?:territoire|perimetre)"
                         r"(?:[\s_]+(?:citee?s?|concernee?s?))?)?"
                         # "Territoire d'industrie | Membres", "… | Périmètre", "… | Composition"
                         r"|membres|perimetre|composition"
                         # "Territoire d'industrie | Structure porteuse": the EPCI carrying it, as "EPCI porteur"
                         r"|structures?\s+porteuses?"
                         # a Région's grants to the structure carrying each territory ("Bénéficiaire | Territoire | Aide")
                         r"|beneficiaires?")


def _table_regions(text: str, structure, territories: list[tuple[int, int, str]]) -> list[_Region]:
    """The cells of a table's EPCI column ("Territoire d'industrie | EPCI | SIREN de l'EPCI"),
    members of the territory named in the same row; and the cells after a row's label of EPCIs
    in a table of fields ("Rubrique | Contenu" then "Intercommunalités | CC A ; CC B"), listed
    as members as a "Intercommunalités : A ; B" line's value is."""
    regions = []
    mentions = SpansInside(territories)
    for table in structure.tables:
        column = table.column(text, EPCI_COLUMN)
        if column is None:
            regions += [_Region(cell.start, cell.end, True) for row in [table.header, *table.rows]
                        if len(row) >= 2 and EPCI_COLUMN.fullmatch(fold(row[0].of(text))) for cell in row[1:]]
            regions += _members_under_a_name(text, table, mentions)
            continue
        owners = [next((tid for s, e, tid in mentions.inside(row[0].start, row[-1].end)
                        if not (row[column].start <= s < row[column].end)), None) for row in table.rows]
        anchor = None if any(owners) else _table_intro_anchor(text, table)
        for row, owner in zip(table.rows, owners):
            # a row whose territory went unread, in a table whose other rows name theirs, holds
            # the members of that unread one ("| Est | CIREST |" under "| Ouest | TCO |"): none
            if owner is not None or not any(owners):
                regions.append(_Region(row[column].start, row[column].end, False, owner, anchor=anchor))
    return regions


# "Ses membres figurent dans le tableau ci-dessous.": the last sentence above a table announcing it
TABLE_BELOW = re.compile(r"(?:^|[.!?][ \t]+)(?P<sentence>[^.!?\n]*\btableau\s+(?:ci-dessous|ci-apr[èe]s|suivant)"
                         r"[^.!?\n]{0,40}\.)[ \t]*$", re.IGNORECASE)


def _table_intro_anchor(text: str, table) -> int | None:
    """Where the line right above a table of EPCIs naming no territory introduces it, when it ends
    with a colon ("Il rassemble les intercommunalités suivantes :"): its member trigger, else its
    start; or, when its last sentence announces the table ("Ses membres figurent dans le tableau
    ci-dessous."), that sentence's start. The table's EPCIs are then read as that intro's list,
    whose sentence or the one before names their territory."""
    line_end = len(text[:text.rfind("\n", 0, table.header[0].start) + 1].rstrip())
    line_start = text.rfind("\n", 0, line_end) + 1
    if line_end <= 0:
        return None
    announcing = TABLE_BELOW.search(text, line_start, line_end)
    if announcing is not None:
        return announcing.start("sentence")
    if not text[line_start:line_end].rstrip(" *_").endswith(":"):
        return None
    triggers = list(TRIGGER.finditer(text, line_start, line_end))
    return triggers[-1].start() if triggers else line_start


def _members_under_a_name(text: str, table, mentions: SpansInside) -> list[_Region]:
    """A cell naming a territory, then its members one a line ("Thiers – Ambert ; CC Thiers Dore et
    Montagne ; CC Ambert Livradois Forez", a Région's table whose cell holds both): the parts
    after the name, each written as an EPCI's, are that territory's members."""
    regions = []
    for row in table.rows:
        for cell in row:
            parts = cell_parts(text, cell)
            owner = next((tid for s, e, tid in mentions.inside(parts[0].start, parts[0].end)), None) if parts else None
            if owner and all(TYPE_WORD.search(part.of(text)) or HEAD.search(part.of(text)) for part in parts[1:]):
                regions.append(_Region(parts[1].start, cell.end, False, owner))
    return regions


NAME_CONNECTORS = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "sur", "en", "sous", "lès",
                   "aux", "au", "à", "celle", "celles"}


WORD_OR_BRACKET = re.compile(r"[(\[]|[)\]]|[^\W\d_][\w'’-]*")
HEAD_ARTICLE = re.compile(r"(?:(?:la|les|une|des)\s+|l['’]\s*)?", re.IGNORECASE)


def _links_found(names: list[tuple[int, int, object]]) -> tuple[int, float]:
    """How many names link, then how closely: what a reading of a list is worth."""
    return (sum(bool(link.siren) for *_, link in names),
            round(sum(link.score for *_, link in names if link.siren), 6))


LEADING_ELISION = re.compile(r"^[dl]['’]")  # "d'", "l'" before a word


def _predicate_start(text: str, start: int, end: int) -> int:
    """Where a list of names gives way to its predicate: the first lower-case word (not a
    connector, not in brackets) after a capitalised one, with the connectors right before it
    ("… du Sud Territoire en tant que …" ends at "en"); `end` if none."""
    seen_capital, depth, connectors = False, 0, None
    for word in WORD_OR_BRACKET.finditer(text, start, end):
        token = word.group(0)
        if token in "([":
            depth += 1
        elif token in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            bare = LEADING_ELISION.sub("", token)
            if bare[:1].isupper():
                seen_capital, connectors = True, None
            elif seen_capital and token.lower() not in NAME_CONNECTORS and bare.lower() not in NAME_CONNECTORS:
                return word.start() if connectors is None else connectors
            elif seen_capital and connectors is None:
                connectors = word.start()
    return end


# What may stand between the last of the subjects and their verb: a bracket, a place ("…
# Loué-Brûlon-Noyen Communauté, en Sarthe (LBN), se sont unies"), a relative clause between
# commas ("la CC X, qui abrite les zones d'activités de la plaine, a rejoint le périmètre", "la CC
# X, où plusieurs sous-traitants sont installés, a rejoint …")
APPOSITION = re.compile(r"\([^()]*\)|,\s*(?:en|dans\s+(?:la|le|les|l['’])?)\s*[A-ZÉÈ][\w'’-]*(?:[\s-]+[A-ZÉÈ][\w'’-]*)*"
                        r"|,\s*(?:qui|dont|où)\s[^,;.:()\n]{1,160}(?=,)")
CAPITALISED_WORD = re.compile(r"(?<![\w'’])[A-ZÉÈÀÂÎÔ]")
LIST_ANNOUNCED = re.compile(r"[^:.;()\n]{0,80}?\b" + WORDS["members_noun"] + r"\b[^:.;()\n]{0,60}:\s*",
                            re.IGNORECASE)


# "GrandAngoulême": words glued at a capital, an EPCI's brand, never a town's name.
GLUED_NAME = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+[A-ZÀ-Ý][\w'’-]*")
# An EPCI named after its town: "CC de Sélestat", "CA de Nevers".
TOWN_NAMED_EPCI = re.compile(r"(?:CC|CA|CU)\s+(?:de|d['’])\s*[A-ZÀ-Ý][\w'’-]*$")


SINGLE_WORD = re.compile(r"[^\W\d_]+")
# "Castres et de Mazamet": two places, each with its preposition, never one name
TWO_PLACES = re.compile(r"[A-ZÀ-Ý][\w'’-]*[ \t]+et[ \t]+(?:de[ \t]+|d['’][ \t]*)[A-ZÀ-Ý][\w'’-]*")


def _town_of_a_list_of_places(mention: EpciMention) -> bool:
    """A single bare word linked to an EPCI named after its town ("Longwy" for the "CA de
    Longwy", now "CA Grand Longwy Agglomération"), in a list where other names link to nothing:
    the town, among other places. Not a compound ("Hénin-Carvin", "Parthenay-Gâtine"), an EPCI's
    name as often as a town's."""
    written = LEADING_ARTICLES.sub("", mention.written_name)
    epci = referential.load().epcis.get(mention.link.siren or "")
    return mention.epci_type is None and SINGLE_WORD.fullmatch(written) is not None \
        and not GLUED_NAME.fullmatch(written) \
        and not acronym_in(written) and epci is not None \
        and any(TOWN_NAMED_EPCI.match(borne.name) for borne in epci.names)


# a group lead that is one capitalised noun alone, no article, count nor colon ("Territoires ")
NAME_OPENING_WITH_A_NOUN = re.compile(r"[ \t]*[A-ZÀ-Ý][\w-]*[ \t]+")


def _read_region(text: str, folded: str, region: _Region, linker: DocumentLinker,
                 all_heads: list[re.Match]) -> tuple[list[EpciMention], bool]:
    """The EPCIs named in one member list, each group of names under its legal-form head, and
    whether every name of it linked."""
    found: list[EpciMention] = []
    complete = True
    unlinked_beside = False  # a name of the list links to no EPCI at all
    span_start, span_end = region.start, region.end
    adverb = LEADING_ADVERB.match(text, span_start, span_end)
    if adverb:  # "couvre chez nous A, B et C", "couvre désormais onze intercommunalités"
        span_start = adverb.end()
    lead = GROUP_LEAD.match(text, span_start, span_end)
    if lead and NAME_OPENING_WITH_A_NOUN.fullmatch(lead.group(0)) and text[lead.end():lead.end() + 1].isupper():
        lead = None  # "Territoires Vendômois", "Collectivités …": a name, its first word no lead
    if lead and lead.group(0).strip():
        span_start = lead.end()
    adverb = LIST_ADVERB.match(text, span_start, span_end)
    if adverb:
        span_start = adverb.end()
    announced = LIST_ANNOUNCED.match(text, span_start, span_end)
    if not announced and lead and lead.group(0).strip():
        # "réunit trois intercommunalités de trois départements : A, B et C": the lead took "trois
        # intercommunalités de", the words up to the colon hold no name
        announced = LIST_ANNOUNCED.match(text, lead.start(), span_end)
        if announced and CAPITALISED_WORD.search(text, lead.end(), announced.end()):
            announced = None
    if announced:  # "neuf intercommunalités de l'estuaire jusqu'à l'Eure : A, B, C"
        span_start = announced.end()
    heads = _heads(text, folded, span_start, span_end, all_heads)
    # "regroupe 34 communes autour de Laval", "rassemble Ajaccio et les communes voisines": a list
    # that speaks of communes names towns; a part of it that links to no EPCI is not one
    towns_listed = COMMUNES_NOUN.search(text, span_start, span_end) is not None
    towns_only = TOWNS_LEAD.match(text, span_start, span_end) is not None  # "les communes de A, B et C"
    groups = []  # (mention_start, names_start, names_end, type)
    headless_end = heads[0].start() if heads else span_end
    connector = GROUP_CONNECTOR.search(text[span_start:headless_end])
    headless_end = span_start + connector.start() if connector else headless_end
    acronym = ACRONYM_OF_NEXT.fullmatch(text, span_start, heads[0].start()) if heads else None
    if text[span_start:headless_end].strip(" \t\n,:") and not (acronym and acronym_in(acronym.group(1))):
        # "CCVG - Communauté de communes Vienne et Gartempe": the acronym of the name after it
        groups.append((span_start, span_start, headless_end, None, False))
    previous_type = None
    for k, head in enumerate(heads):
        names_end = heads[k + 1].start() if k + 1 < len(heads) else span_end
        acronym = ACRONYM_BEFORE_NEXT.search(text, head.end(), names_end) if k + 1 < len(heads) else None
        if acronym and acronym_in(acronym.group(1)):  # "CA X / CCMG – Communauté de communes …"
            names_end = acronym.start()
        connector = GROUP_CONNECTOR.search(text[head.end():names_end])
        if connector:
            names_end = head.end() + connector.start()
        previous_type = head_type(head.group(0), previous_type)
        plural = bool(PLURAL_HEAD.search(head.group(0)))
        alone = not plural and HEAD_ALONE.match(text, head.end(), names_end)
        if alone:  # "notre communauté de communes, Pays de Montbéliard Agglomération et …"
            groups.append((alone.end(), alone.end(), names_end, None, False))
            continue
        groups.append((head.start(), head.end(), names_end, previous_type, plural))
    for mention_start, names_start, names_end, epci_type, distributed in groups:
        names = _split_names(text, *_trim(text, names_start, names_end), epci_type, linker,
                             distributed)
        if distributed and _fewer_than_counted(text, mention_start, names):
            continue  # "deux communautés de communes de la Montagne noire": an area's, no names
        cut = _predicate_start(text, names_start, names_end)
        if cut < names_end:  # "… et la COBAN (…) vient d'être labellisé": names end at the verb
            shorter = _split_names(text, *_trim(text, names_start, cut), epci_type, linker,
                                   distributed)
            # unless the names read past a lower-case adjective link more closely ("la communauté
            # de communes des Portes euréliennes d'Île-de-France", not the "CC Les Portes de …")
            if _links_found(shorter) >= _links_found(names):
                names = shorter
        for index, (start, end, link) in enumerate(names):
            if index == 0 and mention_start != names_start:
                start = mention_start
            start, end = _trim(text, start, end)
            start = HEAD_ARTICLE.match(text, start, end).end()
            written = text[names_start if index == 0 else start:end]
            if towns_only and names_start == span_start and not acronym_in(written):
                continue  # "qui regroupe les communes de Saint-Pierre, Saint-Louis …": towns, no EPCI
            if epci_type is None and PLURAL_AREA.match(written):
                continue  # "communautés du Perche" (a table's cell): the area several lie in, no name
            known = link.siren or link.candidates
            unlinked_beside = unlinked_beside or not known
            if region.weak and epci_type is None and len(LEADING_ARTICLES.sub("", written).split()) == 1 \
                    and not (link.siren and (GLUED_NAME.fullmatch(written.strip()) or acronym_in(written))) \
                    and (link.score < 1.0 or TOWN_NAMED_EPCI.match(link.name or "") and ":" not in text[region.start:start]):
                continue  # "autour de Cholet", "pilotée par … le Jovinien", "autour de Sélestat" (the town of
                # the "CC de Sélestat"): a place, unless written as the EPCI's own name or an
                # acronym that links ("porté par …, la CCST et la CCVS": no place is in capitals)
            if region.weak and epci_type is None and TWO_PLACES.fullmatch(LEADING_ARTICLES.sub("", written).strip()):
                continue  # "autour de Castres et de Mazamet": two towns, though the CA de Castres Mazamet
                # is named after them
            if region.bare_nearby and link.siren and not _typed(written, epci_type) \
                    and not set(link.departement_codes) & linker.departements:
                complete = False  # read again once its neighbours have widened the context
                continue
            complete = complete and bool(link.siren)
            if end > start and (known or region.keep_unlinked and not (towns_listed and epci_type is None)
                                and _looks_like_name(written, text[end:end + 30])):
                rule = "epci.member_list" if region.members else "epci.head_mention"
                found.append(EpciMention(
                    start, end, link, " ".join(text[start:end].split()), _mention_type(epci_type, link), rule,
                    in_member_list=region.members, legal_form=epci_type is not None,
                    list_start=region.start if region.anchor is None else region.anchor,
                    territory_hint=region.territory_hint, one_territory=region.bare_nearby))
    if unlinked_beside:  # "comprenant Longwy, la Vallée de l'Orne et toute la zone frontalière": places
        found = [m for m in found if not _town_of_a_list_of_places(m)]
    if region.subject_of is not None and (
            not found or APPOSITION.sub("", text[found[-1].end:region.subject_of]).strip(" \t\n,»”\"")):
        return [], True  # the names must run up to the verb: "A et B forment …"
    if region.typed_needed and not any(m.link.siren and _typed(m.written_name, m.epci_type) for m in found):
        return [], complete  # bare names alone, however taken up, may be places
    if region.every_name_linked and not complete:
        return [], complete  # a name that is no EPCI here: the run may be places
    if region.count_needed is not None and (
            unlinked_beside or len({m.link.siren for m in found}) != region.count_needed
            or None in {m.link.siren for m in found} or any(_town_of_a_list_of_places(m) for m in found)):
        return [], complete  # the count the sentence gives them, or places
    return found, complete


# an acronym alone before a head, a dash or a colon between: the acronym of the name that follows
ACRONYM_OF_NEXT = re.compile(r"[\s*_]*([A-Z][A-Za-z0-9&]{1,9})[ \t]*[–—:-]?[ \t]*")
# the same after a joint, ending the names of the head before it
ACRONYM_BEFORE_NEXT = re.compile(r"(?:[ \t]*[,;/][ \t]*|[ \t]+et[ \t]+|\n[\s*_•−–-]*)([A-Z][A-Za-z0-9&]{1,9})[ \t]*[–—:-][ \t]*$")


def _name_after_head(text: str, head: re.Match) -> tuple[int, int] | None:
    """(start, end) of the capitalised name a head introduces, head included."""
    name = HEAD_NAME.match(text[head.end():head.end() + 120])
    if not name or not name.group(1).strip():
        return None
    start = HEAD_ARTICLE.match(text, head.start(), head.end()).end()  # "la CA X" -> "CA X"
    return _trim(text, start, head.end() + name.end())


# "CAPEX Communauté d'Agglomération Cap Excellence", "COBAN – Communauté …"; not the end of a
# hyphened word in capitals ("DÉPARTEMENT D'EURE-ET-LOIR⏎COMMUNAUTÉ DE COMMUNES …": no "LOIR")
ACRONYM_BEFORE_HEAD = re.compile(
    r"(?<![\w'’-])([A-Z][A-Za-z0-9&]{1,9})(?:\s*[–—:-]\s*|\s+)"
    r"(?=(?:la\s+|les\s+)?(?i:communaut[ée]|m[ée]tropole)|(?:CC|CA|CU)\b)")


LEGAL_FORM_WORD = re.compile(r"(?<![\w'’])(?i:communaut[ée]|agglom[ée]ration|m[ée]tropole)(?![\w'’])|\b(?:CC|CA|CU)\b")


def _known_acronym_after_a_legal_form(text: str, position: int, acronym: str,
                                      linker: DocumentLinker) -> Link | None:
    """'la Communauté intercommunale des villes solidaires (CIVIS)': a name the linker does not
    read (its official name is "CA CIVIS (…)") after a legal-form word on the bracket's line,
    spelled by an acronym that is itself an EPCI's name or known acronym: that EPCI."""
    line_start = text.rfind("\n", 0, position) + 1
    if not LEGAL_FORM_WORD.search(text, max(line_start, position - 160), position):
        return None
    link = linker.link(acronym)
    return link if link.siren and link.exact else None


def _learn_acronyms(text: str, folded: str, linker: DocumentLinker) -> None:
    """Acronyms and short names the text defines, learnt for the whole document:
    'Communauté d'Agglomération du Bassin d'Arcachon Nord (COBAN)', '… Pays Nord Martinique
    (Cap Nord)', 'la Cirest (Communauté intercommunale Réunion Est)', 'CAPEX Communauté
    d'Agglomération Cap Excellence'."""
    for paren in BRACKETED.finditer(text):
        inner = paren.group(1).strip()
        if inner[:1].isdigit() and not acronym_in(inner):
            continue  # "(01)", "(11-31-81)": codes, not "(2CCAM)"
        acronym = acronym_in(inner)
        short = acronym or (inner if _short_name(inner) else None)
        if short:
            link = _name_before(text, folded, paren.start(), linker, acronym) \
                or (_known_acronym_after_a_legal_form(text, paren.start(), acronym, linker) if acronym else None)
            if link:
                linker.learn(short, link)
                continue
            if acronym:
                continue
        before = WORD_BEFORE.search(text, max(0, paren.start() - 14), paren.start())
        acronym = acronym_in(before.group(1)) if before else None
        if acronym and EXPANSION.match(inner):
            head = HEAD.match(inner)
            link = linker.link(inner[head.end():] if head else inner,
                               head_type(head.group(0)) if head else None)
            if link.siren and link.exact:
                linker.learn(acronym, link)
            continue
        # "4C (Cœur de Maurienne Arvan)", "CCMG (Maurienne Galibier)": an acronym a bracket glosses
        # with the name, without its legal form, of one intercommunality exactly
        counted = COUNTED_ACRONYM_BEFORE.search(text, max(0, paren.start() - 10), paren.start())
        acronym = acronym or (counted.group(1) if counted else None)
        if acronym and fold(inner) not in _place_names():
            link = linker.link(inner, None)
            if link.siren and link.exact:
                linker.learn(acronym, link)
    _learn_acronyms_spelled_out(text, linker)
    for acronym in ACRONYM_BEFORE_HEAD.finditer(text):
        if not acronym_in(acronym.group(1)) or WORD_IN_CAPITALS_BEFORE.search(text, max(0, acronym.start() - 40), acronym.start()) \
                or fold(acronym.group(1)) in _place_names():
            continue  # "NAME IN CAPITALS — CA …": the last word of a heading in capitals, a place, no acronym
        head = HEAD.match(text, acronym.end())
        if head and not head.group(0).lower().startswith(("celle", "l")):
            span = _name_after_head(text, head)
            if span:
                linker.learn(acronym.group(1),
                             linker.link(text[head.end():span[1]], head_type(head.group(0))))


def _learn_acronyms_spelled_out(text: str, linker: DocumentLinker) -> None:
    """Acronyms a sentence spells out anywhere in the text, known everywhere in it: "l'AMVS, c'est
    l'agglomération Maubeuge-Val de Sambre", "la 3CA désigne la communauté de communes du Cœur de
    l'Avesnois", "la CCPM est celle du Pays de Mormal", "(AMVS pour l'agglomération …)". The name
    must link one EPCI exactly and the acronym abbreviate it (as written or officially); an acronym
    spelled out as two EPCIs means none."""
    spelled: dict[str, set] = {}
    for match in SPELLED_OUT_ACRONYM.finditer(text):
        acronym = acronym_in(match.group("acronym"))
        written = match.group("name").strip()
        if not acronym:
            continue
        head = HEAD.match(written)
        link = linker.link(written[head.end():] if head else written,
                           head_type(head.group(0)) if head else None)
        bare = re.sub(r"^(?:(?:la|le|les)\s+|l['’]\s*)", "", written)
        if link.siren and link.exact and (_abbreviates(acronym, bare) or _abbreviates(acronym, link.name)):
            spelled.setdefault(acronym, {})[link.siren] = link
    for acronym, links in spelled.items():
        if len(links) == 1:
            linker.learn(acronym, next(iter(links.values())))


# "l'AMVS, c'est l'agglomération …", "la 3CA désigne …", "la CCPM est celle du …", "AMVS pour …",
# "la CCSA regroupe les communes du Sud-Avesnois":
# an acronym, a verb that spells it out, then a name to the end of its clause
SPELLED_OUT_ACRONYM = re.compile(
    r"(?<![\w&-])(?P<acronym>[2-9]?[A-Z][A-Za-z0-9&]{1,9})(?:[ \t]*,(?:[ \t]*enfin[ \t]*,)?)?[ \t]+"
    r"(?:c['’][ \t]*est|d[ée]signe|est[ \t]+cel(?:le|ui)(?=[ \t]+d)|regroupe[ \t]+les[ \t]+communes(?=[ \t]+d)|pour)[ \t]+"
    r"(?P<name>[^,;.:()\n]{3,100})")


BRACKETED = re.compile(r"\(([^()\n]{2,80})\)")
WORD_IN_CAPITALS_BEFORE = re.compile(r"(?<![\w'’])[A-ZÉÈÀÂÎÔ]{2,}[ \t]+$")
WORD_BEFORE = re.compile(r"([A-Z][\w&]{1,9})\s*$")
# an acronym opening with the count of its repeated letter ("4C", "3CM": Communauté de Communes …)
COUNTED_ACRONYM_BEFORE = re.compile(r"(?<![\w'’])([2-9][A-Z][A-Z&]{0,6})[ \t]*$")
EXPANSION = re.compile(r"(?:la\s+|le\s+|l['’])?(?i:communaut[ée]|agglom[ée]ration|m[ée]tropole|CC\b|CA\b|CU\b)")
SHORT_NAME = re.compile(r"[A-ZÉÈ][\w'’-]+(?:\s+(?:d[eu]s?|la|le|l['’])?\s*[A-ZÉÈ][\w'’-]+){0,2}")


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    ref = referential.load()
    return frozenset(fold(area.name) for area in [*ref.departements.values(), *ref.regions.values()])


@lru_cache(maxsize=1)
def _place_keys() -> frozenset[str]:
    """The départements' and régions' names however hyphened ("Centre Val-de-Loire")."""
    ref = referential.load()
    return frozenset(name_key(area.name) for area in [*ref.departements.values(), *ref.regions.values()])


def _short_name(inner: str) -> bool:
    """'(Cap Nord)': a short capitalised name in brackets, not a place ('(Haute-Corse)',
    '(Centre Val-de-Loire)')."""
    return bool(SHORT_NAME.fullmatch(inner)) and name_key(inner) not in _place_keys()


def _abbreviates(acronym: str | None, words: str) -> bool:
    """Whether an acronym may stand for the name that starts at `words`: its first letter is
    that of the legal form or of the name's first word ("Communauté … Nord (COBAN)",
    "Métropole Aix-Marseille-Provence (AMP)"), not that of a noun the name completes
    ("Groupement des entreprises de la région Creil Sud Oise (GERC)")."""
    if acronym is None:
        return True
    significant = [word for word in re.findall(r"[^\W\d_][\w'’]*", words)
                   if not re.fullmatch(r"(?i)(?:la|le|les|l['’]|de|du|des|d['’])", word)]
    initials = {fold(word)[:1] for word in significant[:2]}
    return fold(acronym).lstrip("0123456789")[:1] in initials  # "3CM", "2CCAM": a count first


def _name_before(text: str, folded: str, position: int, linker: DocumentLinker,
                 acronym: str | None = None) -> Link | None:
    """The EPCI named right before `position` (an acronym's bracket): from its head, from the
    last joint, or the capitalised run before it; the best confident link. An `acronym` must
    abbreviate the name it is given to (`_abbreviates`)."""
    line_start = max(text.rfind("\n", 0, position), text.rfind(".", 0, position - 1)) + 1
    window_start = max(line_start, position - 160)
    links = []
    heads = [h for h in HEAD.finditer(text, window_start, position)
             if not h.group(0).lower().startswith("celle")]
    if heads:
        head = heads[-1]
        epci_type = head_type(head.group(0))
        pieces = [head.end()] + [j.end() for j in JOINT.finditer(text, head.end(), position)]
        for piece in pieces:
            if text.count(")", piece, position) == 0 and (
                    _abbreviates(acronym, text[head.start():position])
                    or _abbreviates(acronym, text[piece:position])):
                links.append(linker.link(text[piece:position], epci_type))
    words = list(NAME_WORD.finditer(text, window_start, position))
    start = position
    for word in reversed(words):
        if text[word.end():start].strip(" \t") or not (word.group(0)[0].isupper() or start < position):
            break
        start = word.start()
    while start < position and not text[start].isupper():
        start += 1
    if start < position and _abbreviates(acronym, text[start:position]):
        run = linker.link(text[start:position])
        if run.exact:
            links.append(run)
    links = [link for link in links if link.siren]
    return max(links, key=lambda link: link.score) if links else None


LOWER_WORD = re.compile(r"[ \t]+[a-zéèêàâîôûç](?:[\w'’]|-(?![A-ZÀ-Ý]))*")  # not into "rhodanien-Communauté de …"
# a dash between spaces inside an official name ("CC Faucigny - Glières", "CA Golfe du Morbihan -
# Vannes Agglomération") or a lower-case "à" ("CC de l'Oust à Brocéliande"), where a name read
# from its head stops
SPACED_DASH = re.compile(r"[ \t]+(?:[-–]|à|au|aux)[ \t]+")
MAX_LOWER_WORDS = 2
# the type word of an EPCI's usual name written in lower case after it ("la communauté
# d'agglomération Golfe du Morbihan - Vannes agglomération"): the name's end, not the sentence's
LOWER_TYPE_WORD = re.compile(r"[ \t]+(?:communaut[ée]|agglom[ée]ration|agglo|m[ée]tropole)(?![\w'’-])")


# "la communauté d'agglomération A et celle du B", "…A, celle de B", "A, mais aussi celle de B",
# "A ainsi que celle de B": the joint before a pronoun
PRONOUN_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:mais[ \t]+aussi|ainsi[ \t]+que|et[ \t]+aussi)[ \t]+"
                           # "… du Nogentais et de celle des Portes de Romilly-sur-Seine"
                           r"|[ \t]*,[ \t]*(?:et[ \t]+)?(?:de[ \t]+|à[ \t]+)?|[ \t]+(?:et|ou)[ \t]+(?:de[ \t]+|à[ \t]+)?")
# "l'agglomération A fait cause commune avec celle de B", "… s'associe à celle de B": a verb of
# alliance before the pronoun, whose antecedent is the subject's head
# (its relative too: "la CA A, qui fait équipe avec celle du B", "la CA A, associée à celle de B")
ALLIED_WITH = re.compile(r"(?:[ \t]*,[ \t]*qui)?[ \t]+(?:fait|font|a[ \t]+fait|ont[ \t]+fait)[ \t]+(?:cause[ \t]+commune|[ée]quipe|alliance)[ \t]+avec[ \t]+"
                         r"|[ \t]+s['’][ \t]*(?:associe|allie|est[ \t]+associée|est[ \t]+alliée)[ \t]+(?:à|avec)[ \t]+"
                         r"|[ \t]*,[ \t]*(?:associ|alli)[ée]e?s?[ \t]+(?:à|avec)[ \t]+")
SOFT_HEAD = re.compile(r"(?:l['’]\s*|les\s+)?(?:agglo|interco)|(?:la|les)\s+m[ée]tropole", re.IGNORECASE)


def _opening_adjective_name(text: str, head: re.Match) -> tuple[int, int] | None:
    """(start, end) of a name opening with a lower-case adjective after its head ("la communauté
    de communes interrégionale Aumale - Blangy-sur-Bresle"), head included: kept only when the
    whole links exactly, as an official name."""
    word = LOWER_WORD.match(text, head.end())
    name = HEAD_NAME.match(text[word.end():word.end() + 120]) if word else None
    if not name or not name.group(1).strip() or name.group(0)[:1] not in " \t":
        return None
    start = HEAD_ARTICLE.match(text, head.start(), head.end()).end()
    return _trim(text, start, word.end() + name.end())


BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _head_mentions(text: str, linker: DocumentLinker, taken: list[EpciMention],
                   all_heads: list[re.Match]) -> list[EpciMention]:
    """'la communauté de communes du Pays de X', "l'Agglomération d'Agen" anywhere else."""
    found = []
    inside_taken = SpanReach((m.start, m.end) for m in taken)  # not every mention for each head
    for head in all_heads:
        if inside_taken.holds(head.start()):
            continue
        pronoun = head.group(0).lower().startswith("celle")
        previous = found[-1] if found else None
        if pronoun and not (previous and previous.link.siren
                            and (previous.legal_form and PRONOUN_AFTER.fullmatch(text, previous.end, head.start())
                                 or ALLIED_WITH.fullmatch(text, previous.end, head.start()))):
            continue  # "celle du X" stands for the legal form of the EPCI just named, or for nothing
        span = _name_after_head(text, head)
        opening_adjective = None if span or pronoun else _opening_adjective_name(text, head)
        if not span and not opening_adjective:
            continue
        start, end = span or opening_adjective
        blank = BLANK_LINE.search(text, head.end(), end)
        if blank:  # a name ends at a paragraph's end ("… Bléré-Val de Cher" / blank line / "Sources")
            if not text[head.end():blank.start()].strip():
                continue  # "… Communauté d'agglomération" / blank line / "Alès (30) — …": another paragraph's
            end = blank.start()
        epci_type = previous.epci_type if pronoun else head_type(head.group(0))
        link = linker.link(text[head.end():end], epci_type)
        if pronoun and not link.exact:
            # "celle du Pays loudunais": the adjective in lower case ends the name, as after a head;
            # "celle d'Entre Arroux, Loire et Somme": a comma inside the name
            link, end = _with_lower_words(text, head, end, epci_type, linker) \
                or _past_a_comma(text, head, end, epci_type, linker) or (link, end)
            if not link.exact:
                continue
        if not link.siren:  # "la CA du Bassin d'Aurillac et Rodez Agglomération": two names
            link, end = _before_a_coordination(text, head, end, epci_type, linker) or (link, end)
        link, end = _past_a_coordinated_part(text, head, end, epci_type, linker, link) or (link, end)
        line_end = text.find("\n", head.end(), end)
        if not link.siren and line_end > 0:  # "CC de l'Est de la Somme" / "Départements : …" below
            shorter_end = _trim(text, start, line_end)[1]
            shorter = linker.link(text[head.end():shorter_end], epci_type)
            if shorter.siren:
                link, end = shorter, shorter_end
        if not link.siren:  # "l'Agglomération du Gard rhodanien": an adjective ends it
            link, end = _with_lower_words(text, head, end, epci_type, linker) or (link, end)
        else:  # "du Gard" linked as a short form: the adjective after it ends the full name
            longer = _with_lower_words(text, head, end, epci_type, linker)
            if longer and longer[0].siren == link.siren and longer[0].score > link.score:
                link, end = longer
        dash = SPACED_DASH.match(text, end)
        part = HEAD_NAME.match(text, dash.end()) if dash else None
        if part and part.group(1).strip():  # "CC Interrégionale Aumale - Blangy-sur-Bresle"
            line_end = text.find("\n", dash.end(), part.end())  # the part's line only
            longer_end = _trim(text, end, part.end() if line_end < 0 else line_end)[1]
            longer = linker.link(text[head.end():longer_end], epci_type)
            if longer.siren and longer.exact:
                link, end = longer, longer_end
        type_word = LOWER_TYPE_WORD.match(text, end)
        if link.siren and type_word:  # "… Golfe du Morbihan - Vannes agglomération": its usual name's type word
            longer = linker.link(text[head.end():type_word.end()], epci_type)
            if longer.siren == link.siren and longer.exact:
                end = type_word.end()
        if not link.exact or (epci_type and link.epci_type != epci_type):
            # "la communauté de communes Thiers, Dore et montagne", "la communauté urbaine Grand
            # Paris, Seine et Oise" (not the Métropole du Grand Paris): a comma inside its name
            link, end = _past_a_comma(text, head, end, epci_type, linker) or (link, end)
        if opening_adjective and not link.exact:
            # "la communauté de communes voisine des Hauts de Flandre": an adjective of the sentence,
            # a name of the referential after it, exactly
            adjective = LOWER_WORD.match(text, head.end())
            link = linker.link(text[adjective.end():end], epci_type)
            if not (link.siren and link.exact):
                continue
        if link.siren or link.candidates:  # several EPCIs fit: reported with them, never guessed
            named = [EpciMention(start, end, link, " ".join(text[start:end].split()),
                                 _mention_type(epci_type, link), "epci.head_mention",
                                 legal_form=not SOFT_HEAD.match(head.group(0)))]
            if PLURAL_HEAD_WORD.search(head.group(0)):
                named += _distributed_names(text, end, epci_type, linker) if link.siren else []
                if _fewer_than_counted(text, head.start(), [(m.start, m.end, m.link) for m in named]):
                    continue
            found += named
    return found


def _with_lower_words(text: str, head: re.Match, end: int, epci_type: str | None,
                      linker: DocumentLinker) -> tuple[Link, int] | None:
    """The exact link of the name after a head run on by up to MAX_LOWER_WORDS words in lower
    case ("du Gard rhodanien"), and its end; None when none links exactly."""
    tail = end
    for _ in range(MAX_LOWER_WORDS):
        word = LOWER_WORD.match(text, tail)
        if not word:
            return None
        tail = word.end()
        longer = linker.link(text[head.end():tail], epci_type)
        if longer.siren and longer.exact:
            return longer, tail
    return None


# "la communauté de communes de l'Orvin et de l'Ardusson", "… des Pays du Sel et du Vermois":
# "et" then a preposition before the name's next part
AND_OF = re.compile(r"[ \t]+et[ \t]+(?:de[ \t]+la[ \t]+|de[ \t]+l['’][ \t]*|du[ \t]+|des[ \t]+|de[ \t]+|d['’][ \t]*)(?=[A-ZÉÈÀÂÎÔ])")


def _past_a_coordinated_part(text: str, head: re.Match, end: int, epci_type: str | None,
                             linker: DocumentLinker, link: Link) -> tuple[Link, int] | None:
    """The name going on past "et de", "et du" ("CC de l'Orvin et de l'Ardusson"), when the
    whole is exactly another EPCI's name than the words before (the name regex stops before "et"
    and a preposition, which join two names as often as two parts of one); never over the next
    legal form ("… des Villes Sœurs et de la Communauté de communes X")."""
    joint = AND_OF.match(text, end)
    if joint and (HEAD.match(text, joint.end()) or TYPE_WORD.match(text, joint.end())):
        return None
    part = HEAD_NAME.match(text, joint.end()) if joint else None
    if not part or not part.group(1).strip():
        return None
    line_end = text.find("\n", joint.end(), part.end())
    longer_end = _trim(text, end, part.end() if line_end < 0 else line_end)[1]
    longer = linker.link(text[head.end():longer_end], epci_type)
    return (longer, longer_end) if longer.siren and longer.exact and longer.siren != link.siren else None


# the words after a comma that may end an EPCI's name: ", Dore et montagne"
WORDS_AFTER_COMMA = re.compile(r",[ \t]*[A-ZÀ-Ý][\w'’-]*(?:[ \t]+[\w'’-]+){0,4}")
WORD_END = re.compile(r"[\w'’-](?![\w'’-])")
# a name ends on no connector: "Bruyères, Vallons des Vosges", not "… Vosges et à" (the next name's)
CONNECTOR_BEFORE = re.compile(r"(?<![\w'’-])(?:et|à|a|au|aux|de|du|des|la|le|les|l['’]|d['’])$", re.IGNORECASE)


def _past_a_comma(text: str, head: re.Match, end: int, epci_type: str | None,
                  linker: DocumentLinker) -> tuple | None:
    """(link, end) of the longest name running past a comma that is an EPCI's name exactly
    ("Thiers, Dore et montagne" for the CC Thiers Dore et Montagne); else None (a list: "la CC A,
    B et C" links no name holding the comma)."""
    after = WORDS_AFTER_COMMA.match(text, end)
    if not after:
        return None
    ends = [m.end() for m in WORD_END.finditer(text, after.start() + 1, after.end())
            if not CONNECTOR_BEFORE.search(text, after.start(), m.end())]
    for word_end in sorted(ends, reverse=True):
        longer = linker.link(text[head.end():word_end], epci_type)
        if longer.siren and longer.exact:
            return longer, word_end
    return None


PLURAL_HEAD_WORD = re.compile(r"(?i)communaut[ée]s\b|agglom[ée]rations\b|m[ée]tropoles\b")
# ", et du " / " et de la " before the next name a plural head gives its legal form to
NEXT_DISTRIBUTED = re.compile(r"[ \t]*(?:,[ \t]*(?:et[ \t]+)?|[ \t]+et[ \t]+)"
                              r"(?=(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’])[ \t]*[A-ZÉÈÀÂÎÔ])")


def _distributed_names(text: str, end: int, epci_type: str | None,
                       linker: DocumentLinker) -> list[EpciMention]:
    """'les Communautés de communes de la Haute-Bigorre et du Pays de Nay': the names after a
    plural head's first one, each opening with its article, are of its legal form too, while
    each is an EPCI's name exactly."""
    added = []
    while joint := NEXT_DISTRIBUTED.match(text, end):
        name = HEAD_NAME.match(text[joint.end():joint.end() + 120])
        if not name or not name.group(1).strip():
            break
        start, stop = _trim(text, joint.end(), joint.end() + name.end())
        link = linker.link(text[start:stop], epci_type)
        if not (link.siren and link.exact):
            break
        added.append(EpciMention(start, stop, link, " ".join(text[start:stop].split()),
                                 _mention_type(epci_type, link), "epci.head_mention", legal_form=True))
        end = stop
    return added


# "des quatre EPCI du Grand Saint-Dizier, de la …": the noun EPCI before a capitalised name, as a
# head of no legal form (not before a name written with its own: "les EPCI de la Communauté …")
EPCI_NOUN = re.compile(r"(?<![\w'’])(?:(?:les|des|ces|aux)\s+(?:(?:\d{1,2}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+)?"
                       r"|l['’]\s*)E\.?\s?P\.?\s?C\.?\s?I\.?(?=\s+(?:de\s+la|de\s+l['’]|du|des|d['’])\s*[A-ZÉÈÀÂÎÔ])"
                       r"(?!\s+(?:de\s+la|de\s+l['’]|du|des|d['’])\s*(?i:communaut|m[ée]tropole|agglo|C[CAU]\b))")
NEAR_HEAD_TYPES = ("CA", "CU", "METRO")


def _epci_noun_mentions(text: str, linker: DocumentLinker, taken: list[EpciMention]) -> list[EpciMention]:
    """The EPCI a name after the noun "EPCI" stands for ("l'EPCI du Grand Saint-Dizier"): its
    official name or an everyday form of it; a town made great or qualified, which people write
    for an agglomeration, a communauté urbaine or a métropole, only for one EPCI of the
    document's départements."""
    found = []
    taken_reach = SpanReach((m.start, m.end) for m in taken)  # by bisection, not every mention each time
    for noun in EPCI_NOUN.finditer(text):
        span = _name_after_head(text, noun)
        if not span or taken_reach.holds(noun.end()):
            continue
        name_start = noun.end() + len(re.match(r"\s*(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|d['’])\s*",
                                                text[noun.end():]).group(0))
        written = text[name_start:span[1]]
        link = linker.link(written)
        if not link.siren:
            typed = [linker.link(written, epci_type) for epci_type in NEAR_HEAD_TYPES]
            fitting = {l.siren: l for l in typed
                       if l.siren and l.score >= ACCEPT_SCORE and set(l.departement_codes) & linker.departements}
            link = next(iter(fitting.values())) if len(fitting) == 1 else link
        if link.siren:
            found.append(EpciMention(name_start, span[1], link, " ".join(written.split()), None,
                                     "epci.head_mention"))
    return found


# " et " before a capitalised word, or its article: where a name read from its head may give way to
# the next one ("l'aéroport Toulouse-Blagnac et le Muretain Agglo": the name starts after the article)
COORDINATING_ET = re.compile(r"[ \t]+et[ \t]+(?:(?:le|la|les)[ \t]+|l['’][ \t]*)?(?=[A-ZÉÈÀÂÎÔ])")
# " de " before a capitalised word: where an everyday name may start after the noun it
# completes ("vice-président en charge de l'Economie de Pays Montbéliard Agglomération")
OF_BEFORE_A_NAME = re.compile(r"[ \t]+(?:de|du|des)[ \t]+(?=[A-ZÉÈÀÂÎÔ])|[ \t]+d['’][ \t]*(?=[A-ZÉÈÀÂÎÔ])")


def _before_a_coordination(text: str, head: re.Match, end: int, epci_type: str | None,
                           linker: DocumentLinker) -> tuple[Link, int] | None:
    """The name a head introduces when the capitalised words after it run on into the next
    name ("la communauté d'agglomération du Bassin d'Aurillac et Rodez Agglomération"): the
    longest part before an " et " that is an EPCI's name exactly; None if no part is."""
    for joint in reversed(list(COORDINATING_ET.finditer(text, head.end(), end))):
        shorter = linker.link(text[head.end():joint.start()], epci_type)
        if shorter.siren and shorter.exact:
            return shorter, joint.start()
    return None


class _TakenSpans:
    """Spans taken so far, and whether one overlaps a span: only those starting less than the
    longest one's length before it can (by bisection; 2,000 heads were each compared with every
    mention found)."""

    def __init__(self, spans):
        self._spans = sorted(spans)
        self._longest = max((end - start for start, end in self._spans), default=0)

    def add(self, start: int, end: int) -> None:
        bisect.insort(self._spans, (start, end))
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        low = bisect.bisect_left(self._spans, (start - self._longest,))
        high = bisect.bisect_left(self._spans, (end,))
        return any(s < end and start < e for s, e in self._spans[low:high])

    def holds(self, position: int) -> bool:
        """Whether a span holds the character at `position` (start <= position < end)."""
        return self.overlaps(position, position + 1)


# "Questembert Co" for "Questembert Communauté": one to four capitalised words (with their "de",
# "d'") then "Co" alone
WRITTEN_CO = re.compile(r"(?<![\w'’-])(?P<name>[A-ZÉÈÀÂÎÔ][\w'’-]*(?:[ \t]+(?:(?:de|du|des|d['’])[ \t]*)?"
                        r"[A-ZÉÈÀÂÎÔ][\w'’-]*){0,3})[ \t]+Co(?![\w'’&.-])")
CAPITAL_WORD_START = re.compile(r"(?:^|(?<=[ \t]))[A-ZÉÈÀÂÎÔ]")


def _communaute_written_co(text: str, linker: DocumentLinker, taken: list[EpciMention]) -> list[EpciMention]:
    """"Questembert Co": the words before "Co" with "Communauté" after them, kept only when that is
    exactly an official name of one EPCI (48 names end with that type word), its shortest start
    first; never inside a mention already read."""
    found = []
    inside_taken = SpanReach((m.start, m.end) for m in taken)
    for written in WRITTEN_CO.finditer(text):
        if inside_taken.holds(written.start()):
            continue
        starts = [written.start() + word.start() for word in CAPITAL_WORD_START.finditer(written["name"])]
        for start in reversed(starts):
            name = f"{text[start:written.end('name')]} Communauté"
            link = linker.link(name)
            if link.siren and link.exact and is_official_name(name, link.siren):
                found.append(EpciMention(start, written.end(), link, " ".join(text[start:written.end()].split()),
                                         link.epci_type, "epci.everyday_name"))
                break
    return found


# "la communauté d'agglomération", "la Communauté de communes", "la communauté urbaine": after its
# article, a legal form's head ("Grand Belfort Communauté d'agglomération" is a name that ends so)
ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:[Ll]a[ \t]+|[Ll]['’][ \t]*)$")
LEGAL_FORM_GOES_ON = re.compile(r"[ \t]+(?:d['’][ \t]*agglom[ée]ration|de[ \t]+communes|urbaine)\b")


def _everyday_mentions(text: str, linker: DocumentLinker,
                       taken: list[EpciMention]) -> list[EpciMention]:
    """'Questembert Communauté', 'Flers Agglo', 'Bordeaux Métropole': capitalised words ending
    with a type word, linked to a name the referential knows (exactly or as an everyday form)."""
    found = []
    words = sorted([*TYPE_WORD.finditer(text), *CAPITAL_TYPE_WORD.finditer(text)], key=lambda w: w.start())
    # by bisection, not every mention for each word (1,000 lists of members: 2 million comparisons)
    inside_taken = SpanReach((m.start, m.end) for m in taken)
    taken_ends = [0, *sorted(m.end for m in taken)]  # 0: no mention ends before the word
    found_spans = _TakenSpans(())  # (each opening was compared with every mention found)
    for word in words:
        if inside_taken.holds(word.start()) or (ARTICLE_BEFORE.search(text, max(0, word.start() - 4), word.start())
                                                 and LEGAL_FORM_GOES_ON.match(text, word.end())):
            continue  # "… et de la communauté d'agglomération du même nom": a legal form's head, no name's end
        start = word.start()
        # a name never starts inside another's ("… du Bassin d'Aurillac et de Rodez Agglomération")
        floor = taken_ends[bisect.bisect_right(taken_ends, start) - 1]
        for previous in reversed(list(NAME_WORD.finditer(text, max(floor, start - 80), start))):
            gap = text[previous.end():start]
            if gap.strip(" \t\n") or gap.count("\n") > 1 \
                    or "\n" in gap and not _wrapped_prose_line(text, text.rfind("\n", 0, previous.start()) + 1):
                break  # a name ends at its line's end, unless running text is wrapped ("… et Rodez⏎agglomération")
            start = previous.start()
        while start < word.start() and not text[start].isupper():
            # "président d'Alès agglomération": the name starts after the elided article
            elided = re.match(r"[dlDL]['’]\s*(?=[A-ZÉÈÀÂÎÔ])", text[start:word.start()])
            start = start + elided.end() if elided else text.find(" ", start, word.start()) + 1 or word.start()
        if start >= word.start():
            # "Métropole Rouen Normandie a été labellisée", "« MÉTROPOLE AIX-MARSEILLE-PROVENCE -
            # … »": an official name opening with its type word, no article before it
            opening = _official_opening_with_type_word(text, word, linker)
            if opening is not None and not found_spans.holds(opening.start):
                found.append(opening)
                found_spans.add(opening.start, opening.end)
            continue
        end = word.end()
        link = linker.link(text[start:end])
        if not link.exact:
            link, start = _across_a_dash(text, start, end, floor, linker) or (link, start)
        joints = sorted([*COORDINATING_ET.finditer(text, start, word.start()),
                         *OF_BEFORE_A_NAME.finditer(text, start, word.start())], key=lambda j: j.start())
        for joint in [] if link.exact else joints:
            # "le Grand Belfort et Pays de Montbéliard Agglomération": the name starts after the
            # first " et " or " de " from which the words are an EPCI's name (a name may hold them)
            later = linker.link(text[joint.end():end])
            if later.siren and later.exact:
                start, link = joint.end(), later
                break
        for more in _words_after_type_word(text, end):
            # "Loudéac Communauté Bretagne Centre" (official "CC Loudéac Communauté - Bretagne
            # Centre"): the name goes on after its type word (its start alone may be an everyday form)
            longer = linker.link(text[start:more])
            if longer.siren and longer.exact and (link.siren is None or (longer.siren == link.siren
                                                                          and longer.score > link.score)):
                link, end = longer, more
        if link.siren and link.exact:
            found.append(EpciMention(start, end, link, " ".join(text[start:end].split()),
                                     link.epci_type, "epci.everyday_name"))
            found_spans.add(start, end)
    return found


# a dash between two words of a name, on one line: "Golfe du Morbihan – Vannes Agglomération"
DASH_BEFORE = re.compile(r"[ \t]*[-–][ \t]*$")


def _across_a_dash(text: str, start: int, end: int, floor: int,
                   linker: DocumentLinker) -> tuple[Link, int] | None:
    """An everyday name whose words a dash parts ("Golfe du Morbihan – Vannes Agglomération"):
    the capitalised words before the dash, with those after it, that are an EPCI's name exactly;
    None when they are not (a territory's name before its member: "X – Y Agglomération")."""
    dash = DASH_BEFORE.search(text, max(floor, start - 4), start)
    if dash is None:
        return None
    before = start = dash.start()
    for previous in reversed(list(NAME_WORD.finditer(text, max(floor, before - 60), before))):
        if text[previous.end():start].strip(" \t") or "\n" in text[previous.end():start]:
            break
        start = previous.start()
    while start < before and not text[start].isupper():
        start = text.find(" ", start, before) + 1 or before
    if start >= before:
        return None
    link = linker.link(text[start:end])
    return (link, start) if link.siren and link.exact else None


# a type word in capitals, in a title written in capitals
CAPITAL_TYPE_WORD = re.compile(r"(?<![\w'’])(?:COMMUNAUT[ÉE]|AGGLOM[ÉE]RATION|M[ÉE]TROPOLE)(?![\w'’])")


def _official_opening_with_type_word(text: str, word: re.Match, linker: DocumentLinker) -> EpciMention | None:
    """An EPCI's official name that opens with its type word, written without an article
    ("Métropole Européenne de Lille", "MÉTROPOLE AIX-MARSEILLE-PROVENCE"): the longest run of
    capitalised words after it (three at most) that is the official name itself, exactly."""
    if text[max(0, word.start() - 3):word.start()].lower().rstrip().endswith(("la", "l'", "l’")):
        return None  # "la Métropole X" is read from its head
    best = None
    for more in _words_after_type_word(text, word.end()):
        link = linker.link(text[word.start():more])
        if link.siren and link.exact and link.score >= OFFICIAL_NAME_SCORE:
            best = EpciMention(word.start(), more, link, " ".join(text[word.start():more].split()),
                               link.epci_type, "epci.everyday_name")
    return best


# a capitalised word after another, on one line, a dash or a connector between
NEXT_NAME_WORD = re.compile(r"(?:[ \t]*[-–][ \t]*|[ \t]+)(?:(?:de|du|des|la|le|et|en|sur|l['’]|d['’])[ \t]*)*"
                            r"[A-ZÉÈÀÂÎÔ][\w'’-]*")
MAX_WORDS_AFTER_TYPE_WORD = 3


def _words_after_type_word(text: str, position: int) -> list[int]:
    """The ends of the (at most three) capitalised words that follow a type word, nearest first."""
    ends = []
    for _ in range(MAX_WORDS_AFTER_TYPE_WORD):
        word = NEXT_NAME_WORD.match(text, position)
        if not word:
            break
        position = word.end()
        ends.append(position)
    return ends


def spells_out(label: str, value: str) -> bool:
    """Whether a label in capitals is the initials of its value's words (connectors left out,
    elided ones too): "PMA : Pays de Montbéliard Agglomération", "CAPA : Communauté
    d'agglomération du Pays Ajaccien" define acronyms: no territory, no mention of the EPCI; so
    does a masthead "GPS&O — Communauté urbaine Grand Paris Seine & Oise", the legal form left out
    of the initials, an ampersand standing for "et"."""
    if not re.fullmatch(r"[A-Z]{1,7}(?:&[A-Z]{1,7})?", label) or len(label) < 2:
        return False
    letters = label.replace("&", "")
    head = HEAD.match(value)
    return any("".join(w[0] for w in re.findall(r"[^\W\d_]+", part)
                       if w.lower() not in NAME_CONNECTORS and len(w) > 1).upper() == letters
               for part in (value, value[head.end():] if head else ""))


# A line defining an acronym ("*PMA : Pays de Montbéliard Agglomération.*", a note under a table).
DEFINITION_LINE = re.compile(r"^[ \t*_>•-]*(?P<acronym>[A-Z]{2,8})[ \t]*[:=][ \t]*(?P<value>[^\n]+)", re.MULTILINE)


def _definition_lines(text: str) -> list[tuple[int, int]]:
    """The lines that spell an acronym out: a note on words used above, where no EPCI is named
    again (an acronym named there would be attached to the territory nearest the note)."""
    return [line.span() for line in DEFINITION_LINE.finditer(text) if spells_out(line["acronym"], line["value"])]


def _acronym_mentions(text: str, linker: DocumentLinker,
                      territories: list[tuple[int, int, str]] = ()) -> list[EpciMention]:
    """Where the acronyms and short names the text defines, and the well-known acronyms of its
    EPCIs, are used ('la CAB', 'le TCO', 'la Cirest', 'Cap Nord'); a well-known everyday name
    written as a territory's whole name ("Renouvelés : …, le Territoire de l'Ouest, à La
    Réunion") is that name, which lists no member (tests/gold/README.md), as an official name."""
    names = {(start, end) for start, end, _ in territories}
    found = []
    for acronym, link in {**linker.initials_in_context(text), **linker.known_in_context(text),
                          **linker.acronyms}.items():
        written = [acronym] + ([acronym.title()] if len(acronym) >= 5 and acronym.isalpha() else [])
        pattern = r"(?<![\w'’&])(?:" + "|".join(map(re.escape, written)) + r")(?![\w&])"
        for match in re.finditer(pattern, text):
            found.append(EpciMention(match.start(), match.end(), link, match.group(0),
                                     link.epci_type, "epci.acronym"))
    for alias, link in linker.everyday_aliases_in_context(text).items():
        # "Cap Nord poursuit son développement": a well-known everyday name of the document's EPCIs
        for match in everyday_alias_pattern(alias).finditer(text):
            if match.span() in names:
                continue
            found.append(EpciMention(match.start(), match.end(), link, match.group(0),
                                     link.epci_type, "epci.acronym"))
    return found


# "Melun Val de Seine, agglomération d'environ 140 000 habitants, …": a name of two capitalised
# words or more, then a type noun in apposition with no name after it, bare or after "une" (the
# fixtures' gold reads "Cap Excellence, l'agglomération qui s'étend …" as a bare territory name).
# The name starts at the first capital of its word ("l'Agglo …"): tried once a word, not at each of
# its capitals, whose words all end at the same place (a hostile "A-A-A-…" line was quadratic).
# A run of capitalised words is read once, whole (possessive): a shorter name would be followed by
# the next word, never by the comma; without its type noun after it, the run is still matched
# (`type` empty) so that the search goes on after it, not from each of its words (10,000
# capitalised words without a comma took 5 s, each word's name running to the end of the line).
NAME_THEN_TYPE_NOUN = re.compile(
    r"(?<![\w'’-])(?:(?![A-ZÉÈÀÂÎÔ])[\w'’-])*+"
    r"(?P<name>[A-ZÉÈÀÂÎÔ][\w'’-]*+(?:[ \t]+(?:(?:de|du|des|la|le|les|et|sur|en|à|au|aux|l['’]|d['’])[ \t]*)*"
    r"[A-ZÉÈÀÂÎÔ][\w'’-]*+)++)(?:[ \t]*,[ \t]*(?:une[ \t]+)?"
    r"(?P<type>communaut[ée][ \t]+d['’][ \t]*agglom[ée]ration|agglom[ée]ration|communaut[ée][ \t]+de[ \t]+communes"
    r"|communaut[ée][ \t]+urbaine|m[ée]tropole|intercommunalit[ée])(?![\w'’])"
    r"(?![ \t]*(?:(?:de|du|des|d['’])[ \t]*)?(?:la[ \t]+|l['’][ \t]*)?[A-ZÉÈÀÂÎÔ]))?")


APPOSITION_TYPES = {"CA": {"CA", "CU", "METRO"}}  # "agglomération" is said of a CU or a métropole too


def _apposition_mentions(text: str, linker: DocumentLinker, taken: list[EpciMention]) -> list[EpciMention]:
    """'Melun Val de Seine, agglomération d'environ 140 000 habitants': a name the type noun in
    apposition says is an intercommunality's, when it is exactly one of that legal form's names
    or everyday forms (the longest from its words' starts; a département's or région's name, a
    single word — a town — never)."""
    found = []
    taken_reach = SpanReach((m.start, m.end) for m in taken)  # by bisection, not every mention each time
    for match in NAME_THEN_TYPE_NOUN.finditer(text):
        if match["type"] is None:
            continue  # a run of capitalised words without the type noun in apposition
        if taken_reach.holds(match.start("name")) or taken_reach.holds(match.end("name") - 1):
            continue
        epci_type = head_type(match.group("type"))
        name_start = match.start("name")
        starts = [name_start] + [name_start + gap.end() for gap in re.finditer(r"[ \t]+", match.group("name"))]
        for start in _linkable_starts(text, starts, match.end("name"), linker):
            written = text[start:match.end("name")]
            if len(written.split()) < 2 or not written[:1].isupper() or fold(written) in _place_names():
                continue
            link = linker.link(written, epci_type)
            if link.siren and link.exact and link.score >= EVERYDAY_FORM_SCORE \
                    and (epci_type is None or link.epci_type in APPOSITION_TYPES.get(epci_type, {epci_type})):
                found.append(EpciMention(start, match.end("name"), link, written, link.epci_type,
                                         "epci.apposition"))
                break
    return found


# "l'agglo paloise", "la communauté d'agglomération vannetaise", "la métropole rouennaise"
DEMONYM_AFTER_FORM = re.compile(
    r"(?<![\w'’])(?:(?i:la|l['’])\s*)?(?i:communaut[ée]\s+d['’]\s*agglo(?:m[ée]ration)?|agglo(?:m[ée]ration)?"
    r"|communaut[ée]\s+urbaine|m[ée]tropole)[ \t]+[^\W\d_][\w'’-]*[^\W\d_](?![\w'’-])")


# "jusqu'aux limites de l'agglomération paloise", "les élus de l'agglo saumuroise": the complement
# of a noun, a place or a body; not "aux côtés de l'agglo paloise"
COMPLEMENT_BEFORE = re.compile(r"(?<![\w'’])(?:de|d['’])\s*$", re.IGNORECASE)
BESIDE_BEFORE = re.compile(r"c[ôo]t[ée]s?\s+de\s*$", re.IGNORECASE)


def _demonym_mentions(text: str, linker: DocumentLinker,
                      territories: list[tuple[int, int, str]]) -> list[EpciMention]:
    """'l'agglo paloise': a legal form then a town's demonym, the EPCI named after that town;
    not in a territory's name ("Territoire d'industrie Agglomération orléanaise"), nor as the
    complement of a noun (a territory found by bisection: 5,000 forms on a page saved on one
    line each read its 1,500 territories)."""
    found = []
    named = SpanReach((start, end) for start, end, _ in territories)
    for match in DEMONYM_AFTER_FORM.finditer(text):
        before = text[max(0, match.start() - 40):match.start()]
        if COMPLEMENT_BEFORE.search(before) and not BESIDE_BEFORE.search(before) \
                or named.overlaps(match.start(), match.end()):
            continue
        link = linker.by_demonym(match.group(0))
        if link:
            start = HEAD_ARTICLE.match(text, match.start(), match.end()).end()
            found.append(EpciMention(start, match.end(), link, " ".join(text[start:match.end()].split()),
                                     link.epci_type, "epci.demonym",
                                     legal_form=not SOFT_HEAD.match(text, start)))
    return found


def _linkable_starts(text: str, starts: list[int], end: int, linker: DocumentLinker) -> list[int]:
    """The starts of a run of capitalised words ending at `end` from which the linker may link it:
    those whose core has at most linker.longest_linked_core() words, or whose words before a
    tagline have (DocumentLinker.link links the name before "la Vallée Dorée" too; the run's
    tagline is the tagline of each start before it, and none follows its capitalised words).
    The others never link: 10,000 capitalised words before ", agglomération" asked the linker
    about 10,000 names of up to 10,000 words (26 s)."""
    floors = core_word_floors([text[start:next_start] for start, next_start in zip(starts, [*starts[1:], end])])
    after = list(accumulate(reversed(floors), initial=0))[::-1]  # after[k]: the floor of the words from k on
    longest = linker.longest_linked_core()
    tagline = TAGLINE.search(text, starts[0], end)
    before_tagline = bisect.bisect_left(starts, tagline.start()) if tagline else 0
    return [start for k, start in enumerate(starts)
            if after[k] <= longest or k < before_tagline and after[k] - after[before_tagline] <= longest]


OWN_ANAPHOR = with_first_letters(re.compile(WORDS["own_anaphor"], re.IGNORECASE))
PROGRAMME_WORDS = with_first_letters(re.compile(WORDS["programme"], re.IGNORECASE))
ANAPHOR_TYPES = {"CA": {"CA"}, "CA2": {"CA"}, "CC": {"CC"}, "CU": {"CU"}, "METRO": {"METRO"}}
ANAPHOR_SENTENCE_CHARS = 2000  # how far back a noun's sentence is looked for


FIRST_PERSON = re.compile(r"(?i)notre\b")
POINTING_BACK = re.compile(r"[ \t]*(?:" + WORDS["anaphora"][1:] + ")", re.IGNORECASE)  # "Il associe …"
MASTHEAD = re.compile(r"\A(?:[ \t]*\S[^\n]*\n){1,3}?[ \t]*\n")  # the lines before the first blank one
# A council's letterhead: the EPCI's name with its legal form alone on a line among the first
# ones, under "République française — Département du Cher" and a blank line
LETTERHEAD_LINES = 6


def _publisher(text: str, taken: list[EpciMention]) -> Link | None:
    """The EPCI a masthead names with its legal form ("CŒUR & COTEAUX LE MAG / Le magazine de la
    Communauté de communes X / N° 18") or by its everyday name, a type word ending it ("X
    COMMUNAUTÉ — LE MAG"), or a letterhead line holds alone with its legal form, when it names
    one only."""
    masthead = MASTHEAD.match(text)
    top_lines = text.split("\n", LETTERHEAD_LINES)[:LETTERHEAD_LINES]
    top, top_end = {line.strip() for line in top_lines}, sum(len(line) + 1 for line in top_lines)
    named = {m.link.siren: m.link for m in taken
             if (masthead is not None and m.end <= masthead.end() and (m.legal_form or m.rule == "epci.everyday_name")
                 or m.end <= top_end and m.legal_form and m.written_name.strip() in top)
             and m.link.siren and m.link.exact}
    return next(iter(named.values())) if len(named) == 1 else None


def _own_anaphors(text: str, linker: DocumentLinker, territories: list[tuple[int, int, str]],
                  taken: list[EpciMention]) -> list[EpciMention]:
    """'Grand Châtellerault … Deux jours auparavant l'agglomération signait le protocole
    d'accord': in a text about one territory whose name is an EPCI's, a type noun of that EPCI's
    legal form with no name after it, in a sentence about the programme, is that EPCI (a text
    about several territories, or a noun of another form, says nothing of which). In a text
    about one territory named otherwise, "notre intercommunalité" is the publisher's: the one EPCI
    its masthead names with its legal form ("Le magazine de la Communauté de communes X")."""
    if len({territory_id for _, _, territory_id in territories}) != 1:
        return []
    start, end, _ = territories[0]
    link = linker.link(text[start:end])
    own = link.siren and link.exact
    if not own:
        link = _publisher(text, taken)
        if link is None:
            return []
    found = []
    taken_reach = SpanReach((m.start, m.end) for m in taken)  # by bisection, not every mention for each noun
    for noun in OWN_ANAPHOR.finditer(text):
        form = next(group for group, value in noun.groupdict().items() if value)
        if form in ANAPHOR_TYPES and link.epci_type not in ANAPHOR_TYPES[form] \
                or not own and not FIRST_PERSON.match(noun.group(0)) \
                or taken_reach.overlaps(noun.start(), noun.end()):
            continue
        window = max(0, noun.start() - ANAPHOR_SENTENCE_CHARS)  # a linear cost per noun, not the text's
        sentence_start = max((stop.end() for stop in SENTENCE_STOP.finditer(text, window, noun.start())),
                             default=window)
        if POINTING_BACK.match(text, sentence_start) and not own:
            # "… retenu sous le nom de Territoire d'industrie X. Il associe notre communauté de
            # communes à …": the sentence before, whose territory "Il" stands for, says the programme
            sentence_start = max((stop.end() for stop in SENTENCE_STOP.finditer(text, window, sentence_start - 1)),
                                 default=window)
        if PROGRAMME_WORDS.search(text, sentence_start, _sentence_end(text, noun.end())):
            # the publisher speaking of its own membership: a member of the one territory
            found.append(EpciMention(noun.start(), noun.end(), link, noun.group(0), link.epci_type,
                                     "epci.own_anaphor", territory_hint=None if own else territories[0][2]))
    return found


# "Le Pays du Coquelicot propose …": a capitalised name after its article (the words of an
# official name without its legal form)
NAME_AFTER_ARTICLE = re.compile(
    r"(?<![\w'’])(?:[Ll]e|[Ll]a|[Ll]['’])[ \t]*(?P<name>[A-ZÉÈÀÂÎÔ][\w'’-]*(?:[ \t]+(?:(?:de|du|des|la|le|les|et|sur|en"
    r"|l['’]|d['’])[ \t]*)*[A-ZÉÈÀÂÎÔ][\w'’-]*)+)")
OWN_NAME_USES = 2


SAME_NAME = re.compile(r"[ \t]+du[ \t]+m[êe]me[ \t]+nom\b", re.IGNORECASE)  # "la communauté d'agglomération du même nom"


# a sentence opening with the territory named in the one before ("Le territoire", "Ce territoire", "Il")
TERRITORY_ANAPHOR = re.compile(r"\s*(?:(?:le|ce)\s+territoire|il|elle)\b", re.IGNORECASE)


def _same_name_mentions(text: str, linker: DocumentLinker, territories: list[tuple[int, int, str]],
                        taken: list[EpciMention], all_heads: list[re.Match]) -> list[EpciMention]:
    """'Le premier, qui porte le nom de Cap Excellence, se confond avec la communauté
    d'agglomération du même nom': a legal form "du même nom" is the EPCI of that form named as
    the territory named last before it in its sentence (or in the one before, which its opening
    "Le territoire" takes up), when that name links exactly."""
    found = []
    taken_reach = SpanReach((m.start, m.end) for m in taken)  # by bisection, not every mention each time
    for head in all_heads:
        same = SAME_NAME.match(text, head.end())
        if same is None or taken_reach.holds(head.start()):
            continue
        sentence_start = max((stop.end() for stop in SENTENCE_STOP.finditer(
            text, max(0, head.start() - ANAPHOR_SENTENCE_CHARS), head.start())),
            default=max(0, head.start() - ANAPHOR_SENTENCE_CHARS))
        if not any(sentence_start <= start and end <= head.start() for start, end, _ in territories) \
                and TERRITORY_ANAPHOR.match(text, sentence_start, head.start()):
            # "Le X reste dans le dispositif. Le territoire correspond à la CC du même nom"
            sentence_start = max((stop.end() for stop in SENTENCE_STOP.finditer(
                text, max(0, sentence_start - ANAPHOR_SENTENCE_CHARS), max(0, sentence_start - 1))), default=0)
        before = [(start, end) for start, end, _ in territories if sentence_start <= start and end <= head.start()]
        if not before:
            continue
        start, end = max(before)
        link = linker.link(text[start:end], head_type(head.group(0)))
        if link.siren and link.exact:
            named_at = HEAD_ARTICLE.match(text, head.start(), head.end()).end()
            found.append(EpciMention(named_at, same.end(), link, " ".join(text[named_at:same.end()].split()),
                                     link.epci_type, "epci.same_name"))
    return found


def _own_bare_names(text: str, linker: DocumentLinker, territories: list[tuple[int, int, str]],
                    taken: list[EpciMention]) -> list[EpciMention]:
    """'Le Pays du Coquelicot propose …' then '… sur le territoire de la Communauté de communes':
    an intercommunality's page about itself writes its official name without legal form, after
    its article, again and again, and its legal form alone. Such a name, of the legal form the
    text uses alone and of the document's départements (when it names any), is that EPCI where a
    sentence speaks of the programme. A territory's own name is none ("le Grand Chalon est
    labellisé": a bare territory name equal to an EPCI's lists no member)."""
    forms = {form for noun in OWN_ANAPHOR.finditer(text)
             for form, value in noun.groupdict().items() if value}
    forms = {type_ for form in forms for type_ in ANAPHOR_TYPES.get(form, ())}
    if not forms:
        return []
    uses: dict[str, list[re.Match]] = {}
    taken_reach = SpanReach((m.start, m.end) for m in taken)  # by bisection, not every mention each time
    for match in NAME_AFTER_ARTICLE.finditer(text):
        uses.setdefault(match.group("name"), []).append(match)
    found = []
    for written, matches in uses.items():
        if len(matches) < OWN_NAME_USES or fold(written) in _place_names() \
                or name_key(written) in {territory_id for _, _, territory_id in territories}:
            continue
        link = _official_in_context(written, linker) if linker.departements else linker.link(written)
        if not (link and link.siren and link.exact and link.score >= OFFICIAL_NAME_SCORE
                and link.epci_type in forms):
            continue
        for match in matches:
            start, end = match.span("name")
            window = max(0, start - ANAPHOR_SENTENCE_CHARS)
            sentence_start = max((stop.end() for stop in SENTENCE_STOP.finditer(text, window, start)),
                                 default=window)
            if taken_reach.holds(start) or not PROGRAMME_WORDS.search(text, sentence_start, _sentence_end(text, end)):
                continue
            found.append(EpciMention(start, end, link, written, link.epci_type, "epci.own_name"))
    return found


# "au côté du président du Bassin de Pompey": a president, then a capitalised name of two words or
# more without legal form
PRESIDENT_OF_A_NAME = re.compile(
    r"(?<![\w'’])(?i:pr[ée]sidente?)[ \t]+(?:du|des|de[ \t]+la|de[ \t]+l['’])[ \t]*"
    r"(?P<name>[A-ZÉÈÀÂÎÔ][\w'’-]*(?:[ \t]+(?:(?:de|du|des|la|le|les|et|sur|en|l['’]|d['’])[ \t]*)*[A-ZÉÈÀÂÎÔ][\w'’-]*)+)")


HYPHEN = re.compile(r"\s*[-–]\s*")
# single capitalised words joined by dashes: "Lacq-Pau-Tarbes", "Rochefort - Royan - Marennes"
TOWN_CHAIN = re.compile(r"[A-ZÀ-Ý][^\W\d_]{2,}(?:\s*[-–]\s*[A-ZÀ-Ý][^\W\d_]{2,})+")
# a capitalised name of two words or more, without article: "Rochefort Océan", "Royan Atlantique"
CAPITALISED_NAME = re.compile(r"[A-ZÉÈÀÂÎÔ][\w'’-]*(?:[ \t]+(?:(?:de|du|des|la|le|les|et|sur|en|l['’]|d['’])[ \t]*)*"
                              r"[A-ZÉÈÀÂÎÔ][\w'’-]*)+")
OFFICE_RIGHT_BEFORE = re.compile(r"\b(?:" + WORDS["offices"] + r")\b[^.,;:\n]{0,30}$", re.IGNORECASE)


def _chain_town_names(text: str, linker: DocumentLinker, territories: list[tuple[int, int, str]],
                      taken: list[EpciMention]) -> list[EpciMention]:
    """'Le Territoire d'industrie Rochefort-Royan-Marennes-Oléron … Rochefort Océan, l'un des
    pôles industriels majeurs de la Charente-Maritime, … Le Territoire de Royan Atlantique, …':
    in a text about one territory named by a chain of towns, a name without legal form that
    opens with one of those towns and is exactly the official name of an EPCI of the document's
    départements (two words or more: never the town alone) is that territory's member, unless
    it is someone's office ("président de Rochefort Océan")."""
    if len({territory_id for _, _, territory_id in territories}) != 1 or not linker.departements:
        return []
    towns = {piece for start, end, _ in territories if TOWN_CHAIN.fullmatch(text[start:end].strip())
             for piece in HYPHEN.split(text[start:end].strip())}
    if not towns:
        return []
    territory_id = territories[0][2]
    opening = re.compile(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, sorted(towns))) + r")[ \t]+[A-ZÉÈÀÂÎÔ]")
    found = []
    taken_spans = _TakenSpans((m.start, m.end) for m in taken)  # and those found: not every mention for each match
    for match in opening.finditer(text):
        name = CAPITALISED_NAME.match(text, match.start())
        if name is None or taken_spans.holds(match.start()) \
                or OFFICE_RIGHT_BEFORE.search(text, max(0, match.start() - 60), match.start()):
            continue
        words = [word.end() for word in re.finditer(r"[\w'’-]+", name.group(0))]
        for end in reversed(words[1:]):  # the longest name that links, down to two words
            link = _official_in_context(name.group(0)[:end], linker)
            if link is not None:
                found.append(EpciMention(match.start(), match.start() + end, link, name.group(0)[:end],
                                         link.epci_type, "epci.chain_town_name", territory_hint=territory_id))
                taken_spans.add(match.start(), match.start() + end)
                break
    return found


def _presidents_bodies(text: str, linker: DocumentLinker, territories: list[tuple[int, int, str]],
                       taken: list[EpciMention]) -> list[EpciMention]:
    """"Au côté du président du Bassin de Pompey": the body a president presides, named without
    its legal form, when that name is the official name of an EPCI of the document's départements
    (a town and a person are none; a territory's own name, the one EPCI in France of that official
    name, even in a text naming no département). An office, never a member: it tells
    where the territory its officials run lies (membership.officials_bodies)."""
    found = []
    territory_ids = {territory_id for _, _, territory_id in territories}
    taken_reach = SpanReach((m.start, m.end) for m in taken)  # by bisection, not every mention each time
    for match in PRESIDENT_OF_A_NAME.finditer(text):
        start, end = match.span("name")
        written = match.group("name")
        if taken_reach.holds(start):
            continue
        if name_key(written) in territory_ids:
            # "Sébastien Martin, Président du Grand Chalon" about the territory Grand Chalon: the
            # one EPCI in all France whose official name the territory bears, wherever the text is
            link = _namesake(written, linker)
        else:
            link = _official_in_context(written, linker) if linker.departements else None
        if link is not None and link.score >= OFFICIAL_NAME_SCORE:
            found.append(EpciMention(start, end, link, written, link.epci_type, "epci.presided"))
    return found


# "… ces trois intercommunalités", "les deux EPCI": the members counted after a territory's name
MEMBERS_COUNTED = re.compile(r"\b(?:ces|les|des|leurs)\s+(?P<count>\d|" + "|".join(COUNT_WORDS) + r")\s+"
                             r"(?:intercommunalit[ée]s|EPCI|communaut[ée]s\b)", re.IGNORECASE)
COUNT_AFTER_NAME_CHARS = 400  # how far after the territory's name its members may be counted


def _territory_name_parts(text: str, linker: DocumentLinker, territories: list[tuple[int, int, str]],
                          taken: list[EpciMention]) -> list[EpciMention]:
    """'Le Territoire d'industrie Pays de Grasse, Cannes Pays de Lérins et Sophia Antipolis a été
    labellisé … ces trois intercommunalités': a territory named by its members' names, which the
    text counts right after the name (in its sentence or the next), names each of them. Each part
    links exactly to an EPCI (official name or everyday form, two words or more: "Grasse" alone
    is a town), all distinct, as many as the count; once per territory."""
    found, seen = [], set()
    taken_reach = SpanReach((m.start, m.end) for m in taken)  # by bisection, not every mention each time
    for start, end, territory_id in territories:
        if territory_id in seen:
            continue
        counted = MEMBERS_COUNTED.search(text, end, min(len(text), end + COUNT_AFTER_NAME_CHARS))
        if counted is None or "\n\n" in text[end:counted.start()]:
            continue
        count = counted.group("count").lower()
        count = count_value(count)
        spans, position = [], start
        for part in filter(None, (piece.strip() for piece in NAME_PARTS.split(text[start:end]))):
            position = text.index(part, position, end)
            spans.append((position, position + len(part)))
            position += len(part)
        if len(spans) != count or count < 2:
            continue
        links = [linker.link(text[a:b]) for a, b in spans]
        if not all(link.siren and link.exact and link.score >= EVERYDAY_FORM_SCORE
                   and len(text[a:b].split()) >= 2 and not taken_reach.holds(a)
                   for link, (a, b) in zip(links, spans)) or len({link.siren for link in links}) != count:
            continue
        seen.add(territory_id)
        found += [EpciMention(a, b, link, text[a:b], link.epci_type, "epci.name_part", in_member_list=True,
                              territory_hint=territory_id) for link, (a, b) in zip(links, spans)]
    return found


COORDINATED_NAME_WORDS = (
    r"(?P<name>(?:(?:canton|pays|bassin)[ \t]+(?:de[ \t]+la[ \t]+|de[ \t]+|du[ \t]+|des[ \t]+|d['’][ \t]*))?"  # "le canton d'Oulchy-le-Château"
    r"[A-ZÉÈÀÂÎÔ][\w'’-]*(?:[ \t]+(?:(?:de|du|des|la|le|les|et|sur|en|à|au|aux|&|l['’]|d['’])[ \t]*)*"
    r"[A-ZÉÈÀÂÎÔ][\w'’-]*)*)")
# ", le Pays des Achards", " et Vie et Boulogne", " avec Flandre Lys", " ; Lamballe Terre & Mer": a
# name coordinated after an EPCI's
COORDINATED_NAME = re.compile(
    r"[ \t]*(?:[,;][ \t]*(?:et[ \t]+)?|[ \t]+(?:et|avec)[ \t]+)"
    # "les élus de A, ceux du Grand B et …": the pronoun stands for the people or the bodies named before;
    # "les élus de A, de B et de C": the preposition repeated (PREPOSITION_BEFORE)
    r"(?:(?P<pronoun>(?:ceux|celles?|celui)[ \t]+)?"
    r"(?P<preposition>de[ \t]+la[ \t]+|de[ \t]+l['’][ \t]*|du[ \t]+|des[ \t]+|de[ \t]+|d['’][ \t]*)"
    r"|(?:le|la|les)[ \t]+|l['’][ \t]*)?" + COORDINATED_NAME_WORDS)
# "qui associe A au Grand B": the name an EPCI is associated with (after its verb, ASSOCIATING_VERB)
# (no pronoun nor repeated preposition there: those groups never match)
ASSOCIATED_NAME = re.compile(r"[ \t]+(?:à[ \t]+(?:la[ \t]+|l['’][ \t]*)?|au[ \t]+|aux[ \t]+)"
                             r"(?P<pronoun>(?!))?(?P<preposition>(?!))?" + COORDINATED_NAME_WORDS)
ASSOCIATING_VERB = re.compile(r"(?<![\w'’])associ(?:e|ent|ait|aient|ant|era|eront)[ \t]+"
                              r"(?:(?:la|le|les)[ \t]+|l['’][ \t]*)?$", re.IGNORECASE)
# an acronym or a seat in brackets after a coordinated name, which the next name follows
BRACKETED_GLOSS = re.compile(r"[ \t]*\([^()\n]{1,60}\)")
# "le Grand Charolais, Le Grand Autunois Morvan et ": a name coordinated before an EPCI's (the
# words up to the joint; where the name starts is tried word by word)
NAME_BEFORE_JOINT = re.compile(
    r"(?P<name>[A-ZÉÈÀÂÎÔ][\w'’-]*(?:[ \t]+(?:(?:de|du|des|la|le|les|et|sur|en|à|au|aux|&|l['’]|d['’])[ \t]*)*"
    r"[A-ZÉÈÀÂÎÔ][\w'’-]*)*)(?:[ \t]*[,;][ \t]*(?:et[ \t]+)?|[ \t]+et[ \t]+)"
    r"(?:(?:le|la|les)[ \t]+|l['’][ \t]*)?$")
# the preposition right before a name (and its article), which a coordinated name may repeat: "de
# A, de B et de C", not "la communauté de communes de A et du B" (one name)
PREPOSITION_BEFORE = re.compile(r"(?<![\w'’])(?:de|du|des|d['’])[ \t]*(?:(?:la|le|les)[ \t]+|l['’][ \t]*)?$",
                                re.IGNORECASE)
# territories.common.WORDS holds these too, but importing it here would be circular (territories imports members)
COMPASS_POINTS = frozenset(json.loads((Path(__file__).parent / "rules" / "territory_words.json")
                                       .read_text(encoding="utf-8"))["compass_heads"])
MIN_WORDS_BEFORE = 2  # "Bastia et la CC de Marana-Golo": one word before is a town as often


def _namesake(written: str, linker: DocumentLinker) -> Link | None:
    """The one EPCI whose official name (without legal form) a territory's name is, whatever the
    document's départements; None for a place, an everyday form or a name several EPCIs bear."""
    link = linker.link(written)
    return link if link.siren and link.exact and link.score >= OFFICIAL_NAME_SCORE \
        and fold(written) not in _place_names() else None


def _official_in_context(written: str, linker: DocumentLinker,
                         near: tuple[str, ...] = ()) -> Link | None:
    """The EPCI a name without legal form is the official name of, among the document's
    départements (or those of the EPCI it is coordinated with, `near`); None for a town, a person,
    an everyday form or a point of the compass alone (La Réunion's "CA du Sud" is written CASUD; "le
    Sud" there is a territory). The linker scores a name lower outside the document's départements:
    an official name of two words or more (or hyphenated) in the département of the EPCI it is
    coordinated with counts as in context ("Golfe du Morbihan-Vannes agglomération, Arc Sud Bretagne et …" in a
    text that never names the Morbihan)."""
    if fold(written) in COMPASS_POINTS:
        return None  # "celui de l'Ouest, porté par le TCO, et celui du Sud": a territory, not the CA du Sud
    link = linker.link(written)
    beside_near = bool(link.siren and set(link.departement_codes) & set(near)
                       and (len(written.split()) >= 2 or "-" in written) and is_official_name(written, link.siren))
    in_context = (link.score >= OFFICIAL_NAME_SCORE or beside_near) \
        and set(link.departement_codes) & (linker.departements | set(near)) \
        and fold(written) not in _place_names()
    typed = TYPE_WORD.search(written) and link.score >= ACCEPT_SCORE
    return link if link.siren and link.exact and (in_context or typed) else None


INNER_ET = re.compile(r"[ \t]+et[ \t]+")


def _official_before_an_et(written: str, linker: DocumentLinker,
                           near: tuple[str, ...]) -> tuple[str, Link | None]:
    """The longest start of a coordinated name, whole or up to one of its " et ", that is an
    EPCI's official name ("le canton d'Oulchy-le-Château et Retz-en-Valois": the first of two;
    "Vie et Boulogne" whole); a start of one word may be an acronym or a town, never cut out,
    unless hyphenated ("Grand-Figeac et Decazeville Communauté": a town is ruled out by
    _official_in_context)."""
    ends = [len(written)] + [et.start() for et in reversed(list(INNER_ET.finditer(written)))
                             if len(written[:et.start()].split()) >= MIN_WORDS_BEFORE
                             or "-" in written[:et.start()]]  # not "la CIVIS et la CASUD"
    for end in ends:
        link = _official_in_context(written[:end], linker, near)
        if link:
            return written[:end], link
    return written, None


def _coordinated_before(text: str, linker: DocumentLinker, anchor: EpciMention,
                        taken_ends: list[int], territories: list[tuple[int, int, str]]) -> list[EpciMention]:
    """The names without legal form coordinated before an EPCI's ("le Grand Charolais, Le Grand
    Autunois Morvan et la Communauté Urbaine Creusot-Montceau", "le Grand Belfort et Pays de
    Montbéliard Agglomération"), nearest first, each the official name of an EPCI of the
    document's départements or the anchor's, of two words or more; the run stops at the first
    that is not, is a territory's bare name, or is the anchor itself ("X, Communauté de
    communes Y", Y its former name: one EPCI, not two coordinated).
    `taken_ends`: the ends of the mentions taken so far, in order, those found here added (the
    last one before the name by bisection: 2,000 anchors each read every mention)."""
    added: list[EpciMention] = []
    end = anchor.start
    near = anchor.link.departement_codes
    while True:
        before = bisect.bisect_right(taken_ends, end)
        floor = taken_ends[before - 1] if before else 0
        match = NAME_BEFORE_JOINT.search(text, max(floor, end - 120), end)
        if not match:
            return added
        name_start = match.start("name")
        starts = [name_start] + [name_start + gap.end() for gap in re.finditer(r"[ \t]+", match.group("name"))]
        link, start = None, None
        for candidate in starts:  # the longest name that is an EPCI's
            written = text[candidate:match.end("name")]
            if not written[:1].isupper() or (len(written.split()) < MIN_WORDS_BEFORE and "-" not in written):
                continue  # one word may be a town; a hyphenated one is a name ("Grand-Figeac et Rodez Agglomération")
            link = _official_in_context(written, linker, near)
            if link:
                start = candidate
                break
        if not link or link.siren == anchor.link.siren \
                or any(s == start and e == match.end("name") for s, e, _ in territories):
            return added
        added.append(EpciMention(start, match.end("name"), link, text[start:match.end("name")],
                                 link.epci_type, "epci.coordinated", anchor.in_member_list,
                                 list_start=anchor.list_start))
        bisect.insort(taken_ends, match.end("name"))
        end = start


def _coordinated_mentions(text: str, linker: DocumentLinker, found: list[EpciMention],
                          territories: list[tuple[int, int, str]]) -> list[EpciMention]:
    """Names without legal form coordinated after an EPCI ("les territoires de l'Agglomération
    de La Roche-sur-Yon, Vie et Boulogne, le Pays des Achards – qui composent …", "avec La
    Roche-sur-Yon Agglomération et le Pays des Achards"): the coordination makes them EPCIs too
    when each is an EPCI's official name, of the document's départements; a town, a person or an
    everyday form is not enough; a name holding a type word ("Flers Agglo et Intercom de la Vire
    au Noireau") is an EPCI's wherever it lies. Names before an EPCI are read the same way
    (_coordinated_before). They are listed as their neighbour is. A name that is a territory's, written
    bare, lists no member (the gold guide: "a bare territory name that happens to equal an EPCI's
    name does not")."""
    added: list[EpciMention] = []
    taken_ends = sorted(m.end for m in found)
    found_reach = SpanReach([(m.start, m.end) for m in found])  # (each name was compared with every mention)
    added_spans = _TakenSpans(())  # nor with every name added
    territory_spans = {(start, end) for start, end, _ in territories}
    for anchor in found:
        if anchor.link.siren:
            before = _coordinated_before(text, linker, anchor, taken_ends, territories)
            added += before
            for mention in before:
                added_spans.add(mention.start, mention.end)
        previous = anchor
        while previous.link.siren:
            gloss = BRACKETED_GLOSS.match(text, previous.end)  # "L'agglomération de Montbéliard (PMA) et le Grand Belfort"
            match = COORDINATED_NAME.match(text, gloss.end() if gloss else previous.end)
            if not match and previous is anchor \
                    and ASSOCIATING_VERB.search(text, max(0, anchor.start - 30), anchor.start):
                match = ASSOCIATED_NAME.match(text, anchor.end)
            if not match or found_reach.holds(match.start("name")) or added_spans.holds(match.start("name")):
                break
            if match["preposition"] and not match["pronoun"] \
                    and not PREPOSITION_BEFORE.search(text, max(0, previous.start - 12), previous.start):
                break  # a preposition that repeats none
            written, link = _official_before_an_et(match.group("name"), linker, previous.link.departement_codes)
            if not link:
                break
            name_end = match.start("name") + len(written)
            if not TYPE_WORD.search(written) and (match.start("name"), name_end) in territory_spans:
                break  # "Laval Agglomération, Mayenne Communauté, le Pays de Craon": a territory's bare name, no member
            previous = EpciMention(match.start("name"), name_end, link, written,
                                   link.epci_type, "epci.coordinated", anchor.in_member_list,
                                   list_start=anchor.list_start)
            added.append(previous)
            added_spans.add(previous.start, previous.end)
            bisect.insort(taken_ends, name_end)
    return added


def _read_regions(text: str, folded: str, regions: list[_Region], linker: DocumentLinker,
                  all_heads: list[re.Match]) -> list[EpciMention]:
    """Every member list's EPCIs; a list where some name did not link is read again once the
    others have widened the context (their départements)."""
    read = [_read_region(text, folded, region, linker, all_heads) for region in regions]
    widened = [linker.widen(m.link.departement_codes) for found, _ in read for m in found
               if m.link.siren]
    if any(widened):
        read = [(found, complete) if complete else _read_region(text, folded, region, linker, all_heads)
                for region, (found, complete) in zip(regions, read)]
    listed: list[EpciMention] = []
    # the listed mentions' spans in order: they never overlap, so their ends are in order too and
    # the last one starting before a mention's end is the only one it may overlap (comparing it
    # with every mention listed before was 500,000 comparisons for 1,000 lists)
    spans: list[tuple[int, int]] = []
    for found, _complete in read:
        for mention in found:
            before = bisect.bisect_left(spans, (mention.end,))
            if not (before and spans[before - 1][1] > mention.start):
                listed.append(mention)
                bisect.insort(spans, (mention.start, mention.end))
    return listed


def _bracketed_in_lists(text: str, mentions: list[EpciMention],
                        regions: list[_Region]) -> list[EpciMention]:
    """EPCIs in a bracket that a member list's part opens ("en s'alliant avec la Bigorre (agglo
    de Tarbes-Lourdes et la CC de la Haute-Bigorre) et la CC du Pays de Nay", "coordonné par le
    Pôle métropolitain X (dont la CCLO fait partie) et …"): the part names a group of them,
    they are listed as members as the list's other names are."""
    lists = [region for region in regions if region.members]
    holders = SpanHolders([(region.start, region.end) for region in lists])  # (each mention was read back to every list's start)
    for mention in mentions:
        for region in (lists[index] for index in holders.holding(mention.start, mention.end)):
            opening = text.rfind("(", region.start, mention.start)
            if opening >= 0 and text.find(")", opening, mention.start) < 0:
                mention.in_member_list = True
                mention.list_start = region.start if region.anchor is None else region.anchor
                break
    return mentions


# "les EPCI de X et Y", "les intercommunalités de X": a head without legal form, whose names may
# be places ("les intercommunalités de Mayenne et de Sarthe" are those of two départements) or
# towns whose EPCIs go by other names
GENERIC_HEAD = re.compile(r"(?i)(?:les\s+)?(?:epci|intercommunalit[ée]s)")
SINGULAR_ARTICLE_BEFORE = re.compile(r"[Ll]['’]\s*$")
NAME_PARTS = re.compile(r"\s*,\s*(?:et\s+)?|\s+et\s+")
PART_LEAD = re.compile(r"(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*", re.IGNORECASE)


def _generic_head_of_places(text: str, head: re.Match, linker: DocumentLinker) -> bool:
    """Whether `head` is "les EPCI"/"les intercommunalités" before names that are not all EPCIs'
    ("les intercommunalités de Mayenne et de Sarthe": the EPCIs of two départements; "de
    Béthune et de la Lys": a town and a river): it names no EPCI then."""
    if not GENERIC_HEAD.fullmatch(head.group(0)) or SINGULAR_ARTICLE_BEFORE.search(text, max(0, head.start() - 3), head.start()):
        return False  # "l'EPCI Cluses Arve et Montagnes": one name
    from pipeline.extract.territories.common import is_place_name  # the package imports this module
    end = _predicate_start(text, head.end(), _sentence_end(text, head.end()))
    parts = [PART_LEAD.sub("", part.strip(), count=1).strip()
             for part in NAME_PARTS.split(text[head.end():end].strip(" \t\n,")) if part.strip()]
    return not parts or any(not part or is_place_name(part) or not linker.link(part, None).siren
                            for part in parts)


PREDECESSOR_CLAUSE = with_first_letters(re.compile(WORDS["predecessor_clause"], re.IGNORECASE))
AFTER_A_NAME = re.compile(r"[ \t]*(?:,|\()[ \t]*$")
# the clause goes on over "… de la CA X, de la CC Y et de …" or "des CC A, B et C"; a comma before
# anything else (", et la CC Z", ", porte la démarche") ends it
PREDECESSOR_CLAUSE_END = re.compile(r"[.;:!?)]|\n|,\s*(?!(?:et\s+)?(?:de|du|des|d['’]|à|au|aux)\b|[A-ZÉÈÀÂÎÔ])")


def _predecessor_clauses(text: str, mentions: list[EpciMention]) -> list[tuple[int, int]]:
    """Spans of the clauses that name, right after an EPCI, the EPCIs it replaced ("la CC X,
    qui a succédé en 2020 à la CC Y", "l'Agglomération d'Agen, née de la fusion de …"): those
    are gone, members of no territory."""
    spans = []
    for clause in PREDECESSOR_CLAUSE.finditer(text):
        if any(m.end <= clause.start() and AFTER_A_NAME.fullmatch(text, m.end, clause.start())
               for m in mentions):
            stop = PREDECESSOR_CLAUSE_END.search(text, clause.end())
            spans.append((clause.end(), stop.start() if stop else len(text)))
    return spans


def find_epcis(text: str, linker: DocumentLinker, structure,
               territories: list[tuple[int, int, str]],
               member_lines: list[tuple[int, int, str]] = ()) -> list[EpciMention]:
    """Every EPCI mention of a document, in reading order, overlapping ones merged: member
    lists first, then heads, everyday names and acronyms elsewhere. `territories` are the
    (start, end, territory_id) of the territory mentions, whose lines may list members;
    `member_lines` those of the labels that may name a territory by the list on their line
    (membership.member_line_candidates)."""
    text, cuts = _cut_words_rejoined(text)
    folded = fold(text)
    _learn_acronyms(text, folded, linker)
    all_heads = [head for head in HEAD.finditer(text) if not _generic_head_of_places(text, head, linker)]
    regions = (_trigger_regions(text, structure) + _noun_regions(text, structure)
               + _field_regions(text, structure, [*territories, *member_lines])
               + _headed_list_regions(text, structure)
               + _territory_headed_list_regions(text, structure, territories)
               + _territory_with_regions(text, territories)
               + _plural_head_regions(text, all_heads) + _footnote_regions(text)
               + _subject_regions(text, all_heads) + _bare_subject_regions(text, all_heads)
               + _resumed_regions(text) + _side_regions(text)
               + _counted_later_regions(text) + _counted_then_labelled_regions(text)
               + _among_them_regions(text) + _answered_question_regions(text)
               + _counted_then_named_regions(text, all_heads)
               + _signatory_regions(text) + _brought_in_by_regions(text))
    # the rows of a table with a column of EPCIs are read cell by cell, not as the lines an
    # intro ending with ":" opens ("… réparties sur trois départements :" over the table)
    rows = [(table.header[0].start, table.rows[-1][-1].end) for table in structure.tables
            if table.column(text, EPCI_COLUMN) is not None]
    regions = [r for r in regions if not any(start <= r.start <= end for start, end in rows)] \
        + _table_regions(text, structure, territories)
    regions.sort(key=lambda r: (r.start, -r.end, not r.members))
    found = _read_regions(text, folded, regions, linker, all_heads)
    heads = _bracketed_in_lists(text, _head_mentions(text, linker, found, all_heads), regions)
    heads += _epci_noun_mentions(text, linker, found + heads)
    # "(dont la CCLO fait partie)" after a list's part: an acronym or an everyday name in its
    # bracket is listed as a head mention is
    named = _bracketed_in_lists(text, _everyday_mentions(text, linker, found + heads)
                                + _acronym_mentions(text, linker, territories)
                                + _communaute_written_co(text, linker, found + heads), regions)
    taken = _TakenSpans((m.start, m.end) for m in found)
    for mention in heads + named + _apposition_mentions(text, linker, found + heads) \
            + _demonym_mentions(text, linker, territories):
        if not taken.overlaps(mention.start, mention.end):
            found.append(mention)
            taken.add(mention.start, mention.end)
    found += _coordinated_mentions(text, linker, sorted(found, key=lambda m: (m.start, m.end)), territories)
    found += _own_anaphors(text, linker, territories, found)
    found += _own_bare_names(text, linker, territories, found)
    found += _same_name_mentions(text, linker, territories, found, all_heads)
    found += _territory_name_parts(text, linker, territories, found)
    found += _presidents_bodies(text, linker, territories, found)
    found += _chain_town_names(text, linker, territories, found)
    found += _bare_names_after_a_dash(text, linker, territories, found)
    found += _bare_names_said_outside(text, linker, found)
    found += _territories_described_by_a_type_word(text, structure, linker, territories, found)
    left_out = _predecessor_clauses(text, found) + _definition_lines(text)
    found = [m for m in found if not any(start <= m.start < end for start, end in left_out)]
    return sorted((_over_cut_words(m, cuts) for m in found), key=lambda m: (m.start, m.end))


def _cut_words_rejoined(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with every word cut at a line end ("le Grand Belfort Commu-\nnauté
    d'Agglomération", copied from a PDF) written whole, the hyphen and line break moved after it
    as spaces, so that every other offset stays; and (cut start, word end) of each."""
    cuts = cut_words(text)
    if not cuts:
        return text, []
    pieces, position = [], 0
    for hyphen, rest_start, rest_end in cuts:
        pieces += [text[position:hyphen], text[rest_start:rest_end], " " * (rest_start - hyphen)]
        position = rest_end
    pieces.append(text[position:])
    return "".join(pieces), [(hyphen, rest_end) for hyphen, _, rest_end in cuts]


def _over_cut_words(mention: EpciMention, cuts: list[tuple[int, int]]) -> EpciMention:
    """A mention ending inside a rejoined word ends where the word ends in the text as written."""
    for cut_start, word_end in cuts:
        if cut_start < mention.end < word_end:
            return replace(mention, end=word_end)
    return mention
