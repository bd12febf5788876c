"""A place complement opening a clause, set off by a comma, before its subject: "Dans la Moselle et
la Meurthe-et-Moselle, le territoire Nord Lorraine …", "Situé entre le Lot, le Cantal et l'Aveyron,
le territoire X …", "Autour de Vannes, le Pays de Vannes …"; a département or a région alone may go without its comma
("tandis qu'à La Réunion la CIREST est reconduite"). One rule for its two readers: the
subject finder (predicates._clause_start), for which the complement is no subject, and the
départements of a territory (territories._departements_framing_the_sentence), for which an opening
that locates the sentence ("en", "dans", "entre", "à cheval sur", "situé …") says where it lies.
Its opening words are rules data (territory_words.json, "fronted_place")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.territories.common import WORDS, is_place_name
from pipeline.normalize import fold

_OPENINGS = WORDS["fronted_place"]
# Its opening words (folded text): a participle may lead a locating preposition ("Situé entre",
# "Implantée sur"); "à", "au", "autour de", "près de" front a town, a direction or surroundings.
OPENING = re.compile(
    r"[\s\"]*(?:(?:" + "|".join(_OPENINGS["participles"]) + r")\s+"
    r"(?:(?P<participle_between>" + "|".join(_OPENINGS["between"]) + r")"
    r"|" + "|".join(_OPENINGS["locating"] + _OPENINGS["locating_after_participle"]) + r")"
    r"|(?P<between>" + "|".join(_OPENINGS["between"]) + r")"
    r"|" + "|".join(_OPENINGS["locating"])
    + r"|(?P<near>" + "|".join(_OPENINGS["near"]) + r"))(?:\s+|(?<='))")
# What follows the opening words, through the comma (original text): one name, capitalised after
# its article ("En Maine-et-Loire, …"); after "entre" or "à cheval sur", the places its commas and
# its "et" join ("Situé entre Lot, Cantal et Aveyron, …"), since that preposition takes two.
ONE_PLACE = re.compile(r"(?:(?:la|le|les|l['’])\s*)?[A-ZÀ-Ý][^,.;:\n]{0,50},\s+")
# "… tandis qu'à La Réunion la CIREST est reconduite": a département's or a région's name alone,
# with no comma, before the article of the subject (original text)
PLACE_THEN_ARTICLE = re.compile(r"(?P<place>(?:(?:la|le|les|l['’])\s*)?[A-ZÀ-Ý][\w'’-]*(?:[ \t]+[A-ZÀ-Ý][\w'’-]*)*)"
                                r"[ \t]+(?=(?:la|le|les|l['’])\s*\w)")
PLACES_BETWEEN = re.compile(r"(?:[^,.;:\n]{1,40},\s+){0,4}[^,.;:\n]{1,50}?\s(?:et|ou)\s+[^,.;:\n]{1,50},\s+")


@dataclass(frozen=True)
class FrontedPlace:
    places_start: int  # after its opening words
    locates: bool  # "en", "dans", "entre", "à cheval sur", "situé …": it says where the subject lies
    end: int | None  # after its comma, where the clause goes on; None past the shapes read (one name, a short list)


def fronted_place(text: str, start: int, end: int) -> FrontedPlace | None:
    """The place complement opening text[start:end], or None. Its end is read only for one name or,
    after "entre" / "à cheval sur", a list of at most six: a longer run is no sure complement (it
    could swallow the subject: "En Maine-et-Loire, le Choletais et le Segréen, …"), though its
    places, when they are all départements, still locate the sentence."""
    opening = OPENING.match(fold(text), start, end)
    if not opening:
        return None
    between = opening.group("between") or opening.group("participle_between")
    complement = (PLACES_BETWEEN if between else ONE_PLACE).match(text, opening.end(), end)
    if complement is None and not between:
        bare = PLACE_THEN_ARTICLE.match(text, opening.end(), end)
        complement = bare if bare and is_place_name(bare.group("place")) else None
    return FrontedPlace(opening.end(), not opening.group("near"), complement.end() if complement else None)
