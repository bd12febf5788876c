"""Which territory each EPCI mention belongs to, whatever the layout.

A mention named as someone's office ("président de X"), or said not to be a member ("A,
partenaire de la filière, qui ne fait pas partie du territoire"), is never a member; but an EPCI
whose president is enumerated among a contract's parties after its signature ("la signature du
contrat entre l'État, …, A, président de la CC X, …") is a party, read as in rule 7. Otherwise, in order,
the first rule that answers decides (its reason is not a column: the EPCI row keeps
the rule that found the mention):
1. the layout names it: the value of a "Territory : A, B et C" line, or the one EPCI of a legal
   form a text names no territory for designates as labelled by that form alone ("la communauté
   de communes d'être labellisée Territoire d'industrie", legal_form_territories), office or not;
1b. the territory goes by the EPCI's name, everyday name or acronym ("Pays Ajaccien" for the
   "Communauté d'Agglomération du Pays Ajaccien" the text names, "TCO", "Cap Nord" when the
   text writes "… Pays Nord Martinique (Cap Nord)"), or by the start of its name ("Gap Tallard"
   for the "communauté d'agglomération Gap Tallard Durance"); a territory found only as the
   article's topic lists that EPCI only when a mention of it is listed as a member or stands,
   not as an office or employer, in a sentence about the programme ("cheffe de projet
   Territoires d'industrie – X" alone is no tie);
2. the territory is named after the EPCI: the territory's mention starts with the EPCI's
   ("Mayenne Communauté", "Orléans Métropole – Beauce Loirétaine", "l'Agglomération d'Agen");
3. the list item that holds the EPCI names a territory before it ("• Figeac (46), regroupant …");
3b. a bracket of members belongs to the name right before it ("les territoires A (CA X, CC Y) et
   B (CC Z)"): to that territory, or to none when that name is not a territory found;
4. its sentence, or the sentence opening its list ("Territoire X représenté par :" then
   the lines of members), names a territory before it ("Le territoire X regroupe …", "… Monts et
   Vallées de l'Ouest qui comprend les communautés de communes …"; an EPCI the territory goes
   by names it too: "le Territoire qui concerne Le Grésivaudan regroupe A et B"), unless the
   EPCI, not listed, is the subject of its own label, or named after one in that sentence ("A
   et B sont reconduits, et Bordeaux Métropole entre dans le programme avec la COBAN": they
   belong to none), or, not listed, is an item of the enumeration of territories it follows
   ("…, Grand Angoulême, Limoges Métropole – ELAN, …": a territory the territory rules missed,
   not a member), or listed as the member of a territory named as the list's subject but not
   kept ("Le territoire Collines de Normandie regroupe A et B", "celui de X, qui rassemble A et
   B", "…, Caen Industrie est porté par A", "enfin le Saint-Quentinois, dans l'Aisne, réunit A
   et B": not another territory's); a
   territory named before a line that ends with a full stop is not in the sentence of an EPCI
   not listed, whatever the parser's sentences ("… Ouest Saône et Loire ».⏎
   Le 2 novembre, Dijon métropole annonçait avoir rejoint …"); else after it when the EPCI is listed as a member ("regroupant A et B, le
   territoire X …", "A et B s'étaient rassemblées pour donner naissance au Territoire X") or
   said to be one ("A, qui est membre du Territoire d'industrie X", "fait partie du", "appartient au",
   "A s'est associée à 3 autres intercommunalités du X",
   "A et B ont porté la candidature du territoire X", "A et B ont signé … la feuille de route du
   territoire X", "A et B forment quant à elles le territoire X",
   "A et B, les deux intercommunalités du territoire d'industrie X"), or the subject acting on the
   programme of the one territory named after it as a territory ("A, associée à B, a dressé le
   bilan du dispositif sur le territoire du X");
5. it is listed as a member in the paragraph or item a territory's mention opens (sentences
   cut early), unless the list's subject is a territory left unnamed ("Le territoire regroupant
   A et B vient d'être labellisé");
6. its sentence starts by pointing back ("Il rassemble …", "Ce territoire comprend …") and one
   of the two sentences before names a territory: the last one named;
7. the document names a single territory, and the EPCI is listed as a member, named in a
   sentence about the label ("La CA X et la CC Y ont décroché conjointement un label") or about
   its extension ("faire tomber la frontière entre la CAB et la CC X pour étendre le dispositif",
   "A vient s'ajouter à B, à C") or the perimeter the programme was set up on ("le programme a été
   installé sur le périmètre de la seule agglomération X"), the subject of "a rejoint le dispositif" ("complète le
   dispositif") or of "en sont les membres", "en font partie", "y sont associées" ("en" and "y" can stand only for that territory), a party
   of an agreement ("ENTRE … La Communauté d'Agglomération X représentée par …") or an item of a
   list whose every item opens with an EPCI ("Pour la Drôme : • A • B"), in a sentence that
   speaks of no other territories; a town's own EPCI ("Rattachée à la communauté de communes
   X, la commune …") is none of these. In a text about several territories, a paragraph that
   names only one of them is read the same way for that one ("Le territoire d'industrie X mise
   sur … . La CC A et B Agglomération ont porté sa candidature."), and so is, for the one
   territory the text's first line names, a paragraph that names none (an article about one
   territory naming others in passing: "Il sera co-piloté par la CC X et Y"). Bodies the next
   sentence takes up as an agreement's signatories ("Étaient réunis A, la CC X et B. Le
   protocole signé par ces acteurs …") are parties of it;
8. EPCIs coordinated in one run ("A, B, C et de la communauté d'agglomération X") share a
   territory: with the territory of the run's attached ones when they have one and the sentence
   speaks of an agreement or the label ("signer cette convention avec les présidents des
   communautés de communes A, B et de la CA X", the territory named after X); with the territory
   named after a run said to compose it ("A, B, le C – qui composent le Territoire d'industrie Y").
9. EPCIs listed together (one member list, or one run) that no rule above attached belong to the
   territory whose name they make up between them ("Rumilly-Usses et Rhône" for the CC Rumilly
   Terre de Savoie and the CC Usses et Rhône), each by a name, an everyday form or its start; so
   do EPCIs named apart, each in its own sentence, that make up the whole name of one territory
   between them ("la CA Tarbes-Lourdes-Pyrénées" … "la CC de Lacq-Orthez" … "l'agglomération Pau
   Béarn Pyrénées" about "Lacq-Pau-Tarbes"), none of them an office, a venue or said to stay out.
A territory given a new name ("avec un nouveau nom, X", "baptisé « X »") continues the last other
territory named before its sentence: the EPCIs said to join ("rejoint", "l'entrée de",
"élargissement"; not an office: "… élargi … : A, président de la CC X") are its members; when no
member of its own is named, it keeps that one's members too, unless some joined it and none is said
to join those members ("A a rejoint ces quatre intercommunalités", "… le quatuor"): "l'élargissement
avec l'entrée de A … avec un nouveau nom, Y" names A alone for Y.
A mention no rule attaches is kept (territory_id null) only when the document names no
territory (its territory went unnamed or unseen) and the mention is listed as a member or named
in a sentence about the programme, not as someone's office: "président de GrandSoissons
Agglomération" names an EPCI, not a member, "entre l'agglomération de Laval et la métropole du
Mans" names places, a legal form is not enough ("La région, l'association Intercommunalités de
France et la communauté d'agglomération X ont signé un accord" names a party to another
agreement), and the members of a territory
the text leaves unnamed beside named ones ("Le territoire regroupant A et B …") belong to none
of those.

A territory no territory rule finds may be named by its members' layout: a "Name
(départements) : A, B et C" line whose label is a proper name and whose value coordinates linked
EPCIs (rule territory.member_line); the subject of a member list ("Le territoire de X, regroupant
A et B", "les élus du territoire hôte, X, qui réunit A et B") or the sentence before a list that
points back to it ("Le territoire X a été labellisé. Il associe A et B.", "…, Caen Industrie est
porté par A"), or the territory quoted right after
"A forme à elle seule le territoire « X »" (rule territory.member_subject), or, in a text naming
no territory, a run of linked EPCIs holding the label together ("A et B poursuivent leur démarche
Territoires d'industrie") or gathered by the programme ("le programme … réunit la CU A et la CC B";
rule territory.designated_by_members, run_territories), or a section's heading
"X : subject" that the sentence opening the section names again before its list ("En X, où la
démarche est conduite par A et B"; rule territory.member_heading). Rule 7 gives no EPCI of a
section headed by another name to the one territory an earlier section names."""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cached_property, lru_cache
from itertools import takewhile

from pipeline import referential
from pipeline.extract.document_info import is_field_label
from pipeline.extract.first_letters import with_first_letters
from pipeline.extract.places import places_starting_in
from pipeline.extract.structure import count_value, COUNT_WORDS, SpanHolders, SpanReach, SpansInside, runs_joined_by
from pipeline.extract.members import (ANAPHOR_TYPES, HEAD, JOINT, MASTHEAD, MEMBERS_VERB, OWN_ANAPHOR, SAID_OUTSIDE_RULE, TYPE_WORD,
                                      WORDS, EpciMention, head_type, dash_fields, spells_out)
from pipeline.extract.territories import TerritoryMention
from pipeline.extract.territories.records import RULE as RECORD_RULE
from pipeline.extract.territories.common import (SINGULAR_PREFIX, CODES_ONLY, CONNECTORS, MAX_NAME_WORDS, PART_LABEL, SENTENCE_STARTS,
                                                 WORDS as TERRITORY_WORDS, bare_count_of_territories, capitalised_run,
                                                 departements_after_dash,
                                                 is_place_name, legal_form_end,
                                                 looks_like_name, make_mention, opens_with_an_institution, PREFIX,
                                                 sentence_bounds,
                                                 titled_by_the_programme)
from pipeline.extract.territories.phrases import GEOGRAPHIC_HEADS, is_epci_name
from pipeline.linking import core_name as _core_of_name, _forms_of as _forms_of_siren, _official_cores as _official_cores_of, \
    link_epci, named_after, is_official_name, named_by_its_start
from pipeline.normalize import collapse_spaces, fold, name_key

ANAPHORA = re.compile(WORDS["anaphora"], re.IGNORECASE)
ANAPHORA_READ = 200  # characters that hold two fronted complements and the pronoun (not a whole sentence per member)
JOINS_THE_PERIMETER = re.compile(WORDS["joins_the_perimeter"], re.IGNORECASE)
LABELLING = with_first_letters(re.compile(WORDS["labelling"], re.IGNORECASE))
LABEL_PREDICATE = re.compile(WORDS["label_predicate"], re.IGNORECASE)
PROGRAMME = with_first_letters(re.compile(WORDS["programme"], re.IGNORECASE))
# A text that never names the programme ("Vierzon retenue pour une Fabrique prospective") keeps
# no EPCI without a territory: its words of selection are another call's (folded text).
NAMES_THE_PROGRAMME = re.compile(PREFIX + r"|(?<![\w'])ti(?![\w'])")
OTHER_CALLS = re.compile(WORDS["other_calls"])  # another call's words of selection (folded text)
COMPARED_BEFORE = re.compile(WORDS["compared_before"])  # "au même titre que le TCO", "à l'image de" (folded text)
LABELLED_TOO = re.compile(WORDS["labelled_too"])  # "…, retenue elle aussi dans le dispositif" (folded text)
NAMED_IN_PASSING = re.compile(WORDS["named_in_passing"])  # "X, voisin du Pays de Morlaix, réunit" (folded text)
NAMED_IN_PASSING_WINDOW = 40  # characters before a name where the apposition's words may stand
COMPARED_WINDOW = 60  # characters before a run where the words of a comparison may stand
ACTING_TOGETHER = re.compile(WORDS["acting_together"])  # "… avaient déposé un dossier commun" (folded text)
SENTENCES_BACK = 2
# A sentence about several territories ("rejoint les deux territoires de X : A et B, ce dernier
# rassemblant …") may be about others than the one the document names.
# The subject of a member list is a territory without a name: "Le territoire regroupant A et B
# vient d'être labellisé", "un territoire qui réunit A et B"; "Le territoire regroupe A et B"
# speaks of the one named before.
UNNAMED_TERRITORY = re.compile(r"\b(?:le|un|ce|du|au)\s+(?:nouveau\s+)?territoire\s+(?:qui\s+\w+|\w+ant)\b")
# "les territoires de la Communauté urbaine de X, de la CC Y …" and "leurs territoires" are the
# EPCIs' areas; "la cohésion des territoires" is a ministry's or an agency's name, "la Banque des
# territoires" a bank's; "parmi les 124 territoires du programme" counts the programme's
OTHER_TERRITORIES = re.compile(r"(?<!coh[ée]sion\sdes\s)(?<![Bb]anque\sdes\s)(?<!leurs\s)(?<!\d\s)\bterritoires\b(?!\s+d['’]\s*[Ii]ndustrie|\s+(?:de\s+la|du|des|de\s+l['’])\s*"
                               r"(?:[Cc]ommunaut|[Mm][ée]tropole|[Aa]gglom|C[CAU]\b))|\bce\s+dernier\b")
# "l'un des dix territoires normands", "parmi les territoires retenus": the programme's territories
# counted, the one the text is about among them, no others named (blanked for OTHER_TERRITORIES)
ONE_OF_THE_TERRITORIES = re.compile(r"\b(?:l['’]\s*une?\s+des|une?\s+des|parmi\s+les)\s+(?:[\w-]+\s+){0,2}?"
                                    r"territoires\b(?!\s+(?:de|du|des|d['’])\s)", re.IGNORECASE)
# a line ending with a full stop ends a sentence the parser may have run on ("… Ouest Saône et
# Loire ».\nLe 2 novembre, Dijon métropole …")
LINE_END_STOP = re.compile(r"(?:[.!?]\s*[»”\"]?|[»”\"]\s*\.)[ \t]*\n")
BLANK_LINE = re.compile(r"\n[ \t]*\n")
ARTICLE = re.compile(r"(?:(?:la|le|les)\s+|l['’]\s*)?", re.IGNORECASE)  # not "La" of "Laval"
# "X, qui est membre du Territoire d'industrie Y", "X fait partie du territoire Y" (folded text)
# "X, au même titre que quatorze autres communautés de communes de l'Aveyron, du Lot et du Cantal,
# figure dans …": a comparison between the EPCI and its verb of membership (folded text)
ALIKE = r"(?:\s*,\s*(?:au\s+meme\s+titre\s+que|tout\s+comme|comme|a\s+l'instar\s+d)[^.;:()]{0,120}?(?=,))?"
MEMBER_OF = re.compile(ALIKE + r"(?:\s*+(?:\([^)]{0,60}\)\s*+)?(?:,\s*+)?(?:qui\s+)?(?:est|etait|sont|etaient)\s+membres?\s+(?:du|de|des)\b"
                       # "X figure dans le périmètre du Territoire d'industrie Y"
                       r"|\s*+(?:,\s*+)?(?:qui\s+)?(?:figure|figurent|figurait|figuraient|est|sont|etait|etaient|entre|entrent)"
                       r"\s+dans\s+le\s+perimetre\s+(?:du|de\s+la|de\s+l'|des)\b"
                       # "situé sur la CC X, membre du Territoire d'industrie Y": an apposition
                       r"|\s*+(?:\([^)]{0,60}\)\s*+)?,\s*+(?:elle-meme\s+|lui-meme\s+)?membres?\s+(?:du|de|des)\b"
                       r"|\s*+(?:,\s*+)?(?:qui\s+)?(?:fait|font|faisait|faisaient)\s+partie\s+(?:du|de|des)\b"
                       r"|\s*+(?:,\s*+)?(?:qui\s+)?(?:appartient|appartiennent|appartenait)\s+au\b"
                       # "A et B participent au Territoire d'industrie Y", "A est engagée dans le territoire
                       # Y", "A a rejoint le Territoire d'industrie Y" (the territory named next)
                       # "L'EPCI X porte le territoire d'industrie Y avec la CC Z"
                       r"|\s*+(?:,\s*+)?(?:qui\s+)?(?:porte|portent|portait|portaient|pilote|pilotent|pilotait|pilotaient)"
                       r"\s+(?:(?:aussi|egalement|ensemble|conjointement)\s+)?(?=le\s+territoire\b)"
                       r"|\s*+(?:,\s*+)?(?:qui\s+)?(?:participe|participent|participait|participaient|adhere|adherent)"
                       r"\s+(?:(?:desormais|aussi|egalement|activement)\s+)?au\b"
                       r"|\s*+(?:,\s*+)?(?:qui\s+)?(?:est|sont|etait|etaient)\s+(?:(?:desormais|aussi|egalement)\s+)?"
                       r"(?:engagee?s?|impliquee?s?|integree?s?|inscrite?s?)\s+(?:dans|au)\b"
                       r"|\s*+(?:,\s*+)?(?:qui\s+)?(?:(?:a|ont|avait|avaient)\s+(?:(?:desormais|aussi|egalement|officiellement)\s+)?"
                       r"(?:rejoint|integre)|rejoint|rejoignent)\s+(?=le\b|l')"
                       # "A, B, C – qui composent le Territoire d'industrie Y": after a run of names
                       r"|\s*+(?:[,–—-]\s*+)?qui\s+(?:composent|composaient|forment|formaient|constituent|constituaient)\b"
                       # "(Avec la CC X,) LBN Communauté forme le Territoire d'industrie Y"
                       # ("A et B forment quant à elles le territoire d'industrie Y")
                       r"|\s*+(?:,\s*+)?(?:qui\s+)?(?:forme|formait|formera|constitue|constituait|constituera|compose|composait"
                       r"|forment|formaient|formeront|constituent|constituaient|composent|composaient)"
                       r"\s+(?:desormais\s+|aujourd'hui\s+|ainsi\s+|ensemble\s+|quant\s+a\s+(?:elles|eux)\s+"
                       r"|a\s+(?:elle|lui)\s+seule?\s+)?(?:le|un|ce|l')\s*(?:nouveau\s+)?territoire\b"
                       # "A et B ont porté la candidature du territoire d'industrie Y"
                       r"|\s*+(?:,\s*+)?(?:qui\s+)?(?:a|ont|avait|avaient)\s+(?:porte|presente|depose)e?s?\s+"
                       r"(?:ensemble\s+|conjointement\s+)?(?:la|leur|sa|une)\s+candidature\s+(?:commune\s+|conjointe\s+)?"
                       r"(?:du|de|au|sous\s+le\s+nom(?:\s+de)?)\b"
                       # "A, qui porte avec ses voisines le Territoire d'industrie Y", "A et B pilotent le territoire Y"
                       r"|\s*+(?:,\s*+)?(?:qui\s+)?(?:porte|portent|portait|portaient|pilote|pilotent|pilotait|pilotaient)"
                       r"(?:\s+(?:avec|aux\s+cotes\s+d)[^.;:,()]{0,60}?)?(?=\s+(?:le|ce)\s+territoire\b)"
                       # "A et B ont signé mardi, à l'hôtel de ville, la feuille de route du territoire Y"
                       r"|\s*+(?:,\s*+)?(?:qui\s+)?(?:a|ont|avait|avaient)\s+(?:signe|conclu)e?s?\s+[^.;:]{0,60}?"
                       r"(?:le|la|leur|son|sa)\s+(?:protocole(?:\s+d'(?:accord|engagement))?|contrat|feuille\s+de\s+route"
                       r"|convention|pacte)\s+(?:du|de)\b"
                       # "• A et B – TI Y": the members, then their territory after a dash
                       r"|\s*+[–—-]\s*+(?:ti|" + SINGULAR_PREFIX + r")\s"
                       # "la CC A s'est associée à 3 autres intercommunalités du Y : …": one of Y's members
                       r"|\s*+(?:,\s*+)?(?:qui\s+)?(?:s'(?:est|etait)\s+associee?|se\s+sont\s+associee?s|s'associe(?:nt)?)"
                       r"\s+a\s+(?:\w+\s+)?autres\s+(?:intercommunalites|communautes(?:\s+de\s+communes|\s+d'agglomeration)?|epci)"
                       r"\s+(?:du|de\s+la|de\s+l'|des|de|d')"
                       # "A et B, les deux intercommunalités du territoire d'industrie Y, …"
                       r"|\s*+,\s*+(?:les|ses)\s+(?:\w+\s+)?(?:intercommunalites|communautes|epci|membres)"
                       r"(?:\s+membres)?\s+(?:du|de\s+la|de\s+l'|des)\b)")
# what may stand between "X forme le territoire", "X est membre du" and the territory's name
# (folded text): "« CACEM »", "territoire d'industrie", "TI"
TERRITORY_NAMED_NEXT = re.compile(r"[\s«\"“(]*(?:(?:le|la|du|au)(?![\w-])\s*|l')?(?:nouveau\s+)?(?:territoires?\s*|ti\s+)?"
                                  r"(?:d'\s*industrie\s*)?[\s«»\"“”:]*"
                                  # "… le territoire du Pays de X", "… dans celui de la Vallée de X" (the
                                  # pronoun for the territory): the preposition before its name
                                  r"(?:(?:celui|celle)\s+)?(?:(?:de\s+la|de\s+l'|du|des|de|d')\s*)?")


# after a run of EPCIs and its verb, the purpose of their grouping, the territory named next (folded
# text): "A et B se sont associées pour former le territoire X", "A a rejoint B et C pour constituer,
# ensemble, le territoire d'industrie X", "… se sont rapprochées pour donner naissance au territoire X"
FORMED_NEXT = re.compile(r"[^.;:,()!?]{0,80}?\bpour\s+(?:former|constituer|composer|donner\s+naissance)"
                         r"(?:\s*,\s*(?:ensemble|conjointement)\s*,|\s+(?:ensemble|conjointement))?")


def _names_next(folded: str, position: int, territory_start: int) -> bool:
    """Whether the territory named at `territory_start` is the one a "… forme le territoire",
    "… est membre du" ending at `position` speaks of, not another named later in the sentence
    ("la CACEM forme à elle seule le territoire « CACEM », tandis que Cap Nord …")."""
    return TERRITORY_NAMED_NEXT.fullmatch(folded, position, territory_start) is not None


# "La CA X, voisine, n'est pas membre du territoire : elle appartient au territoire d'industrie Y.":
# a pronoun opening a clause, standing for the one EPCI its sentence or the one before opens with
MEMBER_PRONOUN = re.compile(r"\s*(?:" + WORDS["member_pronoun"] + ")")
CLAUSE_MARK = re.compile(r"[:;]")
BLANKS = re.compile(r"\s*")
OPENING_STOP = re.compile(r"(?<!\bm)[.!?](?:\s|$)|\n[ \t]*\n")  # a sentence's end, or a blank line
OPENING_WINDOW = 100  # characters before an EPCI where the end of the sentence before must stand
# what may stand before the EPCI that opens its sentence (folded text): a short fronted phrase, an article
OPENS_ITS_SENTENCE = re.compile(r"[\s•*–-]*(?:[^,.;:\n]{0,60},\s*)?(?:(?:la|le)\s+|l'\s*)?")


def _member_by_pronoun(mention: EpciMention, text: str, folded: str, sentences: list[tuple[int, int]],
                       territories: list[TerritoryMention], epci_spans: list[tuple[int, int]]) -> str | None:
    """The territory a pronoun standing for the EPCI says it belongs to, in the clause after the
    first colon or semicolon of its sentence or at the start of the next one ("… : elle appartient
    au territoire d'industrie Y", "Celle-ci fait partie du Territoire d'industrie Y"): the EPCI
    opens its sentence, and no other EPCI, no territory, no blank line stands between them."""
    index = _sentence_index(sentences, mention.start)
    if index is None:
        return None
    window = max(sentences[index][0], mention.start - OPENING_WINDOW)
    opening = max((stop.end() for stop in OPENING_STOP.finditer(folded, window, mention.start)),
                  default=sentences[index][0])
    if opening < window or not OPENS_ITS_SENTENCE.fullmatch(folded, opening, mention.start):
        return None
    limit = sentences[index + 1][1] if index + 1 < len(sentences) else sentences[index][1]
    stop = OPENING_STOP.search(folded, mention.end, limit)
    if stop is None:
        return None
    mark = CLAUSE_MARK.search(folded, mention.end, stop.start())
    next_stop = OPENING_STOP.search(folded, stop.end(), limit)
    clauses = ([(mark.end(), stop.start())] if mark else []) \
        + ([(stop.end(), next_stop.start() if next_stop else limit)] if "\n\n" not in stop.group(0) else [])
    reach = epci_spans.reach if isinstance(epci_spans, _Spans) else SpanReach(epci_spans)
    for clause_start, clause_end in clauses:
        pronoun = MEMBER_PRONOUN.match(folded, clause_start)
        lead = BLANKS.match(folded, clause_start).end()  # (not a slice of the clause: it may run to the text's end)
        if reach.overlaps(opening, mention.start) or reach.overlaps(mention.end, lead) \
                or BLANK_LINE.search(folded, mention.end, lead) or _named_in(folded, opening, lead, territories, epci_spans):
            return None
        noun = OWN_ANAPHOR.match(text, lead)
        form = next((group for group, value in noun.groupdict().items() if value), None) if noun else None
        if noun and (form not in ANAPHOR_TYPES or mention.link.epci_type in ANAPHOR_TYPES[form]):
            pronoun_end = noun.end()
        elif pronoun:
            pronoun_end = pronoun.end()
        else:
            continue
        member_of = MEMBER_OF.match(folded, pronoun_end)
        after = _named_in(folded, member_of.end(), clause_end, territories, epci_spans) if member_of else []
        if after and _names_next(folded, member_of.end(), after[0][0]):
            return after[0][1].territory_id
    return None


# EPCIs said not to be members, after their name or run (folded text): "A et B, partenaires de
# la filière, qui ne font pas partie du territoire", "A, qui n'en est pas membre", or not yet
# ("A réfléchit à sa propre candidature")
# A blank line ends the clause: a table's last row is not the subject of the paragraph under it
# ("… Falaises du Talou   Envermeu" then "La CA X, voisine, ne fait pas partie du territoire").
CLAUSE_CHAR = r"(?:[^.;:!?\n]|\n(?![ \t]*\n))"
NOT_A_MEMBER = re.compile(CLAUSE_CHAR + r"{0,80}?(?<![\w'])(?:qui\s+)?(?:ne|n')\s*(?:en\s+)?(?:font|fait|sont|est|faisaient|faisait"
                          r"|feront|fera|seront|sera)\s+pas\s+(?:partie|membres?)\b"
                          # "A n'entre pas dans le périmètre", "A et B pourront rejoindre la démarche"
                          r"|(?:(?!\bautres?\b)" + CLAUSE_CHAR + r"){0,80}?(?<![\w'])(?:qui\s+)?(?:"
                          + "|".join(WORDS["not_yet_member"]) + ")"
                          # "La CC X, voisine, sera invitée aux comités": a neighbour, said so right after;
                          # not "la CC X, voisine de Gaillon, SNA …": a town without article places it
                          r"|\s*,\s*(?:(?:sa|son|leur|notre)\s+)?voisine?s?\b(?!\s+(?:de\s+|d')(?!(?:la|le|les|l')\b)[a-z])")


# "l'ancienne CC X", "de l'ancienne communauté de communes X": an intercommunality dissolved
# since, whose communes belong to another now; no member of a territory (folded text)
FORMER_BODY = re.compile(r"(?<![\w-])anciennes?\s*$")
FORMER_WINDOW = len("anciennes ")


# "La Communauté d'Agglomération X représentée par M. Y": a party of an agreement (folded text)
PARTY = re.compile(r"\s*,?\s*represente(?:e|s|es)?\s+par\b")
# a territory given a new name, and an EPCI joining it (folded text)
# ("renommée" is also fame: "une entreprise de renommée mondiale")
NEW_NAME = re.compile(r"\bnouveau\s+(?:nom|patronyme)\b|\b(?:re)?baptise|\bs'appell?e(?:ra)?\s+desormais\b")
# "Ce nouveau territoire prend la suite du Haut-Doubs Horloger": the territory it continues, named
# right after (folded text)
TAKES_OVER_FROM = re.compile(r"\b(?:prend|prendra|a\s+pris)\s+la\s+suite\s+(?:du|de\s+la|de\s+l'|des)\s*"
                             r"(?:(?:territoire|ti)\s+(?:d'\s*industrie\s+)?)?[«\"“]?\s*$"
                             r"|\b(?:succede|succedera|a\s+succede)\s+(?:au|a\s+la|a\s+l'|aux)\s*"
                             r"(?:(?:territoire|ti)\s+(?:d'\s*industrie\s+)?)?[«\"“]?\s*$")
# the quoted name right after "devient" ("il intègre la CA X et devient « Territoire d'industrie Y »")
BECOMES_QUOTED = re.compile(r"\bdevien(?:t|nent|dra)\s+[«\"“]\s*(?:" + PREFIX + r"\s+)?$")
# what NEW_NAME or BECOMES_QUOTED needs (none overlaps another): a sentence's words before a
# territory without one are not searched (2,000 items of one sentence were, from its start)
RENAMED_CLUE = re.compile(r"(?=nouveau|baptise|devien|s'appel)")  # (a look-ahead: overlapping ones too)
# a sentence about the territory before its renewal: "La précédente labellisation 2019-2023
# couvrait 5 communautés de communes (A, B, …)" (folded text)
FORMER_PHASE = re.compile(r"\b(?:precedente?|ancienne?|premiere?)\s+(?:labellisation|phase|generation|periode|vague"
                          r"|perimetre|contrat)\b")
# ... unless the words before the member turn to the new phase or to who joins: "contrairement à
# la première phase, le territoire accueille désormais la CC X" (folded text)
NEW_PHASE_AFTER = re.compile(r"\b(?:nouvelle|deuxieme|seconde?)\s+(?:phase|generation|periode|labellisation)\b"
                             r"|\b2023\s*[-–/]\s*202[6-8]\b|\b(?:en|depuis|des)\s+2023\b|\bdesormais\b|\baujourd'hui\b"
                             r"|\brejoin\w*|\bintegr\w*|\baccueill?\w*|\belargi\w*")
# a sentence about the territory's extension to an EPCI: "faire tomber la frontière entre la CAB
# et la CC X pour étendre le dispositif", "Dijon métropole vient s'ajouter à la CU …, au …"
# (folded text); who "rejoint" something is a member only when that is the programme: "la CC X
# a rejoint le dispositif", not "Dijon Métropole annonçait avoir rejoint le quatuor" (another
# territory) nor "Rattachée à la CC X, …, la commune de Y rejoint le dispositif" (a town); "A a
# rejoint B dans le dispositif" ("dans la démarche"): A joins the programme beside B, both members;
# "les cinq communautés de communes … sont rejointes par A": A joins them
EXTENSION = re.compile(r"\b(?:etend(?:re|u|ue|us|ues|ent|ant)?|extension|elargi\w*|s'(?:y\s+)?ajout\w*"
                       r"|se\s+join\w*|rejoin\w*\s[^.;:!?]{0,120}?\b(?:dans|au\s+sein\s+(?:du|de\s+la))\s+(?:le\s+|la\s+)?"
                       r"(?:dispositif|programme|demarche)|(?:sont|est|seront|sera|ont\s+ete|a\s+ete)\s+rejointe?s?\s+par)\b")
# "le programme a été installé localement en 2020 sur le périmètre de la seule agglomération X":
# the programme set up on an EPCI's perimeter, in its sentence (folded text, up to the EPCI)
INSTALLED_ON_ITS_PERIMETER = re.compile(
    r"\b(?:programme|dispositif|demarche|label|" + SINGULAR_PREFIX + r")\b[^.;:!?\n]{0,120}?"
    r"\bsur\s+le\s+perimetre\s+(?:de\s+(?:la\s+seule\s+|l'unique\s+|la\s+|l'\s*)?|du\s+|des\s+|d'\s*)$")
# "A et B en sont les deux membres", "… en sont les signataires", "… en font partie", "A et B y sont
# associées": "en" and "y" stand for the one territory of a document about one; "A et B restent
# les piliers du dispositif", "A reste membre du territoire": a renewed territory's members, the
# programme named by its noun alone (folded text, after the EPCI or its run)
MEMBERS_OF_IT = re.compile(r"\s*(?:[,)]\s*)?(?:en\s+(?:sont|etaient|seront|est|font|faisaient|fait)\s+"
                           r"(?:partie|(?:les\s+|l'un\s+des\s+)?(?:\w+\s+)?(?:membres?|signataires?))"
                           r"|y\s+(?:(?:sont|etaient|seront|est|etait|sera)\s+(?:(?:aussi|egalement)\s+)?associe\w*"
                           r"|participent|participe|adherent|adhere)"
                           # "… participent à ce territoire", "… font partie de ce territoire"
                           r"|(?:participent|participe|adherent|adhere)\s+a\s+ce\s+(?:territoire|programme|dispositif)"
                           r"|(?:font|fait|sont|est)\s+(?:partie|membres?)\s+de\s+ce\s+territoire"
                           # "A, B et C forment le cœur industriel du territoire ; D et E y apportent le bois"
                           r"|(?:forment|forme|constituent|constitue|composent|compose)\s+(?:(?!territoire\b)[\w'-]+\s+){1,5}?"
                           r"(?:du|de\s+ce)\s+territoire"
                           r"|y\s+(?:apportent|apporte|contribuent|contribue)"
                           r"|(?:reste|restent|demeure|demeurent)\s+(?:(?:les|l'un\s+des)\s+)?(?:membres?|piliers?)"
                           r"\s+(?:du|de\s+ce)\s+(?:territoire|programme|dispositif))\b")
# "Dans la nouvelle génération, il intègre la CA X et devient « Territoire d'industrie Y »": the
# territory takes in an EPCI and is renamed; the EPCI is a member of the new name (folded text)
TAKES_IN_BEFORE = re.compile(r"\b(?:integre|integrent|accueille|accueillent|englobe|englobent)\s+"
                             r"(?:(?:desormais|aussi|egalement)\s+)?(?:la\s+|le\s+|l'\s*|les\s+)?$")
RENAMED_AFTER = re.compile(r"\s+et\s+(?:devient|deviennent|deviendra|prend\s+le\s+nom\s+(?:de|du|d'))\b")
# "l'extension du dispositif à la ", "l'ouverture du programme aux " right before an EPCI (folded text)
PROGRAMME_EXTENDED_TO = re.compile(r"\b(?:extension|elargissement|ouverture)\s+(?:du|de\s+la|de\s+son|de\s+sa|de\s+leur|de\s+l')\s*"
                                   r"(?:dispositif|programme|demarche|perimetre|territoire|label)\b[^.;:!?]{0,40}?"
                                   r"\b(?:a|aux)\s+(?:la\s+|le\s+|les\s+|l'\s*)?$")
EXTENDED_TO_WINDOW = 120
# what follows an EPCI said to be associated with the territory's approach: "… a donc été associée
# dès le départ", "… soit pleinement associée" (folded text)
SAID_ASSOCIATED = re.compile(r"[^.;:!?]{0,30}?\b(?:a|ont|est|sont|soit|soient|sera|seront)\s+"
                             r"(?:(?:donc|ainsi|aussi|alors|egalement|pleinement|desormais)\s+)*(?:ete\s+)?"
                             r"(?:(?:donc|ainsi|aussi|alors|egalement|pleinement|desormais)\s+)*associee?s?\b")
# "… rejoint le dispositif", "Côté Ain, A complète le dispositif" (folded text)
JOINS_THE_PROGRAMME = re.compile(r"[^.;:,]{0,40}?\b(?:rejoin\w*\s+(?:le|la|l')\s*(?:dispositif|programme|territoire|demarche|label)"
                                 r"|(?:complete|completent|completera|completeront|vien\w*\s+completer)\s+(?:le|la|l')\s*"
                                 r"(?:dispositif|territoire|perimetre|demarche))\b")
JOINING = re.compile(r"\brejoin\w*|\b(?:l'|son\s+|leur\s+)?(?:entree|arrivee|adhesion)\s+(?:de|du|des|d')|\belargi\w*"
                     r"|\bs'ouvr\w*\s+(?:desormais\s+|aussi\s+|egalement\s+)?a(?:ux?)?\s")  # "il s'ouvre désormais à la CU X"
# the joining word right before the EPCI that joins: "il s'ouvre désormais à X", "l'entrée de X"
JOINED_RIGHT_BEFORE = re.compile(r"(?:" + JOINING.pattern + r")\s*(?:(?:la|le|les)\s+|l'\s*)?$")
# who joins the former members themselves ("A a rejoint ces quatre intercommunalités", "… avoir
# rejoint le quatuor", "A vient s'ajouter à la CU X, …") makes one territory with them; who enters
# an enlarged territory ("l'élargissement avec l'entrée de A", "il intègre A et devient « Y »") is
# the one member the text names for the renamed territory (folded text)
JOINS_THE_MEMBERS = re.compile(r"\b(?:rejoin\w*|s'(?:y\s+)?ajout\w*\s+a(?:ux)?|s'associ\w*\s+a(?:ux)?)\s+"
                               r"(?:les|ces|leurs?|le|la|l')\s*(?:[\w-]+\s+)?(?:intercommunalites?|communautes?|epci"
                               r"|membres|collectivites|duo|trio|quatuor|quartet|quintette)\b"
                               # "Ces cinq intercommunalités poursuivent l'aventure, rejointes par X"
                               r"|\b(?:les|ces|leurs?)\s+(?:[\w-]+\s+)?(?:intercommunalites|communautes|epci|membres)\b"
                               r"[^.;:]{0,60}?\brejointe?s?\s+par\b")
# the sentence after a list of bodies takes them up as the signatories of an agreement ("Étaient
# réunis A, la CC X et B. Le protocole d'accord signé par ces acteurs formalise …", "Ces
# partenaires ont signé le contrat …"): the bodies named before are its parties (folded text)
SIGNED_BY_THESE = re.compile(
    r"\s*(?:(?:le|la|ce|cette|les|ces)\s+|l'\s*)?(?:protocole|contrat|convention|pacte)\b[^.;:!?]{0,60}?"
    r"\bsigne(?:e|s|es)?\s+(?:ce\s+\w+\s+)?par\s+(?:ces|tous\s+ces|l'ensemble\s+de\s+ces)\s+"
    r"(?:acteurs|partenaires|parties|signataires|structures|collectivites|participants|representants)\b"
    r"|\s*(?:ces|tous\s+ces)\s+(?:acteurs|partenaires|parties|participants|representants)\s+ont\s+"
    r"(?:signe|paraphe)\s+(?:le|la|ce|cette|l'|un|une)\s*(?:protocole|contrat|convention|pacte)\b")
# what joins coordinated EPCIs: "du Pays de Duras, du Pays de Lauzun … et de la communauté
# d'agglomération X" (folded text)
COORDINATION = re.compile(r"\s*(?:,\s*)?(?:et\s+)?(?:(?:de\s+la|de\s+l'|du|des|de|d'|la|le|les|l')\s*)?")
# an agreement or the label, its award included ("A et B ont été retenues ensemble")
AGREEMENT = re.compile(r"\bsign\w*|\bconvention\b|\bprotocole\b|\bcontrat\b|\bcandidature\b|\blabel\w*"
                       r"|\bretenu\w*|\blaureat\w*|\bselectionn\w*")
ITEM_LEAD = 4  # an article may open the item before the EPCI's name ("La Communauté …")
OFFICE = re.compile(r"(?:president|presidente|maire|directeur|directrice|elu|elue)\s+"
                    r"(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)?$"
                    # "vice-président en charge de l'économie de X": the remit, then the body
                    r"|\bpresidente?\s+(?:en\s+charge|charge|delegue)e?\s+(?:de|du|des|d')[^.;:!?(),/]{0,50}?"
                    r"\s(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)$"
                    # "président du PETR du X et du Y, de l'agglomération de Z": each body after
                    # the office's first, in a comma-led enumeration
                    r"|\b(?:president|presidente|maire)\s+(?:de|du|des|d')\b[^.;:!?()]{0,60}?"
                    r",\s*(?:et\s+)?(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)$"
                    # a staff member's title, then where they work: "Cheffe de projet Territoires
                    # d'industrie à la Communauté …", "directrice générale adjointe … à la …"
                    r"|\b(?:chef(?:fe)?\s+de\s+(?:projet|service|mission)|chargee?\s+de\s+mission"
                    r"|directeur|directrice)\b[^.;:!?(),/]{0,60}?(?:\s(?:a|au|chez)\s+(?:la\s+|l'\s*)?"
                    # "cheffe de projet Territoires d'industrie – X": the employer after a dash
                    r"|\s-\s*(?:la\s+|l'\s*)?)$"
                    # "Le chef de projet, installé à X", "… sera installé au sein de X": their post
                    r"|\b(?:chef(?:fe)?\s+de\s+(?:projet|service|mission)|chargee?\s+de\s+mission)\b[^.;:!?()/]{0,60}?"
                    r"\b(?:installee?|basee?|hebergee?|affectee?|en\s+poste)\s+(?:a|au|chez|au\s+sein\s+"
                    r"(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*))\s*(?:la\s+|l'\s*)?$")

OFFICE_WINDOW = 90  # characters before a mention where an office may stand
# "… Communauté intercommunale Réunion Est (" before an acronym: where its expansion starts
EXPANDED_BEFORE = re.compile(r"\b(?:communaute|agglomeration|metropole)\b[^()]{0,70}\($")
# "au titre des intercommunalités membres du territoire :" over items "le président de la CC X"
# (folded text): the part of a composition that lists the member EPCIs through their officials
MEMBERS_REPRESENTED = re.compile(WORDS["members_represented"])
MEMBERS_REPRESENTED_WINDOW = 600  # characters back from an EPCI where that part's heading may stand


def _office_before(folded: str, position: int) -> bool:
    """Whether the EPCI named at `position` is someone's office or employer ("président de X");
    an acronym in brackets is named where its expansion starts ("… à la Communauté
    intercommunale Réunion Est (CIREST)"). The president signing a contract for it is not
    (`_signatory`): the EPCI is then a party."""
    expanded = EXPANDED_BEFORE.search(folded, max(0, position - OFFICE_WINDOW), position)
    position = expanded.start() if expanded else position
    return bool(OFFICE.search(folded, max(0, position - OFFICE_WINDOW), position)) \
        and not _signatory(folded, position) and not _members_represented(folded, position)


def _members_represented(folded: str, position: int) -> bool:
    """Whether the official's EPCI at `position` stands in the part of a composition that says its
    items are the member EPCIs ("au titre des intercommunalités membres du territoire : - le
    président de la CA X ; …"): a member, named through its official. The part ends at the next
    colon (the next part's: "b) au titre de la Région :", "; pour l'État, …" has none but names no
    EPCI) or a blank line."""
    start = max(0, position - MEMBERS_REPRESENTED_WINDOW)
    heading = None
    for heading in MEMBERS_REPRESENTED.finditer(folded, start, position):
        pass
    if heading is None:
        return False
    between = folded[heading.end():position]
    return ":" not in between and "\n\n" not in between


# the signature of an agreement, then its parties (folded text): "la signature du contrat
# « Territoires d'industrie » entre l'Etat, …", "Le protocole a été signé par …", "La signature
# officielle du contrat s'est déroulée … avec l'ensemble des partenaires : …"
SIGNING = re.compile(r"\bsign(?:ature|e|ee|es|ees|ent|ont|eront|ataires?)\b[^.;!?]{0,120}?"
                     r"\b(?:contrat|protocole|convention|pacte|accord)\b"
                     r"|\b(?:contrat|protocole|convention|pacte|accord)\b[^.;!?]{0,80}?\bsigne(?:e|s|es)?\s")
# the parties enumerated after it: "entre …", "avec l'ensemble des partenaires : …" (not "signé
# par A, président de X", the person who signed: "le président d'Alès agglomération a signé")
PARTIES = re.compile(r"\bentre\b|\b(?:partenaires|signataires|parties)\b|:")
# the president of a body, the one who signs for it (not a vice-president, a director …)
PRESIDENT_OF = re.compile(r"(?<![\w-])presidente?\s+(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)?$")
PRESENT_ONLY = re.compile(r"\s*(?:et\s+)?(?:en\s+presence|aux\s+cotes|autour)\s")
SIGNING_WINDOW = 600  # characters before the president where the signature may be named
# what ends a sentence before a president (folded text; not the "M." of a person's title)
SENTENCE_END = re.compile(r"(?<!\bm)[.!?](?:\s|$)")


# where an event took place, or who hosted it (folded text): "dans les locaux de l'agglomération
# X", "au siège de la CC X", "la CA X, qui accueillait l'événement"
VENUE_BEFORE = re.compile(WORDS["venue_before"])
VENUE_AFTER = re.compile(WORDS["venue_after"])
PLANNED_EXTENSION_BEFORE = re.compile(WORDS["planned_extension_before"])
PLANNED_EXTENSION_AFTER = re.compile(WORDS["planned_extension_after"])


def _venue(folded: str, mention: EpciMention) -> bool:
    """Whether an EPCI is named as the place or the host of an event: no member for that."""
    return bool(VENUE_BEFORE.search(folded, max(0, mention.start - OFFICE_WINDOW), mention.start)
                or VENUE_AFTER.match(folded, mention.end))


def _planned_extension(folded: str, run: list[EpciMention]) -> bool:
    """Whether a run of EPCIs is named as a planned extension of the territory ("Une extension du
    périmètre à la CC X est à l'étude", "Un élargissement aux CC A et B est envisagé"): no member
    yet, whatever the text's one territory."""
    return bool(PLANNED_EXTENSION_BEFORE.search(folded, max(0, run[0].start - OFFICE_WINDOW), run[0].start)
                and PLANNED_EXTENSION_AFTER.match(folded, run[-1].end))


def _signatory(folded: str, position: int) -> bool:
    """Whether the EPCI named at `position` is a party to an agreement through its president,
    one of the parties its sentence enumerates after the signature ("la signature du contrat
    « Territoires d'industrie » entre l'Etat, représenté par …, A, président de la CC X, B,
    président de la CA Y …"): not a vice-president nor staff, nor someone only present ("en
    présence de A, président de X")."""
    president = PRESIDENT_OF.search(folded, max(0, position - 40), position)
    if president is None:
        return False
    start = max(0, position - SIGNING_WINDOW)
    for end in SENTENCE_END.finditer(folded, start, president.start()):
        start = end.end()
    signing = None
    for signing in SIGNING.finditer(folded, start, president.start()):
        break
    if signing is None or not PARTIES.search(folded, signing.end(), president.start()):
        return False
    # the person's own item of the enumeration: "…, A, président de X" ("A" here)
    before = folded[start:president.start()].rstrip(" ,")
    item = before[max(before.rfind(","), before.rfind(":"), before.rfind(";")) + 1:]
    return not PRESENT_ONLY.match(item)


# between the signature and the EPCI: who signs ("par", "entre"), nothing that ends the clause
SIGNED_BY = re.compile(r"(?:\bpar|\bentre)\s[^:;()]{0,60}$")


def _party_to_the_signing(folded: str, sentence_start: int, position: int) -> bool:
    """Whether the EPCI named at `position` signs its territory's agreement, the signature
    opening its sentence ("Avec la signature de ce protocole par la Métropole X et la Région,
    Carros devient le territoire pilote"): a party, hence a member of the one territory the
    sentence names after it; not someone's office ("par A, président de X")."""
    signing = SIGNING.search(folded, sentence_start, position)
    return signing is not None and bool(SIGNED_BY.search(folded, signing.end(), position)) \
        and not _office_before(folded, position)


@lru_cache(maxsize=4096)
def _name_regex(name: str) -> re.Pattern:
    """A territory's name in folded text, dashes and spaces interchangeable."""
    pattern = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", fold(name)) if w)
    return re.compile(r"(?<!\w)" + pattern + r"(?!\w)")


@lru_cache(maxsize=4096)
def _longest_word(name: str) -> str:
    return max(re.split(r"[\s-]+", fold(name)), key=len)


def _sentence_index(sentences: list[tuple[int, int]], position: int) -> int | None:
    """The index of the sentence holding `position`. The sentences are the parser's, in text
    order and never overlapping: the last one starting at or before it is the only one that may
    (bisected: the members of a long text each asked for theirs through every sentence)."""
    index = bisect_right(sentences, (position, math.inf)) - 1
    return index if index >= 0 and position < sentences[index][1] else None


class _Spans(list):
    """The spans of a text's EPCI names (`attach`'s epci_spans), with what holds a stretch found
    by bisection: each territory named in a sentence was compared with every EPCI of the text."""

    @cached_property
    def reach(self) -> SpanReach:
        return SpanReach(self)

    @cached_property
    def ordered(self) -> list[tuple[int, int]]:
        return sorted(self)


class _Territories(list):
    """The territory mentions `attach` reads, with those starting in a stretch found by bisection
    and each name read once: each mention of a page saved on one line read every territory of it
    (1,500 of them: 2 s)."""

    @cached_property
    def _by_start(self) -> tuple[list[int], list[TerritoryMention]]:
        ordered = sorted(self, key=lambda t: t.start)  # stable: the list's order at one start
        return [t.start for t in ordered], ordered

    def starting_in(self, start: int, end: int) -> list[TerritoryMention]:
        """Those starting from `start` to `end`, by start then in the list's order."""
        starts, ordered = self._by_start
        return ordered[bisect_left(starts, start):bisect_right(starts, end)]

    @cached_property
    def _described(self) -> SpanHolders:
        return SpanHolders([(t.end, t.block_end) for t in self])

    def described_at(self, position: int) -> list[TerritoryMention]:
        """Those whose sentence or list item goes on past their name over `position`, in the list's order."""
        return [self[index] for index in self._described.holding(position, position + 1)]

    @cached_property
    def by_name(self) -> dict[str, list[tuple[int, TerritoryMention]]]:
        """name -> (index in the list, mention) of its mentions, names in the list's order."""
        named: dict[str, list[tuple[int, TerritoryMention]]] = {}
        for index, territory in enumerate(self):
            named.setdefault(territory.name, []).append((index, territory))
        return named


def _named_in(folded: str, start: int, end: int, territories: list[TerritoryMention],
              epci_spans: list[tuple[int, int]] = ()) -> list[tuple[int, TerritoryMention]]:
    """(position, territory) of the territories named in folded[start:end], in text order: their
    mentions there, else every repetition of their names; a name inside an EPCI's ("Troyes" in
    "CA de Troyes Champagne Métropole") or named in passing ("X, voisin du Pays de Morlaix,
    réunit …") does not count."""
    reach = epci_spans.reach if isinstance(epci_spans, _Spans) else SpanReach(epci_spans)
    territories = territories if isinstance(territories, _Territories) else _Territories(territories)
    named = [(t.start, t) for t in territories.starting_in(start, end) if t.end <= end
             and not reach.covers(t.start - 1, t.start + 1) and not _named_in_passing(folded, t.start, t.end)]
    if named:  # the mentions themselves answer; names repeated elsewhere are looked for if not
        return named
    stretch, found = folded[start:end], []
    for name, mentions in territories.by_name.items():
        if _longest_word(name) not in stretch:
            continue  # cheap test first: most territories are not named in a given sentence
        if fold(name) in TERRITORY_WORDS["compass_heads"]:
            continue  # a territory named "Est" alone: "est" repeated is mostly the verb
        for match in _name_regex(name).finditer(folded, start, end):
            if not reach.covers(match.start(), match.end()) and not _named_in_passing(folded, *match.span()):
                found += [(match.start(), index, territory) for index, territory in mentions]
    # in text order, then in the list's order at one position
    return [(position, territory) for position, _, territory in sorted(found, key=lambda item: item[:2])]


# "Deux territoires sont labellisés : A et B. Le premier réunit X et Y ; le second, Z.": an
# ordinal standing for one of the territories just named, in their order.
RANKED_SUBJECT = with_first_letters(re.compile(r"(?<![\w'])(?:le|la)\s+(?P<rank>premier|premiere|second|seconde|deuxieme"
                                               r"|troisieme|dernier|derniere)\b(?!\s+(?:ministre|adjoint|vice|magistrat|plan|volet|axe"
                                               r"|temps|programme|phase|contrat|territoire|appel|comite|semestre|trimestre))"))
RANKS = {"premier": 0, "premiere": 0, "second": 1, "seconde": 1, "deuxieme": 1, "troisieme": 2,
         "dernier": -1, "derniere": -1}


PARAGRAPH_BREAK = re.compile(r"\S\s*?\n[ \t]*\n")  # a blank line after some text
RANK_WORD = re.compile("|".join(RANKS))  # every ordinal RANKED_SUBJECT reads holds one
WORD_CHARACTER = re.compile(r"\w")


class _SentenceReads:
    """What `_territory_of` asks of a mention's sentence, read once for the sentence and its
    mentions: 2,000 members of one sentence without a full stop each read it from its start for
    the ordinals, lines ending with a full stop and blank lines before them, and from their end
    to its end for the next ones (10.7 s of extraction). Each answer is the one of the search it
    stands for; a pattern given to `last_end` or `next_match` looks at nothing before where it
    starts and nothing after where it ends (no look-around, no anchor)."""

    def __init__(self, text: str, folded: str, title: str | None = None):
        self.text, self.folded, self.title = text, folded, title
        self._scans: dict = {}   # (pattern, start, end) -> (ends, matches) of its scan
        self._next: dict = {}    # (pattern, end) -> (from, the first match from there)
        self._found: dict = {}   # (pattern, start, end) -> whether it matches there
        self._unnamed: dict = {}  # (start, end) -> the first unnamed subject there
        self._ranks: list[int] | None = None
        self.paragraph_owners: dict = {}  # (start, end) -> `_paragraph_territory`'s answer there
        self.names_a_territory: dict = {}  # (start, end) of a block -> whether it names a territory
        self.headline: tuple | None = None  # (end of the headline's line, the one territory it names)

    def last_end(self, pattern: re.Pattern, start: int, end: int, position: int) -> int | None:
        """The end of the last match of `pattern.finditer(text, start, position)`, for a position
        up to `end`: the scan to `end` finds the same matches up to the first that runs past the
        position, which is read again up to it."""
        end = max(end, position)
        if (pattern, start, end) not in self._scans:
            matches = list(pattern.finditer(self.text, start, end))
            self._scans[pattern, start, end] = ([m.end() for m in matches], matches)
        ends, matches = self._scans[pattern, start, end]
        count = bisect_right(ends, position)
        if count < len(matches) and matches[count].start() < position:
            last = None
            for last in pattern.finditer(self.text, matches[count].start(), position):
                pass
            if last is not None:
                return last.end()
        return ends[count - 1] if count else None

    def next_match(self, pattern: re.Pattern, position: int, end: int) -> re.Match | None:
        """`pattern.search(text, position, end)`: a match found from an earlier position is the
        first from any position up to its start."""
        known = self._next.get((pattern, end))
        if known and known[0] <= position and (known[1] is None or position <= known[1].start()):
            return known[1]
        found = pattern.search(self.text, position, end)
        self._next[pattern, end] = (position, found)
        return found

    def found(self, pattern: re.Pattern, string: str, start: int, end: int) -> bool:
        """Whether `pattern.search(string, start, end)` finds something (`string`: the text or
        its folded copy, one pattern reading only one of them)."""
        if (pattern, start, end) not in self._found:
            self._found[pattern, start, end] = bool(pattern.search(string, start, end))
        return self._found[pattern, start, end]

    def found_in_slice(self, pattern: re.Pattern, string: str, start: int, end: int) -> bool:
        """Whether `pattern.search(string[start:end])` finds something: the members of one long
        sentence each asked it of that sentence (2,000 of them: quadratic)."""
        if (pattern, start, end, "slice") not in self._found:
            self._found[pattern, start, end, "slice"] = bool(pattern.search(string[start:end]))
        return self._found[pattern, start, end, "slice"]

    def unnamed_territory(self, start: int, trigger: int, end: int) -> re.Match | None:
        """`UNNAMED_TERRITORY.search(folded, start, trigger + 40)` for a trigger of the sentence
        ending at `end`: the first match up to the sentence's end, read once, when it ends by the
        bound, and the bound cuts no word a match could end with ("le territoire regroup|ant")."""
        bound, whole = trigger + 40, max(end, trigger + 40)
        if self._cuts_a_last_word(bound, whole):
            return UNNAMED_TERRITORY.search(self.folded, start, bound)
        if (start, whole) not in self._unnamed:
            self._unnamed[start, whole] = UNNAMED_TERRITORY.search(self.folded, start, whole)
        first = self._unnamed[start, whole]
        if first is None or first.end() <= bound:
            return first
        return UNNAMED_TERRITORY.search(self.folded, start, bound)

    def _cuts_a_last_word(self, bound: int, whole: int) -> bool:
        """Whether `bound` falls inside a word that may end an unnamed subject read up to there
        only: one after "territoire" or "territoire qui" (a match the whole sentence lacks)."""
        folded = self.folded
        if bound >= min(whole, len(folded)) or not (WORD_CHARACTER.match(folded, bound - 1)
                                                    and WORD_CHARACTER.match(folded, bound)):
            return False
        word = bound - 1
        while word > 0 and WORD_CHARACTER.match(folded, word - 1):
            word -= 1
        blanks = self._blanks_before(word)
        if blanks < word and not folded.endswith("territoire", 0, blanks) and folded.endswith("qui", 0, blanks):
            word = blanks - len("qui")  # "territoire qui regroup|e"
            blanks = self._blanks_before(word)
        return blanks < word and folded.endswith("territoire", 0, blanks)

    def _blanks_before(self, position: int) -> int:
        """Where the blanks right before `position` start (`position` when there are none)."""
        while position > 0 and self.folded[position - 1].isspace():
            position -= 1
        return position

    @cached_property
    def peers_blanked(self) -> str:
        """The text with the counts of territories the one it is about stands among blanked
        (ONE_OF_THE_TERRITORIES): what OTHER_TERRITORIES reads."""
        return ONE_OF_THE_TERRITORIES.sub(lambda m: " " * len(m.group()), self.text)

    def holds_a_rank(self, start: int, end: int) -> bool:
        """Whether an ordinal's word lies in folded[start:end]: no ordinal subject otherwise."""
        if self._ranks is None:
            self._ranks = [m.start() for m in RANK_WORD.finditer(self.folded)]
        index = bisect_left(self._ranks, start)
        return index < len(self._ranks) and self._ranks[index] < end


def _unnamed_ranks(mention: EpciMention, folded: str, start: int, territories: list[TerritoryMention],
                   epci_spans: list[tuple[int, int]], reads: _SentenceReads) -> list[re.Match]:
    """The ordinals from `start` to the mention ("le second, la CC X"), when no territory's name
    follows the last one; none otherwise."""
    if not reads.holds_a_rank(start, mention.start):
        return []
    ranks = list(RANKED_SUBJECT.finditer(folded, start, mention.start))
    if not ranks or _named_in(folded, ranks[-1].end(), mention.start, territories, epci_spans):
        return []
    return ranks


def _ranked_territory(mention: EpciMention, folded: str, sentences: list[tuple[int, int]], index: int,
                      territories: list[TerritoryMention], epci_spans: list[tuple[int, int]],
                      reads: _SentenceReads, structure) -> str | None:
    """The territory an ordinal before the mention stands for ("le second, la CC X"): the one of
    that rank among the items of a list the ordinal's paragraph opens right after, else among
    those named earlier in the sentence, or else in the sentences before."""
    start = sentences[index][0]
    ranks = _unnamed_ranks(mention, folded, start, territories, epci_spans, reads)
    if not ranks:
        return None
    rank = RANKS[ranks[-1].group("rank")]
    listed = _listed_right_before(folded, ranks[0].start(), territories, epci_spans, structure)
    if len(listed) >= 2:
        return listed[rank] if -len(listed) <= rank < len(listed) else None
    spans = [(start, ranks[0].start())] + [sentences[back] for back in
                                           range(index - 1, max(-1, index - 1 - SENTENCES_BACK), -1)]
    for span in spans:
        named = list(dict.fromkeys(t.territory_id for _, t in _named_in(folded, *span, territories, epci_spans)))
        if len(named) >= 2:
            return named[rank] if -len(named) <= rank < len(named) else None
    return _ranked_in_paragraph(folded, ranks[0].start(), rank, territories, epci_spans)


RANK_BEFORE_NAME = 60  # "Le second, dit « X »": characters from an ordinal to the name it gives


def _ranked_apart(mention: EpciMention, folded: str, start: int, territories: list[TerritoryMention],
                  epci_spans: list[tuple[int, int]], reads: _SentenceReads) -> bool:
    """"Le premier réunit A et B. … Le second, dit « X », …": the mention's sentence opens on an
    ordinal that no territory's name follows, while the text gives another rank's name: its
    members are the unnamed one's, never X's."""
    ranks = _unnamed_ranks(mention, folded, start, territories, epci_spans, reads)
    if not ranks:
        return False
    rank = RANKS[ranks[-1].group("rank")]
    named_ranks = {RANKS[m.group("rank")] for t in territories
                   for m in RANKED_SUBJECT.finditer(folded, max(0, t.start - RANK_BEFORE_NAME), t.start)
                   if not any(mark in folded[m.end():t.start] for mark in ".;:!?\n")}
    return bool(named_ranks) and rank not in named_ranks


def _ranked_apart_at(mention: EpciMention, text: str, folded: str, sentences: list[tuple[int, int]],
                     territories: list[TerritoryMention], epci_spans: list[tuple[int, int]],
                     reads: _SentenceReads) -> bool:
    """`_ranked_apart` in the mention's sentence and line, unless a heading right above its paragraph
    names the rank's territory ("Haute-Provence – Lure⏎Le second est un nouvel entrant : porté par A")."""
    index = _sentence_index(sentences, mention.start)
    line_start = text.rfind("\n", 0, mention.start) + 1  # the ordinal opens the mention's paragraph,
    # not one above it that a sentence spanning lines holds
    if index is None or not _ranked_apart(mention, folded, max(sentences[index][0], line_start), territories,
                                          epci_spans, reads):
        return False
    heading = _heading_before(text, line_start)
    return not (heading and any(heading[0] <= t.start < heading[1] for t in territories))


def _ranked_intro(folded: str, intro_start: int, list_start: int, territories: list[TerritoryMention],
                  epci_spans: list[tuple[int, int]]) -> str | None:
    """The territory an ordinal opening a list's intro stands for ("Deux territoires : A et B.⏎Le
    premier regroupe :⏎- X⏎- Y")."""
    ranks = list(RANKED_SUBJECT.finditer(folded, intro_start, list_start))
    return _ranked_in_paragraph(folded, ranks[0].start(), RANKS[ranks[-1].group("rank")], territories,
                                epci_spans) if ranks else None


RANKED_PARAGRAPH_WINDOW = 600  # characters before an ordinal where its paragraph's names are read


def _ranked_in_paragraph(folded: str, position: int, rank: int, territories: list[TerritoryMention],
                         epci_spans: list[tuple[int, int]]) -> str | None:
    """The territory of that rank among those the paragraph names before `position`, when it
    names two or more, each once: the parser may join a list's last item to the sentence of the
    ordinal after it ("… : A et B.⏎Le premier regroupe :⏎- X⏎- Y.⏎Le second associe Z")."""
    window = max(0, position - RANKED_PARAGRAPH_WINDOW)
    paragraph_start = max((m.end() for m in BLANK_LINE.finditer(folded, window, position)), default=window)
    named = [t.territory_id for _, t in _named_in(folded, paragraph_start, position, territories, epci_spans)]
    if len(named) < 2 or len(set(named)) != len(named) or not -len(named) <= rank < len(named):
        return None
    return named[rank]


def _listed_right_before(folded: str, position: int, territories: list[TerritoryMention],
                         epci_spans: list[tuple[int, int]], structure, across_blank_lines: bool = False) -> list[str]:
    """The territories of the list that the paragraph holding `position` follows, that paragraph
    naming no territory before it, one per item in their order; none when an item names none or
    several ("• A ; • B. / Le premier est porté par X. Le second, par Y": a list's items are
    sentences of their own, so the sentences before an ordinal hold one name each)."""
    ended = [block for block in structure.lists if block.span.end <= position]
    if not ended or not across_blank_lines and PARAGRAPH_BREAK.search(folded, ended[-1].span.end, position) \
            or _named_in(folded, ended[-1].span.end, position, territories, epci_spans):
        return []
    listed = []
    for item in ended[-1].items:
        named = {t.territory_id for _, t in _named_in(folded, item.content.start, item.content.end,
                                                       territories, epci_spans)}
        if len(named) != 1:
            return []
        listed.append(named.pop())
    return listed if len(set(listed)) == len(listed) else []


# "Le deuxième est un habitué du programme. Construit autour de la CA X, il mise sur …": a sentence
# opening on what the territory is built around, right before the EPCI (folded text)
BUILT_AROUND = re.compile(r"[\s•*–-]*(?:construit|bati|organise|structure)e?s?\s+autour\s+"
                          r"(?:de\s+la|de\s+l'|du|des|de|d')\s*")
BUILT_AROUND_WINDOW = 120  # characters from the participle to the EPCI


def _built_around_the_ranked(mention: EpciMention, folded: str, sentences: list[tuple[int, int]], index: int | None,
                             territories: list[TerritoryMention], epci_spans: list[tuple[int, int]],
                             structure) -> str | None:
    """The territory an ordinal opening the sentence before stands for, when the mention's sentence
    opens on the participle of what that territory is built around ("Le premier est un habitué.
    Construit autour de la CA X et de ses voisins, il s'étend sur …"): the one of that rank among
    those the ordinal's paragraph names, or among the items of the list before it (one each)."""
    if not index or mention.start - sentences[index][0] > BUILT_AROUND_WINDOW:
        return None
    built = BUILT_AROUND.match(folded, sentences[index][0], mention.start)
    if built is None or built.end() != mention.start:
        return None
    before_start, before_end = sentences[index - 1]
    # the parser may run the sentence before across a blank line ("- D.⏎⏎Le deuxième est …")
    before_start = max((m.end() for m in BLANK_LINE.finditer(folded, before_start, before_end)), default=before_start)
    ordinal = RANKED_SUBJECT.match(folded, before_start + len(folded[before_start:before_end])
                                   - len(folded[before_start:before_end].lstrip(" \t\n•*–-")))
    if ordinal is None or _named_in(folded, before_start, before_end, territories, epci_spans):
        return None
    rank = RANKS[ordinal.group("rank")]
    listed = _listed_right_before(folded, ordinal.start(), territories, epci_spans, structure, across_blank_lines=True)
    if len(listed) >= 2:
        return listed[rank] if -len(listed) <= rank < len(listed) else None
    return _ranked_in_paragraph(folded, ordinal.start(), rank, territories, epci_spans)


# "Le A, porté par la CU X, et le B, autour de la CA Y", "A, autour de la CA X, et le sud de l'île,
# qui réunit la CA Y": a name coordinated after the territory named before, set off by commas,
# right before the member's trigger, is that trigger's subject (original text, ending at the trigger)
COORDINATED_SUBJECT = re.compile(r",\s*(?:et|puis|ainsi\s+que)\s+(?:(?:[Ll]es|[Ll]e|[Ll]a)\s+|[Ll]['’]\s*)?"
                                 r"(?P<name>[^\s,;:.!?()«»\"“”][^,;:.!?()\n]{0,60}?)\s*(?:\([^()\n]{0,80}\)\s*)?,\s*(?:qui\s+)?$")
COORDINATED_WINDOW = 120  # characters before a trigger where that subject may stand


def _coordinated_subject(text: str, folded: str, named_at: int, mention: EpciMention,
                         territories: list[TerritoryMention], epci_spans: list[tuple[int, int]]) -> str | None:
    """The territory a member list's subject names when that subject is coordinated after the
    territory named at `named_at`: its id when the subject is a known territory's name ("et le
    Chalonnais, autour de la CA Y", the name read in the title only); "" when it is some other name
    ("et le sud de l'île, qui réunit la CA Y": a territory the text leaves unnamed, not the one
    named before); None when no such subject stands there, or it is an EPCI ("et la CC Y, qui …")."""
    if not mention.in_member_list or mention.list_start is None or mention.list_start <= named_at:
        return None
    subject = COORDINATED_SUBJECT.search(text, max(named_at, mention.list_start - COORDINATED_WINDOW), mention.list_start)
    if subject is None:
        return None
    reach = epci_spans.reach if isinstance(epci_spans, _Spans) else SpanReach(epci_spans)
    if reach.covers(subject.start("name"), subject.end("name")):
        return None
    # the whole name, not a part of it ("et l'est du Pays de B, qui réunit": not B's members)
    said = name_key(subject.group("name"))
    named = {t.territory_id for t in territories if any(name_key(side) == said for side in t.name.split(" / "))}
    return named.pop() if len(named) == 1 else ""


def _territory_of(mention: EpciMention, territories: list[TerritoryMention], text: str,
                  folded: str, sentences: list[tuple[int, int]], structure,
                  epci_spans: list[tuple[int, int]], by_id: set[str],
                  aliases: dict[str, str], label_subjects: list[int],
                  epci_starts: set[int] = frozenset(), run_end: dict[int, int] | None = None,
                  reads: _SentenceReads | None = None,
                  named_for: dict[str, str | None] | None = None,
                  compared: set[int] = frozenset(), composing: dict[int, str] | None = None) -> str | None:
    """`named_for` keeps, for the mentions of one text (`attach`), the territory named after each
    EPCI: found once an EPCI, not once a mention (2,000 members each read every territory);
    `composing`, the territory whose name each mention's list or run makes up (rule 9)."""
    reads = reads or _SentenceReads(text, folded)  # one for all the mentions of a text: `attach`
    named_for = {} if named_for is None else named_for
    if mention.territory_hint in by_id:
        return mention.territory_hint
    if not mention.in_member_list and _office_before(folded, mention.start):
        # "président de GrandSoissons Agglomération": an office, not a member, even of the
        # territory named after that EPCI ("vice-présidente de la CA Pays Basque")
        return None
    by_pronoun = None if mention.in_member_list else _member_by_pronoun(mention, text, folded, sentences,
                                                                       territories, epci_spans)
    if by_pronoun is not None:
        return by_pronoun  # "La CA X, voisine, n'est pas membre du territoire : elle appartient au territoire Y"
    if NOT_A_MEMBER.match(folded, (run_end or {}).get(id(mention), mention.end)):
        return None  # "… avec A et B, partenaires de la filière, qui ne font pas partie du territoire"
    if not mention.in_member_list and _venue(folded, mention):
        return None  # "… organisées dans les locaux de l'agglomération X, qui accueillait l'événement"
    if mention.link.siren:
        if mention.link.siren not in named_for:
            named = [t for t in territories if any(
                named_after(side, mention.link.siren) or aliases.get(fold(side)) == mention.link.siren
                or named_by_its_start(side, mention.link.siren) for side in t.name.split(" / "))]
            # the fullest name first: "Concarneau Cornouaille agglomération", not "Concarneau" (its town)
            named_for[mention.link.siren] = max(named, key=lambda t: len(t.name)).territory_id if named else None
        if named_for[mention.link.siren] is not None:
            return named_for[mention.link.siren]
    lead = ARTICLE.match(text, mention.start, mention.end).end()
    for territory in territories:
        # the territory's name holds the EPCI's from its start ("Mayenne Communauté", "Orléans
        # Métropole – Beauce Loirétaine"), not a piece of it ("CC du Territoire de X")
        if territory.start <= lead and mention.start < territory.end:
            return territory.territory_id
    if id(mention) in compared:
        return None  # "au même titre que le TCO, la CIREST …": compared, a member of no other territory
    index = _sentence_index(sentences, mention.start)
    ranked = _ranked_territory(mention, folded, sentences, index, territories, epci_spans, reads, structure) \
        if index is not None else None
    if ranked is not None:
        return ranked
    if _ranked_apart_at(mention, text, folded, sentences, territories, epci_spans, reads):
        return None
    held = structure.item_at(mention.start)
    if held:
        item = held[1].span
        before = [t for p, t in _named_in(folded, item.start, mention.start, territories, epci_spans)]
        if before:
            return before[-1].territory_id
    index = _sentence_index(sentences, mention.start)
    if index is None:
        return None
    start, end = sentences[index]
    bracket = _bracket_owner(mention, text, folded, start, territories, epci_spans)
    if bracket is not None:
        return bracket or None
    if held and not mention.in_member_list:
        # an item is a sentence of its own: "• Douaisis Agglo (Hauts-de-France) • Flers Agglo …"
        start, end = max(start, held[1].span.start), min(end, held[1].span.end)
    line_end = reads.last_end(LINE_END_STOP, start, end, mention.start) if not mention.in_member_list else None
    before = _named_in(folded, start if line_end is None else line_end, mention.start, territories, epci_spans)
    # "… Haut-Doubs (25)⏎⏎Pour le Nord Franche-Comté, autour de A et du B": a sentence the parser
    # ran across a blank line; a territory the members' own paragraph names before them is theirs
    blank_line = reads.last_end(BLANK_LINE, start, end, mention.start)
    in_paragraph = _named_in(folded, blank_line, mention.start, territories, epci_spans) \
        if blank_line is not None and mention.in_member_list else []
    before = in_paragraph or before
    if before and _list_left_before(structure, text, before[-1][0], mention.start):
        before = []  # "… :⏎A⏎B⏎C⏎⏎La convention … portée par la CA X": C, the list's last item, is not X's
    if before and not mention.in_member_list \
            and any(before[-1][0] < subject <= mention.start for subject in label_subjects):
        return None  # "A et B sont reconduits, et la CA X entre dans le programme avec la CC Y"
    if before and not mention.in_member_list and len(before) > 1 \
            and _mark_before(text, mention.start) in (",", "/", ";"):
        return None  # "…, Grand Angoulême, Limoges Métropole – ELAN, …": a territory itself
    coordinated = _coordinated_subject(text, folded, before[-1][0], mention, territories, epci_spans) if before else None
    if coordinated is not None:
        return coordinated or None  # "Le A, porté par la CU X, et le B, autour de la CA Y": Y is B's
    if before and mention.in_member_list and mention.list_start is not None \
            and before[-1][0] < mention.list_start \
            and _subject_named_otherwise(text, before[-1][0] + len(before[-1][1].name), mention.list_start, epci_spans):
        return None  # "X associe A et B ; enfin le Saint-Quentinois réunit C et D": not X's
    formed = _formed_by_subjects(text, folded, mention, end, territories, epci_spans)
    if formed is not None:
        return formed or None
    if before:
        # "A porte le territoire X, tandis que B et C sont engagées dans celui de Y": its own verb
        # of membership names the territory after it, whatever its sentence named before
        own_verb = MEMBER_OF.match(folded, (run_end or {}).get(id(mention), mention.end))
        after = _named_in(folded, own_verb.end(), end, territories, epci_spans) if own_verb else []
        if after and _names_next(folded, own_verb.end(), after[0][0]):
            return after[0][1].territory_id
        return before[-1][1].territory_id
    intro = _sentence_index(sentences, mention.list_start) if mention.in_member_list \
        and mention.list_start is not None and mention.list_start < start else None
    if intro is not None:  # "Territoire d'industrie X représenté par :" then the members' lines
        intro_start = min(sentences[intro][0], text.rfind("\n", 0, mention.list_start) + 1)
        # an ordinal opening the intro's own line stands for the territory of its rank, not for
        # the last one named on the line before ("… : Flers – Argentan et L'Aigle – Mortagne.⏎Le
        # premier regroupe :⏎- A⏎- B", the parser's sentence running across the full stop)
        own_line = reads.last_end(LINE_END_STOP, intro_start, mention.list_start, mention.list_start)
        ranked = None if own_line is None or _named_in(folded, own_line, mention.list_start, territories, epci_spans) \
            else _ranked_intro(folded, own_line, mention.list_start, territories, epci_spans)
        if ranked is not None:
            return ranked
        named = _named_in(folded, intro_start, mention.list_start, territories, epci_spans)
        if named:
            return named[-1][1].territory_id
    # a territory after a line ending with a full stop, or after a blank line, is in another
    # sentence, whatever the parser's ("… porté par A, qui en assure l'animation.⏎Autour d'elle
    # : B et C.⏎⏎Le Grand Chalon est labellisé seul")
    stops = [m.start() for m in (reads.next_match(LINE_END_STOP, mention.end, end),
                                 reads.next_match(BLANK_LINE, mention.end, end)) if m]
    after = _named_in(folded, mention.end, min(stops, default=end), territories, epci_spans)
    member_of = MEMBER_OF.match(folded, mention.end)
    if after and (mention.in_member_list or member_of and _names_next(folded, member_of.end(), after[0][0])):
        return after[0][1].territory_id
    formed = FORMED_NEXT.match(folded, (run_end or {}).get(id(mention), mention.end))
    if after and formed and _names_next(folded, formed.end(), after[0][0]):
        return after[0][1].territory_id  # "elle a rejoint la CC A et celle de B pour former, ensemble, le territoire X"
    if after and len({t.territory_id for _, t in after}) == 1 and _party_to_the_signing(folded, start, mention.start):
        return after[0][1].territory_id  # "Avec la signature de ce protocole par la CA X, Y devient …"
    if after and _acts_for_the_territory_after(text, folded, mention, after, start, end):
        return after[0][1].territory_id  # "La CA X, associée à la CC Y, a présenté le bilan du dispositif sur le territoire Z"
    renamed = RENAMED_AFTER.match(folded, (run_end or {}).get(id(mention), mention.end))
    if after and renamed and TAKES_IN_BEFORE.search(folded, max(0, mention.start - 40), mention.start) \
            and _names_next(folded, renamed.end(), after[0][0]):
        return after[0][1].territory_id  # "il intègre la CA X et devient « Territoire d'industrie Y »"
    if mention.list_start is not None and _unnamed_subject(reads, start, mention.list_start, end):
        if not _verbless(folded, start, end, (run_end or {}).get(id(mention), mention.end)):
            return None  # "Le territoire regroupant A et B": a territory the text leaves unnamed
        # "… dénommé X. Un territoire qui comprend A et B.": the one named just before
        for back in range(index - 1, max(-1, index - 1 - SENTENCES_BACK), -1):
            named = _named_in(folded, *sentences[back], territories, epci_spans)
            if named:
                return named[-1][1].territory_id
        return None
    if mention.in_member_list and mention.list_start is not None \
            and _subject_named_otherwise(text, start, mention.list_start, epci_spans):
        return None  # "Le territoire Collines de Normandie regroupe A et B": not one we found
    if _carried_by_an_organisation(mention, folded, sentences):
        return None  # "c'est l'agence X qui porte la démarche pour le compte de A, B et C": not the one territory's
    holding = territories.described_at(mention.start)
    # an item of a list inside a territory's record ("Intercommunalités | – CC de Lacq-Orthez …"
    # on a "Fiche territoire" page) is one of its members
    in_record = structure is not None and structure.item_at(mention.start) is not None \
        and any(t.rule == RECORD_RULE for t in holding)
    if holding and (mention.in_member_list or in_record):
        return max(holding, key=lambda t: t.end).territory_id
    # the words around it in its sentence, up to a blank line the parser ran across ("… »
    # indique X.⏎⏎Le programme … l'attractivité des territoires …")
    # a sentence pointing back starts its paragraph: "Il rassemble A et B.⏎⏎Le sous-préfet
    # s'est rendu chez C" does not point back for C
    built_around = _built_around_the_ranked(mention, folded, sentences, index, territories, epci_spans, structure)
    if built_around is not None:
        return built_around  # "Le premier est un habitué. Construit autour de la CA X, il …"
    paragraph_start = start if blank_line is None else blank_line
    pointing_back = ANAPHORA.match(text[paragraph_start:end].lstrip(" \t\n•-–*"))
    if not pointing_back and intro is not None \
            and ANAPHORA.match(text[sentences[intro][0]:sentences[intro][1]].lstrip(" \t\n•-–*")):
        # "Il associe cinq intercommunalités :" then the items: the list's intro points back
        paragraph_start, index, pointing_back = start, intro, True
    if not pointing_back and intro is None and blank_line is not None \
            and _grouping_intro(text, folded, start, blank_line):
        paragraph_start, pointing_back = start, True  # "Il associe deux agglomérations :⏎⏎A, autour de …"
    if not pointing_back and intro is None and blank_line is None and index \
            and _grouping_intro(text, folded, sentences[index - 1][0], start):
        paragraph_start, pointing_back = start, True  # the same, the intro a sentence of its own
    if not pointing_back and intro is None and blank_line is not None and mention.list_start is not None \
            and start <= mention.list_start < blank_line and _list_of_another(mention, text):
        pointing_back = True  # "Il rassemble les intercommunalités suivantes :", a blank line, their table
    if not pointing_back and mention.in_member_list and mention.list_start is not None \
            and JOINS_THE_PERIMETER.match(text, mention.list_start):
        pointing_back = True  # "La CC X, qui …, a rejoint le périmètre": the territory's named before
    if pointing_back:
        before = [(start, paragraph_start)] if paragraph_start > start else []
        # the pronoun points back within its section: "TARN (81)⏎Le X est reconduit.⏎⏎ARIÈGE
        # (09)⏎Nouveau venu, l'Ariège. Il réunit A et B": not to X, under the heading before
        # (a table's rows are no headings: its section is the one of the sentence introducing it)
        section_start = _last_heading_start(structure, text, min(mention.start, mention.list_start)
                                            if mention.list_start is not None else mention.start)
        for span in before + [sentences[back] for back in range(index - 1, max(-1, index - 1 - SENTENCES_BACK), -1)]:
            if span[1] <= section_start:
                break
            named = _named_in(folded, *span, territories, epci_spans)
            if named:
                return named[-1][1].territory_id
    following = reads.next_match(BLANK_LINE, mention.end, end)
    near = (start if blank_line is None else blank_line, following.start() if following else end)
    if not mention.in_member_list and reads.found(OTHER_CALLS, folded, start, end) \
            and not reads.found(NAMES_THE_PROGRAMME, folded, start, end):
        return None  # "la CC X a été retenue dans l'appel à projets Fonds vert": that call's, no member
    if held and _item_beside_territories(held, territories, text):
        return None  # "1. Fougères : …⏎2. Ploërmel Communauté : sélectionnée …": an entry, no member
    # a sentence opening on the département of one of them says which one before its paragraph does
    owner = next(iter(by_id)) if len(by_id) == 1 \
        else _fronted_place_territory(mention, folded, start, end, territories, epci_spans) \
        or _paragraph_territory(mention, structure, folded, territories, epci_spans, reads)
    if owner and len(by_id) == 1 and _under_another_heading(text, mention, territories, owner):
        return None
    if owner and mention.start in label_subjects \
            and not _named_before(owner, mention, structure, folded, 0 if len(by_id) == 1 else start,
                                  territories, epci_spans):
        # "La CACEM, Communauté …, est labellisée … Au nord, le second territoire est Cap Nord":
        # labelled itself, not a member of a territory its paragraph (the text, when it holds one
        # territory) names only after it
        return None
    if owner and (composing or {}).get(id(mention), owner) != owner:
        # "À Alès, c'est A qui pilote … Dans le nord-est, le territoire associe B et C": the paragraph
        # names one territory, but B and C make up another's name ("Pont du Gard - Gard Rhodanien")
        return None
    if owner is None:
        owner = _headline_territory(mention, structure, folded, territories, epci_spans, reads)
        if owner and not mention.in_member_list:
            # named, not listed, in an article about the one territory its headline names: a member
            # only where its sentence says so ("a validé l'extension du dispositif à la CC X", "La
            # CC X a donc été associée dès le départ"), not "l'extension de la zone d'activités de X"
            said = (_named_as_member(mention, text, folded, start, end, reads=reads)
                    or PROGRAMME_EXTENDED_TO.search(folded, max(0, mention.start - EXTENDED_TO_WINDOW), mention.start)
                    or SAID_ASSOCIATED.match(folded, mention.end, end) or JOINS_THE_PROGRAMME.match(folded, mention.end, near[1]))
            return owner if said and not _office_before(folded, mention.start) \
                and not reads.found(OTHER_TERRITORIES, reads.peers_blanked, *near) else None
    if owner and (_named_as_member(mention, text, folded, start, end, reads=reads)
                  or _named_as_member(mention, folded, folded, *near, EXTENSION, reads)
                  or INSTALLED_ON_ITS_PERIMETER.search(folded, start, mention.start)
                  or JOINS_THE_PROGRAMME.match(folded, mention.end, near[1])
                  or MEMBERS_OF_IT.match(folded, (run_end or {}).get(id(mention), mention.end))
                  or (not _office_before(folded, mention.start) and SIGNED_BY_THESE.match(folded, end))
                  or _party_or_listed(mention, folded, structure, epci_starts)
                  or _signed_with(mention, folded, start, epci_spans)
                  or _acting_together(mention, folded, start, end, structure, territories, epci_spans, owner, reads)) \
            and not reads.found(OTHER_TERRITORIES, reads.peers_blanked, *near):  # lower case: not an agency's name
        return owner
    return None


INTRO_CLOSED = re.compile(r":[ \t]*\n[ \t]*\n")  # a colon, then a blank line
INTRO_CLOSED_REACH = 20  # characters from the colon to the next paragraph


def _grouping_intro(text: str, folded: str, start: int, paragraph_start: int) -> bool:
    """The text from `start` up to the paragraph at `paragraph_start` opens with a pronoun for the
    territory and a verb of grouping and ends with a colon ("Il associe deux agglomérations des
    Alpes-de-Haute-Provence :⏎⏎A, autour de Manosque, …"): the paragraph is one of the members
    the pronoun's territory groups, whether or not a list was read there."""
    colon = INTRO_CLOSED.search(text, max(start, paragraph_start - INTRO_CLOSED_REACH), paragraph_start)
    if colon is None or colon.end() != paragraph_start:
        return False
    # (the parser's sentence may hold the one before: "… du programme national. Il associe …")
    start = max((stop.end() for stop in SENTENCE_END.finditer(text, start, colon.start())), default=start)
    opening = text[start:colon.start()].lstrip(" \t\n•-–*")
    return bool(ANAPHORA.match(opening)) and bool(GROUPING_VERB.search(folded, start, colon.start()))


ENTRY_OPENING = re.compile(r"[\s«\"“*]*" + ARTICLE.pattern, re.IGNORECASE)


def _item_beside_territories(held, territories: list[TerritoryMention], text: str) -> bool:
    """Another item of the list holding the EPCI opens with a territory: the list enumerates
    entries, and an EPCI its own item gives no territory is no member of a sibling's ("1. A :
    label renouvelé pour la CC X.⏎2. Y Communauté : sélectionnée …"). A question is no entry: the
    turns of a transcript ("— L'Audomarois est retenu. Satisfait ?⏎— Très. On part à deux
    intercos : A et B.")."""
    items, item = held[0].items, held[1]
    starts = SpanReach((t.start, t.start + 1) for t in territories)
    return any(other is not item and starts.overlaps(other.content.start,
                                                     ENTRY_OPENING.match(text, other.content.start).end() + 1)
               and not QUESTION_END.search(text, other.content.start, other.content.end)
               for other in items)


# A line the structure calls a heading that is a line of hard-wrapped prose: long, or cut after a
# comma or a function word ("… la Communauté de communes Maremne Adour Côte-Sud, la")
WRAPPED_PROSE_END = re.compile(r"(?:,|\b(?:la|le|les|l['’]|de|du|des|d['’]|et|ou|à|au|aux|en|un|une|que|qui|dont|par|pour|sur))\s*$",
                               re.IGNORECASE)
HEADING_MAX = 90
QUESTION_END = re.compile(r"\?\s*$")


def _last_heading_start(structure, text: str, position: int) -> int:
    """Where the last heading line before `position` starts (-1 when none); lines of wrapped prose
    are no headings, nor questions: "Quelles collectivités sont concernées ?" on a page of questions
    about the one territory asks about it, it opens no section on another one."""
    return max((block.span.start for block in structure.blocks
                if block.kind == "heading" and block.span.end <= position
                and block.span.end - block.span.start <= HEADING_MAX
                and not WRAPPED_PROSE_END.search(text, block.span.start, block.span.end)
                and not QUESTION_END.search(text, block.span.start, block.span.end)), default=-1)


def _mark_before(text: str, position: int) -> str:
    """The last character before `position` past its blanks ("" at the text's start): the
    text up to there, copied for each mention, made a page saved on one line quadratic."""
    while position and text[position - 1].isspace():
        position -= 1
    return text[position - 1:position]


# "Sud Manche : relancer l'attractivité des métiers": a section's heading, a name then its subject
HEADING_LINE = re.compile(r"[ \t•#*–-]*(?P<label>[^\n:]+?)[ \t]+:[ \t]+[^\n]+")


@lru_cache(maxsize=1)
def _block_starts(text: str) -> list[int]:
    """Where each block of lines starts (the text's start, each line after a blank one), in
    order: read once a text (each mention walked up its block line by line: a block of n lines
    holding mentions was quadratic)."""
    return [0] + [match.end() for match in re.finditer(r"\n", text)
                  if not text[text.rfind("\n", 0, match.start()) + 1:match.start()].strip()]


def _section_heading(text: str, position: int) -> tuple[int, int] | None:
    """The name a "Name : subject" heading line gives over the block of lines that holds
    `position` (its first line, or the last line above a blank line): (start, end) of the name,
    when it is a proper name, not a place's ("Drôme : …"), an EPCI's or a generic label
    ("Partenaires : …"); the title is no section's heading."""
    starts = _block_starts(text)  # up to the first line of its block
    line_start = starts[bisect_right(starts, text.rfind("\n", 0, position) + 1) - 1]
    first_end = text.find("\n", line_start)
    if 0 <= first_end < position:
        heading_start, heading_end = line_start, first_end
    else:
        heading_end = line_start - 1
        while heading_end > 0 and not text[text.rfind("\n", 0, heading_end) + 1:heading_end].strip():
            heading_end = text.rfind("\n", 0, heading_end)
            if heading_end <= 0 or text.count("\n", heading_end, line_start) > 3:
                return None  # (read no further up a run of blank lines)
        if heading_end <= 0 or text.count("\n", heading_end, line_start) > 3:
            return None
        heading_start = text.rfind("\n", 0, heading_end) + 1
    line = text[heading_start:heading_end].rstrip()
    heading = HEADING_LINE.fullmatch(line)
    if not heading or re.search(r"[.,;!?…»\"]$", line) or not text[:heading_start].strip():
        return None
    label = heading.group("label")
    if not _name_like(label) or is_place_name(label) or is_epci_name(label) and not _area_name(label) \
            or GENERIC_LABEL.match(fold(label)):
        return None
    return heading_start + heading.start("label"), heading_start + heading.end("label")


def _area_name(label: str) -> bool:
    """"Pays de Fougères": a geographic head, no intercommunality's type word: an EPCI's everyday
    name as much as a usual territory's; over a section whose members it is written with, the
    territory's (the EPCIs named in the section, it among them or not, are its members)."""
    return bool(GEOGRAPHIC_HEADS.match(fold(label))) and not TYPE_WORD.search(label)


def _under_another_heading(text: str, mention: EpciMention, territories: list[TerritoryMention],
                           owner: str) -> bool:
    """The heading over the EPCI's paragraph names someone else than the text's one territory,
    named in an earlier section and never in this one ("Collines de Normandie : …⏎… associe A et
    B.⏎⏎Sud Manche : …⏎En Sud Manche, où la démarche est conduite par C et D"): the section
    speaks of another territory, unseen, not of that one."""
    heading = _section_heading(text, mention.start)
    if heading is None:
        return False
    label = name_key(text[slice(*heading)])
    mine = [t for t in territories if t.territory_id == owner]
    if any(name_key(t.name) in label or label in name_key(t.name) for t in mine):
        return False
    return any(t.start < heading[0] for t in mine) \
        and not any(heading[0] <= t.start < mention.start for t in mine)


def _section_named_again(text: str, sentence_start: int, list_start: int) -> tuple[int, int] | None:
    """The name of the section's heading written again in the sentence that opens the section,
    before its member list ("Sud Manche : relancer …⏎En Sud Manche, où la démarche est conduite
    par A et B"): (start, end) of it in that sentence."""
    heading = _section_heading(text, list_start)
    if heading is None:
        return None
    body = text.find("\n", heading[1]) + 1  # the parser may run the heading into the sentence
    if text[body:sentence_start].strip() or not body:
        return None  # the sentence does not open the section's paragraph
    start = max(body, sentence_start)
    name = re.escape(collapse_spaces(text[slice(*heading)])).replace(r"\ ", r"\s+")
    again = re.search(r"(?<![\w'’-])" + name + r"(?![\w'’-])", text[start:list_start])
    return (start + again.start(), start + again.end()) if again else None


def _acting_together(mention: EpciMention, folded: str, start: int, end: int, structure,
                     territories: list[TerritoryMention], epci_spans: list[tuple[int, int]],
                     owner: str, reads: _SentenceReads) -> bool:
    """'Sous cette bannière, les CC de A, de B et de C avaient déposé un dossier commun': EPCIs
    said to act as one group, in a sentence that names no label, are the members of the territory
    their paragraph names. A paragraph naming none (a round-up's other département: "NORD. … A, B
    et C avaient déposé un dossier commun") leaves them to a territory of their own."""
    return not _office_before(folded, mention.start) and reads.found(ACTING_TOGETHER, folded, start, end) \
        and _paragraph_territory(mention, structure, folded, territories, epci_spans, reads) == owner


# "… sur le territoire du X", "… du Territoire d'industrie X": the name designated as a territory (folded text)
DESIGNATED_TERRITORY = re.compile(r"\bterritoire\s+(?:d'\s*industrie\s+)?(?:du\s+|de\s+la\s+|de\s+l'\s*|des\s+|de\s+|d'\s*)?[«\"]?\s*$")
# what may stand before a sentence's subject: its start, a fronted clause ("Au terme de …, X"), a
# co-subject ("A et B", "A, associée à B"); not a preposition ("l'amphithéâtre de X", "Rattachée
# à X") (folded text)
SUBJECT_BEFORE = re.compile(r"(?:^|[,;:]\s*|\bet\s+|\bassociee?s?\s+(?:a|avec)\s+)(?:la\s+|le\s+|les\s+|l'\s*)?$")


def _list_left_before(structure, text: str, territory_start: int, position: int) -> bool:
    """Whether the territory at `territory_start` is an item of a list that ends, with a blank
    line, before `position`: the parser ran the list's last line (no full stop) into the next
    paragraph's sentence, which that item does not own."""
    held = structure.item_at(territory_start) if structure is not None else None
    return bool(held) and held[0].span.end <= position \
        and BLANK_LINE.search(text, held[0].span.end, position) is not None


def _acts_for_the_territory_after(text: str, folded: str, mention: EpciMention,
                                  after: list[tuple[int, TerritoryMention]], start: int, end: int) -> bool:
    """An EPCI, subject of its sentence, acting on the programme ("dispositif", "contrat",
    "protocole" …) of the one territory that sentence names after it as a territory ("La CA X,
    associée à la CC Y, a présenté le bilan du dispositif sur le territoire du Z"): the body that
    carries it, a member; not a place or a neighbour ("Entre l'amphithéâtre de X et …, … la réunion
    du comité du Territoire d'industrie Z"), nor when the sentence names other territories or another call."""
    position = after[0][0]
    designated = DESIGNATED_TERRITORY.search(folded, max(mention.end, position - 40), position)
    return designated is not None and len({t.territory_id for _, t in after}) == 1 \
        and bool(SUBJECT_BEFORE.search(folded[start:mention.start])) \
        and bool(PROGRAMME.search(folded, mention.end, designated.start())) \
        and not OTHER_TERRITORIES.search(text, start, end) and not OTHER_CALLS.search(folded, start, end)


def _headline_territory(mention: EpciMention, structure, folded: str,
                        territories: list[TerritoryMention],
                        epci_spans: list[tuple[int, int]], reads: _SentenceReads) -> str | None:
    """The one territory the headline names, for a member listed in a paragraph that names no
    territory ("En Guyane, Kourou devient « Territoire d'industrie »" … "Il sera co-piloté par la
    CC X et Y" … "Kourou est, après A et B, la troisième …"): an article about one territory
    that names others in passing."""
    block = structure.block_at(mention.start)
    if block is None:
        return None
    span = block.span.start, block.span.end
    if span not in reads.names_a_territory:  # read once for its members, not for each (1,000 in one block)
        reads.names_a_territory[span] = bool(_named_in(folded, *span, territories, epci_spans))
    if reads.names_a_territory[span]:
        return None
    if reads.headline is None:  # read once, not for each member (a page saved on one line)
        line = _headline_line(folded, reads.title)
        named = {t.territory_id for _, t in _named_in(folded, *line, territories, epci_spans)} if line else set()
        reads.headline = (line[1] if line else None, named.pop() if len(named) == 1 else None)
    end, owner = reads.headline
    return owner if end is not None and end <= mention.start else None


HEADLINE_KEY = 60  # characters of the folded title looked for in the text


def _headline_line(folded: str, title: str | None) -> tuple[int, int] | None:
    """(start, end) of the headline's line: the line holding the document's title, below a
    masthead ("Corse Net Infos – Pure player corse", "Accueil > Économie" then "Territoires
    d'industrie : le Grand Bastia élargit son périmètre"), else the text's first line."""
    key = fold(title)[:HEADLINE_KEY].strip() if title else ""
    at = folded.find(key) if key else -1
    if at >= 0:
        end = folded.find("\n", at)
        return folded.rfind("\n", 0, at) + 1, len(folded) if end < 0 else end
    first = re.search(r"\S[^\n]*", folded)
    return (first.start(), first.end()) if first else None


# "Dans le Doubs, ce sont …", "En Haute-Savoie, …", "Côté Jura, …": a sentence opening on a place
FRONTED_PLACE = re.compile(r"[\s•*–-]*(?:(?:dans|pour)\s+(?:le|la|les|l')\s*|en\s+|(?:du\s+)?cote\s+(?:(?:de\s+la|de\s+l'|du|des|de|d')\s*)?)"
                           r"(?P<place>[a-z][a-z' -]{1,40}?)\s*,")


def _fronted_place_territory(mention: EpciMention, folded: str, start: int, end: int,
                             territories: list[TerritoryMention],
                             epci_spans: list[tuple[int, int]]) -> str | None:
    """The one territory of a several-territory text that lies in the département its sentence
    opens on, naming none ("Dans le Doubs, ce sont les CC A, B et C qui portent le projet"), when
    the EPCI lies there too: the text gives each territory its département."""
    fronted = FRONTED_PLACE.match(folded, start, end)
    if fronted is None or fronted.end() > mention.start or not mention.link.siren \
            or _named_in(folded, start, end, territories, epci_spans):
        return None
    code = _departement_named(fronted.group("place").strip())
    if code is None or code not in mention.link.departement_codes:
        return None
    there = {t.territory_id for t in territories if code in t.departement_codes}
    return there.pop() if len(there) == 1 else None


@lru_cache(maxsize=None)
def _departement_named(place: str) -> str | None:
    """The code of the département a folded place names ("doubs", "haute-savoie")."""
    return next((d.code for d in referential.load().departements.values() if fold(d.name) == place), None)


def _paragraph_territory(mention: EpciMention, structure, folded: str,
                         territories: list[TerritoryMention],
                         epci_spans: list[tuple[int, int]], reads: _SentenceReads) -> str | None:
    """The one territory the paragraph holding a mention names, in a press article that gives
    each territory its paragraph ("Le territoire d'industrie X mise sur … . La CA Y et la CC Z
    ont porté la candidature."): that paragraph is about it as a one-territory document is."""
    block = structure.block_at(mention.start)
    if block is None or block.kind != "paragraph":
        return None
    if (block.span.start, block.span.end) not in reads.paragraph_owners:  # its mentions each asked
        named = {t.territory_id for _, t in _named_in(folded, block.span.start, block.span.end,
                                                       territories, epci_spans)}
        reads.paragraph_owners[block.span.start, block.span.end] = named.pop() if len(named) == 1 else None
    return reads.paragraph_owners[block.span.start, block.span.end]


# what may stand before a bracket of members without being their territory's name: a plural
# noun of EPCIs ("composé de 5 EPCI (A, B, …)", "les quatre intercommunalités de
# l'arrondissement de Lunéville (CC3M, CCTLB, …)")
MEMBERS_BEFORE_BRACKET = re.compile(WORDS["members_noun"] + r"[^()]*$", re.IGNORECASE)
# an EPCI's own name before its bracket ("la COBAN (Communauté …)", "CA X (CAX)")
HEAD_BEFORE_BRACKET = re.compile(r"(?:\b[A-Z]{2,}[\w&]*|[Cc]ommunaut\w+[^()]*|[Mm][ée]tropole[^()]*|[Aa]gglo\w*[^()]*)$")
ACRONYM_ALONE = re.compile(r"\(\s*[A-Z][A-Z0-9&]{2,9}\s*\)")


def _bracket_owner(mention: EpciMention, text: str, folded: str, sentence_start: int,
                   territories: list[TerritoryMention], epci_spans: list[tuple[int, int]]) -> str | None:
    """The territory whose name a bracket of members follows ("les territoires Nord-Cotentin
    (CA du Cotentin, CC de la Baie du Cotentin) et Collines de Normandie (Flers Agglo, …)"):
    its territory_id; "" when the bracket follows a name that is no territory found (its
    members are not those of the territory named before it in the sentence); None when the
    mention is in no such bracket, or no territory is named before it ("en s'alliant avec la
    Bigorre (A et B)": the other rules say)."""
    opening = text.rfind("(", sentence_start, mention.start)
    if opening < 0 or text.find(")", opening, mention.start) >= 0:
        return None
    named = _named_in(folded, max(sentence_start, opening - 120), opening, territories, epci_spans)
    if named and name_key(text[named[-1][0]:opening].strip(" \t»\"”")) == name_key(named[-1][1].name):
        return named[-1][1].territory_id
    before = text[max(sentence_start, opening - 60):opening].rstrip(" \t»\"”")
    # an acronym alone in its bracket defines the long name before it ("Communauté de communes
    # interrégionale Aumale – Blangy-sur-Bresle (CCIABB)"), whose head may stand further back,
    # though after the territory named last ("… avec la CC X, le territoire Y (CCZ)" says nothing)
    named = _named_in(folded, sentence_start, opening, territories, epci_spans)
    window = max(sentence_start, opening - 120)
    head = HEAD_BEFORE_BRACKET.search(text[window:opening].rstrip()) \
        if ACRONYM_ALONE.fullmatch(text, opening, text.find(")", mention.end) + 1) else None
    defined = head is not None and not (named and named[-1][0] >= window + head.start()) \
        or _spelled_by_initials(text, opening, mention)
    if named and re.search(r"[A-ZÉÈÀÂÎÔ][\w'’-]*$", before) and not MEMBERS_BEFORE_BRACKET.search(before) \
            and not HEAD_BEFORE_BRACKET.search(before) and not defined:
        return ""  # not the members of the territory named before; with none named, other rules say
    return None


CAPITALISED_WORDS = re.compile(r"(?:[A-ZÀ-Ý][\w'’-]*\s+){1,6}$")


def _spelled_by_initials(text: str, opening: int, mention: EpciMention) -> bool:
    """Whether the mention is an acronym alone in its bracket that spells the initials of the
    capitalised words right before it ("Quimper Bretagne Occidentale (QBO)"): it defines that
    EPCI's name, written without its legal form, and is no member list of the name before."""
    acronym = text[mention.start:mention.end]
    if not (acronym.isupper() and ACRONYM_ALONE.fullmatch(text, opening, text.find(")", mention.end) + 1)):
        return False
    words = CAPITALISED_WORDS.search(text, max(0, opening - 80), opening)
    initials = "".join(word[0] for word in words.group().split()) if words else ""
    return len(acronym) >= 2 and fold(initials).endswith(fold(acronym))


# the programme's agreement signed with bodies (folded text): "Le protocole que nous signons
# aujourd'hui avec A et B", "le contrat signé ce jour avec …", "le protocole … entre A et B"
SIGNED_WITH = re.compile(r"\b(?:protocole|contrat)\b[^.;:!?]{0,60}?\bsign(?:e|ee|es|ees|ons|ez|ent|ont|erons)\b"
                         r"[^.;:!?]{0,40}?\b(?:avec|entre)\s+")
# between the parties of such a signature: a comma or "et", an article
PARTIES_JOINT = re.compile(r"[\s,]*(?:\bet\s+)?(?:(?:la|le|les)\s+|l'\s*)?")


def _signed_with(mention: EpciMention, folded: str, sentence_start: int, epci_spans: list[tuple[int, int]]) -> bool:
    """Whether the EPCI, written with its legal form, is one of the bodies the territory's own
    agreement is signed with in its sentence ("Le protocole que nous signons aujourd'hui avec la
    CA X et la CC Y comporte 17 projets"): in a document about one territory, a party to it, so
    one of its members. Only other EPCIs stand between "avec" and it."""
    if not mention.legal_form:
        return False
    ordered = epci_spans.ordered if isinstance(epci_spans, _Spans) else sorted(epci_spans)  # not sorted each time
    for match in SIGNED_WITH.finditer(folded, sentence_start, mention.start):
        position = match.end()
        for index in range(bisect_left(ordered, (position,)), bisect_left(ordered, (mention.start,))):
            span_start, span_end = ordered[index]
            if position <= span_start and PARTIES_JOINT.fullmatch(folded, position, span_start):
                position = span_end
        if PARTIES_JOINT.fullmatch(folded, position, mention.start):
            return True
    return False


def _party_or_listed(mention: EpciMention, folded: str, structure, epci_starts: set[int]) -> bool:
    """A party of an agreement ("La Communauté d'Agglomération X représentée par …"), or an item
    of a list whose every item opens with an EPCI ("Pour la Drôme : • Montélimar Agglomération
    • La Communauté de communes …"): in a document about one territory, one of its members."""
    if mention.legal_form and PARTY.match(folded, mention.end) or _signatory(folded, mention.start):
        return True
    held = structure.item_at(mention.start)
    if held is None or len(held[0].items) < 2:
        return False
    if _signing_for(folded, held, mention):
        return True
    return all(any(item.content.start <= position <= item.content.start + ITEM_LEAD
                   for position in epci_starts) for item in held[0].items)


# a list of the signatories, each item the body signed for: "Signataires : - pour l'État, le
# préfet ; - pour la communauté de communes X, son président" (folded text)
SIGNATORIES_INTRO = re.compile(r"\bsignataires?\b|\bsign(?:e|ee|es|ees|ent|ont|eront)\s+(?:par|entre)\b")
SIGNED_FOR = re.compile(r"[\s*_]*pour\s+(?:la\s+|le\s+|les\s+|l'\s*)?$")


def _signing_for(folded: str, held, mention: EpciMention) -> bool:
    """Whether the EPCI opens an item of a list of signatories, the body its signatory signs for
    ("pour Questembert Communauté, son président"): a party of the agreement."""
    lst, item = held
    if lst.intro is None or not SIGNATORIES_INTRO.search(folded, lst.intro.start, lst.intro.end):
        return False
    return bool(SIGNED_FOR.fullmatch(folded, item.content.start, mention.start))


# an item opening with a company's noun: "- L'entreprise X située à Y (47) ;"
COMPANY_ITEM = re.compile(r"[\s*_-]*(?:l'\s*|la\s+|le\s+|les\s+|une?\s+)?(?:entreprises?|societes?|groupes?|start-?ups?|pme|eti)\b")


def _named_for_the_programme(mention: EpciMention, text: str, folded: str, sentences: list[tuple[int, int]],
                             structure, reads: _SentenceReads, run_end: int | None = None) -> bool:
    """In a text naming no territory, whether an EPCI is still named about the programme: listed as
    a member or named in a sentence about it, not as someone's office ("président de X"), not among
    companies, not a bare département's name ("entre Sarthe et Mayenne"), not said to stay out after
    it or its run ending at `run_end` ("X, voisine, n'est pas concernée", "La CC X, autour de …,
    réfléchit à une candidature")."""
    start, end = sentences[_sentence_index(sentences, mention.start) or 0] if sentences else (0, len(text))
    if not mention.in_member_list and _office_before(folded, mention.start) \
            or NOT_A_MEMBER.match(folded, run_end or mention.end) \
            or is_place_name(text[mention.start:mention.end]):
        return False
    return _named_as_member(mention, text, folded, start, end, PROGRAMME, reads) \
        and not _listed_among_companies(mention, folded, structure)


def _listed_among_companies(mention: EpciMention, folded: str, structure) -> bool:
    """Whether the EPCI is an item of a list whose other items are companies ("Les projets
    lauréats sont portés par : - La communauté urbaine X ; - L'entreprise Y ; - L'entreprise Z"):
    the carriers of projects, not a territory's members."""
    held = structure.item_at(mention.start)
    if held is None:
        return False
    others = [item for item in held[0].items if item is not held[1]]
    return bool(others) and all(COMPANY_ITEM.match(folded, item.content.start) for item in others)


def _verbless(folded: str, sentence_start: int, sentence_end: int, list_end: int) -> bool:
    """Whether a sentence is a territory's description and no more: it opens with its subject
    ("Un territoire qui comprend A et B.") and ends with the member list, no verb of its own after."""
    return bool(UNNAMED_TERRITORY.match(folded, sentence_start + len(folded[sentence_start:sentence_end])
                                        - len(folded[sentence_start:sentence_end].lstrip()))) \
        and not folded[list_end:sentence_end].strip(" .;!»\"”\n\t")


def _unnamed_subject(reads: _SentenceReads, sentence_start: int, trigger: int, sentence_end: int) -> bool:
    """Whether a member list's trigger is the participle or relative of a territory without a
    name ("Le territoire regroupant A et B …", "un territoire qui réunit A et B")."""
    subject = reads.unnamed_territory(sentence_start, trigger, sentence_end)
    return bool(subject) and subject.start() < trigger < subject.end()


# the subject of a member list named as a territory: "Le territoire Collines de Normandie
# regroupe", "le territoire du « Grand Est Touraine » qui englobe", "Le territoire X s'organise
# autour de", "… est composé de" (original text, ending at the list's trigger)
TERRITORY_WORD = r"[Tt]erritoire\s+(?:d['’]\s*[Ii]ndustrie\s+)?"
SUBJECT_NAME = (r"(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])?[«\"“]?\s*"
                r"(?P<name>(?![Ii]ndustrie\b)[A-ZÉÈÀÂÎÔ][\w'’-]*(?:[ \t–—-]+(?:(?:de|du|des|la|le|les|et|sur|en|d['’]|l['’])[ \t]*)*"
                r"[A-ZÉÈÀÂÎÔ][\w'’-]*)*)\s*[»\"”]?")
NAMED_SUBJECT = re.compile(r"(?:\b(?:[Ll]e|[Dd]u|[Aa]u|[Cc]e)\s+" + TERRITORY_WORD + r"|\b[Cc]elui\s+(?=d))" + SUBJECT_NAME
                           + r"\s*,?\s*(?:qui\s+)?(?:(?:est|sont|a\s+été|s['’]organise|s['’]articule"
                           r"|se\s+structure)\s+)?$")
# a sentence opening with a territory's name, before a sentence pointing back to it ("Le
# territoire Bocage Vendéen a été labellisé. Il associe …")
# the same subject without "territoire", opening its clause: "…, Caen Industrie est porté par
# A", "Enfin, les Collines de Normandie réunissent A et B", "…, tandis que Y regroupe
# A et B" (two capitalised words at least, or
# one that says where it lies: "enfin le Saint-Quentinois, dans l'Aisne, réunit A et B")
BARE_SUBJECT = re.compile(r"(?:^|(?<=[,;:.!?])|(?<=[,;:.!?][ \t\u00a0])|(?<=\n)|(?<!\S)(?=[•◦▪‣·*-][ \t]))\s*"
                          r"(?:[•◦▪‣·*-][ \t]+)?"  # an item's bullet: "• Sud Haute-Marne, associant :"
                          r"(?:(?:[Ee]nfin|[Pp]uis|[Ee]nsuite|et|tandis\s+que|alors\s+que)\s*,?\s+)?"
                          r"(?:(?:[Ll]es|[Ll]e|[Ll]a)\s+|[Ll]['’]\s*)?" + SUBJECT_NAME
                          # "le Saint-Quentinois, dans l'Aisne, réunit"
                          + r"(?P<where>\s*,\s*(?:dans|en)\s+[^,.;:]{2,40},)?"
                          # "- X, reconduit, réunissant :": the item's label status between
                          + r"(?:\s*,\s*(?:" + WORDS["label_status"] + r")\s*,)?"
                          # "…, Y, qui réunit A et B": a name set off by commas, its relative clause
                          + r"(?:\s*,\s*qui\s+|\s*,?\s*(?:(?:est|sont|a\s+été|ont\s+été)\s+)?)$")
# "Le périmètre retenu est celui du Pays X, regroupant A et B": "celui" stands for the
# perimeter, and X is the body whose area the territory (named elsewhere) takes, not a territory
PERIMETER_OF = re.compile(r"\bp[ée]rim[èe]tre\b[^.;:!?\n]{0,40}?\b(?:est|sera|reste|était|demeure)\s+$", re.IGNORECASE)


def _named_subject(text: str, start: int, trigger: int) -> re.Match | None:
    """The territory a member list's subject names ("Le territoire X regroupe A et B", "celui de
    X, qui rassemble A et B"), unless "celui" stands for a perimeter another body lends."""
    subject = NAMED_SUBJECT.search(text, start, trigger)
    if subject and subject.group(0)[:1] in "Cc" and subject.group(0)[:5].lower() == "celui" \
            and PERIMETER_OF.search(text, max(start, subject.start() - 60), subject.start()):
        return None
    return subject


NAMED_FIRST = re.compile(r"\s*(?:[Ll]e|[Cc]e)\s+" + TERRITORY_WORD + SUBJECT_NAME)
# the same name as the object of a verb presenting it, set off by its relative clause: "Côté
# renouvellements, on retrouve X, qui fédère A, B et C" (the relative's subject is X)
PRESENTED_SUBJECT = re.compile(r"\b(?:on\s+(?:re)?trouve|figurent|figure|citons|voici)\s+"
                               r"(?:(?:[Ll]es|[Ll]e|[Ll]a)\s+|[Ll]['’]\s*)?" + SUBJECT_NAME
                               + r"\s*,\s*qui\s+$")


def _subject_named_otherwise(text: str, sentence_start: int, trigger: int,
                             epci_spans: list[tuple[int, int]] = ()) -> bool:
    """Whether a member list's subject is a territory named in the text ("Le territoire
    Collines de Normandie regroupe A et B") whose mention the territory rules did not keep: its
    members belong to it, not to another territory of the document. (A territory they kept is
    found before the list by the sentence rule, which answers first.)"""
    subject = _named_subject(text, max(sentence_start, trigger - 160), trigger) \
        or _bare_subject(text, sentence_start, trigger, epci_spans)
    return bool(subject) and not _names_a_place(subject)


def _names_a_place(subject: re.Match) -> bool:
    """Whether a list's subject names a département or a région, not a territory: "Ce territoire
    d'Indre-et-Loire réunit A et B" (where it lies), "…, à cheval sur le Doubs et le Territoire de
    Belfort, réunit A et B" (a département whose name opens with "Territoire")."""
    written = subject.string[subject.start():subject.end("name")].split(maxsplit=1)
    return is_place_name(subject.group("name")) or len(written) == 2 and is_place_name(written[1]) \
        or all(is_place_name(part) for part in PLACES_JOINT.split(subject.group("name")))


# the joints of a list of places: "…, à cheval sur le Tarn, la Haute-Garonne et l'Aude, qui associe
# A et B" (the list's last places, not a territory's name)
PLACES_JOINT = re.compile(r"\s*,\s*|\s+et\s+(?:(?:la|le|les)\s+|l['’]\s*)?")


def _formed_by_subjects(text: str, folded: str, mention: EpciMention, end: int,
                        territories: list[TerritoryMention], epci_spans: list[tuple[int, int]]) -> str | None:
    """The territory the subjects of a verb of membership form, named right after it ("…
    X ; la CC A et la CC B forment Y"): its id; "" when the name
    there is no territory found (one the territory rules missed, not the one named before the
    subjects); None when no name follows the verb ("se sont rassemblées pour candidater")."""
    if not mention.in_member_list or mention.list_start is None or mention.list_start < mention.end:
        return None
    verb = MEMBERS_VERB.match(text, mention.list_start)
    if verb is None:
        return None
    gap = TERRITORY_NAMED_NEXT.match(folded, verb.end())
    if not re.match(r"[A-ZÉÈÀÂÎÔ]", text[gap.end():gap.end() + 1]):
        return None
    after = _named_in(folded, gap.end(), end, territories, epci_spans)
    return after[0][1].territory_id if after and after[0][0] == gap.end() else ""


# the quoted name after "X forme à elle seule le territoire", "X est membre du territoire"
QUOTED_NAME = re.compile(r"[«\"“]\s*(?P<name>[A-ZÉÈÀÂÎÔ][^»\"”\n]{1,60}?)\s*[»\"”]")


def _territory_it_forms(text: str, folded: str, mention: EpciMention) -> TerritoryMention | None:
    """The territory an EPCI is said to form or belong to, named in quotes right after ("la
    CACEM forme à elle seule le territoire « CACEM »"), when no territory rule found it."""
    member_of = MEMBER_OF.match(folded, mention.end)
    if member_of is None:
        return None
    gap = TERRITORY_NAMED_NEXT.match(folded, member_of.end())
    if "territoire" not in folded[member_of.start():gap.end()]:
        return None
    quoted = QUOTED_NAME.match(text, text.rfind("«", member_of.end(), gap.end() + 1)
                               if "«" in text[member_of.end():gap.end() + 1] else gap.end())
    if quoted is None:
        return None
    return TerritoryMention(quoted.start("name"), quoted.end("name"), collapse_spaces(quoted.group("name")),
                            "territory.member_subject", block_end=quoted.end())


# "la CA X et la CC Y forment Nord-Ouest Aube": the verbs whose object is the whole its subjects make
FORMING_VERB = re.compile(r"(?:form|compos|constitu)(?:ent|aient|eront)$", re.IGNORECASE)


def _territory_the_subjects_form(text: str, folded: str, mention: EpciMention,
                                 sentences: list[tuple[int, int]]) -> TerritoryMention | None:
    """The name right after "forment" / "composent" / "constituent" whose subjects are linked EPCIs
    ("… ; la CC A et la CC B forment Nord-Ouest Aube, reconduit pour 2023-2027"), in a sentence
    about the label or a text titled by the programme: the territory they make, when no territory
    rule read it (neither a place, an EPCI's name nor another body: "forment le PETR du Pays de X")."""
    if not (mention.link.siren and mention.in_member_list and mention.list_start is not None
            and mention.list_start >= mention.end):
        return None
    verb = MEMBERS_VERB.match(text, mention.list_start)
    if verb is None or not FORMING_VERB.search(verb.group(0)):
        return None
    start = TERRITORY_NAMED_NEXT.match(folded, verb.end()).end()
    index = _sentence_index(sentences, start)
    if index is None or not re.match(r"[A-ZÉÈÀÂÎÔ]", text[start:start + 1]):
        return None
    sentence_start, sentence_end = sentences[index]
    if not (LABELLING.search(text, sentence_start, sentence_end) or titled_by_the_programme(folded)):
        return None
    end = capitalised_run(text, start, sentence_end)
    name = text[start:end]
    if is_place_name(name) or OTHER_BODY.match(name) or is_epci_name(name):
        return None
    return make_mention(text, start, end, "territory.member_subject", (), sentence_end)


OTHER_BODY = re.compile(r"(?:" + WORDS["not_epci"] + r")(?:\s|$)", re.IGNORECASE)


def _bare_subject(text: str, sentence_start: int, trigger: int,
                  epci_spans: list[tuple[int, int]]) -> re.Match | None:
    """The name opening the clause of a member list's trigger, without "territoire" ("…, Caen
    Industrie est porté par A"): two capitalised words at least, or one said to lie somewhere
    ("le Saint-Quentinois, dans l'Aisne, réunit"); not an EPCI ("Flers Agglo regroupe"), nor
    another body ("L'État associe", "Le PETR du Pays de X regroupe"), nor a person's office ("…,
    Président de l'UIMM X, réunissant également la CA Y": the candidacy the sentence opens with does),
    nor a side of one ("Côté Comminges, on y retrouve la 5C")."""
    subject = BARE_SUBJECT.search(text, max(sentence_start, trigger - 160), trigger) \
        or PRESENTED_SUBJECT.search(text, max(sentence_start, trigger - 160), trigger)
    if subject is None:
        return None
    name = subject.group("name")
    if len(re.findall(r"(?<![\w'’])[A-ZÉÈÀÂÎÔ]", name)) < 2 and not subject.groupdict().get("where") \
            or OTHER_BODY.match(name) or opens_with_an_institution(name) or PART_LABEL.match(name) \
            or any(s < subject.end("name") and subject.start("name") < e for s, e in epci_spans):
        return None
    return subject


def _named_in_passing(folded: str, start: int, end: int) -> bool:
    """A territory named at folded[start:end] in an apposition about the subject before it, closed
    by a comma ("Le Pays de Brest, voisin du Pays de Morlaix, réunit …"): not the subject of the
    verb after it."""
    return NAMED_IN_PASSING.search(folded, max(0, start - NAMED_IN_PASSING_WINDOW), start) is not None \
        and APPOSED.match(folded, end) is not None


def _named_before(territory_id: str, mention: EpciMention, structure, folded: str,
                  sentence_start: int, territories: list[TerritoryMention],
                  epci_spans: list[tuple[int, int]]) -> bool:
    """Whether the text from the paragraph holding a mention (or from `sentence_start`, when it
    comes first) names the territory before it, or the mention itself does ("La Communauté
    d'agglomération Seine-Eure est labellisée": its territory)."""
    if any(t.territory_id == territory_id and t.start < mention.end and mention.start < t.end for t in territories):
        return True
    block = structure.block_at(mention.start) if structure is not None else None
    opening = min(sentence_start, block.span.start) if block is not None else sentence_start
    return any(t.territory_id == territory_id
               for _, t in _named_in(folded, opening, mention.start, territories, epci_spans))


def _names_the_programme_in_its_sentence(mention: EpciMention, folded: str,
                                        sentences: list[tuple[int, int]]) -> bool:
    """Whether its sentence is about this programme (not \"retenue dans l'appel Fonds vert\")."""
    index = _sentence_index(sentences, mention.start)
    return index is not None and NAMES_THE_PROGRAMME.search(folded, *sentences[index]) is not None


APPOSED = re.compile(r"\s*,\s*")


def _labelled_themselves(mentions: list[EpciMention], text: str) -> list[EpciMention]:
    """The EPCIs that are the subject of a label of their own ("la CA X est labellisée"), with
    their acronym when the name is its apposition ("La CACEM, Communauté d'agglomération du
    Centre de la Martinique, est labellisée"): the comma closes the name, not a list of members."""
    subjects = []
    for mention, following in zip(mentions, [*mentions[1:], None]):
        if mention.in_member_list:
            continue
        if LABEL_PREDICATE.match(text, mention.end):
            subjects.append(mention)
        elif following is not None and mention.link.siren and following.link.siren == mention.link.siren \
                and (apposed := APPOSED.match(text, mention.end)) and apposed.end() == following.start \
                and (closing := APPOSED.match(text, following.end)) and LABEL_PREDICATE.match(text, closing.end()):
            subjects += [mention, following]
    return subjects


def _named_as_member(mention: EpciMention, text: str, folded: str, start: int, end: int,
                     words: re.Pattern = LABELLING, reads: _SentenceReads | None = None) -> bool:
    """Listed as a member, or named in a sentence about the label (`words`) and not as someone's
    office ("président de GrandSoissons Agglomération")."""
    if mention.in_member_list:
        return True
    office = _office_before(folded, mention.start)
    said = reads.found_in_slice(words, text, start, end) if reads else bool(words.search(text[start:end]))
    return said and not office


def territories_kept(mentions: list[EpciMention], territories: list[TerritoryMention],
                     text: str) -> list[TerritoryMention]:
    """The territory mentions that are territories: one starting inside an EPCI's name ("CC du
    Territoire de X") is a piece of it, one that is a name of a member list ("regroupe douze
    communautés de communes : A, B") is a member; unless the EPCI goes by that name, and the
    territory is the one it designates ("141 territoires, dont les communautés d'agglomération de
    Bastia et du Pays Ajaccien")."""
    territory_reach = SpanReach([(t.start, t.end) for t in territories])

    def holds_a_territory(mention: EpciMention) -> bool:  # a territory overlapping the mention
        return territory_reach.covers(mention.end - 1, mention.start + 1)

    # a member list where some linked EPCI holds no territory's name lists the members of one
    # territory ("il est composé de 5 EPCI (Vienne Condrieu Agglomération, la communauté de
    # communes de La Vallée du Garon, …)"), as does one whose layout says so ("Côté X : A et B"
    # after "trois communautés de communes"): the names inside it are members, not territories
    listed = [m for m in mentions if m.in_member_list and m.link.siren]
    mixed_lists = {m.list_start for m in listed if not holds_a_territory(m) or m.one_territory}

    holders = SpanHolders([(m.start, m.end) for m in mentions])

    def piece_of_another(territory: TerritoryMention) -> bool:
        # (only the mentions holding its start: the tests below read each mention's links)
        for mention in (mentions[index] for index in holders.holding(territory.start, territory.start)):
            named_at = ARTICLE.match(text, mention.start, mention.end).end()
            inside = named_at < territory.start < mention.end or (
                mention.rule == "epci.member_list" and mention.start <= territory.start
                and territory.end <= mention.end)
            if not inside:
                continue
            sides = territory.name.split(" / ")  # a pair: "Nord Grande Terre / Marie-Galante"
            # an article about one territory (territory.topic), or one named by its carrier only
            # (territory.carrier_named), goes by the EPCI whatever the list
            # an EPCI several fit designates the territory named after one of them
            sirens = [mention.link.siren] if mention.link.siren else mention.link.candidates
            # a "Territory : A, B et C" line names the territory its members belong to: the
            # names inside them are no other territories ("X (Nord) : CA du Pays de Saint-Omer …")
            hinted_elsewhere = mention.territory_hint not in (None, territory.territory_id) \
                or territory.rule != "territory.carrier_named" and _list_of_another(mention, text)
            # (a rule that names the territory after this EPCI points it there, even where the name
            # it writes is no official form of the EPCI's: "A B" for the communauté urbaine "Le A B-les-C")
            designates = (mention.list_start not in mixed_lists
                          or territory.rule in ("territory.topic", "territory.carrier_named")) \
                and not hinted_elsewhere \
                and (mention.territory_hint == territory.territory_id
                     or any(named_after(side, siren) for side in sides for siren in sirens)
                     or _whole_name_after_its_form(mention, territory, text))
            # a territory named after the first of the members a rule designated it by ("Ce
            # territoire associe A, B et C": "A") is no piece of that member, whatever its list
            designates = designates or (territory.rule == "territory.designated_by_members"
                                        and mention.territory_hint == territory.territory_id)
            if not designates:
                return True
        return False
    kept = [t for t in territories if not piece_of_another(t)]
    return kept or _designation_by_members(listed, territories)


def _whole_name_after_its_form(mention: EpciMention, territory: TerritoryMention, text: str) -> bool:
    """'L'Agglomération d'Alès, dans le Gard, et la Communauté urbaine Creusot Montceau, en
    Saône-et-Loire, font partie des territoires …' (the CU Le Creusot Montceau-les-Mines): a
    territory spanning all the words the text writes after the legal form of a listed, linked EPCI
    is the name the text gives that EPCI, whether or not the referential knows it as an everyday
    form. Only for a member of a list or the subject of a label's predicate (territory.labelled):
    a name a looser rule reads there (a headline's) keeps to the referential's forms."""
    if not (mention.link.siren and mention.legal_form) or territory.end != mention.end \
            or not (mention.in_member_list or territory.rule == "territory.labelled"):
        return False
    written = text[mention.start:mention.end]
    named_at = ARTICLE.match(written).end()
    return legal_form_end(written, fold(written), named_at) == territory.start - mention.start


def _designation_by_members(listed: list[EpciMention], territories: list[TerritoryMention]
                            ) -> list[TerritoryMention]:
    """In a text that names no territory besides, a territory its predicate reads from the members
    of one list coordinated as a singular subject ("Le territoire formé par la communauté
    d'agglomération de A et la communauté de communes de B a été retenu": "A et B") is the territory
    they make up, named by that designation (tests/gold/README.md, decision of 2026-12-05): it
    starts in the first member's mention, ends with the last's and covers two linked members
    or more, each of a different EPCI. One such territory at most."""
    found = []
    for territory in territories:
        covered = [m for m in listed if territory.start < m.end and m.start < territory.end]
        if len(covered) >= 2 and len({m.list_start for m in covered}) == 1 \
                and len({m.link.siren for m in covered}) == len(covered) \
                and covered[0].start <= territory.start and territory.end == max(m.end for m in covered):
            found.append(territory)
    return found if len({t.territory_id for t in found}) == 1 else []


# a legal form or "l'agglomération" right before a territory's name: "L'agglomération de Concarneau"
HEAD_BEFORE_NAME = re.compile(r"(?:" + HEAD.pattern + r")\s*(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)?$")


def same_epci_territories(mentions: list[EpciMention], territories: list[TerritoryMention],
                          text: str) -> list[TerritoryMention]:
    """A territory named by an EPCI's town after its legal form ("L'agglomération de Concarneau est
    labellisée") and one named after that EPCI ("Concarneau Cornouaille agglomération (CCA) est
    labellisée"), which the text also names, are one territory: the first takes the second's
    name. The town must name that EPCI where the EPCI lies."""
    ref = referential.load()
    heads = {id(t): HEAD_BEFORE_NAME.search(text, max(0, t.start - 60), t.start) for t in territories}
    named = {}  # territory_id -> (name, SIREN of the EPCI it is named after), not after a head
    # each EPCI and each name once (a text repeating a shape repeats both)
    sirens = list(dict.fromkeys(m.link.siren for m in mentions if m.link.siren))
    tried = set()
    for territory in territories:
        territory_id = territory.territory_id
        if heads[id(territory)] or territory_id in named or territory.name in tried:
            continue
        tried.add(territory.name)
        siren = next((siren for siren in sirens if named_after(territory.name, siren)), None)
        if siren:
            named[territory_id] = (territory.name, siren)
    if not named:
        return territories
    kept = []
    for territory in territories:
        head = heads[id(territory)]
        if head and territory.territory_id not in named:
            for name, siren in named.values():
                epci = ref.epcis[siren]
                link = link_epci(text[head.end():territory.end], head_type(head.group(0)),
                                 frozenset(epci.departement_codes))
                if link.siren == siren:
                    territory = replace(territory, name=name)
                    break
        kept.append(territory)
    return kept


# "Alès Agglo", "Agglo d'Agen": a brand's type word shortened
SHORTENED_AGGLO = re.compile(r"(?<![\w'’-])Agglo(?![\w'’-])", re.IGNORECASE)
LEGAL_FORM = re.compile(r"^(?:CA|CC|CU)\s+")


def brands_in_full(mentions: list[EpciMention], territories: list[TerritoryMention]) -> list[TerritoryMention]:
    """A territory named after one of the document's EPCIs by its brand shortened ("Alès Agglo est
    officiellement Territoire d'industrie" for the "CA Alès Agglomération", "L'Agglo d'Agen
    labellisée" for the "CA Agglomération d'Agen") takes the brand as the referential writes
    it, as an analyst does; a brand whose official name says "Agglo" ("CA Flers Agglo") stays.
    Then a territory written as an EPCI whose official name another territory of the text bears
    ("Alès Agglomération, Territoire d'industrie" then "l'Agglo d'Alès a signé") is that one."""
    kept = []
    officials: dict[str, str | None] = {}  # a shortened name -> its brand in full (each name read once)
    for territory in territories:
        if SHORTENED_AGGLO.search(territory.name):
            if territory.name not in officials:
                full = SHORTENED_AGGLO.sub("Agglomération", territory.name)
                officials[territory.name] = next((LEGAL_FORM.sub("", m.link.name) for m in mentions
                                                  if m.link.siren and m.link.name
                                                  and name_key(LEGAL_FORM.sub("", m.link.name)) == name_key(full)), None)
            official = officials[territory.name]
            if official:
                territory = replace(territory, name=official)
        kept.append(territory)

    holders = SpanHolders([(m.start, m.end) for m in mentions])

    def epci_of(territory: TerritoryMention) -> str | None:
        return next((mentions[index].link.siren for index in holders.holding(territory.start, territory.end)
                     if mentions[index].link.siren), None)
    official_names: dict[str, str] = {}
    for territory in kept:
        siren = epci_of(territory)
        if siren and not SHORTENED_AGGLO.search(territory.name) and is_official_name(territory.name, siren):
            official_names.setdefault(siren, territory.name)
    return [replace(t, name=official_names[siren]) if (siren := epci_of(t)) in official_names else t for t in kept]


# "Agglomération de Rochefort Océan": the type word and its preposition before a name
AGGLOMERATION_OF = re.compile(r"^Agglom[ée]ration\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)(?=\S)")


def type_words_dropped(mentions: list[EpciMention], territories: list[TerritoryMention]) -> list[TerritoryMention]:
    """A territory named "Agglomération de X" after one of the document's EPCIs whose official
    name is "CA X" ("l'Agglomération de Rochefort Océan a été labellisée" for the "CA Rochefort
    Océan"), or "CA X Agglomération" ("L'Agglomération d'Alès" for the "CA Alès Agglomération"),
    goes by X: the type word is its legal form written out, before the name rather than after it.
    One whose official name says "CA de X" ("CA d'Agen") is the agglomeration of a town:
    "Agglomération d'Agen" stays."""
    kept = []
    for territory in territories:
        of = AGGLOMERATION_OF.match(territory.name)
        bare = territory.name[of.end():] if of else ""
        if bare and any(m.link.siren and m.link.name and m.link.name.startswith("CA ")
                        and name_key(m.link.name[3:]) in (name_key(bare), name_key(bare + " Agglomération"))
                        for m in mentions):
            territory = replace(territory, name=bare)
        kept.append(territory)
    return kept


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _list_of_another(mention: EpciMention, text: str) -> bool:
    """Whether the member list holding a mention is introduced as the territory's named before:
    its sentence points back to it ("Le territoire X a été retenu. Il associe : la communauté de
    communes du Val d'Amboise, …"). The names inside its members are then no territories."""
    if not (mention.in_member_list and mention.list_start is not None):
        return False
    start = max(text.rfind(".", 0, mention.list_start), text.rfind("\n", 0, mention.list_start)) + 1
    # a list opening its line is introduced by that line ("Composition du nouveau territoire :"),
    # and so is a table whose list starts at the sentence announcing it ("Ses membres figurent
    # dans le tableau ci-dessous.", members._table_intro_anchor)
    end = mention.list_start if text[start:mention.list_start].strip() else _line_end(text, start)
    return bool(ANAPHORA.match(text[start:end].lstrip(" \t•-–*")))


# a full stop then a blank line: the end of a sentence the parser may have run on
STOP_THEN_BLANK_LINE = re.compile(r"[.!?][»”\"]?[ \t]*\n[ \t]*\n")


def _split_at_blank_lines(sentences: list[tuple[int, int]], text: str,
                          territories: list[TerritoryMention]) -> list[tuple[int, int]]:
    """The parser's sentences cut where a full stop ends a paragraph and the next one names a
    territory ("… Les Essarts.⏎⏎Le territoire Vendée Grand Sud est également retenu."): the
    members before are not that territory's. A paragraph naming none goes on with the sentence
    before, as the parser read it ("… pour 2023-2027.⏎⏎Le dossier a été préparé avec A et B")."""
    split = []
    starts = sorted(t.start for t in territories)  # a territory after a blank line, by bisection

    def names_one(start: int, end: int) -> bool:
        index = bisect_left(starts, start)
        return index < len(starts) and starts[index] < end

    for start, end in sentences:
        for blank in STOP_THEN_BLANK_LINE.finditer(text, start, end):
            if text[start:blank.start()].strip() and names_one(blank.end(), end):
                split.append((start, blank.start() + 1))
                start = blank.end()
        split.append((start, end))
    return split


def _joined_across_names(sentences: list[tuple[int, int]],
                         names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parser's sentences, two joined where a name runs across their boundary: the senter
    sometimes cuts before a capitalised word ("… tandis que Lisieux | Industrie s'appuie sur …"),
    and a name never spans two sentences."""
    joined: list[tuple[int, int]] = []
    reach = SpanReach(names)
    for start, end in sentences:
        if joined and reach.covers(start - 1, start + 1):  # a name starting before it, ending after it
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _joined_inside_brackets(sentences: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The parser's sentences, two joined where the first ends inside a bracket the second closes:
    the senter cuts after an abbreviation's full stop ("la CC X (24 communes, 21 000 hab.) espère
    …"), and the sentence goes on after the bracket."""
    joined: list[tuple[int, int]] = []
    for start, end in sentences:
        if joined and text.startswith(")", start) \
                and text.count("(", *joined[-1]) > text.count(")", *joined[-1]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def attach(mentions: list[EpciMention], territories: list[TerritoryMention], text: str,
           sentences: list[tuple[int, int]], structure,
           aliases: dict[str, str] | None = None, title: str | None = None) -> list[tuple[EpciMention, str | None]]:
    """(mention, territory_id) for every mention kept, in text order. `aliases` are the short
    names and acronyms the document defines (folded name -> SIREN); `title` is the document's
    headline (document_info), which a masthead may stand above."""
    folded = fold(text)
    # "co-présidé par : A, président de la CC X ; …", "porté par B, présidente de la CC Y": the
    # trigger lists people, each given by the body they preside; an official's body is no member
    # (tests/gold/README.md), unless the signature of an agreement makes it a party (`_signatory`)
    mentions = [replace(m, in_member_list=False) if m.in_member_list and _office_before(folded, m.start) else m
                for m in mentions]
    territories = _Territories(territories_kept(mentions, territories, text))
    sentences = _joined_inside_brackets(sentences, text)
    sentences = _joined_across_names(_split_at_blank_lines(sentences, text, territories),
                                     [(m.start, m.end) for m in [*mentions, *territories]])
    # an EPCI whose name the territory goes by names that territory where it stands ("le
    # Territoire qui concerne Le Grésivaudan regroupe le Pays Voironnais et …"); other EPCIs'
    # names hide the territory names inside them ("Troyes" in "CA de Troyes Champagne Métropole");
    # one written as the territory's very name after its legal form ("la communauté urbaine X"
    # shortened from its end) names it too
    sides = [side for t in territories for side in t.name.split(" / ")]
    side_keys = {name_key(side): side for side in sides}
    distinct_sides = set(sides)
    named_by = {}  # SIREN -> whether a territory is named after that EPCI (each EPCI read once)

    def names_a_territory(mention: EpciMention) -> bool:
        siren = mention.link.siren
        if siren not in named_by:
            named_by[siren] = any(named_after(side, siren) for side in distinct_sides)
        if named_by[siren]:
            return True
        written = side_keys.get(name_key(_core_of_name(text[mention.start:mention.end]))) if side_keys else None
        return written is not None and named_by_its_start(written, mention.link.siren)
    epci_spans = _Spans((m.start, m.end) for m in mentions if not (m.link.siren and names_a_territory(m)))
    # "… prennent le relais du territoire « X » de la première génération": the former territory
    # a renewal text recalls takes none of the members it lists
    holders = _Territories(t for t in territories if t.rule != "territory.predecessor") or territories
    by_id = {t.territory_id for t in holders}
    # EPCIs that are the subject of a label of their own, not a territory of the document
    territory_names = {t.name for t in territories}
    label_subjects = [m.start for m in _labelled_themselves(mentions, text)
                      if not any(named_after(name, m.link.siren) for name in territory_names
                                 if m.link.siren)]
    epci_starts = {m.start for m in mentions if m.link.siren}
    runs = _runs(mentions, folded, sentences)
    run_end = {id(m): run[-1].end for run in runs for m in run}
    # a run compared with the subject or given as another laureate ("à l'image de A ou de B",
    # "rejoint ainsi A, retenue elle aussi"): members of no territory but one named after them
    compared = {id(m) for run in runs
                if COMPARED_BEFORE.search(folded, max(0, run[0].start - COMPARED_WINDOW), run[0].start)
                or LABELLED_TOO.match(folded, run[-1].end) for m in run}
    planned = {id(m) for run in runs if _planned_extension(folded, run) for m in run}
    # read once: searched for each mention left without a territory, it read the whole text as
    # many times (1,000 sentences "la CC X regroupant A, B et C": 4 s)
    programme_named = not territories and NAMES_THE_PROGRAMME.search(folded)
    attached, unclaimed = [], []
    reads, named_for = _SentenceReads(text, folded, title), {}
    coded = [t for t in holders if t.rule in CODED_RULES]  # (each mention read every territory)
    composing = {id(m): owner for m, owner in _composing_the_name(mentions, holders, folded, sentences, every_one=True)}
    for mention in mentions:
        territory_id = None if id(mention) in planned else _on_its_coded_line(mention, coded) or _territory_of(
            mention, holders, text, folded, sentences, structure, epci_spans, by_id, aliases or {},
            label_subjects, epci_starts, run_end, reads, named_for, compared, composing)
        if territory_id:
            attached.append((mention, territory_id))
        elif territories and (_carried_by_an_organisation(mention, folded, sentences)
                              or _ranked_apart_at(mention, text, folded, sentences, holders, epci_spans, reads)
                              or _coordinated_subject(text, folded, 0, mention, holders, epci_spans) == ""):
            attached.append((mention, None))  # the member of a territory the text leaves unnamed
        elif territories and mention.start in label_subjects \
                and _names_the_programme_in_its_sentence(mention, folded, sentences):
            attached.append((mention, None))  # "La CACEM, …, est labellisée Territoire d'industrie": a territory unseen
        elif territories and mention.rule == SAID_OUTSIDE_RULE:
            attached.append((mention, None))  # "A, qui ne fait pas partie du territoire": an EPCI tied to none
        elif territories:
            unclaimed.append(mention)
        elif programme_named and _named_for_the_programme(mention, text, folded, sentences, structure, reads,
                                                          run_end=run_end.get(id(mention), mention.end)):
            attached.append((mention, None))  # its territory went unseen: members and label holders stay
    attached += _coordinated_with_attached(mentions, attached, folded, sentences, territories, epci_spans)
    attached += _counted_back(mentions, attached, holders, folded, sentences)
    attached += _composing_the_name(unclaimed, holders, folded, sentences)
    attached += _formed_with_antecedents(mentions, unclaimed, attached, folded)
    attached += _composing_across_the_text(
        [m for m in unclaimed if id(m) not in planned and id(m) not in compared and not _venue(folded, m)
         and not NOT_A_MEMBER.match(folded, run_end.get(id(m), m.end))], attached, holders, folded)
    attached += _last_item_after_a_semicolon(unclaimed, attached, folded)
    attached = _unconfirmed_topic_members_dropped(attached, holders, folded, sentences)
    attached = _bodies_members_dropped(attached, folded, sentences, territories)
    def joins(mention: EpciMention) -> bool:
        return bool(JOINING.search(folded, *sentences[_sentence_index(sentences, mention.start) or 0]))
    successors = renamed_successors(territories, folded, sentences)
    attached = _former_members_returned(attached, successors, folded, sentences, territories, epci_spans)
    former = _former_phase_list(unclaimed, successors, holders, folded, sentences)
    attached += former
    unclaimed = [m for m in unclaimed if all(m is not f for f, _ in former)]
    for successor, predecessor in successors.items():
        if any(territory_id == successor and not joins(m) for m, territory_id in attached):
            continue  # the renamed territory's members are listed: they answer
        inherited = [(m, successor) for m, territory_id in attached if territory_id == predecessor]
        # ("… élargi … : Cédric Bôle, Président de la CC X" names an office, not who joins)
        joining = [(m, successor) for m in unclaimed
                   if m.link.siren and joins(m) and not _office_before(folded, m.start)]
        joiners = [m for m, territory_id in attached if territory_id == successor] + [m for m, _ in joining]
        if joiners and not any(JOINS_THE_MEMBERS.search(folded, *sentences[_sentence_index(sentences, m.start) or 0])
                               for m in joiners):
            inherited = []  # an enlarged territory: its members are those said to enter it
        if inherited or joiners:
            attached += inherited + joining
    # "Ce nouveau territoire prend la suite du B. … Il s'ouvre désormais à la CU X": an EPCI said to
    # join (right after the word), pointed at the former territory, joins the one that continues
    # it, not the former one
    continued_by = {predecessor: successor for successor, predecessor in successors.items()}
    attached = [(m, continued_by[owner]) if owner in continued_by and JOINED_RIGHT_BEFORE.search(folded, max(0, m.start - 80), m.start)
                else (m, owner) for m, owner in attached]
    # "les communes de l'ancienne CC X ont rejoint l'agglomération": dissolved since, no member
    attached = [(m, owner) for m, owner in attached if not FORMER_BODY.search(folded, max(0, m.start - FORMER_WINDOW), m.start)]
    return sorted(attached, key=lambda pair: (pair[0].start, pair[0].end))


# "et, plus à l'ouest, la " opening the line of a list's last item (folded text)
LAST_ITEM_OPENING = re.compile(r"[ \t•*–-]*et\s*(?:,[^,.;:!?\n]{0,40},\s*)?(?:(?:la|le|les)\s+|l'\s*)?$")
ITEM_CLOSED = re.compile(r";\s*$")
ITEM_CLOSED_REACH = 40  # characters of blanks between the item before and the line of the last
SENTENCE_CLOSED = re.compile(r"[.!?](?:\s|$)")


def _last_item_after_a_semicolon(unclaimed: list[EpciMention], attached: list[tuple[EpciMention, str | None]],
                                 folded: str) -> list[tuple[EpciMention, str]]:
    """"Il associe deux intercommunalités :⏎⏎A, autour de …, qui … ;⏎⏎et, plus à l'ouest, la CC
    B, …": the list's items end with a semicolon and its last one opens its own line with "et":
    that line's EPCI is a member of the territory of the item before (the last EPCI named before
    it, attached, its sentence not closed since)."""
    taken = {id(m) for m, _ in attached}
    every = sorted([*attached, *((m, None) for m in unclaimed if id(m) not in taken)], key=lambda pair: pair[0].start)
    found = []
    for mention in unclaimed:
        line_start = folded.rfind("\n", 0, mention.start) + 1
        if id(mention) in taken or not mention.link.siren or not line_start \
                or not LAST_ITEM_OPENING.fullmatch(folded, line_start, mention.start) \
                or not ITEM_CLOSED.search(folded, max(0, line_start - ITEM_CLOSED_REACH), line_start):
            continue
        before = [(m, owner) for m, owner in every if m.end <= line_start]
        if before and before[-1][1] and not SENTENCE_CLOSED.search(folded, before[-1][0].end, line_start):
            found.append((mention, before[-1][1]))
    return found


# "Le PETR du Pays de X fédère trois intercommunalités : A, B et C": a clause whose subject is a
# body that groups EPCIs (territory_words.json grouping_bodies), then its verb
BODY_SUBJECT = re.compile(r"\s*(?:(?:le|la)\s+|l'\s*)?" + TERRITORY_WORDS["grouping_bodies"])
GROUPING_VERB = re.compile(r"(?<![\w'])(?:" + "|".join(TERRITORY_WORDS["grouping_verbs"]) + r")(?![\w'])")
# "réunit nos deux communautés de communes et la CC X": a count of EPCIs the list takes up unnamed
COUNTED_MEMBERS = re.compile(r"(?<![\w'])(?:\d{1,2}|" + "|".join(COUNT_WORDS) + r")\s+(?:autres\s+)?"
                             + fold(WORDS["members_noun"]) + r"\b")


def _members_of_a_body(mention: EpciMention, folded: str, sentences: list[tuple[int, int]],
                       territories: list[TerritoryMention]) -> bool:
    """Listed by the verb of a PETR, a pôle or a syndicat mixte that opens a sentence naming
    neither the programme nor a territory: that body's member."""
    if not mention.in_member_list:
        return False
    start, end = _sentence_around(mention, folded, sentences)
    subject = BODY_SUBJECT.match(folded, start)
    if subject is None or not GROUPING_VERB.search(folded, subject.end(), mention.start):
        return False
    return not (PROGRAMME.search(folded, start, end) or NAMES_THE_PROGRAMME.search(folded, start, end)
                or any(start <= t.start < end for t in territories))


def _bodies_members_dropped(attached: list[tuple[EpciMention, str | None]], folded: str,
                            sentences: list[tuple[int, int]],
                            territories: list[TerritoryMention]) -> list[tuple[EpciMention, str | None]]:
    """A body's members (`_members_of_a_body`: "Le PETR du Pays de X fédère A, B et C") are not
    those of a territory the text gives a list of its own, all named ("le Territoire d'industrie
    Y réunit A et D"): a PETR may carry a territory made of some of its EPCIs only. They stay
    when that list takes them up by a count ("réunit nos deux communautés de communes et la CC
    D") or when the territory has no list of its own."""
    body = {id(m) for m, owner in attached if owner and _members_of_a_body(m, folded, sentences, territories)}
    if not body:
        return attached
    closed = {}
    for mention, owner in attached:
        if owner and id(mention) not in body and mention.in_member_list:
            counted = COUNTED_MEMBERS.search(folded, *_sentence_around(mention, folded, sentences))
            closed[owner] = closed.get(owner, True) and counted is None
    return [(m, owner) for m, owner in attached if id(m) not in body or not closed.get(owner, False)]


CODED_RULES = ("territory.coded_line", "territory.coded_head")


def _on_its_coded_line(mention: EpciMention, territories: list[TerritoryMention]) -> str | None:
    """'Béziers-Sète (34) — Béziers Méditerranée, Sète Agglopôle Méditerranée': an EPCI on the line
    of a territory read from a run of such lines (territory.coded_line), or on the members line
    under its coded name (territory.coded_head), is that territory's member."""
    return next((t.territory_id for t in territories if t.rule in CODED_RULES
                 and t.end <= mention.start and mention.end <= t.block_end), None)


PROSE_RULE = "territory.prose"


def member_named_as_territory(attached: list[tuple[EpciMention, str | None]],
                              territories: list[TerritoryMention]) -> set[str]:
    """The territories read from prose only ("La vallée du Garon, « Territoire d'industrie »" over
    a magazine's article) that go by the name, or the end of the name, of an EPCI the text lists
    as a member of another territory it names ("Le territoire d'industrie « Y » réunit la CCVG,
    …"), with no member of their own besides it: that EPCI told as one of the laureates, no
    territory of its own."""
    rules: dict[str, set[str]] = {}
    for territory in territories:
        rules.setdefault(territory.territory_id, set()).add(territory.rule)
    listed_in = {}
    for mention, owner in attached:
        if owner and mention.link.siren and mention.in_member_list:
            listed_in.setdefault(mention.link.siren, set()).add(owner)
    dropped = set()
    for territory in territories:
        if rules[territory.territory_id] != {PROSE_RULE}:
            continue
        own = {m.link.siren for m, owner in attached if owner == territory.territory_id and m.link.siren}
        core = _core_of_name(territory.name)
        for siren in own:
            others = listed_in.get(siren, set()) - {territory.territory_id}
            goes_by = named_after(territory.name, siren) or any(
                official == core or official.endswith(" " + core) for official in _official_cores_of(siren))
            if core and len(own) == 1 and others and goes_by:
                dropped.add(territory.territory_id)
    return dropped


COUNTED_BACK = re.compile(WORDS["counted_back"] + fold(WORDS["members_noun"]) + r"\b")


def _counted_back(mentions: list[EpciMention], attached: list[tuple[EpciMention, str | None]],
                  territories: list[TerritoryMention], folded: str,
                  sentences: list[tuple[int, int]]) -> list[tuple[EpciMention, str]]:
    """'Le Territoire d'industrie du Grand Bastia couvre ainsi les deux intercommunalités': the
    territory its subject and no name after: the EPCIs the text named before it, when they are
    exactly as many as counted, whatever they were named for ("au siège de la CA X"), and none
    of them a member of another territory. A text about one territory only."""
    if len({t.territory_id for t in territories}) != 1:
        return []
    owner_of = {id(m): owner for m, owner in attached}
    found = []
    for territory in territories:
        counted = COUNTED_BACK.match(folded, territory.end)
        index = _sentence_index(sentences, territory.start) if counted else None
        if index is None:
            continue
        count = count_value(counted.group(1))
        before = [m for m in mentions if m.end <= territory.start and m.link.siren]
        named_after_it = any(counted.end() <= m.start < sentences[index][1] and m.link.siren for m in mentions)
        if named_after_it or len({m.link.siren for m in before}) != count \
                or any(owner_of.get(id(m)) not in (None, territory.territory_id) for m in before):
            continue
        found += [(m, territory.territory_id) for m in before if id(m) not in owner_of]
        owner_of.update({id(m): territory.territory_id for m in before})
    return found


def _unconfirmed_topic_members_dropped(attached: list[tuple[EpciMention, str | None]],
                                       territories: list[TerritoryMention], folded: str,
                                       sentences: list[tuple[int, int]]) -> list[tuple[EpciMention, str | None]]:
    """A territory found only as the article's topic (rule territory.topic) that goes by an EPCI's
    name lists that EPCI only when the text ties the EPCI to the programme: listed as a member,
    or named, not as someone's office or employer, in a sentence about the programme ("Détenteur
    du label Territoire d'industrie, Cap Nord …"). An article about an intercommunality's own
    work ("La direction de l'économie de X a réuni …") whose only word of the programme is a
    staff member's title ("cheffe de projet Territoires d'industrie – X") names no member."""
    topics = {t.territory_id: t.name for t in territories if t.rule == "territory.topic"}
    dropped: set[int] = set()
    for territory_id, name in topics.items():
        own = [m for m, owner in attached if owner == territory_id and m.link.siren
               and any(named_after(side, m.link.siren) for side in name.split(" / "))]
        if own and not any(m.in_member_list or (not _office_before(folded, m.start)
                                                and _in_programme_sentence(m, folded, sentences))
                           for m in own):
            dropped |= {id(m) for m in own}
    return [(m, owner) for m, owner in attached if id(m) not in dropped]


def _sentence_around(mention: EpciMention, folded: str, sentences: list[tuple[int, int]]) -> tuple[int, int]:
    index = _sentence_index(sentences, mention.start)
    start, end = sentences[index] if index is not None else (mention.start, mention.end)
    # a blank line ends a sentence the parser ran on
    start = max([start] + [b.end() for b in BLANK_LINE.finditer(folded, start, mention.start)])
    following = BLANK_LINE.search(folded, mention.end, end)
    return start, following.start() if following else end


# "c'est l'agence d'attractivité X qui porte la démarche pour le compte de trois communautés de
# communes : A, B et C" (folded text)
ORGANISATION_CARRIES = re.compile(TERRITORY_WORDS["organisation_carries"])


def _carried_by_an_organisation(mention: EpciMention, folded: str, sentences: list[tuple[int, int]]) -> bool:
    """Listed after an organisation (agency, association, syndicat mixte, SEM, pôle) said, in the
    list's sentence, to carry the work on their behalf: the members of a territory the text leaves
    unnamed, whose name is not the organisation's, nor another territory's the text names."""
    if not mention.in_member_list or mention.list_start is None:
        return False
    index = _sentence_index(sentences, mention.start)
    start = sentences[index][0] if index is not None else mention.start
    # a blank line ends a sentence the parser ran on (_sentence_around); found by bisection: each
    # member of a sentence of hundreds read it from its start
    blank_ends = _blank_line_ends(folded)
    after = bisect_left(blank_ends, start)
    before = bisect_right(blank_ends, mention.start) - 1
    start = max(start, blank_ends[before]) if before >= after else start
    return start < mention.list_start and _organisation_carries(folded, start, mention.list_start)


@lru_cache(maxsize=8)
def _blank_line_ends(folded: str) -> list[int]:
    return [match.end() for match in BLANK_LINE.finditer(folded)]


@lru_cache(maxsize=1024)
def _organisation_carries(folded: str, start: int, end: int) -> bool:
    """ORGANISATION_CARRIES in folded[start:end], read once for all the members of one list."""
    return ORGANISATION_CARRIES.search(folded, start, end) is not None


def _in_programme_sentence(mention: EpciMention, folded: str, sentences: list[tuple[int, int]]) -> bool:
    start, end = _sentence_around(mention, folded, sentences)
    return bool(PROGRAMME.search(folded, start, end) or NAMES_THE_PROGRAMME.search(folded, start, end))


def officials_bodies(mentions: list[EpciMention], attached: list[tuple[EpciMention, str | None]],
                     text: str, sentences: list[tuple[int, int]],
                     territory_spans: list[tuple[int, int]] = ()) -> list[EpciMention]:
    """The EPCIs named, not attached, only as the body of an official in a sentence about the
    programme ("Didier Klein, vice-président de Pays de Montbéliard Agglomération, … constitueront
    la gouvernance de ce programme") or naming a territory (`territory_spans`: "Le Nord
    Franche-Comté mise sur les filières d'avenir, avec …, vice-président du Pays de Montbéliard
    Agglomération"): no members, but where the people who run it sit."""
    folded = fold(text)
    taken = {id(m) for m, _ in attached}

    def about_the_programme(mention: EpciMention) -> bool:
        # its sentence, or its line: "De gauche à droite : A, président de la CC X ; …
        # référent Territoire d'industrie de Y." (a caption split at its semicolons)
        line_start = folded.rfind("\n", 0, mention.start) + 1
        line_end = folded.find("\n", mention.end)
        line_end = len(folded) if line_end < 0 else line_end
        start, end = _sentence_around(mention, folded, sentences)
        return _in_programme_sentence(mention, folded, sentences) \
            or bool(PROGRAMME.search(folded, line_start, line_end)
                    or NAMES_THE_PROGRAMME.search(folded, line_start, line_end)) \
            or any(start <= span_start and span_end <= end for span_start, span_end in territory_spans)

    return [m for m in mentions if id(m) not in taken and m.link.siren and not m.in_member_list
            and _office_before(folded, m.start) and about_the_programme(m)]


def _coordinated_with_attached(mentions: list[EpciMention], attached: list[tuple[EpciMention, str | None]],
                               folded: str, sentences: list[tuple[int, int]],
                               territories: list[TerritoryMention],
                               epci_spans: list[tuple[int, int]]) -> list[tuple[EpciMention, str]]:
    """EPCIs coordinated in one run with EPCIs of one territory, in a sentence about an agreement
    or the label, are its members too: "signer cette convention avec les présidents des
    communautés de communes A, B, C et de la communauté d'agglomération X" (the territory named
    after X) names the signatories' bodies. A run whose EPCIs belong to several territories, or
    in a sentence speaking of other territories, may be an enumeration of territories and gives
    nothing; an office ("président de X") is no member.
    A run said to be members after its last name ("A, B, le C – qui composent le Territoire
    d'industrie Y") belongs to the territory named next in its sentence."""
    territory_of = {id(m): territory_id for m, territory_id in attached if territory_id}
    runs = _runs(mentions, folded, sentences)
    found = []
    for run in runs:
        owners = {territory_of[id(m)] for m in run if id(m) in territory_of}
        index = _sentence_index(sentences, run[0].start)
        if index is not None and MEMBER_OF.match(folded, run[-1].end):
            after = _named_in(folded, run[-1].end, sentences[index][1], territories, epci_spans)
            owner = after[0][1].territory_id if after else None
            if owner and len(run) > 1 and territory_of.get(id(run[-1]), owner) == owner:
                found += [(m, owner) for m in run if id(m) not in territory_of and m.link.siren]
            continue
        if len(run) < 2 or len(owners) != 1 or index is None \
                or not AGREEMENT.search(folded, *sentences[index]) \
                or OTHER_TERRITORIES.search(folded, *sentences[index]):
            continue  # "les territoires retenus : la CA X, la CC Y …" may be as many territories
        owner = owners.pop()
        found += [(m, owner) for m in run if id(m) not in territory_of and m.link.siren
                  and not _office_before(folded, m.start)]
    return found + _companions_of_attached(runs, territory_of, folded, sentences)


# "… au sein du territoire X qu'elle forme avec la CA Y" (folded, right before Y's name)
FORMED_WITH_PRONOUN = re.compile(WORDS["formed_with_pronoun"])
FORMED_WITH_WINDOW = 60  # the pronoun, its verb and "avec la"
FORMED_WITH_REACH = 700  # from the subject EPCI to its partner: the paragraph before at most
SENTENCE_OPENING = re.compile(r"(?:^|[.!?:\n])\s*(?:(?:la|le)\s+|l'\s*)?$")


def _formed_with_antecedents(mentions: list[EpciMention], unclaimed: list[EpciMention],
                             attached: list[tuple[EpciMention, str | None]], folded: str) -> list[tuple[EpciMention, str]]:
    """"La CC X a inauguré … C'est à ce titre qu'elle a été retenue, au sein du territoire Y
    qu'elle forme avec la CA Z": the pronoun before "forme avec" is the EPCI that opens an earlier
    sentence, the text's subject; it joins Z's territory when it is the EPCI named last before Z
    and no territory claimed it (an EPCI in between, or one named after an office, is not the
    pronoun's)."""
    found = []
    for partner, owner in attached:
        if not owner or not FORMED_WITH_PRONOUN.search(folded, max(0, partner.start - FORMED_WITH_WINDOW), partner.start):
            continue
        before = [m for m in mentions if m.end <= partner.start]
        antecedent = max(before, key=lambda m: m.start, default=None)
        if antecedent is None or not antecedent.link.siren or partner.start - antecedent.start > FORMED_WITH_REACH \
                or not any(antecedent is m for m in unclaimed):
            continue
        if SENTENCE_OPENING.search(folded, max(0, antecedent.start - 12), antecedent.start):
            found.append((antecedent, owner))
    return found


# "A en fait partie, aux côtés de B et de C", "A a signé le contrat avec B", "A, ainsi que B, …"
# (folded text, between a run of names and the next)
COMPANION = re.compile(r"\s*,?\s*(?:(?:en\s+(?:fait|font|sont|est)\s+(?:partie|membres?)|y\s+participent|y\s+participe)\s*,?\s*"
                       r"|(?:a|ont)\s+signe\s+(?:le|son|leur)\s+(?:contrat|protocole)\s+)?"
                       r"(?:aux\s+cotes\s+(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)|ainsi\s+qu(?:e\s+|'\s*)(?:(?:la|le|les|l')\s*)?"
                       r"|avec\s+(?:(?:la|le|les|l')\s*)?)")
BELONGING = re.compile(r"\ben\s+(?:fait|font|sont|est)\s+(?:partie|membres?)\b|\by\s+particip")


def _companions_of_attached(runs: list[list[EpciMention]], territory_of: dict[int, str], folded: str,
                            sentences: list[tuple[int, int]]) -> list[tuple[EpciMention, str]]:
    """The EPCIs named as the companions of a territory's members, right after them ("La CC A en
    fait partie, aux côtés de la CC B et de celle de C", "A et B ont signé le contrat avec la CC
    C"), in a sentence about the label, an agreement or belonging and about no other territory:
    members of that territory too; an office is none."""
    found = []
    for first, second in zip(runs, runs[1:]):
        owners = {territory_of[id(m)] for m in first if id(m) in territory_of}
        index = _sentence_index(sentences, first[0].start)
        if len(owners) != 1 or index is None or index != _sentence_index(sentences, second[0].start) \
                or any(id(m) in territory_of for m in second) \
                or not COMPANION.fullmatch(folded, first[-1].end, second[0].start):
            continue
        sentence = folded[sentences[index][0]:sentences[index][1]]
        if not (AGREEMENT.search(sentence) or BELONGING.search(sentence)) or OTHER_TERRITORIES.search(sentence):
            continue
        owner = owners.pop()
        found += [(m, owner) for m in second if m.link.siren and not _office_before(folded, m.start)]
    return found


def _composing_the_name(unclaimed: list[EpciMention], territories: list[TerritoryMention], folded: str,
                        sentences: list[tuple[int, int]], every_one: bool = False) -> list[tuple[EpciMention, str]]:
    """EPCIs listed together (one member list, or one run of coordinated names) that no other
    rule attached, whose names make up a territory's name between them ("pour le territoire
    élargi qui couvre les communautés de communes A Terre de B et C" in a text about the
    territory "A-C"): that territory's members. Every part of the name is one of them, by one
    of its names or everyday forms or the start of one, each EPCI once. `every_one`: each EPCI of the
    group is a part of the name (to overrule the paragraph's territory, a group whose extra members
    are no part of it, "PMA, le Grand Belfort, la CCPH, la CC du Sud Territoire et les Vosges du Sud"
    under "le bassin Belfort – Montbéliard – Héricourt", describes the paragraph's territory)."""
    groups: dict[object, list[EpciMention]] = {}
    for run in _runs(unclaimed, folded, sentences):
        key = run[0].list_start if run[0].in_member_list and run[0].list_start is not None else id(run[0])
        groups.setdefault(key, []).extend(m for m in run if m.link.siren and not _office_before(folded, m.start))
    found = []
    for group in groups.values():
        sirens = list(dict.fromkeys(m.link.siren for m in group))
        if len(sirens) < 2:
            continue
        needed = len(sirens) if every_one else 2
        owners = {t.territory_id for t in territories if _composed_of(t.name, tuple(sirens)) >= needed}
        if len(owners) == 1:
            owner = owners.pop()
            found += [(m, owner) for m in group]
    return found


def _composing_across_the_text(unclaimed: list[EpciMention], attached: list[tuple[EpciMention, str | None]],
                               territories: list[TerritoryMention], folded: str) -> list[tuple[EpciMention, str]]:
    """EPCIs named apart, each in its own sentence, whose names make up between them the whole name
    of a territory of the text ("… par la CA Tarbes-Lourdes-Pyrénées" … "la CC de Lacq-Orthez" …
    "L'agglomération Pau Béarn Pyrénées, de son côté, …" in a text about "Lacq-Pau-Tarbes"): a
    name built of its members' names, the unclaimed ones among those are that territory's
    members. Each part of the name is a distinct EPCI (two or more), every one of them needed to
    make it up, and no other territory's name is made up by them; an office is none."""
    owner_of = {m.link.siren: owner for m, owner in attached if m.link.siren}
    taken = {id(m) for m, _ in attached}
    left = [m for m in unclaimed if m.link.siren and id(m) not in taken and m.link.siren not in owner_of
            and not _office_before(folded, m.start)]
    if not left:
        return []
    claims: dict[str, set[str]] = {}
    for territory in territories:
        words = _name_words(territory.name)
        if len(words) < 2:
            continue
        phrases = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
        own = {siren for siren, owner in owner_of.items() if owner == territory.territory_id}
        parts = sorted(siren for siren in {m.link.siren for m in left} | own if _name_parts(siren) & phrases)
        count = _composed_of(territory.name, tuple(parts)) if len(parts) >= 2 else 0
        if count < 2:
            continue
        needed = {siren for siren in parts if siren not in own
                  and _composed_of(territory.name, tuple(p for p in parts if p != siren)) < count}
        for siren in needed:
            claims.setdefault(siren, set()).add(territory.territory_id)
    return [(m, next(iter(claims[m.link.siren]))) for m in left if len(claims.get(m.link.siren, ())) == 1]


# words a part of a territory's name cannot end on when it is the start of an EPCI's official
# name ("Pays" of "Pays Loudunais", "Saint" of "Saint-Dizier Der et Blaise"): not a name alone
GENERIC_WORDS = frozenset({"pays", "grand", "bassin", "canton", "region", "ile", "val", "vallee", "vallees",
                           "terre", "terres", "haut", "haute", "bas", "basse", "saint", "sainte", "cote",
                           "cotes", "porte", "portes", "coeur", "plaine", "plateau", "mont", "monts", "nord",
                           "sud", "est", "ouest", "centre", "agglo", "communaute", "metropole", "en", "sur"})


@lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, ...]:
    """A territory's name as _composed_of reads it: its core words, the programme's word ending it
    left out. Cached: a document tries each of its territories against every group of EPCIs."""
    words = tuple(_core_of_name(name).split())
    return words[:-1] if words[-1:] == ("industrie",) else words


@lru_cache(maxsize=4096)
def _name_parts(siren: str) -> frozenset[str]:
    """What a part of a territory's name may be for an EPCI: one of its forms, or the start of one
    of its names or forms not ending on a generic word. Cached: the same EPCIs come back in every
    group and document."""
    epci = referential.load().epcis.get(siren)
    cores = [_core_of_name(borne.name) for borne in epci.names] + list(_forms_of_siren(siren)) if epci else []
    return frozenset(_forms_of_siren(siren)) | {" ".join(core.split()[:n]) for core in cores
                                                for n in range(1, len(core.split()))
                                                if core.split()[n - 1] not in GENERIC_WORDS}


@lru_cache(maxsize=4096)
def _composed_of(name: str, sirens: tuple[str, ...]) -> int:
    """How many of these EPCIs make up a territory's name, each once, in any order ("Rumilly-Usses
    et Rhône" for the CC Rumilly Terre de Savoie and the CC Usses et Rhône: 2), every word of the
    name in one of them but the programme's word ending it ("Baie de Somme Ponthieu-Marquenterre
    industrie"); 0 when they do not make it up or it has fewer than two words."""
    words = _name_words(name)
    names = {siren: _name_parts(siren) for siren in sirens}

    def cover(start: int, left: frozenset) -> int:  # how many EPCIs make up words[start:]
        if start == len(words):
            return 0
        best = -1
        for end in range(start + 1, len(words) + 1):
            part = " ".join(words[start:end])
            for siren in left:
                if part in names[siren]:
                    rest = cover(end, left - {siren})
                    best = max(best, rest + 1 if rest >= 0 else -1)
        return best
    return max(cover(0, frozenset(sirens)), 0) if len(words) >= 2 else 0


def _runs(mentions: list[EpciMention], folded: str,
          sentences: list[tuple[int, int]]) -> list[list[EpciMention]]:
    """The mentions in runs of coordinated names ("A, B, C et de la communauté d'agglomération
    X"), in text order."""
    return runs_joined_by(mentions, folded, COORDINATION,
                        lambda last, mention: _sentence_index(sentences, last.start)
                        == _sentence_index(sentences, mention.start))


def _member_runs(linked: list[EpciMention], folded: str) -> Callable[[EpciMention], Iterator[EpciMention]]:
    """For each of the `linked` mentions (in text order), the run of those joined after it by
    MEMBER_JOINT ("A, B et la C"), from it on: the end of its run (runs_joined_by), read only as
    far as the caller goes (one line of a long run each)."""
    place = {id(mention): (run, index) for run in runs_joined_by(linked, folded, MEMBER_JOINT)
             for index, mention in enumerate(run)}

    def run_from(first: EpciMention) -> Iterator[EpciMention]:
        run, index = place[id(first)]
        return (run[position] for position in range(index, len(run)))
    return run_from


def _former_members_returned(attached: list[tuple[EpciMention, str | None]], successors: dict[str, str],
                             folded: str, sentences: list[tuple[int, int]], territories: list[TerritoryMention],
                             epci_spans: list[tuple[int, int]]) -> list[tuple[EpciMention, str | None]]:
    """Members given to a renamed territory by a heading above them ("Territoire d'industrie Y"
    then "La précédente labellisation 2019-2023 couvrait 5 communautés de communes (A, B, …)"):
    their paragraph speaks of the former phase, and neither of the new one nor of who joins before
    them, and does not name the new territory: they are the members of the territory it continues."""
    moved = []
    for mention, territory_id in attached:
        predecessor = successors.get(territory_id)
        index = _sentence_index(sentences, mention.start)
        if predecessor and index is not None:
            start, end = sentences[index]
            breaks = [b.end() for b in BLANK_LINE.finditer(folded, start, mention.start)]
            start = breaks[-1] if breaks else start
            paragraph_end = BLANK_LINE.search(folded, mention.end, end)  # a heading's sentence runs on
            end = paragraph_end.start() if paragraph_end else end
            former = FORMER_PHASE.search(folded, start, mention.start)
            if former and not NEW_PHASE_AFTER.search(folded, former.end(), mention.start) and not any(
                    t.territory_id == territory_id for _, t in _named_in(folded, start, end, territories, epci_spans)):
                territory_id = predecessor
        moved.append((mention, territory_id))
    return moved


def _former_phase_list(unclaimed: list[EpciMention], successors: dict[str, str], territories: list[TerritoryMention],
                       folded: str, sentences: list[tuple[int, int]]) -> list[tuple[EpciMention, str]]:
    """In a text about one territory and the one it continues under a new name, a list of members
    no rule attached whose intro speaks of the former phase ("Lors de la première phase, la
    démarche réunissait cinq communautés de communes :" then the items) lists the former one's."""
    if len(successors) != 1 or {t.territory_id for t in territories} != {*successors, *successors.values()}:
        return []
    predecessor = next(iter(successors.values()))
    found = []
    for mention in unclaimed:
        if not mention.in_member_list or mention.list_start is None:
            continue
        index = _sentence_index(sentences, mention.list_start)
        if index is not None and FORMER_PHASE.search(folded, sentences[index][0], mention.list_start):
            found.append((mention, predecessor))
    return found


# "Deux concernent la Vendée. … Le second, baptisé « Sud Vendée », …", "L'autre territoire, baptisé
# Castres-Mazamet, …": an ordinal or "l'autre" picking one of the territories counted names it, it
# renames none (folded)
ORDINAL_NAMED = re.compile(r"(?<![\w'])(?:(?:le|la)\s+(?:premier|premiere|second|seconde|deuxieme|troisieme|quatrieme|dernier|derniere)"
                           r"|l'\s*autre(?:\s+territoire)?)"
                           r"\s*,\s*(?:dit|dite|baptise|baptisee|nomme|nommee|appele|appelee)\s+[«\"]?\s*$")


def renamed_successors(territories: list[TerritoryMention], folded: str,
                sentences: list[tuple[int, int]]) -> dict[str, str]:
    """{renamed territory: the territory it continues}: a territory given a new name
    ("… avec un nouveau nom, Alliances Luxe & Précision Doubs", "un nouveau Territoire …,
    baptisé « Bourgogne Industrie »", "il devient « Territoire d'industrie Y »") continues the
    last other territory named before its sentence ("le Territoire d'Industrie Haut-Doubs Horloger
    (2019-2023) qui s'étendait sur 5 Communautés de Communes (…)"), whose members it keeps, with
    the EPCIs said to join it; so does a territory said to take over from one named after it ("Le
    préfet salue la labellisation … de « A ». Ce nouveau territoire prend la suite du B")."""
    found: dict[str, str] = {}
    clues = [m.start() for m in RENAMED_CLUE.finditer(folded)]
    for territory in territories:
        index = _sentence_index(sentences, territory.start)
        if index is None or bisect_left(clues, sentences[index][0]) == bisect_left(clues, territory.start) \
                or not (NEW_NAME.search(folded, sentences[index][0], territory.start)
                                 or BECOMES_QUOTED.search(folded, sentences[index][0], territory.start)) \
                or ORDINAL_NAMED.search(folded, sentences[index][0], territory.start):
            continue
        # the territory named before the clue, in its sentence or before ("Le Territoire A,
        # labellisé pour 2019-2022, a été reconduit et s'appellera désormais « B »")
        clue = clues[bisect_left(clues, territory.start) - 1]
        before = [t for t in territories if t.end <= clue and t.territory_id != territory.territory_id]
        if before and territory.territory_id not in found:
            found[territory.territory_id] = max(before, key=lambda t: t.start).territory_id
    for territory in territories:  # "A … . Ce nouveau territoire prend la suite du B": A continues B
        index = _sentence_index(sentences, territory.start)
        if index is None or not TAKES_OVER_FROM.search(folded, max(sentences[index][0], territory.start - 80),
                                                      territory.start):
            continue
        before = [t for t in territories if t.end <= sentences[index][0] and t.territory_id != territory.territory_id]
        if before:
            successor = max(before, key=lambda t: t.start).territory_id
            if successor not in found and territory.territory_id not in found:
                found[successor] = territory.territory_id
    return found


# A "Name (départements) : A, B et C" line names a territory by the list of its members: its
# label is a proper name (capitalised words and their connectors), not a heading ("Partenaires",
# "Intercommunalités signataires du contrat"), a place alone ("Gironde : …" may list several
# territories) nor the programme; its value coordinates at least two linked EPCIs.
LABEL_WORD = re.compile(r"[^\W\d_][\w'’-]*|[&/–—]")
LABEL_BRACKET = re.compile(r"\s*\(([^()\n]*)\)\s*$")
GENERIC_LABEL = re.compile(r"^(?:(?:les?|la|l'|des?|du|nos|vos|ses)\s+)?(?:\d+\s+)?(?:"
                           + "|".join(p for key in ("announces_territories", "announces_something_else",
                                                    "announces_members", "subheading")
                                      for p in TERRITORY_WORDS[key])
                           + r"|contact\w*|partager|source|publie|mis\s+a\s+jour|photos?|credits?|legende"
                           + r"|territoires?|ti)\b")
PLACE_ADJECTIVE = re.compile(WORDS["place_adjective"])
MAX_LEAD_WORDS = 4  # "le territoire associe A et B": words of the value before its first member
MAX_GAP_WORDS = 6   # "A s'associe à la B", "A, les Portes Briardes et l'B": words between two members


def _name_like(label: str) -> bool:
    """Capitalised words and the connectors between them ("Nord Basse-Terre / Grand Sud
    Caraïbe", "Marne et Brie Industries"), opening with a capital; an adjective of place may
    follow a capitalised word in lower case ("Bassin nazairien", "Riviera française")."""
    words = LABEL_WORD.findall(label)
    significant = [w for w in words if w[0].isalpha() and fold(w) not in CONNECTORS]
    if not significant or len(words) > MAX_NAME_WORDS or not label[:1].isupper() \
            or fold(words[0]) in SENTENCE_STARTS:
        return False
    return all(re.sub(r"^[ldLD]['’]", "", w)[:1].isupper()
               or k > 0 and PLACE_ADJECTIVE.fullmatch(fold(w)) for k, w in enumerate(significant))


def member_line_candidates(text: str, structure, territories: list[TerritoryMention],
                           places) -> list[TerritoryMention]:
    """The labels of "label : value" lines that may name a territory by its members' list
    ("Axe Seine (Eure, Seine-Maritime) : Métropole de Rouen, CA Seine-Eure …"); the EPCIs of
    their values decide (member_line_territories)."""
    candidates = []
    named = SpanReach((t.start, t.end) for t in territories)
    for line in [*structure.fields, *dash_fields(text)]:
        start, end = line.label.start, line.label.end
        if named.overlaps(start, end):
            continue
        bracket = LABEL_BRACKET.search(text, start, end)
        # "A – B – C — Cantal, Lot, Aveyron : members": the départements after the name's last dash
        tail = None if bracket else departements_after_dash(text, start, end, places)
        name_end = bracket.start() if bracket else tail[0] if tail else end
        lead = len(text[start:name_end]) - len(text[start:name_end].lstrip(" \t«\"“"))
        name = text[start + lead:name_end].rstrip(" \t»\"”")
        folded = fold(name)
        generic = GENERIC_LABEL.match(folded)  # "Partenaires", "Contacts presse"; not "Axe Seine"
        if generic and (len(LABEL_WORD.findall(name)) == 1 or re.match(r"\w+[sx]\b", folded)):
            continue
        if not _name_like(name) or is_place_name(name) or PART_LABEL.match(name) or is_field_label(folded) \
                or re.search(r"\bterritoires?\b|\bindustrie\b(?!s)", folded):
            continue
        if spells_out(name, line.value.of(text)):
            continue  # "*PMA : Pays de Montbéliard Agglomération.*": a note defining an acronym
        if any(re.match(re.escape(folded) + r"\s+[–—-]\s", fold(t.name)) for t in territories):
            continue  # "Vallée de la Bresle : le Vimeu et …" beside "Vallée de la Bresle – Vimeu": its short form
        # the places of its bracket by bisection (each label line read every place of the text)
        codes = {p.code for p in (places_starting_in(places, bracket.start(), end) if bracket else ())
                 if p.kind == "departement" and p.end <= end} or (tail[1] if tail else set())
        candidates.append(TerritoryMention(start + lead, start + lead + len(name), collapse_spaces(name),
                                           "territory.member_line", codes, block_end=line.value.end))
    return candidates


VALUE_SEPARATOR = re.compile(r"[:—–]")  # "Name : A, B", "NAME — A, B" (dash_fields)


def member_line_territories(candidates: list[TerritoryMention], mentions: list[EpciMention],
                            text: str) -> list[TerritoryMention]:
    """The candidates whose value coordinates at least two linked EPCIs, from its start (a few
    words may come first: "le territoire associe A et B") and with few words between them, or is
    the one EPCI the label names, unless that line is a masthead above the headline ("Val de
    Fensch — Communauté d'agglomération du Val de Fensch": the publisher, no territory). The
    mentions inside a value are found by bisection (each candidate, each line of its value, read
    every mention of the text)."""
    kept = []
    masthead = MASTHEAD.match(text)
    spans = SpansInside([(m.start, m.end, m) for m in mentions])
    for candidate in candidates:
        separator = VALUE_SEPARATOR.search(text, candidate.end, candidate.block_end)
        if separator is None:
            if _one_epci_a_sub_item(candidate, spans, text):
                kept.append(candidate)
            continue
        value_start = separator.end()
        inside = sorted((m for _, _, m in spans.inside(value_start, candidate.block_end)), key=lambda m: m.start)
        if not inside and _an_epci_said_labelled(candidate, spans, text, value_start):
            kept.append(candidate)
            continue
        if _named_after_its_one_member(candidate, inside, text, value_start):
            if masthead is None or candidate.start >= masthead.end():
                kept.append(candidate)
            continue
        if sum(1 for m in inside if m.link.siren) < 2:
            continue
        gaps = [text[value_start:inside[0].start]] + [text[a.end:b.start] for a, b in zip(inside, inside[1:])
                                                      if a.end <= b.start]
        words = [len(re.findall(r"\w+", re.sub(r"\([^()]*\)", " ", _without_headed_names(gap)))) for gap in gaps]
        if words[0] <= MAX_LEAD_WORDS and max(words[1:], default=0) <= MAX_GAP_WORDS \
                and not any(re.search(r"[.!?](?:\s|$)", gap) for gap in gaps) \
                and not _rubric_over_a_headline(candidate, text, inside[-1].end):
            kept.append(candidate)
    return kept


# After the last member, words in lower case that run on to the end of the line: a headline's
# predicate (a list ends, or goes on after a comma or a bracket: "A et B, soit deux
# intercommunalités", "A et B (Lot)")
PREDICATE_AFTER_MEMBERS = re.compile(r"[ \t]+[a-zà-ÿ][\w'’-]*(?:[ \t]+[\w'’-]+){2,}[ \t]*(?:\n|$)")


def _rubric_over_a_headline(candidate: TerritoryMention, text: str, members_end: int) -> bool:
    """Whether a one-word label heads a headline whose subject is the members ("Économie : Rodez,
    Figeac et Aurillac jouent collectif pour leurs usines"): a page's rubric, no territory's name.
    A longer label keeps its line ("Cœur de Maine : les Coëvrons et LBN Communauté misent sur
    l'industrie" names its territory)."""
    return len(LABEL_WORD.findall(candidate.name)) == 1 and PREDICATE_AFTER_MEMBERS.match(text, members_end) is not None


# "Ploërmel Communauté : sélectionnée pour la première fois": a label status opening a line's value
LABEL_STATUS_OPENING = re.compile(r"\s*(?:" + WORDS["label_status"] + r")\b", re.IGNORECASE)


def _an_epci_said_labelled(candidate: TerritoryMention, spans: SpansInside, text: str, value_start: int) -> bool:
    """A label that is one linked EPCI named with its type word, its value a label status and no
    member ("2. Ploërmel Communauté : sélectionnée pour la première fois"): the territory that EPCI
    designates, which lists it (gold README: a name with its type word)."""
    label = [m for _, _, m in spans.inside(candidate.start, candidate.end)]
    return len(label) == 1 and bool(label[0].link.siren) \
        and (label[0].start, label[0].end) == (candidate.start, candidate.end) \
        and TYPE_WORD.search(candidate.name) is not None and LABEL_STATUS_OPENING.match(text, value_start) is not None


def _one_epci_a_sub_item(candidate: TerritoryMention, spans: SpansInside, text: str) -> bool:
    """An item over its sub-items, no separator ("• Name" then "    ◦ CC A" / "    ◦ CC B"): two
    sub-items at least, each one linked EPCI (not a breadcrumb's "• Accueil" over page titles)."""
    value_start = text.find("\n", candidate.end, candidate.block_end)
    if value_start < 0:
        return False
    lines = [line for line in re.finditer(r"[^\n]*\S[^\n]*", text[value_start:candidate.block_end])]
    return len(lines) >= 2 and all(
        sum(1 for _, _, m in spans.inside(value_start + line.start(), value_start + line.end()) if m.link.siren) == 1
        for line in lines)


def _named_after_its_one_member(candidate: TerritoryMention, inside: list[EpciMention], text: str,
                                value_start: int) -> bool:
    """A line whose value is one linked EPCI, its label that EPCI's own name ("Sablé-sur-Sarthe :
    la communauté de communes de Sablé-sur-Sarthe.", "Terres de Montaigu : la CC Terres de
    Montaigu"): the territory named after that EPCI, which lists it."""
    linked = [m for m in inside if m.link.siren]
    if len(inside) != 1 or len(linked) != 1:
        return False
    member = linked[0]
    lead = re.findall(r"\w+", text[value_start:member.start])
    rest = text[member.end:candidate.block_end]
    return len(lead) <= MAX_LEAD_WORDS and not re.search(r"\w", re.sub(r"\([^()]*\)", " ", rest)) \
        and (named_after(candidate.name, member.link.siren) or named_by_its_start(candidate.name, member.link.siren))


def _without_headed_names(gap: str) -> str:
    """A gap between two linked members, less the names in it that open with a legal form: an
    EPCI that links to none (merged since, "la communauté de communes Caux Estuaire", "la
    Communauté de l'agglomération havraise (CODAH)") is one more member of the list, not prose."""
    pieces = JOINT.split(gap)
    return " ".join(piece for piece in pieces if not HEAD.match(piece.strip()))


SENTENCE_BOUNDARY = re.compile(r"[.!?][»”\"]?[ \t]+|\n[ \t]*")


def _sentence_start(text: str, start: int, position: int) -> int:
    """Where the sentence holding `position` starts, at a full stop or a line end after `start`."""
    boundaries = [b.end() for b in SENTENCE_BOUNDARY.finditer(text, start, position)]
    return boundaries[-1] if boundaries else start


HEADING_TAIL = re.compile(r"\s+[–—-]\s+.*$|\s*\(.*$")  # départements after a dash or in brackets


def _heading_before(text: str, start: int) -> tuple[int, int] | None:
    """The territory's name a heading line gives right above a paragraph that opens by pointing
    back to it ("« Seine Aval » – Yvelines et Val-d'Oise⏎Le territoire s'organise autour de A.",
    "Pays de Vannes⏎Ce territoire réunit A et B."): a short name-like line, its départements
    after a dash or in brackets, no sentence; (start, end) of the name."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return None  # the sentence does not open its line
    end = line_start - 1
    while end > 0 and not text[text.rfind("\n", 0, end) + 1:end].strip():
        end = text.rfind("\n", 0, end)  # a blank line between the heading and its paragraph
        if end <= 0 or text.count("\n", end, line_start) > 2:
            return None
    begin = text.rfind("\n", 0, max(0, end)) + 1
    line = text[begin:end]
    if not line.strip() or re.search(r"[.,;:!?]\s*$|:", line):
        return None
    quoted = re.search(r"[«“\"]\s*([^«»“”\"]+?)\s*[»”\"]", line)
    if quoted:
        name_start, name_end = begin + quoted.start(1), begin + quoted.end(1)
    else:
        lead = len(line) - len(line.lstrip(" \t•-–*#"))  # "## Cœur de Maine": a Markdown heading
        name_start = begin + lead
        # "Creil – Compiègne (60)": a bracket ending the line first, then a dash
        tail = LABEL_BRACKET.search(line, lead) or HEADING_TAIL.search(line, lead)
        places = re.split(r"\s*(?:,|\bet\b)\s*", tail.group(0).strip(" \t–—-()")) if tail else []
        # "Seine Aval – Yvelines et Val-d'Oise" ends with its départements, "Creil – Compiègne (60)"
        # with its code; "Grand Auch Cœur de Gascogne – Astarac Arros en Gascogne" is a name with a dash
        cut = tail.start() if tail and all(is_place_name(p) or CODES_ONLY.fullmatch(p) for p in places if p) \
            else len(line.rstrip())
        name_end = begin + cut
    name = text[name_start:name_end]
    if not name or not _name_like(name) or is_place_name(name) or PART_LABEL.match(name) \
            or GENERIC_LABEL.match(fold(name)) or re.search(r"\bterritoires?\b|\bindustrie\b(?!s)", fold(name)):
        return None
    return name_start, name_end


# A list item that is one intercommunality written with its legal form: "- Communauté de communes X"
BULLET = re.compile(r"[ \t]*[-•*–—▪►][ \t]+")


def _heading_over_epcis(text: str, mention: EpciMention, mentions: list[EpciMention]) -> tuple[int, int] | None:
    """A name-like heading line right above a bulleted list whose every item is one linked
    intercommunality written with its legal form, in a text naming the programme ("Cœur de Maine"
    over "- Communauté de communes des Coëvrons", "- Communauté de communes de la Champagne
    Conlinoise et du Pays de Sillé"): the territory they make; (start, end) of its name, read at
    the list's first item, whose items then hint that territory (attach gives it their membership).
    Items naming no intercommunality right below the members ("- la création d'un campus …") are
    another list written without a break; one naming one again further down makes it one list."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    bullet = BULLET.match(text, line_start)
    if bullet is None or not mention.link.siren or not mention.legal_form \
            or text[bullet.end():mention.start].strip(" \t") not in ("", "la", "La", "le", "Le", "l'", "L'") \
            or BULLET.match(text, text.rfind("\n", 0, max(0, line_start - 1)) + 1) or not PROGRAMME.search(text):
        return None  # not the list's first item (the line above is an item too)
    items, item_start, members_ended = [], line_start, False
    while item_start < len(text) and BULLET.match(text, item_start):
        item_end = text.find("\n", item_start)
        item_end = len(text) if item_end < 0 else item_end
        linked = [m for m in mentions if item_start <= m.start < item_end and m.link.siren and m.legal_form]
        if members_ended:
            if any(item_start <= m.start < item_end for m in mentions):
                return None  # an intercommunality again further down: one list of mixed items
        elif not linked and len(items) >= 2:
            members_ended = True  # "- la création d'un campus …": another list right below
        elif len(linked) != 1:
            return None  # "- Cœur de Maine (A, B)": an item naming something else
        else:
            items.append(linked[0])
        item_start = item_end + 1
    heading = _heading_before(text, line_start) if len(items) >= 2 else None
    for item in items if heading else ():
        # the items are that territory's members, whatever other territory the page names
        item.territory_hint = name_key(collapse_spaces(text[slice(*heading)]))
    return heading


def member_subject_territories(text: str, mentions: list[EpciMention], territories: list[TerritoryMention],
                               sentences: list[tuple[int, int]]) -> list[TerritoryMention]:
    """The territory a member list's subject names ("Le territoire de Bourges-Vierzon,
    regroupant A et B", "Le territoire X s'organise autour de A"), or the sentence before a list
    that points back to it ("Le territoire X a été labellisé. Il associe A et B", "… Les
    intercommunalités concernées sont A et B"), when no territory mention stands there: its
    linked members say it is a territory (rule territory.member_subject)."""
    found: dict[int, TerritoryMention] = {}
    folded = fold(text)
    spans = [(m.start, m.end) for m in mentions]
    # what overlaps the territories or the mentions, by bisection (2,000 subjects read every one)
    territory_reach, mention_reach = SpanReach([(t.start, t.end) for t in territories]), SpanReach(spans)
    # the heading over a sentence, read once for all its members (2,000 members of one line
    # each read it: the line above a text's first line is the whole text)
    headings: dict[int, tuple[int, int] | None] = {}
    # searched once, when first needed: a text naming no programme was read whole for each of its
    # 2,000 members
    names_the_programme: bool | None = None
    for mention in mentions:
        named = _territory_it_forms(text, folded, mention) if mention.link.siren else None
        named = named or _territory_the_subjects_form(text, folded, mention, sentences)
        heading = _heading_over_epcis(text, mention, mentions)
        if heading and not territory_reach.covers(heading[1] - 1, heading[0] + 1):
            found.setdefault(heading[0], TerritoryMention(heading[0], heading[1], collapse_spaces(text[slice(*heading)]),
                                                          "territory.member_heading", block_end=mention.end))
        if named and not territory_reach.covers(named.end - 1, named.start + 1):
            found.setdefault(named.start, named)
        if not (mention.in_member_list and mention.link.siren and mention.list_start is not None):
            continue
        index = _sentence_index(sentences, mention.list_start)
        if index is None:
            continue
        start, end = sentences[index]
        start = _sentence_start(text, start, mention.list_start)  # the parser may run across lines
        subject = _named_subject(text, max(start, mention.list_start - 160), mention.list_start)
        if subject is None:  # "…, Caen Industrie est porté par A"
            subject = _bare_subject(text, start, mention.list_start, spans)
            subject = subject if subject and not is_place_name(subject.group("name")) else None
        heading = None
        # (near the list from its pronoun, after any fronted complement: "De part et d'autre de la
        # limite, ce territoire fédère quatre intercommunalités :")
        pointing = ANAPHORA.match(text[start:min(end, start + ANAPHORA_READ)]) \
            if subject is None and mention.list_start - start < ANAPHORA_READ else None
        if pointing and mention.list_start - start - pointing.end("fronted") < 60:
            end = start
            subject = NAMED_FIRST.match(text, _sentence_start(text, max(0, start - 300), start - 1))
            if not subject and start not in headings:
                headings[start] = _heading_before(text, start)
            heading = None if subject else headings[start]
        if subject is None and heading is None:
            if names_the_programme is None:
                names_the_programme = NAMES_THE_PROGRAMME.search(folded) is not None
            if names_the_programme:
                heading = _section_named_again(text, start, mention.list_start)
        if subject is None and heading is None:
            continue
        name_start, name_end = heading or subject.span("name")
        if heading:
            if not territory_reach.covers(name_end - 1, name_start + 1):
                found.setdefault(name_start, TerritoryMention(name_start, name_end, collapse_spaces(text[name_start:name_end]),
                                                              "territory.member_heading", block_end=end))
            continue
        if subject.group(0).lstrip()[:2].lower() == "ce" and is_place_name(subject.group("name")):
            continue  # "Ce territoire de Loir-et-Cher réunit …": the place of one named before
        if _names_a_place(subject):
            continue  # "…, à cheval sur le Doubs et le Territoire de Belfort, réunit …": a département
        if territory_reach.covers(name_end - 1, name_start + 1) or mention_reach.covers(name_end - 1, name_start + 1):
            continue
        found.setdefault(name_start, TerritoryMention(name_start, name_end, collapse_spaces(subject.group("name")),
                                                      "territory.member_subject", block_end=end))
    return list(found.values())


# "… les élus de A, de B et de C, qui composent ensemble ce territoire d'industrie": a run of
# intercommunalities said to make up a territory the text designates by them alone (folded text,
# from the run's end; no name after "ce territoire")
COMPOSE_THIS_TERRITORY = re.compile(
    r"\s*+,?\s*+qui\s+(?:composent|composaient|forment|formaient|constituent|constituaient)\s+"
    r"(?:(?:ensemble|desormais|aujourd'hui)\s+)?(?:ce|leur)\s+territoire(?:\s+d'\s*industrie)?(?=\s*+(?:[.,;!?)]|$))")

# "… le comité de pilotage du territoire d'industrie. Ce territoire, labellisé pour 2023-2027, associe
# A, B et C": a sentence opening on "ce territoire", then the run as its verb's object (folded
# text, up to the run's first article)
THIS_TERRITORY_GATHERS = re.compile(
    r"(?:[.!?]\s+|\n)\s*ce\s+territoire(?:\s+d'\s*industrie)?(?:\s*,[^,.;:!?()\n]{1,80},)?\s+"
    r"(?:associe|regroupe|reunit|rassemble|federe|comprend|englobe)\s+(?:(?:la|le|les)\s+|l'\s*)?$")

# "les représentants de A, de B et de C ont détaillé ce que change, pour eux, leur labellisation
# « Territoires d'industrie »": the run's own label, in its sentence (folded text)
THEIR_LABEL = re.compile(r"\s*+(?:ont|avaient|sont|etaient)\s[^.;!?\n]{0,80}?\bleur\s+(?:labellisation|label)\s*+[«\"“]?\s*+"
                         + PREFIX + r"\b")


def composed_territories(text: str, mentions: list[EpciMention], territories: list[TerritoryMention],
                         sentences: list[tuple[int, int]]) -> tuple[list[TerritoryMention], list[EpciMention]]:
    """The territory a text designates only by the run of two linked intercommunalities or more
    said to make it up ("les élus de A, de B et de C, qui composent ensemble ce territoire
    d'industrie"), or, in a text naming no territory, said to hold the label together ("les
    représentants de A, de B et de C ont détaillé … leur labellisation « Territoires d'industrie »"),
    when neither that sentence nor the two before name a territory: named after
    the run's first EPCI as written, without its legal form (tests/gold/README.md: the first EPCI
    retained; rule territory.designated_by_members), they its members even as officials' bodies.
    Other territories the text names elsewhere do not prevent it. Returns the territories found
    and the mentions, those of the run pointed to it."""
    folded = fold(text)
    if "qui" not in folded and "leur" not in folded and "ce territoire" not in folded:
        return [], mentions
    for run in _runs(mentions, folded, sentences):
        composed = COMPOSE_THIS_TERRITORY.match(folded, run[-1].end) if len(run) >= 2 else None
        if composed is None and len(run) >= 2 and not territories:
            composed = THEIR_LABEL.match(folded, run[-1].end)  # in a text naming no territory only
        if composed is None and len(run) >= 2 and not territories:
            composed = _gathered_by_this_territory(folded, run, sentences)
        if composed is None or not all(m.link.siren for m in run) or len({m.link.siren for m in run}) != len(run):
            continue
        index = _sentence_index(sentences, run[0].start)
        if index is None:
            continue
        start = sentences[max(0, index - SENTENCES_BACK)][0]
        if any(start <= t.start < composed.end() for t in territories):
            continue
        first = run[0]
        lead = ARTICLE.match(text, first.start, first.end).end()
        name_start = legal_form_end(text, folded, lead) or lead
        if name_start >= first.end:
            continue
        name = collapse_spaces(text[name_start:first.end])
        territory = TerritoryMention(name_start, first.end, name[0].upper() + name[1:],
                                     "territory.designated_by_members", block_end=max(composed.end(), run[-1].end))
        members = {id(m) for m in run}
        return [territory], [replace(m, territory_hint=territory.territory_id) if id(m) in members else m
                             for m in mentions]
    return [], mentions


def _gathered_by_this_territory(folded: str, run: list[EpciMention], sentences: list[tuple[int, int]]
                                ) -> re.Match | None:
    """"Ce territoire, labellisé pour 2023-2027, associe A, B et C" in a text naming no territory:
    the unnamed territory is the one the programme's words, in that sentence or the one before,
    speak of; the run makes it up. The match ends at the run's start."""
    gathers = THIS_TERRITORY_GATHERS.search(folded, max(0, run[0].start - 160), run[0].start)
    index = _sentence_index(sentences, run[0].start)
    if gathers is None or index is None:
        return None
    return gathers if re.search(PREFIX, folded[sentences[max(0, index - 1)][0]:run[0].start]) else None


# "A et B poursuivent ensemble leur démarche Territoires d'industrie", "A et B ont signé leur
# protocole « Territoires d'industrie »", "A et B sont labellisées Territoire d'industrie": what
# follows a run of intercommunalities opening its sentence says they hold the label together
# (folded text, from the run's end)
RUN_HOLDS_THE_LABEL = re.compile(
    r"\s*+(?:[^.;:!?\n]{0,60}?\s)?(?:leur\s+(?:demarche|labellisation|label|candidature|protocole|contrat|engagement"
    r"|feuille\s+de\s+route|plan\s+d'actions?)\s*+(?:commune\s+|conjointe\s+)?[«\"“]?\s*+" + PREFIX + r"\b"
    r"|(?:sont|ont\s+ete|viennent\s+d'etre)\s+(?:[a-z'-]+\s+){0,2}?(?:labellisee?s|retenue?s|reconduite?s|selectionnee?s)"
    r"\s+(?:ensemble\s+)?(?:comme\s+|en\s+tant\s+que\s+)?[«\"“]?\s*+" + PREFIX + r"\b)")
# "L'Agglomération d'Agen a présenté ce mercredi sa labellisation « Territoire d'industrie »": one
# intercommunality, written with its type word, opening the sentence that gives it the label as
# its own (folded text, from its end; singular possessive)
ITS_LABEL = re.compile(
    r"\s*+(?:a|avait|vient\s+de)\s[^.;:!?\n]{0,80}?\b(?:sa\s+labellisation|son\s+label)\s*+[«\"“]?\s*+"
    + SINGULAR_PREFIX + r"\b")
OPENING_ARTICLE = re.compile(r"\s*(?:(?:la|le|les)\s+|l['’]\s*)?", re.IGNORECASE)
# "le programme Territoires d'industrie réunit la communauté urbaine A et la communauté de
# communes B": the programme gathering the run, the verb right before it (folded text)
PROGRAMME_GATHERS = re.compile(
    r"\b(?:programme|dispositif|label|demarche)\s+(?:national\s+)?[«\"“]?\s*+" + PREFIX + r"\s*+[»\"”]?\s*+"
    r"(?:y\s+)?(?:reunit|associe|rassemble|regroupe|federe|concerne)\s+(?:(?:la|le|les)\s+|l'\s*)?$")
# "la labellisation du territoire d'industrie porté par Provence Alpes Agglomération", "le
# territoire d'industrie que porte Fougères Agglomération": the territory the text never names,
# designated by what carries it, one intercommunality or more
TERRITORY_CARRIED_BY = re.compile(
    r"\b" + SINGULAR_PREFIX + r"\s*+[»\"”]?\s*+,?\s*+(?:(?:porte|pilote|conduit|anime)e?\s+"
    r"(?:(?:conjointement|ensemble)\s+)?par|qu(?:e\s+|'\s*)(?:porte|portent|pilote|pilotent|conduit|conduisent|anime|animent)"
    r"(?:\s+(?:conjointement|ensemble))?)\s+(?:(?:la|le|les)\s+|l'\s*)?$")


def _joined_runs(folded: str, mentions: list[EpciMention]) -> list[list[EpciMention]]:
    """The mentions in runs joined by a comma or "et" on one line, in text order (the sentence
    splitter may cut a name: "Flers | Agglo et …")."""
    return runs_joined_by(mentions, folded, MEMBER_JOINT, lambda last, mention: "\n" not in folded[last.end:mention.start])


def run_territories(text: str, mentions: list[EpciMention], territories: list[TerritoryMention]
                    ) -> tuple[list[TerritoryMention], list[EpciMention]]:
    """In a text naming no territory, the one a run of two linked intercommunalities or more
    designates as the subject opening a sentence that says they hold the label together
    (RUN_HOLDS_THE_LABEL), or as what the programme gathers (PROGRAMME_GATHERS), or a run of one
    or more as what carries "le territoire d'industrie" (TERRITORY_CARRIED_BY): named by the run
    as the text joins it, legal forms dropped ("Limoges Métropole et Élan Limousin Avenir Nature";
    tests/gold/README.md, rule territory.designated_by_members), they its members. Returns the
    territories found and the mentions, those of the run pointed to it."""
    if territories:
        return [], mentions
    folded = fold(text)
    for run in _joined_runs(folded, [m for m in mentions if m.link.siren]):
        if len({m.link.siren for m in run}) != len(run):
            continue
        carried = TERRITORY_CARRIED_BY.search(folded, max(0, run[0].start - 80), run[0].start)
        before = text[max(text.rfind(".", 0, run[0].start), text.rfind("\n", 0, run[0].start)) + 1:run[0].start]
        opens = not before.strip()
        its_own = len(run) == 1 and (run[0].legal_form or TYPE_WORD.search(text, run[0].start, run[0].end)) \
            and OPENING_ARTICLE.fullmatch(before) \
            and ITS_LABEL.match(folded, run[0].end)
        if len(run) < 2 and not (carried or its_own):
            continue
        if not (opens and RUN_HOLDS_THE_LABEL.match(folded, run[-1].end) or carried or its_own
                or PROGRAMME_GATHERS.search(folded, max(0, run[0].start - 80), run[0].start)):
            continue
        name = _joined_names(text, folded, run, bare_names=True)
        if not name:
            continue
        territory = TerritoryMention(run[0].start, run[-1].end, name[0].upper() + name[1:],
                                     "territory.designated_by_members", block_end=run[-1].end)
        members = {id(m) for m in run}
        return [territory], [replace(m, territory_hint=territory.territory_id) if id(m) in members else m
                             for m in mentions]
    return [], mentions


# "À Ajaccio, l'autre territoire d'industrie insulaire, porté par ": a further territory, not the
# one the text is about, then the intercommunality that carries it (folded text)
OTHER_TERRITORY_CARRIED_BY = re.compile(
    r"\b(?:l'\s*autre|un\s+autre|le\s+second|un\s+second|le\s+deuxieme|un\s+deuxieme)\s+" + SINGULAR_PREFIX
    + r"[^.;:!?()]{0,60}?\b(?:porte|pilote|anime|conduit|mene)\s+par\s+(?:la\s+|le\s+|l'\s*)?$")
TRAILING_BRACKET = re.compile(r"\s*\([^()]*\)\s*$")


def other_territories(text: str, mentions: list[EpciMention], territories: list[TerritoryMention]
                      ) -> tuple[list[TerritoryMention], list[EpciMention]]:
    """"l'autre territoire d'industrie insulaire, porté par la Communauté d'agglomération du Pays
    Ajaccien (CAPA)": a territory the text never names, set apart from the one it is about and
    designated by the one intercommunality carrying it, written with its legal form: named after
    it without legal form nor bracket ("Pays Ajaccien"; tests/gold/README.md: the first EPCI
    retained; rule territory.designated_by_members), it its member, not the named territory's.
    Named between commas after those words, the territory is that name, the EPCI its member."""
    if not territories:
        return [], mentions
    folded = fold(text)
    found, pointed = [], {}
    for mention in mentions:
        lead = ARTICLE.match(text, mention.start, mention.end).end()
        carried = OTHER_TERRITORY_CARRIED_BY.search(folded, max(0, mention.start - 160), mention.start) \
            if mention.link.siren and mention.legal_form else None
        if carried is None:
            continue
        apposed = [t for t in territories if carried.start() < t.start and t.end <= mention.start
                   and text[carried.start():t.start].rstrip().endswith(",")]
        if apposed:  # "Le second territoire d'industrie de l'île, Saint-André, est animé par la CA X": named, X its member
            pointed[id(mention)] = apposed[-1].territory_id
            continue
        name_start = legal_form_end(text, folded, lead)
        if name_start is None or name_start >= mention.end:
            continue
        name = collapse_spaces(TRAILING_BRACKET.sub("", text[name_start:mention.end]))
        if not name or any(t.territory_id == name_key(name) for t in territories):
            continue
        territory = TerritoryMention(name_start, name_start + len(name), name[0].upper() + name[1:],
                                     "territory.designated_by_members")
        found.append(territory)
        pointed[id(mention)] = territory.territory_id
    return found, [replace(m, territory_hint=pointed[id(m)]) if id(m) in pointed else m for m in mentions]


# "le binôme formé par la communauté d'agglomération A et la communauté de communes B": a pair
# (or a group) of intercommunalities a list item gives as one territory (folded text, up to the
# article of the first one)
# or "l'alliance de la communauté d'agglomération A et de la communauté d'agglomération B", or
# "le tandem que forment la CA A et la CA B" (a relative clause, the pair its object)
PAIR_LEAD = re.compile(r"\b(?:le|un|l')\s*(?:" + WORDS["pair_nouns"] + r")\s+"
                       r"(?:(?:(?:forme|constitue|compose)\s+(?:par|de)"
                       r"|qu(?:e\s+|'\s*)(?:forment|constituent|composent|ont\s+(?:forme|constitue|compose)))"
                       r"\s+(?:(?:la|le)\s+|l'\s*)?"
                       r"|de\s+(?:la\s+|l'\s*)|d'\s*|du\s+)$")
# "Deux concernent la Haute-Vienne. Le premier associe la CU A et la CC B, au nord de …": an
# ordinal opening its sentence, standing for one of the territories just counted, then a verb of
# membership: that territory is designated by its intercommunalities, whatever follows them
ORDINAL_PAIR_LEAD = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:le|la)\s+(?:premier|premiere|second|seconde|deuxieme|troisieme|dernier"
                               r"|derniere)\s+(?:associe|reunit|regroupe|rassemble)\s+(?:(?:la|le)\s+|l'\s*)?$", re.MULTILINE)
# the last count before such an ordinal must be of territories ("… quatorze territoires
# néo-aquitains. Deux concernent la Haute-Vienne.", not "Deux projets ont été présentés.")
COUNTED_PLURAL = re.compile(r"\b(?:\d{1,3}|" + "|".join(COUNT_WORDS) + r")\s+(?:[\w'-]+\s+)?[a-z]+s\b")
ORDINAL_COUNT_WINDOW = 600
# the noun of that count, right after it or after an adjective, or followed by one ("deux territoires aubois")
COUNTED_TERRITORIES_NOUN = re.compile(r"\b(?:territoires|laureats)\b")


def _ordinal_of_territories(folded: str, start: int) -> bool:
    """Whether an ordinal lead ends right before `start` and the last count before it is of territories,
    or a bare count opening a sentence after territories were spoken of ("… avec plusieurs territoires
    néo-aquitains. Deux concernent la Charente. Le premier réunit …")."""
    lead = ORDINAL_PAIR_LEAD.search(folded, max(0, start - 40), start)
    if lead is None:
        return False
    counts = list(COUNTED_PLURAL.finditer(folded, max(0, lead.start() - ORDINAL_COUNT_WINDOW), lead.start()))
    return bool(counts) and COUNTED_TERRITORIES_NOUN.search(counts[-1].group(0)) is not None \
        or bare_count_of_territories(folded, lead.start(), ORDINAL_COUNT_WINDOW)
def _ordinal_of_named(folded: str, start: int, named: list[TerritoryMention], linked: list[EpciMention]) -> bool:
    """Whether the ordinal lead ending right before `start` stands for one of the territories its
    paragraph names before it."""
    lead = ORDINAL_PAIR_LEAD.search(folded, max(0, start - 40), start)
    rank = RANKED_SUBJECT.match(folded, lead.start()) if lead and named else None
    return rank is not None and _ranked_in_paragraph(folded, lead.start(), RANKS[rank.group("rank")], named,
                                                     [(m.start, m.end) for m in linked]) is not None


# "- le territoire formé par la CA A et la CC B ;", "- le territoire réunissant la CA A et la CA B.":
# an item that designates its territory as its intercommunalities only, opening the item (a line,
# or after a colon or semicolon): in a sentence "le territoire réunissant …" may follow its name
ITEM_TERRITORY_LEAD = re.compile(r"(?:^|[:;])[ \t]*(?:[-–—•*·][ \t]*)?(?:le|un)\s+territoire\s+"
                                 r"(?:(?:forme|constitue|compose)\s+(?:par|de)|reunissant|associant|regroupant)\s+"
                                 r"(?:(?:la|le)\s+|l'\s*)?$", re.MULTILINE)
PAIR_END = re.compile(r"\s*(?:[;.]|\n|$)")
# how far before the first intercommunality its item's lead may start: a line of a thousand
# sentences was read back to its start for each of them
ITEM_LEAD_CHARS = 160
# "Le comité de projets du Territoire d'industrie réunissant la CA A (CAA) et la CC B (CCB) s'est
# tenu …": the programme's words right before the participle, no name between: the territory is
# designated by its members alone, whatever follows them
PROGRAMME_PAIR_LEAD = re.compile(r"\b" + SINGULAR_PREFIX + r"\s+(?:(?:forme|constitue|compose)\s+(?:par|de)|reunissant|associant|regroupant)\s+"
                                 r"(?:(?:la|le)\s+|l'\s*)?$")


def paired_territories(text: str, mentions: list[EpciMention], named: list[TerritoryMention] = ()
                       ) -> tuple[list[TerritoryMention], list[EpciMention]]:
    """Each territory a text designates as the pair its intercommunalities form ("le binôme formé
    par la CA du Nord Grande-Terre et la CC de Marie-Galante ;" in a list of a région's territories),
    in a text naming the programme: named by that designation as the text writes it, legal forms
    dropped ("Nord Grande-Terre et Marie-Galante"; rule territory.designated_by_members,
    tests/gold/README.md), they its members. Two linked ones at least, each with its legal form,
    joined by commas and "et", and nothing after the last but the end of the item or sentence. An
    ordinal standing for one of the territories `named` in its paragraph ("… : Flers – Argentan et
    L'Aigle – Mortagne. … Le second associe la CC A et la CC B") designates no new one: the pair
    are that territory's members (`_ranked_territory`)."""
    folded = fold(text)
    if not re.search(PREFIX, folded):
        return [], mentions
    linked = sorted((m for m in mentions if m.link.siren and m.legal_form), key=lambda m: m.start)
    run_from = _member_runs(linked, folded)
    found, hints = [], {}
    for first in linked:
        programme_lead = PROGRAMME_PAIR_LEAD.search(folded, max(0, first.start - 60), first.start) is not None \
            or _ordinal_of_territories(folded, first.start) and not _ordinal_of_named(folded, first.start, named, linked)
        if not (programme_lead or PAIR_LEAD.search(folded, max(0, first.start - 40), first.start)
                or ITEM_TERRITORY_LEAD.search(folded, max(folded.rfind("\n", 0, first.start) + 1,
                                                          first.start - ITEM_LEAD_CHARS), first.start)):
            continue
        run = list(run_from(first))
        if len(run) < 2 or len({m.link.siren for m in run}) != len(run) \
                or not (programme_lead or PAIR_END.match(folded, run[-1].end)):
            continue
        name = _joined_names(text, folded, run, bare_names=False)
        if name:
            territory = TerritoryMention(run[0].start, run[-1].end, name,
                                         "territory.designated_by_members", block_end=run[-1].end)
            found.append(territory)
            hints.update({id(m): territory.territory_id for m in run})
    for territory, mention in _lone_items_beside(text, folded, linked, found, hints):
        found.append(territory)
        hints[id(mention)] = territory.territory_id
    return found, [replace(m, territory_hint=hints[id(m)]) if id(m) in hints else m for m in mentions]


# "- nouveau territoire réunissant A, le Grand Port de X et la CA B": an item opening a new
# territory designated by its intercommunalities (folded text, up to the first one)
NEW_TERRITORY_LEAD = re.compile(r"(?:^|[:;])[ \t]*(?:[-–—•*·][ \t]*)?(?:" + WORDS["new_territory_lead"] + r")$",
                                re.MULTILINE)
# "A, B et C (…), qui avaient noué un partenariat, décrochent leur première labellisation": what may
# follow such a run in its sentence before the words that say it is newly labelled (folded text):
# a bracket, then an apposition set off by commas ("qui avaient noué un partenariat", "associés
# depuis le printemps")
NEW_TERRITORY_SAID = re.compile(r"\s*+(?:\([^()\n]{0,100}\)\s*+)?(?:,\s*+[^\W\d_][^.;:!?,()\n]{0,120},\s*+)?"
                                r"(?:" + WORDS["new_territory_said"] + ")")
# between two members of such a run, a partner that is no EPCI written with its article and a
# proper noun ("A, le Grand Port Maritime de X et la CA B", "l'aéroport X"; _proper_partner, on the text)
PARTNER_JOINT = re.compile(r"\s*,\s*(?:(?:la|le|les)\s+|l'\s*)(?P<partner>[^\W\d_][^,.;:!?()\n]{0,80}?)"
                           r"\s*(?:,|\s+et)\s+(?:(?:la|le|les)\s+|l'\s*)?")
# between two members of a list of members: a comma or "et", and the next one's article
# ("A et de la B": the preposition repeated)
MEMBER_JOINT = re.compile(r"\s*(?P<joint>,|et)\s+(?:(?:de|d['’]|du|des)\s*)?(?:(?:la|le|les)\s+|l['’]\s*)?")
# what joins two members of such a run: a comma or "et", a partner (PARTNER_JOINT), or the bracket
# opening the first one's name in full
NEW_RUN_JOINT = re.compile(r"\s*\(\s*|" + MEMBER_JOINT.pattern + "|" + PARTNER_JOINT.pattern)


def _proper_partner(partner: str) -> bool:
    """A partner named by a proper noun: a capital opening it ("le Grand Port de X") or one of
    its words ("l'aéroport Toulouse-Blagnac", "le port de Metz"), not a common noun alone."""
    return any(word[:1].isupper() for word in partner.split())


def _new_run_goes_on(text: str, folded: str, last: EpciMention, mention: EpciMention) -> bool:
    """Whether `mention` goes on the run `last` ends: its name in full in a bracket after it, or
    after a comma or "et", or after a partner written with a capital ("le Grand Port de X")."""
    joint = NEW_RUN_JOINT.fullmatch(folded, last.end, mention.start)
    if joint.group(0).lstrip().startswith("("):
        return mention.link.siren == last.link.siren
    return joint.group("partner") is None or _proper_partner(text[joint.start("partner"):joint.end("partner")])


def new_run_territories(text: str, mentions: list[EpciMention], territories: list[TerritoryMention]
                        ) -> tuple[list[TerritoryMention], list[EpciMention]]:
    """A new territory designated only by its intercommunalities, which may be listed with a
    partner that is no EPCI, in a text naming other territories: an item "- nouveau territoire
    réunissant A, le Grand Port Maritime de X et la CA B", or a sentence opening with that run
    and saying it is newly labelled ("A, le Grand Port de X et la B, qui avaient noué un
    partenariat, décrochent leur première labellisation"): named after the first EPCI without
    its legal form (tests/gold/README.md: the first EPCI retained; rule
    territory.designated_by_members), the linked ones its members. The newness words are
    required: a run of EPCIs in a text about other territories is often a list of partners."""
    folded = fold(text)
    if "nouveau" not in folded and "premiere" not in folded and "entree" not in folded:
        return [], mentions
    linked = sorted((m for m in mentions if m.link.siren and m.territory_hint is None), key=lambda m: m.start)
    epci_spans = SpanReach((m.start, m.end) for m in mentions)
    named = sorted(t.start for t in territories if not epci_spans.holds(t.start))  # not a piece of an EPCI's name
    found, hints, taken = [], {}, {t.territory_id for t in territories}
    for run in runs_joined_by(linked, folded, NEW_RUN_JOINT, lambda last, mention: _new_run_goes_on(text, folded, last, mention)):
        # "la COBAN (communauté d'agglomération du …)": its name in full is no second member
        run = [m for i, m in enumerate(run) if not i or m.link.siren != run[i - 1].link.siren
               or not folded[run[i - 1].end:m.start].lstrip().startswith("(")]
        if len(run) < 2 or len({m.link.siren for m in run}) != len(run):
            continue
        reach = max(0, run[0].start - ITEM_LEAD_CHARS)
        item = NEW_TERRITORY_LEAD.search(folded, max(reach, folded.rfind("\n", reach, run[0].start) + 1), run[0].start)
        if item is None:
            sentence_start, sentence_end = sentence_bounds(text, run[0].start)
            opening = max(sentence_start, folded.rfind(":", max(sentence_start, run[0].start - 40), run[0].start) + 1)
            first_named = bisect_left(named, sentence_start)
            if not SUBJECT_OPENING.fullmatch(folded, opening, run[0].start) \
                    or not NEW_TERRITORY_SAID.match(folded, run[-1].end, sentence_end) \
                    or first_named < len(named) and named[first_named] < sentence_end:
                continue
        lead = ARTICLE.match(text, run[0].start, run[0].end).end()
        name_start = legal_form_end(text, folded, lead) or lead
        name = collapse_spaces(TRAILING_BRACKET.sub("", text[name_start:run[0].end]))
        if not name or name_key(name) in taken:
            continue
        territory = TerritoryMention(name_start, name_start + len(name), name[0].upper() + name[1:],
                                     "territory.designated_by_members", block_end=run[-1].end)
        found.append(territory)
        taken.add(territory.territory_id)
        hints.update({m.link.siren: territory.territory_id for m in run})
    return found, [replace(m, territory_hint=hints[m.link.siren]) if m.link.siren in hints and m.territory_hint is None
                   else m for m in mentions]


# "À l'Ouest, le territoire d'industrie est porté par …": a compass word naming a territory (text)
COMPASS_OPENING = re.compile(WORDS["compass_opening"])
COMPASS_CARRIED = re.compile(WORDS["compass_carried"])


def compass_territories(text: str, mentions: list[EpciMention], territories: list[TerritoryMention]
                        ) -> tuple[list[TerritoryMention], list[EpciMention]]:
    """In a text about the programme naming no territory, each one a sentence names by the
    compass word opening it and says carried by the one intercommunality it names ("À l'Ouest,
    le territoire d'industrie est porté par le TCO, la CA du Territoire de la Côte Ouest …", "À
    l'Est, c'est la CIREST … qui pilote le second territoire"): named by that word ("Ouest"; rule
    territory.compass_carried, the golds' reading), that EPCI its member."""
    if territories or "," not in text:
        return [], mentions
    folded = fold(text)
    if not re.search(PREFIX, folded):
        return [], mentions
    linked = sorted((m for m in mentions if m.link.siren and m.territory_hint is None), key=lambda m: m.start)
    starts = [m.start for m in linked]
    found, hints = [], {}
    for match in COMPASS_OPENING.finditer(text):
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        if match.start() - sentence_start > 8 or text[sentence_start:match.start()].strip() \
                or not COMPASS_CARRIED.search(folded, match.end(), sentence_end):
            continue
        inside = {m.link.siren for m in linked[bisect_left(starts, match.end()):bisect_left(starts, sentence_end)]}
        name = match.group("word")
        if len(inside) != 1 or any(t.territory_id == name_key(name) for t in found):
            continue
        territory = TerritoryMention(match.start("word"), match.end("word"), name, "territory.compass_carried",
                                     block_end=sentence_end)
        found.append(territory)
        hints[inside.pop()] = territory.territory_id
    return found, [replace(m, territory_hint=hints[m.link.siren]) if m.link.siren in hints and m.territory_hint is None
                   else m for m in mentions]


LIST_MARKER = re.compile(r"[ \t]*[-–—•*·][ \t]")
# what may open an item before its intercommunality: "enfin", "et", "puis", an article (folded text)
ITEM_OPENING = re.compile(r"[ \t]*(?:(?:enfin|puis|et|ainsi\s+que)\s*,?\s+)?(?:(?:la|le)\s+|l'\s*)?")
ITEM_CLOSING = re.compile(r"\s*(?:\([^()\n]{0,40}\))?\s*[.;,]?\s*")
SENTENCE_STOP = re.compile(r"\.(?:\s|$)")
LIST_REACH = 600  # how far an inline list of territories may reach on either side of an item
SEMICOLON_ITEM = re.compile(r"[^;]+;?")


def _list_items(text: str, position: int) -> list[tuple[int, int]]:
    """The items of the list holding `position`: the marked lines around its line ("- A ;" then
    "- B."), or the parts, parted by semicolons, of its sentence after the colon opening the list
    ("Sont retenus : A ; B ; enfin C.")."""
    reach = max(0, position - LIST_REACH)
    line_start = max(reach, text.rfind("\n", reach, position) + 1)
    if LIST_MARKER.match(text, line_start):
        first = last = line_start
        while first > 0:
            previous = text.rfind("\n", 0, first - 1) + 1
            if not LIST_MARKER.match(text, previous):
                break
            first = previous
        items = []
        while last < len(text) and LIST_MARKER.match(text, last):
            end = text.find("\n", last)
            end = len(text) if end < 0 else end
            items.append((LIST_MARKER.match(text, last).end(), end))
            last = end + 1
        return items
    line_end = text.find("\n", position, position + LIST_REACH)
    line_end = min(len(text), position + LIST_REACH) if line_end < 0 else line_end
    colon = text.rfind(":", line_start, position)
    if colon < 0:
        return []
    stop = SENTENCE_STOP.search(text, position, line_end)
    return [item.span() for item in SEMICOLON_ITEM.finditer(text, colon + 1, stop.end() if stop else line_end)]


def _lone_items_beside(text: str, folded: str, linked: list[EpciMention], pairs: list[TerritoryMention],
                       paired: dict[int, str]) -> list[tuple[TerritoryMention, EpciMention]]:
    """"Sont retenus : la communauté d'agglomération A ; le duo formé par la CA B et la CC C ; …":
    beside an item a pair designates, an item that is one linked intercommunality with its legal
    form, alone, is a territory too, designated by it (tests/gold/README.md: a territory designated
    by an EPCI's name with its type word lists that EPCI), named without legal form nor bracket;
    each list is read once (pairs come in reading order)."""
    found, read_up_to = [], 0
    starts = [m.start for m in linked]
    for pair in pairs:
        if pair.start < read_up_to:
            continue  # in a list already read
        items = _list_items(text, pair.start)
        if not items:
            continue
        read_up_to = items[-1][1]
        for start, end in items:
            inside = linked[bisect_left(starts, start):bisect_left(starts, end)]
            if len(inside) != 1 or id(inside[0]) in paired or inside[0].end > end:
                continue
            mention = inside[0]
            lead = ARTICLE.match(text, mention.start, mention.end).end()
            opening = ITEM_OPENING.match(folded, start)
            name_start = legal_form_end(text, folded, lead)
            if opening.end() != mention.start and opening.end() != lead or name_start is None \
                    or name_start >= mention.end or not ITEM_CLOSING.fullmatch(text, mention.end, end):
                continue
            name = collapse_spaces(TRAILING_BRACKET.sub("", text[name_start:mention.end]))
            if name:
                found.append((TerritoryMention(name_start, name_start + len(name), name[0].upper() + name[1:],
                                               "territory.designated_by_members", block_end=mention.end), mention))
    return found


# "… permet aujourd'hui à la communauté de communes d'être labellisée Territoire d'industrie": an
# intercommunality designated by its legal form alone, as the territory; or by its everyday form,
# as a local page or radio says it ("Depuis le 9 novembre, l'agglo est officiellement labellisée
# « Territoire d'industrie »", "la com com a été retenue …") (folded text)
LEGAL_FORM_LABELLED = re.compile(
    r"(?:\b(?:la|cette|notre)\s+(?P<form>communaute\s+de\s+communes|communaute\s+d'agglomeration|communaute\s+urbaine"
    r"|com\s*com)|(?:\bl'\s*|\bnotre\s+)(?P<agglo>agglo|agglomeration))"
    r"\s+(?:d'etre|a\s+ete|est|vient\s+d'etre|avait\s+ete)\s+(?:(?:officiellement|desormais|bien)\s+)?"
    r"(?:labellisee|retenue|selectionnee)\s+(?:comme\s+)?(?:\"\s*)?" + PREFIX)
TYPE_WORD_ENDING = re.compile(WORDS["type_words"] + r"\s*$")  # "Alès Agglomération", "Questembert Communauté"
FORM_TYPES = {"communaute de communes": "CC", "communaute d'agglomeration": "CA", "communaute urbaine": "CU",
              "com com": "CC", "comcom": "CC"}


def legal_form_territories(text: str, mentions: list[EpciMention], territories: list[TerritoryMention]
                           ) -> tuple[list[TerritoryMention], list[EpciMention]]:
    """The territory a text designates by a legal form alone said to be labelled ("la communauté
    de communes d'être labellisée Territoire d'industrie"), or by its everyday form ("l'agglo est
    officiellement labellisée « Territoire d'industrie »"), when the text names no territory and
    exactly one intercommunality of that form (by the everyday form, written with its legal form or
    its type word: "Alès Agglomération"): that one, named as the text writes it without its
    legal form ("communauté de communes de l'Huisne Sarthoise": "Huisne Sarthoise"; rule
    territory.legal_form_labelled), and its member even where it names it as an office ("son
    président"). Two of that form, or a territory named, leave it unresolved. Returns the
    territories found and the mentions, those of that intercommunality pointed to its territory."""
    if territories:
        return [], mentions
    folded = fold(text)
    for labelled in LEGAL_FORM_LABELLED.finditer(folded):
        everyday = labelled.group("agglo") is not None or "com" in labelled.group("form").split()[-1:]
        epci_type = "CA" if labelled.group("agglo") else FORM_TYPES[" ".join(labelled.group("form").split())]
        # by its everyday form, the one named so ("Alès Agglomération") or with its legal form
        of_that_form = [m for m in mentions if m.link.siren and m.link.epci_type == epci_type
                        and (m.legal_form or everyday and TYPE_WORD_ENDING.search(m.written_name))]
        if len({m.link.siren for m in of_that_form}) != 1:
            continue
        first = of_that_form[0]
        name_start = legal_form_end(text, folded, first.start) if first.legal_form \
            else ARTICLE.match(text, first.start, first.end).end()
        if name_start is None or name_start >= first.end:
            continue
        name = collapse_spaces(text[name_start:first.end])
        territory = TerritoryMention(name_start, first.end, name[0].upper() + name[1:],
                                     "territory.legal_form_labelled", block_end=labelled.end())
        return [territory], [replace(m, territory_hint=territory.territory_id) if m.link.siren == first.link.siren else m
                             for m in mentions]
    found, mentions = _pronoun_labelled(text, folded, mentions)
    if found:
        return found, mentions
    found, mentions = _designated_by_members(text, folded, mentions)
    if not found:
        found, mentions = _counted_heads_labelled(text, folded, mentions)
    if not found:
        found, mentions = _counted_labelled_listed(text, folded, mentions)
    if not found:
        found, mentions = _members_as_subject(text, folded, mentions)
    if not found:
        found, mentions = _gathered_in_the_programme(text, folded, mentions)
    return (found, mentions) if found else _named_before_its_members(text, folded, mentions)


# "Ce dispositif concerne …": the programme the subject of a member list's trigger (folded text)
PROGRAMME_SUBJECT = re.compile(r"(?:^|[.!?:]\s+|\n)\s*(?:ce|le|notre)\s+(?:dispositif|programme|label"
                               r"|" + SINGULAR_PREFIX + r")\s*$")


def _designated_by_members(text: str, folded: str, mentions: list[EpciMention]
                           ) -> tuple[list[TerritoryMention], list[EpciMention]]:
    """A text naming no territory whose programme is the subject of a member list ("Ce dispositif
    concerne la Communauté urbaine A et la Communauté de communes B"): the territory those
    intercommunalities make up, named by that designation as the text writes it, legal forms
    dropped ("A et B"; rule territory.designated_by_members), they its members
    (tests/gold/README.md). Two members at least, each written with its legal form and linked."""
    listed = [m for m in mentions if m.in_member_list and m.list_start is not None]
    run = [m for m in listed if listed and m.list_start == listed[0].list_start]
    if len(run) < 2 or len({m.link.siren for m in run}) != len(run) \
            or not all(m.link.siren and m.legal_form for m in run) \
            or not PROGRAMME_SUBJECT.search(folded, max(0, run[0].list_start - 60), run[0].list_start):
        return [], mentions
    pieces = []
    for index, mention in enumerate(run):
        name_start = legal_form_end(text, folded, mention.start)
        if name_start is None or name_start >= mention.end:
            return [], mentions
        joint = MEMBER_JOINT.fullmatch(text, mention.end, run[index + 1].start) if index + 1 < len(run) else None
        if index + 1 < len(run) and joint is None:
            return [], mentions
        pieces.append(collapse_spaces(TRAILING_BRACKET.sub("", text[name_start:mention.end])) + (
            "" if joint is None else ", " if joint["joint"] == "," else " et "))
    territory = TerritoryMention(run[0].start, run[-1].end, "".join(pieces), "territory.designated_by_members",
                                 block_end=run[-1].end)
    sirens = {m.link.siren for m in run}
    return [territory], [replace(m, territory_hint=territory.territory_id) if m.link.siren in sirens else m
                         for m in mentions]


# "les quatre communautés de communes et d'agglomération de A, de B, du C et des D ont été
# officiellement retenues au titre des Territoires d'industrie": a counted plural legal form, the
# names it distributes over, then their award (folded text; the programme named after it in the
# sentence)
COUNTED_HEADS_AWARDED = re.compile(
    r"\bles\s+(?P<count>\d{1,2}|" + "|".join(w for w, n in COUNT_WORDS.items() if 2 <= n <= 10) + r")\s+"
    r"(?:communautes\s+(?:de\s+communes|d'agglomeration)(?:\s+et\s+(?:de\s+communes|d'agglomeration))?"
    r"|intercommunalites|agglomerations)\s+(?:de\s+|d'\s*|du\s+|des\s+)"
    r"(?P<names>[^.;:!?()\n]{3,200}?)\s+(?:ont|sont)\s+(?:(?:ete|officiellement|toutes|ensemble)\s+){0,3}"
    r"(?:retenues|labellisees|labelisees|selectionnees|designees)\b")
# between two names of that run: a comma or "et", the preposition repeated at most
HEAD_NAMES_JOINT = re.compile(r"\s*,\s*(?:et\s+)?|\s+et\s+")
NAME_PREPOSITION = re.compile(r"(?:de\s+la\s+|de\s+l'\s*|de\s+|d'\s*|du\s+|des\s+)")


def _counted_heads_labelled(text: str, folded: str, mentions: list[EpciMention]
                            ) -> tuple[list[TerritoryMention], list[EpciMention]]:
    """A text naming no territory whose counted plural legal form distributes over as many
    capitalised names, said to be retained in the programme ("les quatre communautés de communes
    et d'agglomération de A, de B, du C et des D ont été officiellement retenues au titre des
    Territoires d'industrie"): the territory they make up, named by that designation as the text writes it
    ("A, B, C et D"; rule territory.designated_by_members, tests/gold/README.md), the linked
    intercommunalities of that run, its head's first one too, its members (a town's name its EPCI
    goes by may link to none: the count, not the links, says that each name is one)."""
    for match in COUNTED_HEADS_AWARDED.finditer(folded):
        word = match.group("count")
        count = count_value(word)
        sentence_end = sentence_bounds(text, match.start())[1]
        if not re.search(PREFIX, folded[match.end():sentence_end]):
            continue
        start, end = match.span("names")
        pieces, position = [], start
        for joint in [*HEAD_NAMES_JOINT.finditer(folded, start, end), None]:
            piece_end = joint.start() if joint else end
            opening = NAME_PREPOSITION.match(folded, position, piece_end) if pieces else None
            piece_start = opening.end() if opening else position
            pieces.append((piece_start, piece_end))
            position = joint.end() if joint else end
        if len(pieces) != count or not all(text[s:e].strip() and text[s].isupper() and looks_like_name(text[s:e])
                                            for s, e in pieces):
            continue
        names = [collapse_spaces(text[s:e]) for s, e in pieces]
        territory = TerritoryMention(start, end, ", ".join(names[:-1]) + " et " + names[-1],
                                     "territory.designated_by_members", block_end=sentence_end)
        inside = {m.link.siren for m in mentions if m.link.siren and match.start() <= m.start and m.end <= end}
        return [territory], [replace(m, territory_hint=territory.territory_id) if m.link.siren in inside else m
                             for m in mentions]
    return [], mentions


# "… avec les quatre intercommunalités labellisées ensemble Territoire d'industrie pour la période
# 2023-2027 : A, B, C et D.": a counted plural of intercommunalities, their award, then a colon
# (folded text; the programme named before the colon)
COUNTED_LABELLED_COLON = re.compile(
    r"\bles\s+(?P<count>\d{1,2}|" + "|".join(w for w, n in COUNT_WORDS.items() if 2 <= n <= 10) + r")\s+"
    r"(?:intercommunalites|epci|communautes\s+(?:de\s+communes|d'agglomeration))\s+"
    r"(?:labellisees|labelisees|retenues|selectionnees)\b[^.;:!?\n]{0,100}:\s*")


def _counted_labelled_listed(text: str, folded: str, mentions: list[EpciMention]
                             ) -> tuple[list[TerritoryMention], list[EpciMention]]:
    """A text naming no territory whose counted intercommunalities, said to be labelled in the
    programme, are listed after a colon ("une convention avec les quatre intercommunalités
    labellisées ensemble Territoire d'industrie pour la période 2023-2027 : A, le B, la
    communauté de communes du C et la communauté de communes du D"): the territory they make up,
    named after the first of them without its legal form (rule territory.designated_by_members;
    the first EPCI retained, tests/gold/README.md), they its members. As many linked
    intercommunalities as the count, joined by commas and "et", right after the colon."""
    linked = sorted((m for m in mentions if m.link.siren), key=lambda m: m.start)
    run_from = _member_runs(linked, folded)
    for match in COUNTED_LABELLED_COLON.finditer(folded):
        if not re.search(PREFIX, folded[match.start():match.end()]):
            continue
        word = match.group("count")
        count = count_value(word)
        first = next((m for m in linked if m.start >= match.end()), None)
        if first is None or not SUBJECT_OPENING.fullmatch(folded, match.end(), first.start):
            continue
        run = list(run_from(first))
        if len(run) != count or len({m.link.siren for m in run}) != count:
            continue
        name_start = legal_form_end(text, folded, first.start) or first.start
        opening = SUBJECT_OPENING.match(folded, name_start)
        name_start = opening.end() if opening and opening.end() < first.end else name_start
        if name_start >= first.end:
            continue
        territory = TerritoryMention(name_start, first.end, collapse_spaces(text[name_start:first.end]),
                                     "territory.designated_by_members", block_end=run[-1].end)
        sirens = {m.link.siren for m in run}
        return [territory], [replace(m, territory_hint=territory.territory_id) if m.link.siren in sirens else m
                             for m in mentions]
    return [], mentions


# a sentence's opening before its subject: nothing, or an article (folded text)
SUBJECT_OPENING = re.compile(r"[\s\"«*_]*(?:(?:la|le|les)\s+|l['’]\s*)?")
# the label or the programme said in the sentence after that subject (folded text)
LABEL_SAID = re.compile(PREFIX + r"|\blabellis")


def _members_as_subject(text: str, folded: str, mentions: list[EpciMention]
                        ) -> tuple[list[TerritoryMention], list[EpciMention]]:
    """A text naming no territory whose sentence opens with two intercommunalities or more as
    the subject of a verb, the label said after it ("La communauté urbaine A, la communauté de
    communes B et la communauté de communes C s'engagent ensemble … dans le cadre de la
    labellisation « Territoires d'industrie »"): the territory they make up, named after the
    first of them without its legal form (rule territory.designated_by_members; the golds of
    that layout retain the first EPCI, tests/gold/README.md), they its members. Each written
    with its legal form and linked, joined by commas and "et"."""
    linked = sorted((m for m in mentions if m.link.siren and m.legal_form), key=lambda m: m.start)
    run_from = _member_runs(linked, folded)
    for first in linked:
        sentence_start, sentence_end = sentence_bounds(text, first.start)
        if not SUBJECT_OPENING.fullmatch(folded, sentence_start, first.start):
            continue
        run = list(takewhile(lambda mention: mention.start < sentence_end, run_from(first)))
        if len(run) < 2 or len({m.link.siren for m in run}) != len(run) \
                or not re.match(r"\s+(?:s['’]\s*|se\s+|ont\s+|sont\s+)?[a-z]", folded[run[-1].end:sentence_end]) \
                or re.match(r"\s+et\b", folded[run[-1].end:sentence_end]) \
                or not LABEL_SAID.search(folded, run[-1].end, sentence_end):
            continue
        name_start = legal_form_end(text, folded, first.start)
        if name_start is None or name_start >= first.end:
            continue
        territory = TerritoryMention(name_start, first.end, collapse_spaces(text[name_start:first.end]),
                                     "territory.designated_by_members", block_end=sentence_end)
        sirens = {m.link.siren for m in run}
        return [territory], [replace(m, territory_hint=territory.territory_id) if m.link.siren in sirens else m
                             for m in mentions]
    return [], mentions


# "la CAB et la communauté de communes de X, réunies au sein du Territoire d'industrie, ont …": a
# participle apposed to a run of intercommunalities gathers them in the programme, no name after it
# (folded text, from the run's end)
GATHERED_IN_THE_PROGRAMME = re.compile(
    r"\s*+,\s*+(?:(?:toutes|tous)\s+(?:deux|trois|les\s+deux|les\s+trois|ensemble)\s+)?"
    r"(?:reuni|regroupe|rassemble|associe|uni)e?s\s+(?:au\s+sein\s+(?:du|d'un)|dans\s+(?:le|un))\s+"
    r"(?:meme\s+)?" + SINGULAR_PREFIX + r"(?=\s*+[.,;!?)])")


def _gathered_in_the_programme(text: str, folded: str, mentions: list[EpciMention]
                               ) -> tuple[list[TerritoryMention], list[EpciMention]]:
    """A text naming no territory whose run of two linked intercommunalities or more is gathered
    in the programme by an apposed participle ("la CAB et la communauté de communes de X,
    réunies au sein du Territoire d'industrie, ont fait le choix …"): the territory they make up,
    named by that designation as the text writes it, legal forms dropped ("CAB et X"; rule
    territory.designated_by_members, tests/gold/README.md), they its members. An acronym counts
    as written: the participle, not a legal form, says that each name is a member."""
    for run in runs_joined_by([m for m in mentions if m.link.siren], folded, MEMBER_JOINT):
        if len(run) < 2 or len({m.link.siren for m in run}) != len(run) \
                or not GATHERED_IN_THE_PROGRAMME.match(folded, run[-1].end):
            continue
        name = _joined_names(text, folded, run, bare_names=True)
        if not name:
            continue
        territory = TerritoryMention(run[0].start, run[-1].end, name, "territory.designated_by_members",
                                     block_end=run[-1].end)
        sirens = {m.link.siren for m in run}
        return [territory], [replace(m, territory_hint=territory.territory_id) if m.link.siren in sirens else m
                             for m in mentions]
    return [], mentions


# "celle du", "celles de la": a pronoun taking up the legal form of the member before (folded text)
THAT_OF = re.compile(r"celles?\s+(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)")


def _joined_names(text: str, folded: str, run: list[EpciMention], bare_names: bool) -> str | None:
    """The names of a run of linked intercommunalities as the text joins them, each without its
    article, legal form and acronym ("la CA A (CAA) et la CC B" -> "A et B", "A, B et C"): the designation of the
    territory they make up (rule territory.designated_by_members). None when a name is nothing but
    its legal form, or, unless `bare_names` (an acronym written alone counts), has none."""
    pieces = []
    for position, mention in enumerate(run):
        lead = ARTICLE.match(text, mention.start, mention.end).end()
        name_start = legal_form_end(text, folded, lead) or (lead if bare_names else None)
        taken_up = THAT_OF.match(folded, lead) if name_start is None and position else None
        if taken_up:  # "la CA du Grand Angoulême et celle du Grand Cognac": the legal form taken up
            name_start = taken_up.end()
        if name_start is None or name_start >= mention.end:
            return None
        joint = MEMBER_JOINT.fullmatch(folded, mention.end, run[position + 1].start) if position + 1 < len(run) else None
        pieces.append(collapse_spaces(TRAILING_BRACKET.sub("", text[name_start:mention.end]))
                      + ("" if joint is None else ", " if joint["joint"] == "," else " et "))
    return "".join(pieces)


# what may part the members of a bracket: commas, semicolons, "et", and an article (folded text)
BRACKET_JOINT = re.compile(r"\s*(?:[,;]\s*)?(?:et\s+)?(?:(?:la|le|les)\s+|l['’]\s*)?")
# a word of a name written before a bracket: capitalised, elided before a capital ("d'Oulchy"),
# or a connector (the "du" and "et du" of "PETR du X et du Y")
NAME_WORD = re.compile(r"[\w'’-]+")
ELIDED_CAPITAL = re.compile(r"[dl]['’][A-ZÀ-Ý]")
PROGRAMME_OR_LABEL = re.compile(PREFIX + r"|\blabel")


def _name_before(text: str, opening: int) -> tuple[int, int] | None:
    """(start, end) of the capitalised name written right before a bracket, its connectors inside
    ("PETR du X et du Y ("), or None."""
    window = max(0, opening - 160)
    words = list(NAME_WORD.finditer(text, window, opening))
    start = end = None
    for word in reversed(words[-MAX_NAME_WORDS:]):
        if text[word.end():start if start is not None else opening].strip():
            break  # punctuation between two words ends the name
        token = word.group(0)
        if not (token[0].isupper() or ELIDED_CAPITAL.match(token) or token.lower() in CONNECTORS):
            break
        start, end = word.start(), end or word.end()
    while start is not None and not (text[start].isupper() or ELIDED_CAPITAL.match(text, start)):
        following = re.search(r"\s+", text[start:end])  # a connector opens no name
        start = start + following.end() if following else None
    return (start, end) if start is not None else None


def _named_before_its_members(text: str, folded: str, mentions: list[EpciMention]
                              ) -> tuple[list[TerritoryMention], list[EpciMention]]:
    """A text naming no territory whose sentence about the label, or the next one, writes a name
    then a bracket holding nothing but two intercommunalities or more ("Le label … a été obtenu
    en décembre 2022. Il s'agit d'un programme … à l'échelle PETR du X et du Y
    (A, le B, le C et D)"): the area those members make up is the territory, named as written
    (rule territory.named_before_members), they its members. Not a place's name, nor an EPCI's,
    nor an institution's, nor a sentence's first word."""
    linked = sorted((m for m in mentions if m.link.siren), key=lambda m: m.start)
    starts = [m.start for m in linked]
    for opening in sorted({text.rfind("(", 0, m.start) for m in linked} - {-1}):
        closing = text.find(")", opening)
        if closing < 0 or "\n" in text[opening:closing]:
            continue
        inside = [m for m in linked[bisect_right(starts, opening):bisect_left(starts, closing)] if m.end <= closing]
        if len(inside) < 2 or len({m.link.siren for m in inside}) != len(inside):
            continue
        joints = zip([opening + 1, *(m.end for m in inside)], [*(m.start for m in inside), closing])
        if not all(BRACKET_JOINT.fullmatch(folded, start, end) for start, end in joints):
            continue
        span = _name_before(text, opening)
        if span is None:
            continue
        name = collapse_spaces(text[span[0]:span[1]])
        if not looks_like_name(name) or is_place_name(name) or is_epci_name(name) \
                or HEAD_BEFORE_BRACKET.search(name):
            continue
        sentence_start, sentence_end = sentence_bounds(text, opening)
        if " " not in name and not text[sentence_start:span[0]].strip(" \t\"«"):
            continue  # "Ensemble (A, B et C), elles …": a sentence's first word
        previous_start = sentence_bounds(text, max(0, sentence_start - 2))[0] if sentence_start > 1 else sentence_start
        if not PROGRAMME_OR_LABEL.search(folded, previous_start, sentence_end):
            continue
        territory = TerritoryMention(span[0], span[1], name, "territory.named_before_members", block_end=closing)
        sirens = {m.link.siren for m in inside}
        return [territory], [replace(m, territory_hint=territory.territory_id) if m.link.siren in sirens else m
                             for m in mentions]
    return [], mentions


# "… ce territoire est marqué par l'industrie ; labellisé Territoire d'industrie, il est …": the
# label said of a pronoun or of "ce territoire" standing for the text's one intercommunality (on its
# own site: "notre territoire a été de nouveau labellisé « Territoire d'industrie »")
PRONOUN_LABELLED = re.compile(r"\b(?:labellisee?|retenue?)\s+(?:comme\s+)?\"?\s*" + PREFIX + r"s?\s*\"?"
                              r"(?:\s+(?:en|depuis)\s+\d{4})?\s*,\s*(?:il|elle)\s"
                              r"|\b(?:ce\s+territoire|notre\s+territoire|il|elle)\s+(?:a\s+ete|est|vient\s+d'etre)\s+"
                              r"(?:(?:de\s+nouveau|a\s+nouveau|officiellement)\s+)?(?:labellisee?|retenue?)\s+"
                              r"(?:comme\s+)?\"?\s*" + PREFIX + r"s?"
                              # "Pour cela, elle anime un club d'industriels et a rejoint le programme Territoires d'industrie"
                              r"|\b(?:il|elle)\s+(?:[^.;:!?\n]{0,60}?\s)?(?:a|avait)\s+(?:integre|rejoint)\s+"
                              r"(?:le\s+)?(?:dispositif|programme)\s+\"?\s*" + PREFIX + r"s?")


def _pronoun_labelled(text: str, folded: str, mentions: list[EpciMention]) -> tuple[list[TerritoryMention], list[EpciMention]]:
    """The territory a page about one intercommunality designates by it, the label said of a pronoun
    ("Trente communes composent la communauté de communes X … ; labellisé Territoire d'industrie,
    il est …"): the text names exactly one intercommunality, with its legal form; the territory
    is named as the text writes it without that form (rule territory.legal_form_labelled)."""
    sirens = {m.link.siren for m in mentions}
    if len(sirens) != 1 or None in sirens or not PRONOUN_LABELLED.search(folded):
        return [], mentions
    first = next((m for m in mentions if m.legal_form), None)
    name_start = legal_form_end(text, folded, first.start) if first else None
    if name_start is None or name_start >= first.end:
        return [], mentions
    name = collapse_spaces(text[name_start:first.end])
    territory = TerritoryMention(name_start, first.end, name[0].upper() + name[1:], "territory.legal_form_labelled",
                                 block_end=first.end)
    return [territory], [replace(m, territory_hint=territory.territory_id) for m in mentions]
