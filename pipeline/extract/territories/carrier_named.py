"""territory.carrier_named: a territory the text designates only through the intercommunality
carrying it ("la préfète se félicite de la labellisation du territoire d'industrie animé par Grand
Châtellerault", "notre territoire d'industrie, porté par la CIREST, …"). The gold README names such a
territory by its designation as the text writes it, that EPCI its member. Read only where the text
names no territory otherwise (assemble.extract, after every rule naming one, compass frames
("À l'Ouest, le territoire d'industrie est porté par le TCO") included): beside a named one, the carrier is
that territory's member ("Le territoire d'industrie X … Le territoire d'industrie est porté par la CC
Y"). One carrier, linked exactly to one EPCI by its official or everyday name, its legal form or a
well-known acronym of one EPCI; two carriers ("porté par A et B") are left to the member rules."""

from __future__ import annotations

import re

from pipeline import referential
from pipeline.extract.territories.common import SINGULAR_PREFIX, TerritoryMention, legal_form_end, make_mention, sentence_bounds
from pipeline.linking import known_acronyms, link_epci
from pipeline.normalize import fold

RULE = "territory.carrier_named"
# "le territoire d'industrie animé par", "du Territoire d'industrie, porté par", "le territoire
# d'industrie est piloté par" (folded text): the one territory, no name between it and its carrier
CARRIED_TERRITORY = re.compile(r"\b(?:le|du|au|notre|ce)\s+" + SINGULAR_PREFIX + r"\s*,?\s*(?:est\s+|sera\s+)?"
                               r"(?:porte|anime|pilote)\s+par\s+(?:(?:la|le|les)\s+|l'\s*)?")
# where a name may end at the furthest: punctuation, a bracket, a line's end
NAME_PUNCTUATION = re.compile(r"[,;.:()\n]")
# where the carrier's name ends: that, a second carrier, a verb
CARRIER_END = re.compile(r"[,;.:()\n]|\s+(?:et|avec|qui|dans|en|depuis|pour|sur)\s")


def carrier_named(text: str) -> list[TerritoryMention]:
    """One mention per carrier designating the territory, with its EPCI's départements."""
    folded = fold(text)
    found = []
    for match in CARRIED_TERRITORY.finditer(folded):
        mention = intercommunality_named_at(text, folded, match.end(), RULE,
                                            sentence_bounds(text, match.start())[1])
        if mention:
            found.append(mention)
    return found


def intercommunality_named_at(text: str, folded: str, position: int, rule: str,
                              block_end: int) -> TerritoryMention | None:
    """The one intercommunality written from `position` (its legal form, or a well-known acronym
    of one EPCI), as a territory named after it with the EPCI's départements; None when the words
    link to no EPCI exactly or join two ("porté par GrandAngoulême et Grand Cognac"). Words up to
    the next punctuation that link exactly to one EPCI are its whole name, "et" included
    ("la communauté d'agglomération Grand Calais Terres et Mers")."""
    punctuation = NAME_PUNCTUATION.search(text, position)
    end = punctuation.start() if punctuation else len(text)
    siren = _one_epci(text[position:end].strip())
    if not siren:
        end_of_carrier = CARRIER_END.search(text, position)
        end = end_of_carrier.start() if end_of_carrier else len(text)
        if end_of_carrier and re.fullmatch(r"\s+et\s", end_of_carrier.group(0)):
            return None
        siren = _one_epci(text[position:end].strip())
    if not siren:
        return None
    start = legal_form_end(text, folded, position, end) or position
    mention = make_mention(text, start, end, rule, block_end=block_end)
    if mention:
        mention.departement_codes |= set(_departements_of(siren))
    return mention


def _one_epci(written: str) -> str | None:
    """The SIREN `written` designates: a well-known acronym of one EPCI, or an exact link."""
    sirens = known_acronyms().get(written, ())
    link = link_epci(written)
    return sirens[0] if len(sirens) == 1 else link.siren if link.exact else None


def _departements_of(siren: str) -> tuple[str, ...]:
    epci = referential.load().epcis.get(siren)
    return epci.departement_codes if epci else ()
