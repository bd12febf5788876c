"""Which quantities of a communiqué are not programme figures, from their context.

pipeline/extract/figures.py reads every number with its unit; this module says which of them the
figures table leaves out, because they are about something else than the programme:

- page chrome: paywall markers ("[90% reste à lire]") and links to other articles, whose numbers
  are masked before any reading: a "Lire aussi : TITRE" line, or a "SUR LE MÊME SUJET" heading
  alone on its line and the link titles under it, up to a blank line or a line of prose;
- statistics of a place: a percentage in a sentence about employment, population or a national
  average ("L'industrie y représente 24 % des emplois (contre 15 % en Occitanie)"), a share of a
  place ("la moitié de la Martinique"), the jobs or companies a place holds ("un bassin qui compte
  15 500 emplois industriels", "au sein de 5 400 entreprises"); jobs are a programme figure only
  in a sentence telling of their creation or preservation ("la création attendue de 261 emplois"),
  never "Avec plus de 21 000 emplois, l'industrie représente …"; the jobs projects represent are
  ("une vingtaine de projets, qui représentent près de deux cents emplois");
- a company's revenue or a price ("120 M€ de CA", "au prix de 1 200 000 euros"), companies'
  own investments and the jobs they bring ("les entreprises du département ont investi 45 M€");
- a rank in a list ("Les quatre premiers …", "les trois premiers projets"; "des 13 premiers
  Territoires d'industrie pilotes" and a national wave, "les 124 premiers territoires", count);
- a change over time ("l'emploi a progressé de 3,1 %", "+15,3 % entre 2010 et 2015"), a
  percentage alone in brackets after a category ("- cadre (26,8%)": a breakdown of a place), a price
  under a hundred euros ("A partir de 3€/mois");
- the parts of an intercommunality ("un des douze territoires de la Métropole du Grand Paris":
  its établissements publics territoriaux), territories counted right before one's legal form;
- a bound ("quatre EPCI maximum"), laureates of another call ("19 lauréats de l'AMI …"), a
  territory's own geography ("à cheval sur deux départements") and any count of at most three
  départements or régions (where one territory lies, the councils it works with);
- amounts, projects and jobs after the name of another national programme, in a sentence that
  does not name ours ("Il s'ajoute à Action cœur de ville, doté de 5 milliards d'euros"), and
  a share of what another programme supports ("40 % des projets soutenus par France 2030");
- amounts, projects and jobs in a sentence opening with "Par ailleurs" that names another fund or
  call and not ours: another call's award told beside the programme ("Par ailleurs, la ville a
  obtenu 2 millions d'euros du Fonds vert pour ses écoles");
- amounts, projects and jobs in a paragraph about another initiative named in quotes, without a
  word of the programme's world (its name, territories, funds, partners): a private investment
  told elsewhere in the text ("plus de deux milliards d'euros ont été investis … dans une
  vingtaine de projets industriels", in a paragraph about the « Choose France » summit);
- every number of a paragraph opening with another programme's name that never names ours
  ("Petites villes de demain, enfin. Le programme accompagne plus de 1 600 communes … et mobilise
  3 milliards d'euros");
- every number of a text not about the programme (states_programme_figures): one that never names
  it and opens with another programme's name, or names neither it, its fund nor a territory.

A text that states such a number as a programme figure keeps it: the rules read the figure's own
words and sentence, never a list of known numbers. The words are data (rules/figure_context.json).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.extract.first_letters import may_match, required_texts
from pipeline.extract.places import PlaceMention
from pipeline.extract.structure import FINITE_VERB

RULES_PATH = Path(__file__).parent / "rules" / "figure_context.json"
BLANK_LINE = re.compile(r"\n[ \t]*\n")
WINDOW = 30  # characters read before a number or after its noun
# characters read before a number for words that span a clause: a bound's ("Le montant minimal de
# dépenses éligibles est de"), a change's a percentage is compared with ("a progressé de 2,25 % entre
# 2013 et 2023, contre")
CLAUSE_WINDOW = 60
LINK_TITLE_WORDS = 20  # a longer line under a related-links heading is the article going on
PARAGRAPH_END = re.compile(r'[.!?:"»)]$')  # a line ending so ends its paragraph
# "à cheval sur deux régions", "les deux Régions qui pilotent le projet", "trois Départements (Lot,
# Aveyron, Cantal)": so few départements or régions are where one territory lies or the councils
# it works with; the programme's own counts of them are national ("dans 8 régions").
FEW_AREAS = 3
# "À l'échelle nationale, 87 % des Territoires d'industrie ont installé leur gouvernance": a share
# of the programme's territories, whatever statistic words its sentence holds (folded text)
SHARE_OF_THE_TERRITORIES = re.compile(r"\s*des\s+territoires(?:\s+d'\s*industrie)?\b")
BRACKETED_AFTER_A_WORD = re.compile(r"\w[\s*_]*\([\s*_]*$")
PRICE_BELOW = 100  # euros: a subscription's or an item's price, never a programme's amount
# euros: the programme's own money never reached two billions; tens of billions are a national
# plan's (plan de relance, France 2030), unless the sentence ties them to the programme
NATIONAL_PLAN_AT_LEAST = 10_000_000_000
TENS_OF_BILLIONS = re.compile(r"(?<![\d,.])[1-9]\d{1,2}\s*(?:milliards\b|mds?\b|md€)")  # folded text
RANKED_AT_MOST = 30  # "les trois premiers projets" rank; "les 124 premiers territoires" count
RANK_ARTICLE = re.compile(r"(?<![\w'])les[\s*_]*$")  # "Les quatre premiers", not "des 13 premiers"
AMONG_THE_FIRST = re.compile(r"(?<![\w'])parmi[\s*_]+les[\s*_]*$")  # "labellisé parmi les 124 premiers de France"
LAUREATES = re.compile(r"laureat(?:e|s|es)?$")  # the counted noun ending a mention
# "100 % éducation artistique", "100 % made in France": a word other than a preposition after it
LABEL_AFTER_HUNDRED = re.compile(r"[\s*_]*(?!(?:de|des|du|d|en|par|pour|a|au|aux|et|dans|sur|sont|est)\b)[a-z]")
QUOTED_NAME = re.compile(r'"\s*[a-z][^"\n]{2,60}"')  # « Choose France » (folded quotes)


@dataclass(frozen=True)
class Context:
    page_marker: re.Pattern
    related_link: re.Pattern  # at the start of a line
    statistic: re.Pattern
    percent_change_before: re.Pattern  # at the end of the words before a percentage
    percent_change_after: re.Pattern  # at the start of the words after it
    stock_before: re.Pattern  # at the end of the words before the number
    stock_after: re.Pattern  # at the start of the words after the figure
    stock_units: frozenset[str]
    job_creation: re.Pattern  # a sentence telling of jobs created or kept
    jobs_of_projects: re.Pattern  # at the end of the words before the number
    company_before: re.Pattern
    company_after: re.Pattern
    private_investment: re.Pattern  # companies investing, in the words before an amount
    rank: re.Pattern  # "quatre premiers" after "les": a number ranking items, counting none
    limit: re.Pattern
    limit_before: re.Pattern  # "une assiette minimale de dépenses de" before an amount
    cap_before: re.Pattern  # "une aide plafonnée à" before an amount …
    per_item_after: re.Pattern  # … "par projet" after it: a ceiling of each grant
    other_programme: re.Pattern
    other_call_laureates: re.Pattern  # "lauréats de l'AMI …", anywhere in a sentence
    geography: dict[str, re.Pattern]
    programme_context_units: frozenset[str]
    programme_paragraph: re.Pattern
    items_of_a_count: re.Pattern  # opening a sentence
    items_within: re.Pattern  # "…, parmi lesquels" before a quoted name in the count's sentence
    other_programme_name: re.Pattern
    other_programme_after: re.Pattern  # "2 millions d'euros du Fonds vert", right after an amount
    share_of_another: re.Pattern  # "40 % des projets soutenus par France 2030", right after a share
    own_programme_name: re.Pattern  # however a page wrote it: mangled apostrophes, English
    programme_fund: re.Pattern
    call: re.Pattern
    council_spending: re.Pattern  # a Région or Département spending, in the words before an amount
    parts_of_an_intercommunality: re.Pattern  # right after a count of territories
    side_note: re.Pattern  # "Par ailleurs," opening a sentence
    other_award: re.Pattern  # another fund or call a side note's place won money from
    body_subject: re.Pattern  # a PETR, pôle or syndicat mixte opening a sentence as its subject
    other_policy_heading: re.Pattern  # a whole heading line: "Ruralité"


def _words(words: list[str]) -> str:
    return r"(?<![\w'])(?:" + "|".join(words) + r")(?!\w)"


@lru_cache(maxsize=1)
def _context() -> Context:
    rules = json.loads(RULES_PATH.read_text(encoding="utf-8"))
    # the kinds of body that group EPCIs (a PETR, a pôle), shared with the territories' rules
    grouping_bodies = json.loads((RULES_PATH.parent / "territory_words.json").read_text(encoding="utf-8"))["grouping_bodies"]
    after = r"^[\s*_\"),]*"
    return Context(
        page_marker=re.compile("|".join(rules["page_markers"])),
        related_link=re.compile(r"(?m)^[ \t#*_>•-]*" + _words(rules["related_links"])),
        # "selon l'Insee": a statistic word may follow an apostrophe
        statistic=re.compile(r"(?<!\w)(?:" + "|".join(rules["statistics"]) + r")(?!\w)"),
        percent_change_before=re.compile(_words(rules["percent_changes_before"]) + r"[\s*_]*$"),
        percent_change_after=re.compile(r"^[\s*_\"),]*" + _words(rules["percent_changes_after"])),
        stock_before=re.compile(_words(rules["stocks_before"]) + r"[\s*_]*(?:\S+\s+){0,2}$"),
        stock_after=re.compile(after + r"(?:\S+\s+){0,2}" + _words(rules["stocks_after"])),
        stock_units=frozenset(rules["stock_units"]),
        job_creation=re.compile(r"(?<!\w)(?:" + "|".join(rules["job_creation_words"]) + r")(?!\w)"),
        jobs_of_projects=re.compile(r"(?<!\w)(?:" + "|".join(rules["jobs_of_projects"]) + r")[\s*_]*$"),
        company_before=re.compile(_words(rules["company_amounts_before"]) + r"[\s*_]*$"),
        company_after=re.compile(after + _words(rules["company_amounts_after"])),
        private_investment=re.compile(_words(rules["private_investments"])),
        rank=re.compile(r"\S+[\s*_]+" + _words(rules["ranks"])),
        limit=re.compile(after + _words(rules["limits"])),
        limit_before=re.compile(_words(rules["limits_before"]) + r"[\s*_]*$"),
        cap_before=re.compile(_words(rules["caps_before"]) + r"[\s*_]*$"),
        per_item_after=re.compile(after + _words(rules["per_item_after"])),
        other_programme=re.compile(after + _words(rules["other_programmes"])),
        other_call_laureates=re.compile(_words([p for p in rules["other_programmes"] if p.startswith("laureat")])),
        geography={unit: re.compile(_words(words) + r"[\s*_]*$")
                   for unit, words in rules["geography"].items()},
        programme_context_units=frozenset(rules["programme_context_units"]),
        programme_paragraph=re.compile(_words(rules["programme_paragraph_words"])),
        items_of_a_count=re.compile(r"[\s*_]*" + _words(rules["items_of_a_count"])),
        items_within=re.compile(_words(rules["items_within"])),
        other_programme_name=re.compile(_words(rules["other_programme_names"])),
        other_programme_after=re.compile(after + _words(rules["other_programmes_after"])),
        share_of_another=re.compile(r"[\s*_]*(?:des|du|de\s+la|de\s+l'|d')\s*(?:[\w'-]+\s+){0,3}?"
                                    + _words(rules["other_programmes_after"])),
        own_programme_name=re.compile(_words([rules["own_programme_name"]])),
        programme_fund=re.compile(_words([rules["programme_fund"]])),
        # "dans l'appel à manifestation d'intérêt X, qui a distingué 19 lauréats": after an elision too
        call=re.compile(r"(?<!\w)(?:" + "|".join(rules["calls"]) + r")(?!\w)"),
        council_spending=re.compile(_words(rules["council_spending"])),
        parts_of_an_intercommunality=re.compile(after + _words(rules["parts_of_an_intercommunality"])),
        side_note=re.compile(r"[\s*_•-]*" + _words(rules["side_note_openers"])),
        other_award=re.compile(_words(rules["other_awards"])),
        body_subject=re.compile(r"[\s*_#•-]*(?<![\w'])(?:le|la|l')\s*" + grouping_bodies),
        other_policy_heading=re.compile(_words(rules["other_policy_headings"])),
    )


@lru_cache(maxsize=64)
def _names_another_initiative(folded: str, paragraph: tuple[int, int]) -> bool:
    """Whether the paragraph names an initiative in quotes ("« Choose France »"), not as an item
    of what a figure before counts ("Parmi eux : …, un « campus des métiers »", "… projets y
    figurent, parmi lesquels le « X »"); words quoted
    with a verb are someone's ("« La sidérurgie et le ferroviaire restent nos points forts »,
    souligne …"), no initiative's name. Cached: every figure of a paragraph asks it (a paragraph
    of 8,000 figures was read 8,000 times)."""
    context = _context()
    for quoted in QUOTED_NAME.finditer(folded, *paragraph):
        if FINITE_VERB.search(quoted.group(0)):
            continue
        sentence_start = max(folded.rfind(". ", paragraph[0], quoted.start()) + 1, paragraph[0])
        if not context.items_of_a_count.match(folded, sentence_start) \
                and not context.items_within.search(folded, sentence_start, quoted.start()):
            return True
    return False


def related_links(folded_line: str) -> str | None:
    """"line" when a (folded) line is one link to another article ("Lire aussi : TITRE"), "heading"
    when it opens a list of them ("SUR LE MÊME SUJET", "Voir aussi dans la rubrique X :", its
    words ending with a colon), else None."""
    link = _context().related_link.match(folded_line)
    if not link:
        return None
    rest = folded_line[link.end():].rstrip()
    return "line" if re.search(r"\w", rest) and not rest.endswith(":") else "heading"


@lru_cache(maxsize=1)
def _page_marker_texts() -> tuple[str, ...]:
    """The words one of which every paywall marker holds: most pages have none, and the markers'
    pattern, opening with a look-behind, is tried at every character of the page."""
    return required_texts(_context().page_marker)


def masked_spans(folded: str) -> list[tuple[int, int]]:
    """Spans of page chrome whose numbers are never figures: paywall markers, and links to other
    articles (a "Lire aussi" line, or a "SUR LE MÊME SUJET" heading and the lines under it)."""
    context = _context()
    spans = [m.span() for m in context.page_marker.finditer(folded)] if may_match(_page_marker_texts(), folded) else []
    for link in context.related_link.finditer(folded):
        line_end = folded.find("\n", link.end())
        line_end = len(folded) if line_end < 0 else line_end
        if related_links(folded[link.start():line_end]) == "line":
            spans.append((link.start(), line_end))  # "Lire aussi : TITRE": one link on its line
            continue
        spans.append((link.start(), _link_block_end(folded, line_end)))
    return spans


def _link_block_end(folded: str, position: int) -> int:
    """End of the link titles under a "SUR LE MÊME SUJET" heading: the lines up to a blank line,
    or up to the first line of prose (a page without blank lines goes on with its article).
    Blank lines right under the heading do not end it: Markdown sets one after a heading."""
    end = position
    for line in re.finditer(r"\n([^\n]*)", folded[position:]):
        if not line.group(1).strip():
            if end > position:
                break
            continue
        if len(line.group(1).split()) > LINK_TITLE_WORDS:
            break
        end = position + line.end()
    return end


UP_TO = re.compile(r"jusqu'a\s+")


def not_programme(folded: str, start: int, end: int, unit: str, value: float, sentence: tuple[int, int],
                  paragraph: tuple[int, int], places: list[PlaceMention]) -> str | None:
    """Why the quantity at [start, end) is not a programme figure, or None when it is one.

    `start` is where its mention starts (approximation words included), `end` where it ends;
    `paragraph` spans the paragraph holding it (paragraphs())."""
    context = _context()
    before = folded[max(sentence[0], start - WINDOW):start]
    after = folded[end:min(sentence[1], end + WINDOW)]
    if unit == "pourcent" and (_found(context.statistic, folded, *sentence) and not SHARE_OF_THE_TERRITORIES.match(after)
                               or _share_of_a_place(folded, end, places)
                               or _statistic_label_below(folded, start, end, context)):
        return "a statistic of a place"
    if unit == "pourcent" and (folded[start - 1:start] == "+"
                               or context.percent_change_before.search(folded, max(sentence[0], start - CLAUSE_WINDOW), start)
                               or context.percent_change_after.search(after)):
        return "a change over time"  # "l'emploi a progressé de 3,1 %", "+15,3 % entre 2010 et 2015"
    if unit == "pourcent" and BRACKETED_AFTER_A_WORD.search(before) and after.lstrip(" *_").startswith(")"):
        return "a share in a breakdown"  # "- cadre (26,8%)", "les matériels de transport (23%)"
    if unit in ("departement", "region") and value <= FEW_AREAS:
        return "where a territory lies or who its partners are"
    if unit == "euro" and value < PRICE_BELOW:
        return "a price"  # "A partir de 3€/mois", "1 € le premier mois"
    if unit == "euro" and value >= NATIONAL_PLAN_AT_LEAST and not _found(context.own_programme_name, folded, *sentence):
        return "a national plan's budget"  # "France Relance, doté de 100 milliards d'euros"
    if unit == "pourcent" and TENS_OF_BILLIONS.search(folded, *sentence) and not _found(context.own_programme_name, folded, *sentence):
        return "a share of a national plan's budget"  # "…, doté de 100 milliards d'euros, consacre environ un tiers de ses crédits"
    if unit in context.stock_units and (context.stock_before.search(before)
                                         or context.stock_after.search(after)) \
            and not context.jobs_of_projects.search(folded, max(sentence[0], start - 2 * WINDOW), start):
        return "what a place holds"
    if unit == "emploi" and not _found(context.job_creation, folded, *sentence):
        return "the jobs of a place"
    if unit == "euro" and (context.company_before.search(before) or context.company_after.search(after)):
        return "a company's revenue or a price"
    if unit in ("euro", "emploi") and _found_before(context.private_investment, folded, sentence, start):
        return "companies' own investment"  # and the jobs it brings
    if (unit == "euro" and _found_before(context.council_spending, folded, sentence, start)
            and not _found(context.own_programme_name, folded, *sentence)):
        return "a council's own policy"  # "la Région a ainsi investi 290 millions sur ce territoire"
    rank = context.rank.match(folded, start) if RANK_ARTICLE.search(before) else None
    if rank and (end <= rank.end() and not AMONG_THE_FIRST.search(before) or value <= RANKED_AT_MOST):
        # not "les 124 premiers territoires d'industrie", a national wave, nor a territory
        # "labellisé parmi les 124 premiers de France", one of that wave
        return "a rank in a list"
    # "couvrir jusqu'à 30 %": the mention opens with "jusqu'à", which a limit's words may end with
    upto = UP_TO.match(folded, start, end)
    limit_end = upto.end() if upto else start
    if context.limit.search(after) or context.limit_before.search(folded, max(sentence[0], start - CLAUSE_WINDOW), limit_end):
        return "a bound"
    if unit == "euro" and context.cap_before.search(before) and context.per_item_after.search(after):
        return "a bound"  # "Subvention de 50 %, plafonnée à 80 000 euros par projet"
    if unit == "territoire" and (context.other_programme.search(after)
                                 or LAUREATES.search(folded, start, end) and context.call.search(folded, *sentence)
                                 or context.other_call_laureates.search(folded, end, sentence[1])
                                 and not _found(context.own_programme_name, folded, *sentence)):
        # "Fonds d'accélération … : 30 nouveaux lauréats", "12 nouveaux territoires bénéficieraient
        # d'un accompagnement similaire, portant à 19 le nombre de territoires lauréats de l'AMI …"
        return "laureates of another call"
    if unit == "territoire" and context.parts_of_an_intercommunality.search(after) \
            and not _found(context.own_programme_name, folded, start, end):
        return "the parts of an intercommunality"  # "un des douze territoires de la Métropole du Grand Paris"
    if unit == "pourcent" and value == 100 and LABEL_AFTER_HUNDRED.match(after):
        return "a label"  # "un programme 100 % éducation artistique"
    if unit in context.geography and context.geography[unit].search(before):
        return "a territory's geography"
    if unit in ("epci", "commune") and context.body_subject.match(folded, _after_blank_lines(folded, sentence[0], start)) \
            and not _found(context.own_programme_name, folded, *sentence):
        return "a PETR's or a pôle's own members"  # "Le PETR du Pays de X fédère trois intercommunalités"
    if ((unit in context.programme_context_units
         and (_found_before(context.other_programme_name, folded, sentence, start)
              or context.other_programme_after.search(folded[end:sentence[1]]))
         or unit == "pourcent" and context.share_of_another.match(folded, end, sentence[1]))
            and not _found(context.own_programme_name, folded, *sentence)):
        return "another programme's figure"
    if (unit in context.programme_context_units and context.side_note.match(folded, sentence[0], sentence[1])
            and _found(context.other_award, folded, *sentence) and not _found(context.own_programme_name, folded, *sentence)):
        return "another call's award told beside the programme"  # "Par ailleurs, la ville a obtenu 2 M€ du Fonds vert"
    if _under_another_programmes_heading(folded, start, context) and not _found(context.own_programme_name, folded, *sentence):
        return "another programme's section"
    if _opens_with_another_programmes_name(folded, paragraph, context) \
            and not _found(context.own_programme_name, folded, *paragraph):
        return "a paragraph about another programme"  # "Petites villes de demain, enfin. … 3 milliards d'euros"
    if (unit in context.programme_context_units and _names_another_initiative(folded, paragraph)
            and not _found(context.programme_paragraph, folded, *paragraph)):
        return "a paragraph about another initiative"
    return None


PARAGRAPH_OPENING = re.compile(r"[ \t#*_«\"]*")  # heading marks, emphasis and quotes before its first word


def _opens_with_another_programmes_name(folded: str, paragraph: tuple[int, int], context: Context) -> bool:
    """Whether the paragraph opens with another programme's name ("Territoires d'innovation,
    ensuite. Lancé en 2018, cet appel à projets …", a préfecture's round of the State's programmes,
    one paragraph each): all its numbers are that programme's when it never names ours."""
    opening = PARAGRAPH_OPENING.match(folded, paragraph[0]).end()
    return context.other_programme_name.match(folded, opening, paragraph[1]) is not None


def _after_blank_lines(folded: str, sentence_start: int, position: int) -> int:
    """Where the figure's sentence starts once a heading the parser joined to it ("Le syndicat en
    quelques mots⏎⏎Le PETR …") is left out: after the last blank line before the figure."""
    return max([sentence_start] + [m.end() for m in BLANK_LINE.finditer(folded, sentence_start, position)])


SECTION_ITEM = re.compile(r"[ \t]*[•·▪*–-]")  # a list item's line under a section's heading
SECTION_HEADING_WORDS = 6


def _under_another_programmes_heading(folded: str, start: int, context: Context) -> bool:
    """Whether the figure stands in a list right under a heading alone on its line that is another
    programme's name, or another policy's (other_policy_headings: "Ruralité"): a préfecture's page
    going through the agency's programmes ("Action Cœur de Ville" / "• 2 communes bénéficiaires du
    programme : …", then "Territoires d'industrie" / "• 1 territoire d'industrie : …")."""
    line_start = folded.rfind("\n", 0, start) + 1
    if not SECTION_ITEM.match(folded, line_start):
        return False
    end = line_start - 1
    while end > 0:  # up the list's items to the blank line above them
        above = folded.rfind("\n", 0, end) + 1
        line = folded[above:end]
        if not line.strip():
            break
        if not SECTION_ITEM.match(line):
            return False
        end = above - 1
    while end > 0 and not folded[folded.rfind("\n", 0, end) + 1:end].strip():
        end = folded.rfind("\n", 0, end)  # the blank lines
    if end <= 0:
        return False
    heading_start = folded.rfind("\n", 0, end) + 1
    heading = folded[heading_start:end].strip(" \t#*_")
    alone = heading_start == 0 or not folded[folded.rfind("\n", 0, heading_start - 1) + 1:heading_start - 1].strip()
    return (alone and 0 < len(heading.split()) <= SECTION_HEADING_WORDS
            and (context.other_programme_name.search(heading) or context.other_policy_heading.fullmatch(heading))
            and context.own_programme_name.search(heading) is None)


def states_programme_figures(folded: str, names_a_territory: bool) -> bool:
    """Whether a (folded) text can state programme figures at all. One that names ours only among
    other programmes ("Action cœur de ville, Territoires d'industrie, Villages d'avenir") or as what
    its subject is not ("ce dispositif, qu'il ne faut pas confondre avec le programme Territoires
    d'industrie": a page on the « sites clés en main ») is read as one that never names the
    programme (own_programme_name, mangled apostrophes and English included), which states none
    - when one of its first lines opens with another programme's name ("Petites villes de demain :
      signature de huit conventions"): it is about that programme alone, whatever territory it
      names (a text naming "France 2030" further down keeps its figures);
    - when it names neither the programme's fund ("fonds d'accélération des investissements
      industriels") nor any of its territories (`names_a_territory`): an INSEE note on industrial
      jobs, a company's news."""
    context = _context()
    about_another = _opens_with_another_programme(folded, context)
    if context.own_programme_name.search(folded) and not _named_only_among_others(folded, context):
        return True
    if about_another:
        return False
    return names_a_territory or bool(context.programme_fund.search(folded))


def about_another_programme(folded: str) -> bool:
    """Whether a (folded) text is about another programme only: it never names ours and its top
    (title, dateline) names another ("Territoires d'innovation : « X » retenu par l'État", "Action
    cœur de ville : quatre villes retenues", a newsletter of the experiment « Territoires zéro
    chômeur »). The places it lists are that programme's sites, no territories of ours; its
    amounts no figures."""
    context = _context()
    return (not context.own_programme_name.search(folded)
            and context.other_programme_name.search(folded[:OTHER_PROGRAMME_TOP]) is not None)


def _opens_with_another_programme(folded: str, context: Context) -> bool:
    """Whether one of a text's first lines opens with another programme's name."""
    top = folded[:OTHER_PROGRAMME_TOP]
    return any(context.other_programme_name.match(top, line.end()) for line in LINE_START.finditer(top))


# Between the names of an enumeration of programmes: "Action cœur de ville, Territoires d'industrie, …".
PROGRAMMES_JOINT = re.compile(r"[\s*_«»\"]*(?:,|;|\bet\b|\bou\b|—|–)[\s*_«»\"]*")


def _named_only_among_others(folded: str, context: Context) -> bool:
    """Whether every time a text names the programme it is one item of an enumeration of other
    programmes ("les autres programmes de l'ANCT — Action cœur de ville, Territoires d'industrie,
    Villages d'avenir —") or what the text's subject is not part of: a text about another programme
    that only names ours beside it."""
    for own in context.own_programme_name.finditer(folded):
        joint = PROGRAMMES_JOINT.match(folded, own.end())
        after = joint is not None and context.other_programme_name.match(folded, joint.end()) is not None
        before = any(PROGRAMMES_JOINT.fullmatch(folded, other.end(), own.start())
                     for other in context.other_programme_name.finditer(folded, max(0, own.start() - 60), own.start()))
        if not (after or before or NOT_PART_OF_IT.search(folded, max(0, own.start() - 50), own.start())):
            return False
    return True


# "Notre intercommunalité ne fait pas partie des Territoires d'industrie": ours named as what the
# text's subject is not (folded text, right before the programme's name)
# ("… n'est pas un Territoire d'industrie"), or as what it must not be taken for ("Ce dispositif,
# qu'il ne faut pas confondre avec le programme Territoires d'industrie, …", "sans lien avec le …")
NOT_PART_OF_IT = re.compile(r"(?:\b(?:ne|n')\s*(?:fait|font|est|sont|figure|figurent)\s+pas\s+"
                            r"(?:partie\s+(?:des|du)|(?:un|une|l'une?\s+des)|parmi\s+les)"
                            r"|\b(?:ne\s+(?:faut|doit)\s+pas\s+|a\s+ne\s+pas\s+)confondre\s+avec"
                            r"|\bsans\s+(?:lien|rapport)\s+avec|\bdistincte?s?\s+(?:de|du|des))"
                            r"(?:\s+(?:le|la|les|l')?\s*(?:programme|dispositif|label|demarche))?\s*\"?\s*$")


OTHER_PROGRAMME_TOP = 400  # characters of a text's top: its title and dateline
LINE_START = re.compile(r"^[\s#*_«\"]*", re.MULTILINE)  # where a line's words start


# Every figure of a sentence asks the same questions of the sentence and of its paragraph: a line
# of thousands of figures without a full stop would be read once per figure (quadratic), so the
# first match of a pattern in a span is kept for the figures after it.
@lru_cache(maxsize=1024)
def _first_match(pattern: re.Pattern, folded: str, start: int, end: int) -> tuple[int, int] | None:
    match = pattern.search(folded, start, end)
    return match.span() if match else None


def _found(pattern: re.Pattern, folded: str, start: int, end: int) -> bool:
    return _first_match(pattern, folded, start, end) is not None


def _found_before(pattern: re.Pattern, folded: str, sentence: tuple[int, int], position: int) -> bool:
    """pattern.search(folded, sentence[0], position), from the sentence's first match. Where no
    word ends at `position` (a number after a blank or a sign), a match before it is a match of
    the whole sentence ending before it, and none starts before the sentence's first match."""
    if position == sentence[0] or re.match(r"\w", folded[position - 1]):
        return pattern.search(folded, sentence[0], position) is not None
    first = _first_match(pattern, folded, *sentence)
    if first is None or first[0] >= position:
        return False
    return first[1] < position or pattern.search(folded, first[0], position) is not None


# "  • 25%\n\n    Des emplois du Grand Chalon sont dans l'industrie": a key figure alone on its line,
# its label on the next line that holds words
KEY_FIGURE_LEAD = 40  # at most this many blanks and bullets before a key figure on its line
ALONE_ON_LINE = re.compile(r"[ \t*_•·▪-]*$")
LABEL_BELOW = re.compile(r"[ \t*_]*(?:\n[ \t]*)+([^\n]{1,200})")


def _statistic_label_below(folded: str, start: int, end: int, context: Context) -> bool:
    """"• 25%" over "Des emplois du Grand Chalon sont dans l'industrie": a percentage alone on its
    line (a page's key figures) whose label, on the line below, is a statistic of a place."""
    lead = max(0, start - KEY_FIGURE_LEAD)
    line_start = folded.rfind("\n", lead, start) + 1
    if (line_start == 0 and lead > 0) or not ALONE_ON_LINE.fullmatch(folded, line_start, start):
        return False  # a line of prose (no newline among the characters before it), or words before it
    label = LABEL_BELOW.match(folded, end)
    return label is not None and context.statistic.search(label.group(1)) is not None


def _share_of_a_place(folded: str, end: int, places: list[PlaceMention]) -> bool:
    """"la moitié de la Martinique": a share followed by a place."""
    article = re.match(r"\s+(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+)", folded[end:end + 12])
    return bool(article) and any(p.start == end + article.end() for p in places)


@lru_cache(maxsize=4)
def paragraphs(folded: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the paragraphs of a text, in order: lines joined while a line does not end
    a sentence (a PDF's hard wraps), split at blank lines and after a line ending a sentence (web
    pages write one paragraph per line). Read once a text (stated_counts asks for each count)."""
    spans, start = [], 0
    for line in re.finditer(r"[^\n]*\n?", folded):
        body = line.group().strip()
        if not body or PARAGRAPH_END.search(body):
            if line.end() > start:
                spans.append((start, line.end()))
            start = line.end()
    if start < len(folded):
        spans.append((start, len(folded)))
    return tuple(spans) or ((0, len(folded)),)
