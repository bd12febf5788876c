"""Link an intercommunality name written in a communiqué to its SIREN in the referential.

Names are compared on a "core" form: folded, without the legal-form words ("CC", "communauté
d'agglomération"...), without articles and parentheticals. Every EPCI is indexed under its current
name, its former names (older editions of the referential) and variants without a leading
"Canton de"/"Région de", because communiqués say "CC de Charly-sur-Marne" for
"CC du Canton de Charly-sur-Marne". The legal form written in the text and the départements of the
document break ties; a weak or ambiguous match gives no SIREN rather than a wrong one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from pipeline import referential
from pipeline.normalize import fold, unligature

ACCEPT_SCORE = 0.86       # below this, no SIREN
AMBIGUITY_MARGIN = 0.03   # two different EPCIs this close: no SIREN
TYPE_MISMATCH_PENALTY = 0.10
OUTSIDE_DEPARTEMENTS_PENALTY = 0.08

# Repeated: "CA Agglo Pays d'Issoire" is written for the official "Agglo Pays d'Issoire"; an
# article goes with the form it comes before ("la communauté d'agglomération", "CA L'Agglo").
LEGAL_FORM = re.compile(
    r"^(?:(?:(?:la|le|les|l')\s*)?"
    r"(?:communautes?\s+de\s+communes|communautes?\s+d'\s*agglomerations?|communautes?\s+urbaines?"
    r"|metropoles?|cc|ca|cu|agglo)\b\s*)+")
STOPWORDS = {"de", "du", "des", "la", "le", "les", "l", "d"}
GENERIC_LEADS = re.compile(r"^(?:canton|region)\s+")


@dataclass(frozen=True)
class Link:
    siren: str | None
    name: str | None        # official name when linked
    epci_type: str | None
    score: float            # 0..1
    departement_codes: tuple[str, ...]


def core_name(name: str) -> str:
    """'Communauté de Communes du Pays d’Othe (Aube)' -> 'pays othe'."""
    folded = fold(unligature(name))
    folded = re.sub(r"\([^)]*(?:\)|$)", " ", folded)  # "(CCVE)", or "(CCVE" cut by a list's end
    folded = re.sub(r"[^a-z0-9']+", " ", folded).strip()
    folded = LEGAL_FORM.sub("", folded)
    words = [w for w in re.split(r"[\s']+", folded) if w and w not in STOPWORDS]
    return " ".join(words)


NAME_FORM = {"CC": "CC", "CA": "CA", "CU": "CU", "Métropole": "METRO"}


def _form_of(name: str, default: str) -> str:
    """Legal form a name states ('CC de Flandre Intérieure' is a CC even if the EPCI is now a CA)."""
    return NAME_FORM.get(name.split(" ", 1)[0], default)


@lru_cache(maxsize=1)
def _index() -> tuple[list[str], list[tuple[str, str]]]:
    """Parallel lists: indexed core names and the (SIREN, legal form of that name) of each."""
    keys, owners = [], []
    for epci in referential.load().epcis.values():
        variants: dict[str, str] = {}
        for name in (epci.name, *epci.former_names):
            form = _form_of(name, epci.type)
            core = core_name(name)
            for variant in (core, GENERIC_LEADS.sub("", core), core.removeprefix("metropole ").strip()):
                if variant:
                    variants.setdefault(variant, form)
        for variant, form in variants.items():
            keys.append(variant)
            owners.append((epci.siren, form))
    return keys, owners


@lru_cache(maxsize=8192)
def link_epci(written: str, epci_type: str | None = None,
              context_departements: frozenset[str] = frozenset()) -> Link:
    """Best referential EPCI for a name as written; siren None when weak or ambiguous.

    Cached: member lists are split by trying many candidate names, and communiqués of one
    région repeat the same intercommunalités."""
    query = core_name(written)
    if not query:
        return Link(None, None, epci_type, 0.0, ())
    keys, owners = _index()
    epcis = referential.load().epcis
    best_by_siren: dict[str, float] = {}
    for _key, raw, position in process.extract(query, keys, scorer=fuzz.ratio, limit=12):
        siren, form = owners[position]
        epci = epcis[siren]
        score = raw / 100
        if epci_type and form != epci_type and epci.type != epci_type:
            score -= TYPE_MISMATCH_PENALTY
        if context_departements and not set(epci.departement_codes) & context_departements:
            score -= OUTSIDE_DEPARTEMENTS_PENALTY
        best_by_siren[epci.siren] = max(score, best_by_siren.get(epci.siren, 0.0))
    ranked = sorted(best_by_siren.items(), key=lambda item: -item[1])
    if not ranked:
        return Link(None, None, epci_type, 0.0, ())
    siren, score = ranked[0]
    score = max(0.0, min(1.0, score))
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if score < ACCEPT_SCORE or (score - runner_up < AMBIGUITY_MARGIN and score < 0.99):
        return Link(None, None, epci_type, round(min(score, ACCEPT_SCORE - 0.01), 3), ())
    epci = epcis[siren]
    return Link(siren, epci.name, epci.type, round(score, 3), epci.departement_codes)
