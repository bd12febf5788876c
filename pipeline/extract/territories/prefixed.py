"""territory.prefixed_name: the name after the programme's words ("Territoire d'industrie de
l'Ouest Rural regroupant ...", 'le Territoire d'industrie "Baie de Somme Ponthieu-Marquenterre
industrie"', "le TI Sud Vosges", "le Territoire d'Industrie 32/82" named by its départements'
codes), or after "pour" when the programme's words name a contract ("le contrat « Territoires
d'industrie » pour Saint-Nazaire Cordemais") or a territory ("le programme … pour le territoire
X"), or apposed after a possessive ("Notre territoire d'industrie, Lacq-Pau-Tarbes."). Also
territory.suffixed_name: the name joined by a dash before the programme's words ("la démarche
Grand Est Touraine - Territoire d'industrie"), or before a contract's title in capitals
("ROCHEFORT - ROYAN - MARENNES - OLERON - 2020-2022 CONTRAT TERRITOIRE D'INDUSTRIE")."""

from __future__ import annotations

import re

from pipeline import referential
from pipeline.extract.first_letters import with_first_letters
from pipeline.extract.places import PlaceMention, former_regions_in
from pipeline.extract.structure import count_value, DEPARTEMENT_CODE, Structure
from pipeline.extract.territories.phrases import LOWER_BRAND_TAIL, PLACE_ADJECTIVE, dashed_names, enumeration_after, is_epci_name
from pipeline.extract.territories.common import (ARTICLE, CLOSING_QUOTES, OPENING_QUOTES, PREFIX, COUNT_WORDS, WORDS,
                                                 TerritoryMention, awarded_plural_object_at, demonym_run, departements_after_dash, block_end, brand_end, capitalised_run, codes_after,
                                                 _town_words_of, town_words,
                                                 is_place_adjective, is_place_name, is_region_name, make_mention, named_by_its_departements, numbered_name, quoted_name, titled_by_the_programme,
                                                 sentence_bounds)
from pipeline.normalize import fold

# The programme's words, then what may stand between them and the name: a closing quote
# ('« Territoire d'industrie » pilote X'), the word "pilote", a line break after a title in
# capitals ("CONTRAT TERRITOIRE D'INDUSTRIE" then "ROCHEFORT – ROYAN - MARENNES - OLERON"); not a
# tab, which ends a cell ("Territoire d'industrie<tab>Départements": a table's header).
PREFIXED = with_first_letters(re.compile(r"(?:" + PREFIX + r"|(?-i:\bTI\b))"  # "le TI Sud Vosges": the usual abbreviation
                                         r"(?:[ \t]*[»”\"])?(?:[ \t]*\((?-i:TI)\))?(?:[ \t]+pilote\b)?(?:[ \t]+(?P<beneficiary>pour)\b)?(?P<comma>[ \t]*,)?(?P<gap>[ ]+(?!\t)|[ \t]*\n[ \t]*)(" + ARTICLE + r")?",
                                         re.IGNORECASE))


ADJECTIVE = re.compile(r"(?:" + "|".join(WORDS["name_adjectives"]) + r")\s+(?=\S)")
# "… du Choletais et du Saumurois", "… du Sud X et de Y métropole": the joint between two names
# after plural programme words, each with its own preposition
NEXT_OF = re.compile(r"\s*(?:,\s*(?:et\s+)?|\s+et\s+)(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*(?=[A-ZÀ-Ý])")
OF_BEFORE = re.compile(r"\b(?:du|de\s+la|de\s+l['’]|des)\s*$", re.IGNORECASE)
# "les territoires d'industrie de Cayenne, de Kourou et de Saint-Laurent-du-Maroni": towns, each
# after its own "de" (the next ones after any preposition: "de Lacq-Pau-Tarbes et du Pays Basque").
TOWN_OF_BEFORE = re.compile(r"\b(?:de|d['’])\s*$", re.IGNORECASE)
NEXT_TOWN = re.compile(r"(?:,\s*(?:et\s+)?|\s+et\s+)(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*(?=[A-ZÀ-Ý])")
# "Territoire d'Industrie 32/82": a territory named by the codes of its départements, joined by
# slashes; not a date ("12/05/2023") nor a count ("42 projets").
CODES_AS_NAME = re.compile(DEPARTEMENT_CODE + r"(?:[ \t]?/[ \t]?" + DEPARTEMENT_CODE + r")+\b(?![ \t]?/|\d)")


HEAD_THEN_NAME = re.compile(r"(?:" + "|".join(WORDS["geographic_heads"]) + r")\s+(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)?")
BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
APPOSED_HEAD = re.compile(r"(?:" + "|".join(WORDS["apposed_heads"]) + r")\s+(?=[A-ZÀ-Ý])")
PERSON_ROLE = re.compile(WORDS["person_roles"])
LINK_MARKER = re.compile(WORDS["link_marker"])
COMPASS_HEAD = re.compile(r"(?:" + "|".join(WORDS["compass_heads"]) + r")\b")
# "trois vallées de A, B et C": a small count, then a plural geographic head, in lower case.
COUNTED_HEAD = re.compile(r"(?P<count>" + "|".join(COUNT_WORDS) + r")\s+(?:"
                          + "|".join(h for h in WORDS["geographic_heads"] if h.endswith("s?")) + r")\s+"
                          r"(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)(?=\S)")
PLACE_JOINT = re.compile(r",\s+|\s+et\s+")
LAST_JOINT = re.compile(r"\s+et\s+")


def _counted_places_end(text: str, pos: int, counted: re.Match) -> int | None:
    """End of "trois vallées de A, B et C" when as many places as counted follow the head, the
    last after "et"; else None."""
    count = count_value(counted.group("count"))
    end = pos + counted.end()
    for index in range(count):
        last = index == count - 1
        if index:
            joint = PLACE_JOINT.match(text, end)
            if not joint or last != ("et" in joint.group(0)):
                return None
            end = joint.end()
        if not text[end:end + 1].isupper():
            return None
        run_end = capitalised_run(text, end, min(len(text), end + 80))
        inner = LAST_JOINT.search(text, end, run_end)  # "Gérardmer et Saint-Dié": two places
        end = inner.start() if inner and not last else run_end
    return end


# "du Territoire d'industrie regroupant les bassins de Lacq, de Pau et de Tarbes": the towns a
# territory gathers, each after its own "de" with no article (folded text; rules data).
GATHERED_HEAD = re.compile(r"(?:" + "|".join(WORDS["gathered_towns"]["verbs"]) + r")\s+les\s+(?:"
                           + "|".join(WORDS["gathered_towns"]["heads"]) + r")\s+(?:de\s+|d')(?=[a-z])")
TOWN = re.compile(r"[A-ZÀ-Ý][\w'’]*(?:-[\w'’]+)*(?:[ \t]+[A-ZÀ-Ý][\w'’]*(?:-[\w'’]+)*){0,2}")
NEXT_GATHERED_TOWN = re.compile(r"(?:[ \t]*,[ \t]*(?:(?P<et>et)[ \t]+)?|[ \t]+(?P<et2>et)[ \t]+)(?:de[ \t]+|d['’])")
# A plural determiner or a count before the programme's words: several territories, not one.
GATHERED_HEAD_CHARS = 120  # enough for the longest verb and head of gathered_towns
SEVERAL_BEFORE = re.compile(r"\b(?:les|des|ces|aux|plusieurs|\d+|" + "|".join(COUNT_WORDS) + r")\s*[«\"]?\s*$")


def _gathered_towns(text: str, match: re.Match, pos: int) -> tuple[int, int, str] | None:
    """(start, end, name) of the towns a territory the programme's words open is said to gather
    ("… regroupant les bassins de Lacq, de Pau et de Tarbes" is "Lacq – Pau – Tarbes"), at least
    two, the last after "et", one of them a town the referential's EPCI or chef-lieu names; else None."""
    head = GATHERED_HEAD.match(fold(text[pos:pos + GATHERED_HEAD_CHARS]))  # a window: read at each
    # programme's words, the whole text folded each time cost a long text's square
    if not head or SEVERAL_BEFORE.search(fold(text[max(0, match.start() - 30):match.start()])):
        return None
    towns: list[re.Match] = []
    closing = False
    at = pos + head.end()
    while town := TOWN.match(text, at):
        towns.append(town)
        if closing:
            break
        joint = NEXT_GATHERED_TOWN.match(text, town.end())
        if not joint:
            return None  # no "et" closes the towns: not a list of them
        closing, at = bool(joint.group("et") or joint.group("et2")), joint.end()
    else:
        return None  # a joint with no town after it
    if not any(fold(town.group(0)) in town_words() for town in towns):
        return None
    return towns[0].start(), towns[-1].end(), " – ".join(t.group(0) for t in towns)


# "Territoires d'Industrie de Côte d'Or": the programme's words in the plural, then a place, say
# where several territories lie, not a territory's name.
PLURAL_THEN_PREPOSITION = re.compile(r"territoires\s+d['’]\s*industrie\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’]|en)\b",
                                     re.IGNORECASE)

PLURAL = re.compile(r"territoires\b", re.IGNORECASE)
# "le troisième territoire d'industrie du Cher", "le 5e Territoire d'industrie de la région",
# "Seul territoire d'industrie du Sud-Ouest à …": a rank among the territories of a place (or the
# only one there), which the words after the programme's name.
ORDINAL_BEFORE = re.compile(r"\b(?:premier|premiere|deuxieme|seconde?|troisieme|quatrieme|cinquieme|sixieme|septieme"
                            r"|huitieme|neuvieme|dixieme|dernier|derniere|seule?|unique|\d{1,2}(?:e|eme|ieme))\s*[«“\"]?\s*$")
OF_AFTER = re.compile(r"\b(?:du|de\s+la|de\s+l'|des|de|d')\s*$")
# "Notre territoire d'industrie, Lacq-Pau-Tarbes.": a possessive before the programme's words,
# the name apposed after a comma, ending the sentence.
POSSESSIVE_BEFORE = re.compile(r"\b(?:notre|votre|leur|son|sa)\s*[«“\"]?\s*$", re.IGNORECASE)
APPOSED_NAME_END = re.compile(r"\s*(?:[.!]|$)")
# "L'île compte un second Territoire d'industrie, à l'Est, animé par la CIREST": the side of the
# area a territory lies on, capitalised and set off by commas, names it as "de l'Est" would.
SIDE_APPOSED = re.compile(r"(?:à|au)\s+(?:l['’]\s*)?(?P<side>(?:Nord|Sud|Est|Ouest)(?:-(?:Est|Ouest))?)[ \t]*,")
# "le programme Territoires d'industrie pour le territoire Vallée de la Bresle-Vimeu": the
# territory the programme is for, named as one (after the article the match reads).
THE_TERRITORY = re.compile(r"territoire\s+(?:(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*)?(?=[A-ZÀ-Ý])")
# "le contrat « Territoires d'industrie » pour Saint-Nazaire Cordemais": a contract's words, then
# the territory it is signed for.
CONTRACT_BEFORE = re.compile(r"\b(?:contrats?|protocoles?)(?:\s+d['’]engagement)?\s*[«“\"]?\s*$", re.IGNORECASE)


# "copilote « Territoire d'industrie » en Bresse": in the singular, "en" then a capitalised name that
# is no département's, région's or former région's names the territory ("un territoire d'industrie
# en Isère", "en Bretagne" say where it lies; the plural, where several lie). So does "dans le"
# then a compass word and a capitalised name ("le lancement de Territoire d'industrie dans le sud
# Haute-Marne", "… dans le Nord Isère"; not "dans le sud de la France").
LOCATED_NAME = re.compile(r"en[ \t]+(?=[A-ZÀ-Ý])|dans[ \t]+l(?:e|a|['’])[ \t]*"
                          r"(?=(?:[Nn]ord|[Ss]ud|[Ee]st|[Oo]uest)(?:-(?:[Ee]st|[Oo]uest))?[ \t]+[A-ZÀ-Ý])")


# "Notre Territoire d'industrie porte donc le nom de Lamballe Terre & Mer": a verb of naming
# between the programme's words in the singular and the name.
NAMING_VERB = re.compile(r"(?:porte|portera|portait)[ \t]+(?:(?:donc|aussi|d[ée]sormais|d[ée]j[àa])[ \t]+)?le[ \t]+nom[ \t]+(?:de[ \t]+|d['’][ \t]*)"
                      r"|s['’]appelle[ \t]+|se[ \t]+nomme[ \t]+|a[ \t]+pour[ \t]+nom[ \t]+|(?:est|a[ \t]+[ée]t[ée])[ \t]+baptis[ée]e?[ \t]+",
                      re.IGNORECASE)
# "Le territoire portera le nom de X", in a text the programme titles or in a paragraph naming it:
# the territory the text speaks of, named
THE_TERRITORY_NAMED = re.compile(r"\b[Ll]e[ \t]+territoire[ \t]+(?:" + NAMING_VERB.pattern + r")(?=[A-ZÀ-Ý«“\"])")


def territory_named(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    """territory.prefixed_name: "Le territoire portera le nom de Baie de Somme – Ponthieu-Marquenterre"
    where the programme is named in the paragraph or titles the text."""
    found = []
    folded = fold(text)
    for match in THE_TERRITORY_NAMED.finditer(text):
        paragraph_start = max(text.rfind("\n\n", 0, match.start()), 0)
        if not (re.search(PREFIX, folded[paragraph_start:match.start()]) or titled_by_the_programme(folded)):
            continue
        pos = match.end()
        if text[pos] in OPENING_QUOTES:
            quoted = quoted_name(text, pos)
            if not quoted:
                continue
            pos, end = quoted
        else:
            end = brand_end(text, pos, capitalised_run(text, pos, min(len(text), pos + 200)))
        mention = make_mention(text, pos, end, "territory.prefixed_name", codes_after(text, end, places),
                               block_end(structure, text, pos))
        if mention:
            found.append(mention)
    return found


# "Objet : Territoire d'industrie X — Approbation du renouvellement …": after a spaced dash, one
# capitalised word that opens a phrase in lower case ("du renouvellement", "à la convention") is
# the subject of a heading, not the last town of the name ("Vallée de la Bresle – Vimeu").
LAST_DASH = re.compile(r".*(\s+[–—-]\s+)", re.DOTALL)
PHRASE_GOES_ON = re.compile(r"[ \t]+(?:du|de\s+la|de\s+l['’]|des|de|d['’]|à\s+la|à\s+l['’]|au|aux|à)[ \t]*[a-zà-ÿ]")


def _before_a_subject_dash(text: str, start: int, end: int) -> int:
    """`end`, or the start of the last spaced dash of [start, end) when one word follows it and
    a phrase in lower case goes on after the name; a town's name after the dash is the name's
    last part ("la candidature du Territoire d'industrie Aurillac – Figeac – Rodez à la période
    2023-2027"), not a heading's subject ("X — Adhésion à la convention")."""
    dash = LAST_DASH.match(text, start, end)
    word = text[dash.end(1):end].strip() if dash else ""
    if dash and " " not in word and PHRASE_GOES_ON.match(text, end) and not _town_words_of(word) & town_words():
        return dash.start(1)
    return end


def _territory_of_a_role(text: str, match: re.Match, pos: int) -> bool:
    """Whether the name after a role's programme words is the territory the role serves, not the
    person holding it: "chef de projet Territoire d'industrie Nevers Val de Loire", the words in
    the singular right after the role (not "délégué aux territoires d'industrie"), then more than
    two words, one of them a town's ("Olivier Lluansi" is two words, no town's)."""
    if PLURAL.match(text, match.start()) or not text[pos:pos + 1].isupper():
        return False
    run = text[pos:capitalised_run(text, pos, min(len(text), pos + 200))]
    return len(run.split()) > 2 and bool(_town_words_of(run) & town_words())


# "Le Territoire d'industrie A, B et C a été labellisé": the programme's words after a singular
# article, bare capitalised names parted by commas then "et", a verb in the singular right after:
# one territory named after all of them (not "le territoire d'industrie A, la Région et B signent").
SINGULAR_ARTICLE_BEFORE = re.compile(r"\b(?:le|du|au)[ \t]*[«“\"]?[ \t]*$", re.IGNORECASE)
NEXT_BARE_NAME = re.compile(r",[ \t]+(?=[A-ZÀ-Ý])|[ \t]+et[ \t]+(?=[A-ZÀ-Ý])")
LAST_ET = re.compile(r"[ \t]+et[ \t]+[A-ZÀ-Ý]")
SINGULAR_VERB_AFTER = re.compile(r"[ \t]+(?:a[ \t]+(?:ete|obtenu|rejoint|recu)|est|fait|vient|sera|devient|reste|obtient|beneficie|figure)\b")


def _one_name_of_several(text: str, match: re.Match, pos: int, end: int) -> int:
    """The end of "A, B et C" when the singular programme's words name one territory after them all
    and a singular verb follows; else `end`."""
    if PLURAL.match(text, match.start()) or not SINGULAR_ARTICLE_BEFORE.search(text, max(0, match.start() - 12),
                                                                                 match.start()):
        return end
    joints, cursor = [], end
    while joint := NEXT_BARE_NAME.match(text, cursor):
        run_end = capitalised_run(text, joint.end(), min(len(text), joint.end() + 80))
        if run_end <= joint.end():
            return end
        joints.append(joint.group(0).strip())
        cursor = run_end
    # a capitalised run may hold the last "et" ("Val de B et C", one run)
    if not joints or any(j != "," for j in joints[:-1]) or not LAST_ET.search(text, end, cursor):
        return end
    return cursor if SINGULAR_VERB_AFTER.match(fold(text[cursor:cursor + 30])) else end


def _in_capitals(line: str) -> bool:
    """Four letters or more, all capitals: read up to the first small letter (a text of one line
    was read whole for each of its names)."""
    count = 0
    for character in line:
        if character.isalpha():
            if not character.isupper():
                return False
            count += 1
    return count >= 4


def _capitals_word_alone(text: str, start: int, end: int) -> bool:
    """A name of one word on a line in capitals that the text never writes capitalised elsewhere
    ("… » DU LITTORAL", no "Littoral" below): in capitals, a common noun reads as a name."""
    word = text[start:end]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    if not word.isalpha() or not _in_capitals(line):
        return False
    return re.search(rf"(?<!\w){re.escape(word[0] + word[1:].lower())}(?!\w)", text) is None


def _title_then_name(text: str, match: re.Match) -> bool:
    """'CONTRAT TERRITOIRE D'INDUSTRIE' ending its line, the next line a name in capitals."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    next_end = text.find("\n", match.end())
    next_line = text[match.end():len(text) if next_end < 0 else next_end]
    return (_in_capitals(text[line_start:match.start("gap")]) and _in_capitals(next_line)
            and not re.search(PREFIX, next_line, re.IGNORECASE))


def _quoted_line_after(text: str, match: re.Match) -> bool:
    """'ÉCONOMIE Un territoire d'industrie' ending its line, the next line a quoted name and
    nothing else ('« Collines de Normandie »'): a heading a PDF set on two lines."""
    next_end = text.find("\n", match.end())
    next_line = text[match.end():len(text) if next_end < 0 else next_end].strip()
    return (next_line[:1] in OPENING_QUOTES and len(next_line) > 2
            and next_line.endswith(CLOSING_QUOTES[next_line[0]]) and next_line.count(CLOSING_QUOTES[next_line[0]]) == 1)


# "… pour signer le protocole du Territoire d'industrie⏎Rumilly-Usses et Rhône (Haute-Savoie)":
# a sentence wrapped at a fixed width (a PDF, a mail) breaks its line anywhere; the programme's
# words after an article, on a long line of running text, go on with the name on the next line.
WRAPPED_BEFORE = re.compile(r"[^\n]{40,}\s(?:du|le|au|un|ce|notre|son|leur|nouveau)[ \t]+$", re.IGNORECASE)


# A line of running text the line before goes on into: long, no stop at its end.
RUNNING_LINE = re.compile(r"[^\n]{50,}(?<![.!?:;])[ \t]*")
ARTICLE_BEFORE = re.compile(r"[^\n]*\s(?:du|le|au|un|ce|notre|son|leur|nouveau)[ \t]+$", re.IGNORECASE)


def _wrapped_sentence(text: str, match: re.Match) -> bool:
    """The programme's words after an article, ending a long line of running text; or a shorter
    line of a paragraph the line above runs into ("… la liste des 124⏎Territoires d'industrie.
    Dans le Cher, le Territoire d'industrie⏎Bourges-Vierzon réunit …", a bulletin wrapped by hand)."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    if WRAPPED_BEFORE.fullmatch(text, line_start, match.start()):
        return True
    above_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    return (line_start > 0 and match.start("gap") - line_start >= 40
            and bool(ARTICLE_BEFORE.fullmatch(text, line_start, match.start()))
            and bool(RUNNING_LINE.fullmatch(text, above_start, line_start - 1)))


# A name in lower case inside the quotes the programme's words open: a few words, the last a
# capitalised place ('« Territoire d'industrie luxe et précision du Doubs »'), no preposition first
# ('« Territoire d'industrie de demain »', '« Territoires d'industrie en Bretagne »' name none).
LOWER_QUOTED_NAME = re.compile(r"(?!(?:de|du|des|d['’]|en|au|aux|à|a|pour|dans|sur|et|le|la|les|l['’])\b)"
                               r"[a-zà-ÿ][\w'’-]*(?:[ \t]+[\w'’-]+){1,7}?[ \t]+[A-ZÀ-Ý][\w'’-]*[ \t]*$")


# a line break, a blank line at most, before a word in lower case
WRAPPED_IN_QUOTES = re.compile(r"[ \t]*\n(?:[ \t]*\n)?[ \t]*(?=[a-zà-ÿ])")


def _lower_name_in_quotes(text: str, match: re.Match, pos: int) -> int | None:
    """The end of a name in lower case running from `pos` to the closing quote of the quotes that
    open right before the programme's words; else None."""
    opening = text[max(0, match.start() - 2):match.start()].rstrip(" \t")[-1:]
    if not opening or opening not in OPENING_QUOTES or match.group("gap") != " " * len(match.group("gap")) \
            or "»" in match.group(0) or '"' in match.group(0) or "”" in match.group(0):
        return None
    closing = text.find(CLOSING_QUOTES[opening], pos, pos + 80)
    if closing < 0:
        return None
    # a caption of a PDF page wrapped inside the quotes ("« Territoire d'industrie luxe", a blank
    # line, "et précision du Doubs »"): one break, the name going on in lower case
    name = WRAPPED_IN_QUOTES.sub(" ", text[pos:closing], count=1)
    if not LOWER_QUOTED_NAME.fullmatch(name) or re.search(r"[\n.;:!?,]", name):
        return None
    return len(text[:closing].rstrip())


# ", Der et Blaise,": capitalised words joined by "et", set off by commas, after a name.
COMMA_PAIR_AFTER = re.compile(r",[ \t]+(?P<pair>(?P<first>[A-ZÀ-Ý][\w'’-]*)[ \t]+(?:et|&)[ \t]+(?P<second>[A-ZÀ-Ý][\w'’-]*)),")


# ", Cannes Pays de Lérins et Sophia Antipolis a réuni": names of several words joined by commas and
# a last "et", closing the subject of a verb in the singular.
NAME_WORDS = r"[A-ZÀ-Ý][\w'’-]*(?:[ \t]+(?:(?:de|du|des|de[ \t]+la)[ \t]+|d['’]|de[ \t]+l['’])?[A-ZÀ-Ý][\w'’-]*)*"
NAMES_BEFORE_A_SINGULAR_VERB = re.compile(r",[ \t]+(?P<names>" + NAME_WORDS + r"(?:,[ \t]+" + NAME_WORDS + r")*"
                                          r"[ \t]+et[ \t]+" + NAME_WORDS + r")(?=[ \t]+(?:a|est|vient|avait|sera)[ \t])")


def _name_run_on_past_a_comma(text: str, end: int) -> int:
    """'le territoire d'industrie Saint-Dizier, Der et Blaise, dont le périmètre …': after one
    territory's programme words, a pair of capitalised names joined by "et" between commas goes on
    its name (a list would need the plural); so do names joined by commas and a last "et" that
    close the subject of a verb in the singular ("le Territoire d'industrie Pays de Grasse, Cannes
    Pays de Lérins et Sophia Antipolis a réuni …"); not départements or régions ("X, Marne et
    Haute-Marne,": where it lies)."""
    after = COMMA_PAIR_AFTER.match(text, end)
    if after is not None and not any(is_place_name(after.group(part)) for part in ("first", "second")):
        return after.end("pair")
    names = NAMES_BEFORE_A_SINGULAR_VERB.match(text, end)
    if names is not None and not any(is_place_name(part) for part in re.split(r",\s+|\s+et\s+", names.group("names"))):
        return names.end("names")
    return end


def prefixed_names(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    found = []
    for match in PREFIXED.finditer(text):
        pos = match.end()
        if pos >= len(text):
            continue
        if "\n" in match.group("gap") and not (_title_then_name(text, match) or _wrapped_sentence(text, match)
                                              or _quoted_line_after(text, match)):
            continue
        if match.group("beneficiary") and not CONTRACT_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            territory = THE_TERRITORY.match(text, pos)
            if not territory:
                continue  # "les territoires d'industrie pour la France": no contract, no territory
            pos = territory.end()  # "le programme Territoires d'industrie pour le territoire X"
        side = SIDE_APPOSED.match(text, pos) if match.group("comma") and not PLURAL.match(text, match.start()) else None
        if side:
            mention = make_mention(text, side.start("side"), side.end("side"), "territory.prefixed_name",
                                   set(), block_end(structure, text, pos), lone_compass=True)
            found.extend([mention] if mention else [])
            continue
        if match.group("comma") and not POSSESSIVE_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            continue  # "le programme Territoires d'industrie, Bpifrance et …": an enumeration
        if LINK_MARKER.match(fold(text[pos:pos + 40])):
            continue  # "le programme Territoires d'industrie Nouvelle fenêtre a pour objectif": a link's marker
        if PERSON_ROLE.search(fold(text[max(0, match.start() - 60):match.start()])) \
                and not _territory_of_a_role(text, match, pos):
            continue  # "le délégué aux territoires d'industrie Olivier Lluansi": a person
        if ORDINAL_BEFORE.search(fold(text[max(0, match.start() - 24):match.start()])) \
                and OF_AFTER.search(fold(match.group(0))):
            continue  # "X devient le troisième territoire d'industrie du Cher": where it lies, no name
        located = None if PLURAL.match(text, match.start()) or match.group("beneficiary") or match.group("comma") \
            else LOCATED_NAME.match(text, pos)
        if located:
            pos = located.end()
        naming = NAMING_VERB.match(text, pos)
        if naming and not PLURAL.match(text, match.start()):
            pos = naming.end()  # "Notre Territoire d'industrie porte donc le nom de X"
        further: list[tuple[int, int]] = []
        stated: set[str] = set()
        if text[pos] in OPENING_QUOTES:
            quoted = quoted_name(text, pos)
            if not quoted:
                continue
            pos, end = quoted
            if PLURAL.match(text, match.start()):
                further = _quoted_names_after(text, end)
        elif codes_name := CODES_AS_NAME.match(text, pos):
            mention = _codes_as_name(text, structure, pos, codes_name.end())
            if mention:
                found.append(mention)
            continue
        elif text[pos].isupper() and not COUNTED_HEAD.match(fold(text[pos:pos + 60])):  # "Trois vallées de …": below
            end = _epci_brand_end(text, pos, brand_end(text, pos, capitalised_run(text, pos, min(len(text), pos + 200))))
            end = _past_a_place_adjective(text, pos, end)
            end = _before_a_subject_dash(text, pos, end)
            end = _one_name_of_several(text, match, pos, end)
            if not PLURAL.match(text, match.start()):
                end = _name_run_on_past_a_comma(text, end)
            if after_dash := departements_after_dash(text, pos, end, places):
                # "le territoire d'industrie Rhône Provence Industrie – Drôme et Ardèche – a signé"
                end, stated = after_dash
        elif numbered_name(text[pos:pos + 40]) and not PLURAL.match(text, match.start()):
            # "le Territoire d'industrie des 3 Vallées": the name's figure, then its capitalised words
            end = capitalised_run(text, pos + 2, min(len(text), pos + 200))
        elif gathered := _gathered_towns(text, match, pos):
            start, end, name = gathered
            mention = make_mention(text, start, end, "territory.prefixed_name", codes_after(text, end, places),
                                   block_end(structure, text, pos), name=name)
            found.extend([mention] if mention else [])
            continue
        elif counted := COUNTED_HEAD.match(fold(text[pos:pos + 60])):
            # "le label « Territoires d'industrie » des trois vallées de Bruyères, Gérardmer et
            # Saint-Dié-des-Vosges": a count of heads, then as many places
            end = _counted_places_end(text, pos, counted)
            if end is None:
                continue
        elif quoted_end := _lower_name_in_quotes(text, match, pos):
            # '« Territoire d'industrie luxe et précision du Doubs »': the programme's words open the
            # quotes; the name, in lower case, runs to the closing quote
            mention = make_mention(text, pos, quoted_end, "territory.prefixed_name", codes_after(text, quoted_end, places),
                                   block_end(structure, text, pos), name=text[pos].upper() + text[pos + 1:quoted_end])
            if mention:
                found.append(mention)
            continue
        elif HEAD_THEN_NAME.match(fold(text[pos:pos + 40])) and text[pos].islower():
            # "le label Territoire d'industrie pays de Vannes": a geographic head in lower case
            start_of_run = pos + HEAD_THEN_NAME.match(fold(text[pos:pos + 40])).end()
            if not text[start_of_run:start_of_run + 1].isupper() or BLANK_LINE.search(text, pos, start_of_run):
                continue  # "… Territoires d'industrie de la région" over "Publié le …": the title ends at its blank line
            end = capitalised_run(text, start_of_run, min(len(text), start_of_run + 200))
            if COMPASS_HEAD.match(fold(text[pos:start_of_run])) and is_place_name(text[start_of_run:end]) \
                    and PLURAL.match(text, match.start()):
                continue  # "plusieurs Territoires d'industrie de l'ouest de l'Occitanie": where they lie
            if APPOSED_HEAD.match(text, pos, start_of_run + 1):
                pos = start_of_run  # "du secteur Nord Cotentin": the name beside the common noun
        elif not PLURAL.match(text, match.start()) and (demonym := _demonyms_then_name(text, pos)):
            # "le territoire d'industrie haut-savoyard Vallée de l'Arve": where it lies, then its name
            stated, pos = demonym
            end = brand_end(text, pos, capitalised_run(text, pos, min(len(text), pos + 200)))
        elif ADJECTIVE.match(fold(text[pos:pos + 20])):
            # "Territoire d'industrie interdépartemental Dordogne / Haute-Vienne"
            start_of_run = pos + ADJECTIVE.match(fold(text[pos:pos + 20])).end()
            end = capitalised_run(text, start_of_run, min(len(text), start_of_run + 200))
            if end <= start_of_run:
                continue
            if not named_by_its_departements(text[start_of_run:end]):
                pos = start_of_run  # "Territoire d'industrie interrégional Vallée de la Bresle – Vimeu": a gloss
        else:
            continue
        if end <= pos or match.group("comma") and not APPOSED_NAME_END.match(text, end):
            continue
        if PLURAL.match(text, match.start()) and OF_BEFORE.search(text[match.start():pos]) \
                and NEXT_OF.search(text, pos, end):
            # "Les territoires d'industrie du Choletais et du Saumurois": one name after each "du"
            found.extend(_names_after_plural(text, structure, pos, end))
            continue
        if PLURAL.match(text, match.start()) and TOWN_OF_BEFORE.search(text[match.start():pos]) \
                and (NEXT_TOWN.match(text, end) or NEXT_TOWN.search(text, pos, end)):
            # "les territoires d'industrie de Cayenne, de Kourou et de Saint-Laurent-du-Maroni"
            found.extend(_towns_after_plural(text, structure, pos, end))
            continue
        if PLURAL.match(text, match.start()) and text[pos].isupper() and not TOWN_OF_BEFORE.search(text[match.start():pos]) \
                and not OF_BEFORE.search(text[match.start():pos]):
            parts = enumeration_after(text, pos, sentence_bounds(text, pos)[1])
            if len(parts) >= 2 and parts[0].start == pos and (
                    "," in text[parts[0].end:parts[1].start] or ")" in text[parts[0].end:parts[1].start]
                    or awarded_plural_object_at(text, match.start()) or dashed_names(text, parts)):
                # "les protocoles des « Territoires d'industrie » Axe Seine, Dieppe Côte d'Albâtre et …",
                # "les territoires d'industrie A (gloss) et B", "a reconduit les territoires d'industrie A et
                # B", "les territoires d'industrie A – B et C – D"; not "Territoires d'industrie Ouest et
                # Sud Creusois", one name
                found.extend(m for p in parts if (m := make_mention(text, p.start, p.end, "territory.prefixed_name",
                                                                    codes_after(text, p.end, places),
                                                                    block_end(structure, text, p.start), name=p.name)))
                continue
        codes = codes_after(text, end, places) | stated
        # "le Territoire d'industrie Martinique": in the singular, an overseas région's name that is
        # its one département's too names the territory
        mention = make_mention(text, pos, end, "territory.prefixed_name", codes,
                               block_end(structure, text, pos),
                               departement_name_ok=not PLURAL.match(text, match.start()))
        if mention and (PLURAL_THEN_PREPOSITION.match(text, match.start()) or located) and is_place_name(mention.name):
            continue
        if mention and located and former_regions_in(mention.name) and not re.search(r"\s", mention.name):
            continue  # "un territoire d'industrie en Lorraine": where it lies (not "en Alsace du Nord")
        if mention and PLURAL.match(text, match.start()) and PLACE_ADJECTIVE.fullmatch(fold(mention.name).lower()):
            continue  # "TERRITOIRES D'INDUSTRIE ULTRAMARINS": an adjective of the plural noun
        if mention and _capitals_word_alone(text, pos, end):
            continue  # "NOTRE AGGLO DANS LE « TERRITOIRE D'INDUSTRIE » DU LITTORAL": a common noun
        if mention:
            mention.placed_codes |= stated
            found.append(mention)
            # "les territoires d'industrie « A » et « B »": each name in its own quotes
            found.extend(m for start, stop in further
                         if (m := make_mention(text, start, stop, "territory.prefixed_name", codes_after(text, stop, places),
                                               block_end(structure, text, start), departement_name_ok=False)))
    return found


ADJECTIVE_AFTER = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
# "… Portes euréliennes d'Île-de-France": a preposition of place after the demonym, then a name
OF_AFTER_ADJECTIVE = re.compile(r"[ \t]+(?:de|du|des|d['’])[ \t]*(?=[A-ZÀ-Ý])")


def _past_a_place_adjective(text: str, pos: int, end: int) -> int:
    """'le territoire d'industrie Bresse bourguignonne correspond …': a demonym in lower case after
    the capitalised words is the name's last word, not the start of the sentence's predicate; a
    région's name after it, joined by "de", belongs to the name ('Pays de Dreux – Portes euréliennes
    d'Île-de-France', not cut at its demonym; a département's says where it lies: 'Vosges saônoises
    de Haute-Saône')."""
    adjective = ADJECTIVE_AFTER.match(text, end) if end > pos else None
    if not adjective or not is_place_adjective(adjective.group(1)):
        return end
    of = OF_AFTER_ADJECTIVE.match(text, adjective.end())
    if of:
        place_end = capitalised_run(text, of.end(), min(len(text), of.end() + 60))
        if is_region_name(text[of.end():place_end]):
            return place_end
    return adjective.end()


def _demonyms_then_name(text: str, pos: int) -> tuple[set[str], int] | None:
    """(départements, name's start) when the programme's words are followed by département
    demonyms, then a capitalised name on the same line ("territoire d'industrie ardéchois et
    drômois Rhône Provence Industrie"); else None."""
    codes, end = demonym_run(fold(text[pos:pos + 80]), 0, min(80, len(text) - pos))
    gap = re.match(r"[ \t]+", text[pos + end:pos + end + 4]) if codes else None
    if not gap or not text[pos + end + gap.end():pos + end + gap.end() + 1].isupper():
        return None
    return codes, pos + end + gap.end()


# « A », « B » et « C »: the joint between two quoted names
QUOTED_JOINT = re.compile(r"[ \t]*(?:,[ \t]*(?:et[ \t]+)?|[ \t]+et[ \t]+)")


def _quoted_names_after(text: str, end: int) -> list[tuple[int, int]]:
    """The names each in its own quotes coordinated after the quoted name ending at `end`."""
    names = []
    after = end + 1  # past the closing quote
    while (joint := QUOTED_JOINT.match(text, after)) and text[joint.end():joint.end() + 1] in OPENING_QUOTES \
            and (quoted := quoted_name(text, joint.end())):
        names.append(quoted)
        after = quoted[1] + 1
    return names


# "la démarche Grand Est Touraine - Territoire d'industrie", "« Cœur de Loire-Territoire
# d'Industrie » vise …": a capitalised name joined by a dash to the programme's words in the
# singular, after a word for the undertaking or an opening quote; not before another name
# ("Actualités - Territoire d'industrie Sud Vosges" is the prefixed form).
SUFFIXED = with_first_letters(re.compile(r"(?:\b(?i:d[ée]marche|programme|contrat|projet|label|dispositif|candidature)[ \t]+(?:[«“\"][ \t]*)?"
                                         r"|[«“\"][ \t]*)(?P<name>[A-ZÀ-Ý][^\n«»“”\"().;:!?]{1,60}?)[ \t]*[-–—][ \t]*"
                                         r"(?i:territoire[ \t]+d['’][ \t]*industrie)\b(?![ \t]+[A-ZÀ-Ý])"))


# A contract's title in capitals opening its line, the name first: "ROCHEFORT - ROYAN - MARENNES -
# OLERON - 2020-2022 CONTRAT TERRITOIRE D'INDUSTRIE" (a document-sharing site's page title), the
# name joined by a dash to the contract's years or words.
CAPITALS_NAME_THEN_CONTRACT = re.compile(
    r"^[ \t]*(?P<name>[A-ZÀ-Ý][A-ZÀ-Ý'’ \t–—-]{1,60}?[A-ZÀ-Ý])[ \t]*[-–—][ \t]*"
    r"(?:(?:19|20)\d\d(?:[ \t]*[-–/][ \t]*(?:19|20)\d\d)?[ \t]*(?:[-–—][ \t]*)?)?"
    r"(?:CONTRAT|PROTOCOLE)[ \t]+(?:D['’][ \t]*ENGAGEMENT[ \t]+)?(?:DU[ \t]+|DE[ \t]+)?TERRITOIRES?[ \t]+D['’][ \t]*INDUSTRIE\b",
    re.MULTILINE)


# "the Angoulême-Cognac Industrial Territory": an English page's name before the programme's
# words translated (rules/territory_words.json english_suffix), after "the" or opening its line;
# a spaced dash may join its capitalised words ("the Limoges Métropole – ELAN Industry Territory").
ENGLISH_SUFFIXED = re.compile(r"(?:\bthe[ \t]+|^[ \t]*)(?P<name>[A-ZÀ-Ý][\w'’-]*(?:[ \t]+(?:[A-ZÀ-Ý][\w'’-]*|de|du|des|la|le|et|and"
                              r"|[–—-](?=[ \t]+[A-ZÀ-Ý])))*?)"
                              + WORDS["english_suffix"], re.MULTILINE)


def suffixed_names(text: str, structure: Structure) -> list[TerritoryMention]:
    found = []
    for match in [*SUFFIXED.finditer(text), *CAPITALS_NAME_THEN_CONTRACT.finditer(text), *ENGLISH_SUFFIXED.finditer(text)]:
        mention = make_mention(text, match.start("name"), match.end("name"), "territory.suffixed_name",
                               (), block_end(structure, text, match.start("name")))
        if mention and not is_place_name(mention.name):
            found.append(mention)
    return found


def _codes_as_name(text: str, structure: Structure, start: int, end: int) -> TerritoryMention | None:
    """The mention of a name made of département codes, each a département of the referential."""
    codes = re.split(r"[ \t]?/[ \t]?", text[start:end])
    if not all(code in referential.load().departements for code in codes):
        return None
    return TerritoryMention(start, end, "/".join(codes), "territory.prefixed_name", set(codes),
                            block_end(structure, text, start))


def _epci_brand_end(text: str, start: int, end: int) -> int:
    """`end` past a type word in lower case that closes an intercommunality's name ("les
    Territoires d'industrie de Chartres métropole et du …"): the name is the EPCI's whole."""
    tail = LOWER_BRAND_TAIL.match(text, end)
    return tail.end() if tail and is_epci_name(text[start:tail.end()]) else end


def _towns_after_plural(text: str, structure: Structure, start: int, end: int) -> list[TerritoryMention]:
    """The names after "de A, de B et de C", each after its own "de" (a capitalised run stops at
    the comma): one mention each."""
    found, pos = [], start
    while True:
        inner = NEXT_TOWN.search(text, pos, end)  # "Kourou et de Saint-Laurent" is one capitalised run
        end = inner.start() if inner else end
        mention = make_mention(text, pos, end, "territory.prefixed_name", (), block_end(structure, text, pos))
        if mention and not is_place_name(mention.name):  # "… de Moselle et de Meurthe-et-Moselle": where they lie
            found.append(mention)
        joint = NEXT_TOWN.match(text, end)
        if not joint:
            return found
        pos = joint.end()
        end = _epci_brand_end(text, pos, capitalised_run(text, pos, min(len(text), pos + 200)))


def _names_after_plural(text: str, structure: Structure, start: int, end: int) -> list[TerritoryMention]:
    """The names joined by "et du", "et de la" in [start, end): one mention each; a département
    or a région says where the territories lie ("Les territoires d'industrie du Gard et de
    l'Hérault reconduits"); the last may end with a type word in lower case ("… et de Y métropole")."""
    found, pos = [], start
    for joint in [*NEXT_OF.finditer(text, start, end), None]:
        name_end = joint.start() if joint else _epci_brand_end(text, pos, end)
        mention = make_mention(text, pos, name_end, "territory.prefixed_name", (), block_end(structure, text, pos))
        if mention and not is_place_name(mention.name):
            found.append(mention)
        pos = joint.end() if joint else end
    return found
