"""territory.kicker: a territory named only in the kicker line above a title about the programme,
or as the subject of a title after the programme's words (territory.headline).

"Vallée de la Bresle-Vimeu" then "La deuxième phase de Territoires d'industrie s'engage": local
weeklies put the territory's name on its own short line above the headline and never repeat it.
The line must be one of the first lines of the page, read as a name (a few capitalised words, no
digit, no punctuation but dashes and apostrophes), the next line must speak of the programme, and
the document must name no other territory (find_territories calls this rule last): a rubric such
as "Développement économique" or "Collectivités" is no name, nor is a line in capitals, which is
how pages label their genre ("COMMUNIQUÉ DE PRESSE", "DOSSIER DE PRESSE").

"Territoires d'Industrie : Limoges Métropole et ELAN misent sur …": the title's subject after the
programme's words names the territory by its intercommunalities when the body writes each of them
with its legal form ("la Communauté Urbaine Limoges Métropole et la Communauté de communes
ELAN"); a person ("Territoires d'industrie : Bruno Le Maire annonce …") never has one. A subject
with an article that the body names again is a territory too ("Territoires d'industrie : le Grand
Est Touraine montre l'exemple"). A title opening
with a name set beside the label ("Mayotte « Territoire d'industrie » : …") names it when the body
names it again. Likewise a
title about the programme and one intercommunality written with its legal form ("La Communauté
d'Agglomération de Bastia tire le bilan du programme Territoires d'industrie") names the
territory after it ("Bastia").
"""

from __future__ import annotations

import re

from pipeline.extract.document_info import extract_document_info
from pipeline.extract.places import PlaceMention
from pipeline.extract.territories.common import (SINGULAR_PREFIX, LEGAL_FORM, PREFIX, PREPOSITION, TerritoryMention, capitalised_run, top_lines,
                                                 is_place_name, legal_form_end, make_mention, written_with_legal_form)
from pipeline.extract.territories.topic import allied_intercommunalities, epci_names, reads_as_place
from pipeline.normalize import fold

RULE = "territory.kicker"
MAX_LINES_ABOVE = 3
KICKER = re.compile(r"[A-ZÀ-Ý][\w'’ -]{2,60}")
NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")
SMALL_WORDS = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "sur", "en"}
MIN_WORDS, MAX_WORDS = 2, 7
# the Republic's motto under a préfecture's name in its header, on one line: no kicker
MOTTO = re.compile(r"libert[eé]\W+[eé]galit[eé]\W+fraternit[eé]\W*", re.IGNORECASE)


def _reads_as_name(line: str) -> bool:
    words = NAME_WORD.findall(line)
    content = [w for w in re.split(r"[\s'’]+", line) if w and fold(w) not in SMALL_WORDS]
    return MIN_WORDS <= len(words) <= MAX_WORDS and len(content) >= MIN_WORDS \
        and all(w[0].isupper() for w in content)


def kicker_name(text: str, places: list[PlaceMention]) -> list[TerritoryMention]:
    lines = top_lines(text, MAX_LINES_ABOVE + 1)
    for index, (start, end) in enumerate(lines[:MAX_LINES_ABOVE]):
        line = text[start:end].strip()
        if index + 1 >= len(lines) or line.isupper() or not KICKER.fullmatch(line) \
                or not _reads_as_name(line) or MOTTO.fullmatch(line):
            continue
        title = text[slice(*lines[index + 1])]
        if not re.search(PREFIX, title, re.IGNORECASE):
            continue
        if any(p.start <= start and end <= p.end + 1 for p in places):
            continue  # a région or a département alone is a rubric
        mention = make_mention(text, start, end, RULE, (), end)
        return [mention] if mention else []
    return []


HEADLINE_RULE = "territory.headline"
AFTER_PROGRAMME = re.compile(PREFIX + r"\s*[»”\"]?\s*:\s*", re.IGNORECASE)
# "Territoires d'industrie : le Grand Est Touraine montre l'exemple": a place takes an article,
# a person does not; the name must come back in the body, the article being about it.
SUBJECT_ARTICLE = re.compile(r"(?:le|la|l['’])\s*")


def headline_subject(text: str) -> list[TerritoryMention]:
    """The intercommunalities a title's subject names after the programme's words, as one territory."""
    folded = fold(text)
    for start, end in top_lines(text, MAX_LINES_ABOVE):
        programme = AFTER_PROGRAMME.search(text, start, end)
        if not programme:
            designated = _one_intercommunality(text, folded, start, end) or _intercommunality_opening(text, folded, start, end)
            if designated:
                return designated
            continue
        article = SUBJECT_ARTICLE.match(text, programme.end(), end)
        name_start = article.end() if article else programme.end()
        if not text[name_start:name_start + 1].isupper():
            continue
        run_end = capitalised_run(text, name_start, end)
        if run_end <= name_start or not re.match(r"\s+[a-zà-ÿ]", text[run_end:end]):
            continue  # the subject of a verb
        names = re.split(r"\s+et\s+", text[name_start:run_end])
        if len(names) > 1 and all(is_place_name(name) for name in names):
            continue  # "Territoires d'industrie : la Moselle et la Meurthe-et-Moselle au rendez-vous": where they lie
        if article and _written_whole(text, folded, fold(text[name_start:run_end]), end, legal_form=False) \
                or all(_written_whole(text, folded, fold(name), 0, legal_form=True) for name in names):
            mention = make_mention(text, name_start, run_end, HEADLINE_RULE, (), end)
            return [mention] if mention else []
    return []


# "Territoires d'industrie : le Grand Bastia et le Pays ajaccien lancent …": two subjects, each
# with its article, a lower-case place adjective allowed after a place head ("Pays ajaccien"), then
# the verb in lower case.
PAIR_SUBJECT = re.compile(r"(?P<first>[A-ZÀ-Ý][^\n,;:]{1,50}?)\s+et\s+(?:le|la|l['’])\s*(?P<second>[A-ZÀ-Ý][^\n,;:]{1,50}?)"
                          r"\s+(?=[a-zà-ÿ])")
PLACE_ADJECTIVE_AFTER = re.compile(r"\s+(?P<adjective>[a-zà-ÿ]+(?:ais|ois|ien|ienne|in|ine|on|onne))(?=\s+[a-zà-ÿ])")
HEAD_REACH = 400  # the chapeau below the title: where the pair's count is stated


def headline_pair(text: str, places: list[PlaceMention]) -> list[TerritoryMention]:
    """territory.headline: the two places a title about the programme coordinates as its subject,
    when the lines below count two territories ("les deux territoires d'industrie de l'île passent
    à l'action"): each must read as a place (a head or 'Grand X', a town's name, not a département
    or a région alone)."""
    for start, end in top_lines(text, MAX_LINES_ABOVE):
        programme = AFTER_PROGRAMME.search(text, start, end)
        article = programme and SUBJECT_ARTICLE.match(text, programme.end(), end)
        pair = article and PAIR_SUBJECT.match(text, article.end(), end)
        if not pair or not COUNTED_TWO.search(fold(text[end:end + HEAD_REACH])):
            continue
        mentions = [_with_place_adjective(text, pair.start(group), pair.end(group), end) for group in ("first", "second")]
        if all(m and reads_as_place(m, places) for m in mentions):
            return mentions
        return []
    return []


COUNTED_TWO = re.compile(r"\b(?:les|nos|ses|leurs|ces)\s+(?:deux|2)\s+territoires\b")


def _with_place_adjective(text: str, start: int, end: int, line_end: int) -> TerritoryMention | None:
    """The mention of a name, its place adjective included when the match stopped before it."""
    run_end = min(capitalised_run(text, start, line_end), end)
    adjective = PLACE_ADJECTIVE_AFTER.match(text, run_end, line_end) if run_end == end else None
    stop = adjective.end("adjective") if adjective else run_end
    return make_mention(text, start, stop, HEADLINE_RULE, (), line_end)


# A title opening with a name set beside the label: "Mayotte « Territoire d'industrie » : …",
# "Vallée de l'Arve, Territoire d'industrie : …" (one territory, the label in the singular).
# "Libournais, territoire d'industrie" (the whole title, or before a separator), after a
# newsletter's issue number ("N°198 _ ").
TITLE_APPOSITION = re.compile(r"(?:n[°o]\s*\d+\s*[_:–—-]\s*)?"
                              r"(?P<name>[A-ZÀ-Ý][^\n,«\"“:]{1,60}?)\s*+(?:,\s*+)?(?:[«\"“]\s*+)?" + SINGULAR_PREFIX + r"\s*+(?:[»\"”]\s*+)?(?:[:–—-]|$)",
                              re.IGNORECASE | re.MULTILINE)
TITLE_LINES = 6  # a page's title may stand under a weather or a date widget


def title_apposition(text: str, places: list[PlaceMention]) -> list[TerritoryMention]:
    """territory.headline: the name a title sets beside the label, when the body names it again
    and it reads as a place (a département's name, a place-like name: not a person's)."""
    folded = fold(text)
    for start, end in [*top_lines(text, TITLE_LINES), *headline_line(text)]:
        match = TITLE_APPOSITION.match(text, start, end)
        if not match or not match["name"][0].isupper():
            continue
        mention = make_mention(text, match.start("name"), match.end("name"), HEADLINE_RULE, (), end,
                               departement_name_ok=True)
        if mention and fold(mention.name) in folded[end:] and (is_place_name(mention.name)
                                                               or reads_as_place(mention, places)):
            return [mention]
    return []


# a capitalised word right before a name: the name is the end of a longer one ("CC Haut-Jura")
CAPITALISED_BEFORE = re.compile(r"[A-ZÀ-Ý][\w'’-]*[ \t]+$")
CAPITALISED_NEXT = re.compile(r"[ \t]+[A-ZÀ-Ý]")  # "CC Haut-Jura Saint-Claude": a longer name goes on


def _written_whole(text: str, folded: str, name: str, after: int, legal_form: bool) -> bool:
    """Whether the text after `after` writes the title's name (folded) as a whole name: after a
    legal form ("la Communauté de communes ELAN") when `legal_form`, else with no capitalised word
    before it; not as the start of a longer name ("Territoires d'industrie : le Haut-Jura au
    rendez-vous" over only "la communauté de communes Haut-Jura Saint-Claude")."""
    lead = LEGAL_FORM.pattern + PREPOSITION.pattern + "?" if legal_form else r"(?<![\w-])"
    for match in re.finditer(lead + "(?P<name>" + re.escape(name) + r")(?![\w-])", folded[after:]):
        start, end = after + match.start("name"), after + match.end("name")
        if not CAPITALISED_NEXT.match(text, end) \
                and (legal_form or not CAPITALISED_BEFORE.search(text, max(0, start - 40), start)):
            return True
    return False


def headline_line(text: str) -> list[tuple[int, int]]:
    """(start, end) of the page's headline as document_info reads it, below a préfecture's
    menus and breadcrumb, further down than the first lines ("Accueil > … > Territoires
    d'industrie" / "La vallée de X, territoire d'industrie" / "Mis à jour le …")."""
    title = extract_document_info(text)["title"]
    start = text.find(title) if title else -1
    return [(start, start + len(title))] if start >= 0 else []


TITLE_SEPARATOR = re.compile(r"\s[>|:–—-]\s")


# "l'agglomération Cap Excellence": a type word right before the name, no preposition.
TYPE_WORD_BEFORE = r"(?<![\w])(?:l'\s*agglomeration|l'\s*agglo|l'\s*intercommunalite|la\s+communaute)\s+"


def _intercommunality_opening(text: str, folded: str, start: int, end: int) -> list[TerritoryMention]:
    """'Cap Excellence dresse un premier bilan de « Territoires d'industrie »' above 'l'agglomération
    Cap Excellence …': a title about the programme opening with an intercommunality's name, the
    subject of its verb, which the body writes with its legal form, names the territory."""
    if not re.search(PREFIX, folded[start:end]) or allied_intercommunalities(text, folded):
        return []
    if not text[start:start + 1].isupper():
        return []
    name_end = capitalised_run(text, start, end)
    name = text[start:name_end]
    if name_end <= start or not re.match(r"\s+[a-zà-ÿ]", text[name_end:end]) or is_place_name(name) \
            or re.match(PREFIX, folded[start:name_end]):
        return []
    mention = make_mention(text, start, name_end, HEADLINE_RULE, (), end)
    if mention is None or mention.territory_id not in epci_names() or not (
            written_with_legal_form(folded[end:], name)
            or re.search(TYPE_WORD_BEFORE + re.escape(fold(name)) + r"(?![\w-])", folded[end:])):
        return []
    return [mention]


def _one_intercommunality(text: str, folded: str, start: int, end: int) -> list[TerritoryMention]:
    """'La Communauté d'Agglomération de Bastia tire le bilan du programme Territoires
    d'industrie': a title about the programme and one intercommunality, written with its legal
    form as the title's subject, names the territory after it ('Bastia')."""
    if not re.search(PREFIX, folded[start:end]) or allied_intercommunalities(text, folded):
        return []  # not about the programme; about a member of a territory of several
    forms = [form for form in LEGAL_FORM.finditer(folded, start, end)
             if re.search(r"(?:^|[\s'’])$", folded[max(start, form.start() - 1):form.start()])]
    if len(forms) != 1:
        return []
    clause_start = max([start] + [m.end() for m in TITLE_SEPARATOR.finditer(text, start, forms[0].start())])
    if not re.fullmatch(r"\s*(?:(?:la|le|l')\s*)?", folded[clause_start:forms[0].start()]):
        return []  # "La Mel et la Communauté de communes X", "NAME, président de la Communauté …"
    name_start = legal_form_end(text, folded, forms[0].start())
    if name_start is None or not text[name_start:name_start + 1].isupper():
        return []
    name_end = capitalised_run(text, name_start, end)
    if re.match(PREFIX, folded[name_start:name_end]):
        return []
    mention = make_mention(text, name_start, name_end, HEADLINE_RULE, (), end)
    return [mention] if mention else []


SECTION_RULE = "territory.section_headline"
SECTION_LINES = 12  # a newsletter's masthead, its sommaire, then the section's headline
# "p.4 — GRAND-EST TOURAINE : LE PROTOCOLE EST SIGNÉ": a newsletter section's headline, a name
# (its page number before it) then the programme's act signed, alone on its line
SECTION_HEADLINE = re.compile(r"[ \t]*(?:p\.?[ \t]*\d{1,3}[ \t]*[—–-][ \t]*)?(?P<name>[A-ZÀ-Ý][^\n:|]{2,60}?)[ \t]*:[ \t]*"
                              r"(?:le|la|son|leur)[ \t]+(?:protocole|contrat|convention)(?:[ \t]+d['’][ \t]*\w+)?[ \t]+"
                              r"(?:est|a[ \t]+été)[ \t]+(?:sign|paraph)ée?[ \t]*[.!]?[ \t]*$", re.IGNORECASE)


def section_headline(text: str, places: list[PlaceMention]) -> list[TerritoryMention]:
    """territory.section_headline: the name a newsletter's section headline gives the territory
    whose protocol or contract it says signed ("p.4 — GRAND-EST TOURAINE : LE PROTOCOLE EST SIGNÉ"
    under a sommaire listing "Territoire d'industrie p.4"), in a text naming the programme and no
    territory (find_territories calls this rule last); names in capitals stay so. Not a
    département or a région alone (where it was signed)."""
    if not re.search(PREFIX, text, re.IGNORECASE):
        return []
    for start, end in top_lines(text, SECTION_LINES):
        headline = SECTION_HEADLINE.match(text, start, end)
        name = headline and headline.group("name")
        if headline is None or not 1 <= len(NAME_WORD.findall(name)) <= MAX_WORDS \
                or not all(w[0].isupper() for w in NAME_WORD.findall(name) if fold(w) not in SMALL_WORDS) or is_place_name(name):
            continue
        mention = make_mention(text, headline.start("name"), headline.end("name"), SECTION_RULE, (), end)
        return [mention] if mention else []
    return []
