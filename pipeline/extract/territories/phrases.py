"""Reading names inside sentences, for the rules that find territories in prose.

A name part is what a sentence coordinates: an article, then either a geographic head in lower
case ("le bassin de Brive-Périgord", "la vallée du Loir", "le nord Franche-Comté") or an
intercommunality's legal form ("la communauté d'agglomération de Bastia": the territory it
designates goes by "Bastia"), then capitalised words. Two intercommunalities joined by " / ",
"avec" or a dash before a legal form are one territory named after both ("la CA Nord Grande
Terre / CC de Marie-Galante" -> "Nord Grande Terre / Marie-Galante"). Enumerations of parts are
read forward from a cue ("Parmi eux, A, le bassin de B et C") or backward from a verb ("Kourou,
Cayenne et Saint Laurent feront partie des 141 territoires").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.extract.territories.common import (PREFIX, ET_JOINT, MAX_NAME_WORDS, PLACE_ADJECTIVE, PREPOSITION, COUNT_WORDS, WORDS, is_place_name,
                                                 capitalised_run, legal_form_end, looks_like_name)
from pipeline.extract.places import former_regions_in
from pipeline.linking import EVERYDAY_FORM_SCORE, link_epci
from pipeline.normalize import collapse_spaces, fold

GEOGRAPHIC_HEADS = re.compile(r"(?:" + "|".join(WORDS["geographic_heads"]) + r")(?=\s)")
# A geographic head standing alone, capitalised, before "et": it shares the complement of the name
# after it ("Val et Coteaux de X", "Plaine et Val de X"); compass words stand alone ("le Nord").
LONE_HEAD = re.compile(r"(?:" + "|".join(h for h in WORDS["geographic_heads"] if h not in WORDS["compass_heads"]) + r")")
ADMINISTRATIVE_HEADS = re.compile(r"(?:" + "|".join(WORDS["administrative_heads"]) + r")")
PROGRAMME_WORDS = re.compile(r"(?:ti|" + PREFIX + r")\s+(?:(?:de\s+la|de\s+l'|du|des|de|d')\s*)?(?=\S)")
# "Parmi eux figure le territoire de Lacq-Pau-Tarbes": the common noun before a name of its own.
TERRITORY_OF = re.compile(r"territoire\s+(?:(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*)?")  # "…, ainsi que le territoire X"
PLACE_ADJECTIVE_HEAD = re.compile(r"(?:" + "|".join(WORDS["place_adjective_heads"]) + r")\s+(?=[a-z])")
NOT_PLACE_ADJECTIVES = frozenset(WORDS["not_place_adjectives"])
# "à" repeated before each name coordinated after a cue: "le label attribué au A et au B" (not
# before a subject: "L'agglomération A associée à B, et à C, est lauréate" names one territory).
REPEATED_TO = re.compile(r"aux?\s+|a\s+(?=(?:la|l')\b)")
REPEATED_TO_ANY = re.compile(r"(?:aux?|a)\s+")
ARTICLE = re.compile(r"(?:(?:les|la|le|l')\b\s*|l'\s*)")
OPENING_QUOTE = re.compile(r"[«“\"]\s*")
CLOSING_QUOTE = re.compile(r"(?:[ \t\u00a0]*[»”\"])?")
# "Agglomération du Gard rhodanien-Communauté de communes du Pont du Gard": a brand dropped in a pair.
BRAND_FORM = re.compile(r"Agglom[ée]ration\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)")
# Where a name read from a capitalised run stops inside it: a coordination or a pair's joint.
INNER_JOINT = re.compile(r"\s+(?:à|en|dans)\s+(?=(?:la\s+|le\s+|les\s+|l['’])?[A-ZÀ-Ý])|\s+et\s+|\s*,\s+|(?<!\d)\s*/\s*(?!\d)|\s+avec\s+|-(?=\s*(?:[Cc]ommunaut|C[ACU]\b))")
# (", associée à", ", qui fait équipe avec" and ", qui candidatait avec" too, in an item: "- la CA A,
# associée à la CC B ;", "• la CA A, qui candidate avec la CC B ;")
PAIR_JOINT = re.compile(r"\s*/\s*|\s+avec\s+|-(?=\s*(?:[Cc]ommunaut|C[ACU]\b))"
                        r"|\s*,\s*(?:associ[ée]e?\s+(?:à|au)|qui\s+fait\s+[ée]quipe\s+avec"
                        r"|qui\s+candidat(?:e|ait)\s+avec)\s+")
# "la CA A, qui fait équipe avec celle du B": the second of a pair takes the first one's legal form
THAT_OF = re.compile(r"celle\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)")
# "A, B et, donc, C": an adverb set off by commas after the closing "et" parts no name; lists blank
# it, keeping the "et"; an enumeration reads "et, donc," as the joint "et"
CLOSING_INCISE = re.compile(r"(?<=\set)[ \t]*,[ \t]*(?:" + "|".join(WORDS["closing_incise"]) + r"),(?=[ \t])")
ET_INCISE = re.compile(r"\s+et" + CLOSING_INCISE.pattern + r"\s+")
JOINT = re.compile(ET_INCISE.pattern + r"|\s*,?\s+ainsi\s+que\s+|\s*,\s*(?:et\s*,?\s*|ou\s+(?:encore\s+)?)?|\s+et\s+|\s+ou\s+(?:encore\s+)?")
MAX_PAIR_GAP_WORDS = 5
# What may stand just before a name that is not a subject: a preposition or a participle
# ("portée par A", "associé à B"); after a carrier's singular head ("Le PETR du A et du B",
# "le Pays de A et de B", "le bassin industriel de A") the coordinated names are one territory's; after a plural one ("Les
# territoires de A et de B") each is a territory.
OBJECT_LEAD = re.compile(r"(?:(?P<carrier>\b(?:le|la|l')\s*(?:petr|pole|pays|syndicat|territoire|candidature|bassin)\b[^.,;:]{0,60}?"
                         r"\s(?:du|de la|de l'|des|de|d'))|(?P<each>\b(?:les|ces)\s+(?:deux\s+|trois\s+|quatre\s+)?territoires"
                         r"\s+(?:du|de la|de l'|des|de|d'))|\b(?:par|de|du|des|d'|avec|entre|pour|a|au|aux"
                         r"|sur|dans|en|chez|vers|regroupant|reunissant|associant|comprenant))\s*(?:(?:les|la|le|l')\s*)?$")
# "Baie de Somme Ponthieu-Marquenterre industrie": the programme's word ends some names, quoted ones
# too ("sous le nom de « A B industrie »").
PROGRAMME_SUFFIX = re.compile(r"\s+industrie(?=\s*[,.;:)»”\"]|\s+(?:qui|a|est|et)\b)")
# A relative clause or an apposition after a part, up to the enumeration's ", et ".
RELATIVE_GLOSS = re.compile(r",\s+(?:qui|dont|porte|portee|associant|regroupant|reunissant|comprenant|un|une"
                            r"|autour|avec|situee?|pres|deja|pilote|centre|nouveau|nouvelle)\b")
# Where a part lies: ", en Haute-Corse", " à La Réunion", ", à cheval sur la Seine-Maritime" (before
# the next joint).
PLACE_GLOSS = re.compile(r",?\s+(?:en|dans|à|au|à\s+cheval\s+(?:sur|entre))\s+(?:(?:la|le|les|l['’])\s*)?[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)*(?=\s*[,;.)]|\s+(?:et|ou)\s)")
# A bracket after a part does not end an enumeration: "Baie-Mahault (Guadeloupe), Kourou et Cayenne".
GLOSS_BRACKET = re.compile(r"\s*\([^()\n]{0,60}\)")
# Nor does where a part lies set off by commas: "Le Grand Châtellerault, dans la Vienne, et le
# Bocage Bressuirais, …"; nor what it has: "Kourou, avec son centre spatial, et Cayenne"; nor who
# carries it: "Le territoire A, porté par la CUCM, et le territoire de B, autour de la CC C, ont …".
GLOSS_WORDS = r"(?:[^,;:()\n]|\n(?![ \t]*\n)){1,80}"  # a hard-wrapped line break, not a blank line
GLOSS_COMMAS = re.compile(r",\s+(?:(?:en|dans|à|au|aux)\s+(?:(?:la|le|les|l['’])\s*)?[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)*"
                          r"|avec\s+(?:son|sa|ses|leur|leurs)\s+[^\W_A-ZÀ-Ý][\w'’-]*(?:\s+[^\W_A-ZÀ-Ý][\w'’-]*){0,5})(?=\s*,)"
                          # the carrier's gloss may end the subject, right before its verb's comma
                          r"|,\s+(?:(?:port|anim|pilot)ée?s?\s+par\s+" + GLOSS_WORDS
                          + r"|autour\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*" + GLOSS_WORDS + r")(?=\s*,|\s*$)")

# Nor does a relative clause set off by commas before ", et" / ", ou" and the next name: "Kourou,
# où la communauté de communes des Savanes portera la démarche, et Cayenne sont retenus" (the
# clause describes the name before it; a comma inside it would make its words names).
COORDINATED_RELATIVE = re.compile(r",\s+(?:où|qui)\s+[^,;:()\n]{1,160}?(?=\s*,\s+(?:et|ou)\s)")
WHERE_GLOSS = re.compile(r",\s+où\s")
# A time adverb and its words set off by commas after a part: "les Pyrénées-Orientales, jusqu'ici
# absentes du dispositif, les Hautes Terres d'Oc …": the part's gloss, the enumeration goes on after
# it (folded text).
SINCE_WHEN_GLOSS = re.compile(r",\s+(?:jusqu'ici|jusque-la|jusqu'alors|jusqu'a present|longtemps)\s[^,;:.()\n]{1,60},\s+")
GLOSS_END = re.compile(r",\s+(?:et|ou|ainsi\s+que)\s+")


def coordinated_relatives_blanked(text: str) -> str:
    """`text` with each COORDINATED_RELATIVE blanked (offsets kept)."""
    return COORDINATED_RELATIVE.sub(_blanked, text)


# "Chartres métropole", "Alès agglomération": an intercommunality's brand may end with its type
# word in lower case.
LOWER_BRAND_TAIL = re.compile(r"[ \t]+(?:métropole|agglo|agglomération)(?![\w'’-])")


# "le territoire A, B et C": the singular noun makes the coordinated words one territory's name.
SINGULAR_TERRITORY = re.compile(r"\s*(?:[Ll]e|[Dd]u|[Aa]u)\s+territoire\s+(?=[A-ZÀ-Ý])")
# "… et le territoire de B": a part named as a territory of its own, right before its name
TERRITORY_BEFORE_PART = re.compile(r"(?<![\w'’])(?:[Ll]e|[Dd]u|[Aa]u)\s+territoire\s+(?:(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*)?\Z")


@dataclass
class Part:
    """A name part: the span the text names (article and legal form left out) and, for a pair of
    intercommunalities, the name made of both."""
    start: int
    end: int
    epci: bool = False
    name: str | None = None


def _skip(folded: str, pos: int, pattern: re.Pattern) -> int:
    match = pattern.match(folded, pos)
    return match.end() if match else pos


def read_part(text: str, start: int, limit: int, folded: str | None = None) -> Part | None:
    """The name part starting at `start` (spaces, a distributed preposition and an article
    allowed before it), ending at or before `limit`, cut at the first coordination (" et ",
    ", ", " / "): None when no name starts there."""
    folded = folded if folded is not None else fold(text)
    pos = start
    while pos < limit and text[pos] in " \t\u00a0":
        pos += 1
    pos = _skip(folded, pos, PREPOSITION)
    before_article, pos = pos, _skip(folded, pos, ARTICLE)
    after_article = pos > before_article
    of = TERRITORY_OF.match(text, pos)  # "le territoire de X", in lower case after its article
    if of and pos > before_article and text[of.end():of.end() + 1].isupper():
        pos = of.end()  # not "Ce territoire de la Creuse", nor the name "Territoire de la Côte Ouest"
    pos = _skip(folded, pos, OPENING_QUOTE)  # "le « Nord-Est Ardennes »"
    pos = _skip(folded, pos, PROGRAMME_WORDS)  # "le TI Sud Vosges", "le Territoire d'industrie X"
    if pos >= limit:
        return None
    form_end = legal_form_end(text, folded, pos)
    epci = form_end is not None
    brand = BRAND_FORM.match(text, pos) if not epci else None
    if epci:
        pos = name_start = form_end
    else:
        name_start = pos
        head = GEOGRAPHIC_HEADS.match(folded, pos)
        if head and text[pos].islower():
            pos = head.end() + 1 if head.group(0) in WORDS["compass_heads"] \
                else _skip(folded, head.end() + 1, PREPOSITION)  # "le nord Franche-Comté"
            if pos == head.end() + 1 and text[pos:pos + 1].isupper() and GEOGRAPHIC_HEADS.match(folded, pos) \
                    and head.group(0) not in WORDS["compass_heads"]:
                name_start = pos  # "le pays Val de Saône": a common noun before a name of its own
            if ADMINISTRATIVE_HEADS.fullmatch(head.group(0)):
                name_start = pos  # "l'arrondissement de Fougères-Vitré": the division's towns name it
            if head.group(0) == "est" and not after_article:
                name_start = pos  # "le second territoire est Cap Nord": the verb, no compass word
    if not epci and pos < limit and name_start < pos and text[pos].islower():
        adjective = PLACE_ADJECTIVE.match(folded, pos, limit)  # "le bassin nazairien"
        head = PLACE_ADJECTIVE_HEAD.match(folded, name_start)  # no preposition: "le bassin de production"
        if adjective and head and head.end() == pos and adjective.group(0) not in NOT_PLACE_ADJECTIVES:
            written = " ".join(text[name_start:adjective.end()].split())
            return Part(name_start, adjective.end(), name=written[0].upper() + written[1:])
    if pos >= limit or not text[pos].isupper():
        return None
    end = capitalised_run(text, pos, limit)
    cut = INNER_JOINT.search(text, pos, end)
    if cut and epci and cut.group(0).strip() == "et" and is_epci_name(text[pos:end]):
        cut = None  # "la CA Grand Calais Terres et Mers": the coordination is inside its official name
    end = cut.start() if cut else end
    end = _place_qualified(text, folded, pos, end, limit)
    tail = LOWER_BRAND_TAIL.match(text, end, limit) if not epci and end > pos else None
    end = tail.end() if tail else end
    suffix = PROGRAMME_SUFFIX.match(text, end, limit)
    end = suffix.end() if suffix else end
    if end <= pos:
        return None
    paired = _paired(text, folded, Part(brand.end() if brand else name_start, end, epci), limit)
    if paired:
        return paired
    if epci and TOWN_ARTICLE.match(text, name_start):
        # "la communauté d'agglomération de La Rochelle": the town's article, which make_mention
        # would trim as any article, names it ("La Rochelle")
        return Part(name_start, end, epci, collapse_spaces(text[name_start:end]))
    return Part(name_start, end, epci)


TOWN_ARTICLE = re.compile(r"(?:La|Le|Les)\s|L['’]")


# A lower-case adjective of place (a demonym) or of position ("centrale", "orientale") after a
# département's or a former région's name makes the name a part of that area, named so; a name
# dashed to the adjective goes with it. A demonym after one capitalised word is part of its name
# ("le Bocage vendéen", "le Pays sabolien").
ADJECTIVE_AFTER = re.compile(r"[ \t]+(" + WORDS["place_adjective"]
                             + r"|centrale?|septentrionale?|meridionale?|orientale?|occidentale?)(?=[\s,.;:)-]|$)")

# The dash joining two names into one ("Seignanx – Pays tarusate", "Seignanx—Pays tarusate",
# "Seignanx-Pays tarusate": a hyphen before a capital); a compass word hyphened to the word
# before it is a compound's ("Nord-Ouest aubois" is no name), and a kicker in capitals before an
# em dash joins none ("GARD — Gard rhodanien"): see _place_qualified.
NAME_DASH = re.compile(r"[ \t]*[-–—][ \t]*(?=[A-ZÀ-Ý])")


def _place_qualified(text: str, folded: str, start: int, end: int, limit: int) -> int:
    """`end` past a lower-case adjective of place (and a name dashed to it) after a département's or
    a région's name, a former région's too (an adjective of position); else `end`."""
    adjective = ADJECTIVE_AFTER.match(folded, end, limit)
    if not adjective or not text[adjective.start(1)].islower() or adjective.group(1) in NOT_PLACE_ADJECTIVES:
        return end
    # "le Bocage vendéen", "le Pays basque": one capitalised word qualified by a demonym is a name;
    # so is the last of names joined by a dash ("le Seignanx – Pays tarusate"; a kicker in
    # capitals joins none: "GARD – Gard rhodanien")
    *dashed_to, last_dashed = NAME_DASH.split(text[start:end])
    hyphened_compass = fold(last_dashed) in WORDS["compass_heads"] and text[end - len(last_dashed) - 1] == "-"
    one_word_named = bool(re.fullmatch(r"[^\W\d_][\w'’]*", last_dashed)) and not hyphened_compass \
        and not any(part.isupper() for part in dashed_to) and bool(PLACE_ADJECTIVE.fullmatch(adjective.group(1)))
    if not (one_word_named or is_place_name(text[start:end]) or former_regions_in(text[start:end])):
        return end
    end = adjective.end()
    if text[end:end + 1] == "-" and text[end + 1:end + 2].isupper():
        return max(end, capitalised_run(text, end + 1, limit))
    return end if text[end:end + 1] != "-" else adjective.start()


def _paired(text: str, folded: str, first: Part, limit: int) -> Part | None:
    """'A / CC de B', 'CC de A avec la CA de B', 'Agglomération du A-Communauté de communes du B':
    one territory named 'A / B'."""
    gap = re.match(r"[^,;:.()\n]{0,80}?(?=" + PAIR_JOINT.pattern + r")", text[first.end:limit])
    if not gap or len(gap.group(0).split()) > MAX_PAIR_GAP_WORDS:
        return None
    joint = PAIR_JOINT.match(text, first.end + gap.end())
    second_start = _skip(folded, joint.end(), ARTICLE)
    that_of = THAT_OF.match(text, second_start) if first.epci else None
    if that_of:
        second_start = that_of.end()
    elif legal_form_end(text, folded, second_start) is None and not (first.epci and joint.group(0).strip() == "/"):
        return None
    second = read_part(text, second_start, limit, folded)
    if second is None or second.name is not None:
        return None
    first_name = " ".join(text[first.start:first.end + gap.end()].split())
    second_name = " ".join(text[second.start:second.end].split())
    return Part(first.start, second.end, True, f"{first_name} / {second_name}")


def enumeration_after(text: str, start: int, limit: int, after_to: bool = False) -> list[Part]:
    """Name parts coordinated from `start` ("A, le bassin de B, C et la vallée du D"), up to the
    first piece that is not a name. A piece that cannot stand alone joins the next one ("Monts et
    Vallées de l'Ouest"). After the last comma only the last "et" coordinates: "A, B et C et D"
    is "A", "B et C", "D" ("Vendée-Est, Lamballe Terre et Mer et Saint-Brieuc Baie d'Armor").
    `after_to`: the first name followed "à", which each next one repeats ("je pense à A, au B et
    à C"): ", au B" coordinates, it places nothing."""
    folded = fold(text)
    read: list[Part] = []
    pos = start
    repeated_to = REPEATED_TO_ANY if after_to else REPEATED_TO
    while pos < limit:
        part = read_part(text, _skip(folded, pos, repeated_to) if read else pos, limit, folded)
        if part is None:
            break
        part = _slashed_name(text, folded, part, limit)
        read.append(part)
        after = CLOSING_QUOTE.match(text, part.end).end()  # "« A » et « B »"
        bracket = GLOSS_BRACKET.match(text, after)
        after = bracket.end() if bracket else after
        place = None if after_to else PLACE_GLOSS.match(text, after)
        if place:  # "la CA de Bastia (CAB), en Haute-Corse, et la CA du Pays Ajaccien"
            after = place.end()
        if RELATIVE_GLOSS.match(folded, after) or WHERE_GLOSS.match(text, after):
            # "A, qui associe la CA X et la CC Y, et B, …", "A, où …, ou B": the gloss ends at ", et "
            # (", ainsi que B")
            last = GLOSS_END.search(text, after, limit)
            following = read_part(text, last.end(), limit, folded) if last else None
            if not following or following.epci and not any(p.epci for p in read):
                break  # "B, dont le périmètre associe X, côté Lot-et-Garonne, et la CC Y": the gloss's members
            pos = last.end()
            continue
        since_when = SINCE_WHEN_GLOSS.match(folded, after)
        if since_when and since_when.end() < limit:
            pos = since_when.end()
            continue
        joint = JOINT.match(text, after)
        if not joint or joint.end() >= limit:
            break
        pos = joint.end()
    # the joint after each part; a gloss before it ("A (CAB), en Haute-Corse, et B") counts as a comma
    joints = [("et" if ET_INCISE.fullmatch(joint.group(0)) else joint.group(0).strip())
              if (joint := JOINT.match(text, before.end)) else "," for before in read[:-1]]
    read, joints = _epci_names_joined(text, read, joints)
    last_comma = max((i for i, joint in enumerate(joints) if joint.startswith(",")), default=None)
    inner_et = [] if last_comma is None else [i for i, joint in enumerate(joints) if i > last_comma and joint == "et"][:-1]
    parts: list[Part] = []
    for index, part in enumerate(read):
        joined = index - 1 in inner_et or (parts and not looks_like_name(_name(text, parts[-1]))
                                            and joints[index - 1] == "et")
        if joined:
            parts[-1] = Part(parts[-1].start, part.end, part.epci)
        else:
            parts.append(part)
    return [p for p in parts if looks_like_name(_name(text, p))]


SLASH = re.compile(r"[ \t]*/[ \t]*(?=[A-ZÀ-Ý])")


# A spaced dash joining two places inside a name: "Epernay – Bassin sézannais".
SPACED_DASH_IN_NAME = re.compile(r"\S[ \t]+[–—-][ \t]+\S")


def dashed_names(text: str, parts: list[Part]) -> bool:
    """Whether two coordinated parts or more each join places by a spaced dash ("A – B – C et
    D – E"): then each is a name of its own. A name may hold "et" beside a dash on one side of it
    only ("Pays Rochois – Arve et Salève", "Vallées du Gier et de l'Ondaine - Loire Sud")."""
    return len(parts) >= 2 and not any(part.epci for part in parts) \
        and all(SPACED_DASH_IN_NAME.search(text, part.start, part.end) for part in parts)


def _slashed_name(text: str, folded: str, part: Part, limit: int) -> Part:
    """'A, Grand Auch / Astarac et B', 'Albert/Amiens est reconduit': names joined by a slash,
    neither an intercommunality's, are one territory's name, as lists write it (read_part cuts at
    the slash)."""
    slash = SLASH.match(text, part.end)
    if not slash or part.epci or part.name:
        return part
    second = read_part(text, slash.end(), limit, folded)
    if second is None or second.epci or second.name or second.start != slash.end():
        return part
    return Part(part.start, second.end, False)


# "la chimie dans le Grand Dole, l'horlogerie en Haut-Doubs": where an activity stands, a name
# after "dans" and its article, or after "en".
LOCATED_IN = re.compile(r"\b(?:dans|en)[ \t]+(?=(?:les|la|le|l['’])?[ \t]*[A-ZÀ-Ý])")
# what stands between two located names: activities in lower case, commas, "et", "ou encore"
LOWER_CASE_WORDS = re.compile(r"[^A-ZÀ-Ý\d.;:!?()\n«»\"]*")


def located_names(text: str, start: int, limit: int) -> list[Part]:
    """The names of "la chimie dans le Grand Dole, l'industrie du cuir en Auxois-Morvan, … ou encore
    la lunetterie dans le Haut-Jura" from `start`: each after "dans le" or "en", the words before
    each in lower case (the activity it is known for), up to the first piece that is not so
    written; the last name ends the enumeration."""
    folded = fold(text)
    parts: list[Part] = []
    pos = start
    while (located := LOCATED_IN.search(text, pos, limit)) and LOWER_CASE_WORDS.fullmatch(text, pos, located.start()):
        part = read_part(text, located.end(), limit, folded)
        if part is None or part.epci or part.start != _skip(folded, located.end(), ARTICLE):
            break
        parts.append(part)
        pos = part.end
    return [p for p in parts if looks_like_name(_name(text, p)) and not is_place_name(_name(text, p))]


def _epci_names_joined(text: str, read: list[Part], joints: list[str]) -> tuple[list[Part], list[str]]:
    """"… et Lamballe Terre et Mer": an "et" inside an EPCI's name coordinates nothing."""
    parts, kept_joints = read[:1], []
    for part, joint in zip(read[1:], joints):
        if joint == "et" and is_epci_name(text[parts[-1].start:part.end]):
            parts[-1] = Part(parts[-1].start, part.end, parts[-1].epci or part.epci)
        else:
            parts.append(part)
            kept_joints.append(joint)
    return parts, kept_joints


@lru_cache(maxsize=4096)
def is_epci_name(written: str) -> bool:
    """Whether words are an EPCI's name, official or everyday ("Marne et Gondoire")."""
    link = link_epci(written.strip(" \t\n.;:!"))
    return bool(link.siren and link.exact and link.score >= EVERYDAY_FORM_SCORE)


def _blanked(match: re.Match) -> str:
    return " " * len(match.group(0))


def enumeration_before(text: str, end: int, clause_start: int, apposition: bool = False) -> list[Part]:
    """Name parts coordinated as a subject that ends at `end` ("car comme Kourou, Cayenne et
    Saint Laurent"): whole pieces from the right, each may carry a bracket ("la Vallée de l'Arve
    (Haute-Savoie), Aurillac – Figeac – Rodez (Cantal, Lot et Aveyron) ou encore Moselle Est");
    the leftmost may be the tail of a longer phrase ("comme Kourou", "Et le nord Franche-Comté").
    An `apposition` ("Dans le Roannais, labellisé …") qualifies the name before it whatever
    stands before the name."""
    folded = fold(text)
    # joints inside glosses do not count (only the clause is read)
    masked = text[:clause_start] + coordinated_relatives_blanked(
        GLOSS_COMMAS.sub(_blanked, GLOSS_BRACKET.sub(_blanked, text[clause_start:end])))
    pieces, pos = [], clause_start
    for joint in JOINT.finditer(masked, clause_start, end):
        pieces.append((pos, joint.start()))
        pos = joint.end()
    pieces.append((pos, end))
    merged, headed = set(), set()
    for index in range(len(pieces) - 1, 0, -1):  # "… et Lamballe Terre et Mer": one name
        (left, _), (right, right_end) = pieces[index - 1], pieces[index]
        if not ET_JOINT.fullmatch(masked, pieces[index - 1][1], right):
            continue
        if _lone_head(text, left, pieces[index - 1][1]) and looks_like_name(text[right:right_end]):
            pieces[index - 1:index + 1] = [(left, right_end)]
            headed.add(left)
        elif is_epci_name(text[left:right_end]):
            pieces[index - 1:index + 1] = [(left, right_end)]
            merged.add(left)
    parts: list[Part] = []
    for piece_start, piece_end in reversed(pieces):
        piece_end = len(masked[:piece_end].rstrip().rstrip("»”\"").rstrip())  # a name quoted before its bracket
        singular = SINGULAR_TERRITORY.match(text, piece_start, piece_end)
        if singular:  # "le territoire Val de Garonne, Guyenne, Gascogne et Réolais sont reconduits"
            # up to the next "le territoire (de) B": "Le territoire A et le territoire de B" are two
            named_apart = [index for index, part in enumerate(parts) if TERRITORY_BEFORE_PART.search(text, 0, part.start)
                           and TERRITORY_BEFORE_PART.search(text, 0, part.start).end() == part.start]
            own = parts[:named_apart[0]] if named_apart else parts
            end_of_name = own[-1].end if own else piece_end
            parts = [Part(singular.end(), end_of_name), *parts[len(own):]]
            continue
        if piece_start in headed:  # "Val et Coteaux de X": one name
            parts.insert(0, Part(piece_start, piece_end))
            continue
        part = read_part(text, piece_start, piece_end, folded)
        part = part and _slashed_name(text, folded, part, piece_end)  # "Albert/Amiens est reconduit"
        if part is not None and part.epci and piece_start in merged and part.end < piece_end \
                and ET_JOINT.search(text, part.end, piece_end):
            # "la communauté d'agglomération Marne et Gondoire": a legal form, then one name holding "et"
            part = Part(part.start, piece_end, part.epci)
        if part is not None and part.end == piece_end and looks_like_name(_name(text, part)):
            parts.insert(0, part)
            continue
        tail = _tail_name(text, folded, piece_start, piece_end)
        if tail is not None:
            lead = None if apposition else OBJECT_LEAD.search(folded, clause_start, tail.start)
            if lead and lead.group("each"):
                return [p for p in [tail] + parts if looks_like_name(_name(text, p))]
            if lead and lead.group("carrier"):
                # "Le PETR du Vexin et du Noyonnais": one territory named after both
                parts = [tail] + parts
                name = " et ".join(" ".join(text[p.start:p.end].split()) for p in parts)
                return [Part(tail.start, parts[-1].end, False, name)]
            if lead:
                return []  # "portée par A, B et C": an object, not the subject
            parts.insert(0, tail)
        break
    return [p for p in parts if looks_like_name(_name(text, p))]


def _lone_head(text: str, start: int, end: int) -> bool:
    """Whether [start, end) is one capitalised geographic head and nothing else ("Val" in "Nord
    Cotentin et Val et Coteaux de X"): no name alone, the first word of the name after it."""
    word = text[start:end].strip()
    return word[:1].isupper() and LONE_HEAD.fullmatch(fold(word)) is not None


# A number right before a lower-case head: "13 zones du …", "les dix secteurs de …".
COUNT_BEFORE = re.compile(r"(?:\b\d+|\b(?:" + "|".join(COUNT_WORDS) + r"))\s+$")


# A word in capitals before a word in title case: the end of a rubric in capitals, not a name's
# first word ("COMMUNAUTÉ Bièvre Isère"); acronyms are shorter ("TI Sud Vosges", "PETR du …").
RUBRIC_IN_CAPITALS = re.compile(r"[A-ZÀ-Ý]{5,}[ \t]+(?=[A-ZÀ-Ý][a-zà-ÿ])")


def _tail_name(text: str, folded: str, start: int, end: int) -> Part | None:
    """The longest name ending a phrase: 'car comme Kourou' -> 'Kourou'. Only its last words can
    start one (a name has at most MAX_NAME_WORDS), which keeps a long phrase linear."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for word in words[-2 * MAX_NAME_WORDS:]:
        part = read_part(text, start + word.start(), end, folded)
        if part is not None and part.end == end and looks_like_name(_name(text, part)):
            if RUBRIC_IN_CAPITALS.match(text, part.start):
                continue  # "BIÈVRE ISÈRE COMMUNAUTÉ Bièvre Isère, labellisé …": a rubric glued to the title
            if text[part.start].islower() and COUNT_BEFORE.search(folded, start, part.start):
                return None  # "13 zones du Grand Est labellisées": places counted, not a name
            return part
    return None


def _name(text: str, part: Part) -> str:
    return part.name or " ".join(text[part.start:part.end].split())
