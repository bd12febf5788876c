"""Territories named in running prose (territory.prose), as signatories (territory.signatories),
as a review's run-in paragraph heads (territory.run_in_head), as the name a paragraph describes
as "ce territoire" (territory.described_head) or, opt-in, by the French model's
NER (territory.ner)."""

from __future__ import annotations

import bisect
import re

from pipeline.extract.first_letters import may_match, with_first_letters
from pipeline.extract.places import PlaceMention
from pipeline.extract.structure import COUNT_WORDS, Structure
from pipeline.extract.territories.common import (SINGULAR_PREFIX, CONNECTORS, LABELLING, LEGAL_FORM, MAX_NAME_WORDS, OPENING_QUOTES,
                                                 PART_OF_A_TERRITORY, PERSON_AFTER_NAME, PREFIX, WORDS,
                                                 TerritoryMention, asked, bare_count_of_territories, brand_end, capitalised_run, departements_after_dash,
                                                 departements_bracket,
                                                 is_place_name, legal_form_end, make_mention, named_by_its_departements,
                                                 quoted_name, reads_as_a_place_name, sentence_bounds, TITLE_LINES, top_lines,
                                                 split_inline_list, titled_by_the_programme, town_words, trim_name,
                                                 written_with_legal_form, wrapped_sentence_end, wraps_onto_the_next_line,
                                                 _town_words_of)
from pipeline.extract.territories.phrases import GLOSS_COMMAS, dashed_names, enumeration_after, is_epci_name, read_part
from pipeline.linking import known_acronyms
from pipeline.normalize import fold

# The programme's years a fronted award gives instead of its name ("Reconduits en fin d'année dernière
# pour 2023-2027, la Cirest et le TCO …", "Retenue dès 2018, la vallée de X …"): the text must name
# the programme in its title or just before (prose_names), the participle being said of territories.
FRONTED_PERIOD = (r"(?:pour|en|des|depuis|jusqu'en|a\s+partir\s+de)\s+(?:la\s+(?:periode|phase)\s+)?"
                  r"20(?:1[89]|2[0-7])(?:\s*-\s*20(?:2[0-7]))?(?![\d-])")
# How far before its sentence the programme's name makes a fronted award with a period its own.
PERIOD_CONTEXT_WINDOW = 300
# "Labellisée … en 2018, au même titre que le TCO dans l'Ouest de l'île, la CIREST …": another
# territory holding the same award, set off between the fronted participle and its subject, where
# it lies after it at most (folded text).
COMPARED_ASIDE = (r"(?:,\s*(?:au\s+meme\s+titre\s+que|tout\s+comme|a\s+l'(?:instar|image))\s+"
                  r"(?P<compared>[^,.;:\n]{1,80}?)(?:\s+(?:en|dans)\s[^,.;:\n]{1,60}?)?)?")
PROSE_HEAD = re.compile(
    r"(?<![\w'])(?:(?:le|du|au|ce)\s+territoire|celui)\s+(?P<article>de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)"
    r"|(?:(?<![\w'])labellise(?:e|s|es)?\s+|(?<![\w'])(?:avec|grace\s+a|fort|forte)\s+(?:de\s+)?(?:le|son|ce|leur)\s+label\s+"
    r"|(?:^|(?<=\n)|(?<=\.\s))" + PREFIX + r"\s+(?=depuis\b)"  # "Territoire d'industrie depuis 2018, le X"
    r"|(?:^|(?<=\n)|(?<=\.\s))en\s+tant\s+que\s+(?=" + PREFIX + r"\b)"  # "En tant que Territoire d'industrie, le X"
    r"|(?:^|(?<=\n)|(?<=\.\s))" + r"(?:[a-z]+ment\s+)?" + r"(?P<award>" + "|".join(WORDS["fronted_award"]) + r")\s+"
    r"[^,.;:\n]{0,60}?(?:" + PREFIX + r"\S*\s*"  # "Lauréat du programme Territoires d'industrie, le X"
    r"|(?P<period>" + FRONTED_PERIOD + r")))"  # "Reconduits fin 2023 pour 2023-2027, le X et la Y"
    r"(?:\"?\s*" + PREFIX + r"\s*\"?\s*)?[^,.;:\n]{0,40}?" + COMPARED_ASIDE
    + r",\s*(?P<subject>le\s+|la\s+|l'\s*)")
# "le territoire de Sologne Val de Cher ainsi que celui d'Orléans Métropole – Beauce Loirétaine", "… porte
# le territoire de A, tandis que B est engagée dans celui de C": two territories named as such, which
# a text about the programme (its title names it) need not label.
TERRITORY_AND_THAT_OF = re.compile(r"\bterritoire\s+(?:de\s+la|de\s+l'|du|des|de|d')\s*[^.;:\n]{1,80}?"
                                   r"\b(?:ainsi\s+que|et|comme|(?:tandis|alors)\s+qu[e'][^.;:\n]{1,60}?\bdans)\s+celui\s+"
                                   r"(?:de\s+la|de\s+l'|du|des|de|d')")
# "Le territoire du Grand Libournais ainsi que celui du Val de Garonne", "l'un des 146 territoires
# labellisés …, celui du Grand Narbonne": "celui" takes up a territory named before it in its
# sentence; the programme's name after its noun is none ("Le dispositif Territoires d'industrie …
# sera prorogé dans un cadre dynamique, celui de France Relance"), nor is an example ("Parmi les
# exemples mis en avant figure celui des Fromagers de Lozère").
A_TERRITORY_BEFORE = re.compile(r"(?<!dispositif )(?<!programme )(?<!label )(?<!demarche )(?<!initiative )"
                                r"(?<![\w'])territoires?(?![\w'])")
# A geographic head in lower case opening a name: "celui de la vallée de la Bresle".
HEAD_OF_NAME = re.compile(r"(?:vallee|pays|bassin|plaine|plateau)\s+(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)")
# The same after "territoire" and its preposition: "le territoire de la vallée de la Bresle".
OF_A_HEAD = re.compile(r"(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)" + HEAD_OF_NAME.pattern)
PROGRAMME_WORDS = re.compile(PREFIX)
# "Le secteur Lacq-Pau-Tarbes bénéficie de contrats …": a sector named by the towns its name
# joins with dashes, after the programme's words, is a territory.
SECTOR_OF_TOWNS = re.compile(r"\b(?:[Ll]e|[Dd]u|[Aa]u)\s+secteur\s+(?P<name>[A-ZÀ-Ý][\w'’]+(?:\s?[-–]\s?[A-ZÀ-Ý][\w'’]+)+)\b")
SECTOR_PROGRAMME_WINDOW = 400  # how far back the programme's words are looked for
# "Le nouveau venu est le territoire de Vitré": the programme's newcomer, then a territory named as
# such (rules/territory_words.json newcomer_is).
NEWCOMER_IS = re.compile(WORDS["newcomer_is"])
ONE_OF_THE_CHOSEN = re.compile(WORDS["one_of_the_chosen"])
# A count of territories right before the participle, which agrees with them and not with the subject.
COUNTED_BEFORE_PARTICIPLE = re.compile(r"\b(?:\d{1,3}|" + "|".join(COUNT_WORDS) + r")\s+"
                                       r"(?:\w+\s+)?territoires\s+(?:d'\s*industrie\s+)?$")
# "Fraîchement labellisé « Territoire d'industrie », Clermont Auvergne Métropole confirme …",
# "Labellisée « Territoire d'industrie » il y a un an, Mayotte nourrit …": the participle opening
# the sentence (an adverb at most before it), then a subject without an article.
FRONTED_LABEL = re.compile(r"(?:[a-z]+ment\s+)?labellise(?:e|s|es)?\s+[^,.;:\n]{0,60}?"
                           + PREFIX + r"[^,.;:\n]{0,40}?,\s*")
# "Nouveau venu, Cœur de Maine est à cheval sur …", "Seul nouveau, le Bassin de X rassemble …" opening
# a sentence, in a text that has named the programme and the name before (a list of territories
# above): the newcomer among them, its places and members this name's, not the list's last item's.
NEWCOMER_OPENING = re.compile(r"(?:^|(?<=\n)|(?<=[.!?]\s))(?:nouveau\s+venu|nouvelle\s+venue|seule?\s+(?:nouveau|nouvelle)"
                              r"|petite?\s+nouvelle?)\s*,\s*(?:(?:le|la)\s+|l')?(?=[A-ZÀ-Ý])",
                              re.IGNORECASE)
NEWCOMER_VERB = re.compile(r" (?:[ns]['’])?([a-zà-ÿ]+)")  # the subject's verb right after the name
# "Nouveau venu, l'Ariège. Il réunit l'Agglo Foix-Varilhes et la communauté de communes …": the
# name alone, then a sentence whose pronoun subject groups intercommunalities, its object one
# (folded text, from the name's end): "Nouveau venu, Jean Dupont. Il réunit les industriels et les
# élus de la communauté …" names no territory.
NEWCOMER_THEN_MEMBERS = re.compile(r"\.\s+(?:il|elle)\s+(?:reunit|regroupe|rassemble|associe|federe)\s+"
                                   r"(?:(?:l'\s*|la\s+|le\s+)(?:agglo|communaute|metropole)\b"
                                   r"|(?:les\s+)?(?:deux|trois|quatre|cinq|six|[2-9])\s+(?:intercommunalites|communautes|epci)\b)")
# "…, Carros, ville faisant partie de la métropole, a signé": a noun of place apposed to the subject.
APPOSED_PLACE_NOUN = re.compile(r",\s+(?:(?:une?|la|le)\s+)?(?:ville|commune|cit[ée]|zone|bassin|p[ôo]le|capitale|berceau)\b")
GEOGRAPHIC_HEADS = {"pays", "bassin", "val", "vallee", "vallees", "plaine", "plateau", "agglomeration",
                    "presqu'ile", "cote", "territoire", "coeur", "sud", "nord", "est", "ouest"}
# "le territoire Vendée-Centre qui comprend ...", "fait partie du Territoire Nord-Cotentin",
# 'territoire' directly followed by a capitalised name, without an article; not the programme's
# own words ("au Territoire d'Industrie des quatre EPCI": the prefixed-name rule reads those).
# "au territoire commun Issoudun-Châteauroux": shared by the places its name joins.
TERRITORY_THEN_NAME = re.compile(r"\b(?:[Ll]e|[Dd]u|[Aa]u)\s+[Tt]erritoire\s+(?:commun\s+)?(?![Dd]['’]\s*(?i:industrie))(?=[A-ZÀ-Ý])")
# "les territoires Epernay – Bassin sézannais – Portes de Romilly et Troyes – Bar-sur-Aube ont
# paraphé …": the plural noun, then names each joining places by spaced dashes (dashed_names), as
# many territories; "les territoires Vitré et Fougères" may be one name or two, left.
TERRITORIES_THEN_NAMES = re.compile(r"\b(?:[Ll]es|[Dd]es|[Aa]ux)\s+[Tt]erritoires\s+(?=[A-ZÀ-Ý])")
# "Le périmètre interdépartemental Gers/Tarn et Garonne concerne …": a territory named by its
# adjective, in a text about the programme, as "Territoire d'industrie interdépartemental X" names
# it ("l'interrégionale Aumale - Blangy-sur-Bresle" is an intercommunality's name). A demonstrative
# before the adjective alone points back at the territory, named as written: "cette
# interdépartementale Gers/Tarn-et-Garonne constitue une interface …".
ADJECTIVE_THEN_NAME = with_first_letters(re.compile(r"\b(?:(?:[Ll]e|[Dd]u|[Aa]u|[Cc]e)\s+(?:territoire|p[ée]rim[èe]tre)\s+|(?P<demonstrative>[Cc]ette|[Cc]et)\s+)"
                                                    r"(?P<adjective>interd[ée]partementale?|interr[ée]gionale?)\s+(?=[A-ZÀ-Ý])"))
# "les Territoires d'industrie des Hauts-de-France, particulièrement ceux du Boulonnais-Calaisis
# et du Hainaut-Douaisis-Cambrésis": the territories a plural pronoun picks out, each with its
# preposition.
OF = r"(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*(?=[A-ZÀ-Ý])"
THOSE_OF = re.compile(r"(?<![\w'’])(?:ceux|celles)\s+" + OF)
NEXT_OF = re.compile(r"\s*(?:,\s*(?:et\s+)?|\s+et\s+|\s+ou\s+)" + OF)
# "Labellisés en 2018, le X et la Y sont reconduits", "Reconduits pour 2023-2027, la A et le B": a fronted award in the plural before a subject
# whose capitalised run holds "et" and an article before a second name (folded text for the first)
PLURAL_AWARD = re.compile(r"(?:[a-z]+ment\s+)?(?:labellise|reconduit|retenu|selectionne|renouvele|engage|inscrit|integre)e?s\b"
                          r"|(?:[a-z]+ment\s+)?laureat(?:e)?s\b")
# "Retenus comme Territoire d'industrie, le A et le B jouent groupé": together, one territory
ONE_TERRITORY = re.compile(r"\b" + SINGULAR_PREFIX)
SECOND_SUBJECT = re.compile(r"\s+et\s+(?:le\s+|la\s+|l['’]\s*)(?=[A-ZÀ-Ý])")
# "a signé les contrats du A et du B, labellisés … Territoires d'industrie": the territories whose
# contracts a sentence naming the programme speaks of, each after its preposition (not "les
# contrats du Territoire d'industrie X": prefixed_name reads that one).
CONTRACTS_OF = re.compile(r"(?<![\w'’])(?:les|des|aux|ses|leurs)\s+(?:(?:deux|premiers|nouveaux)\s+)?contrats\s+" + OF)
OTHER_CONTRACT_KINDS = frozenset(WORDS["other_contract_kinds"])
# "Le protocole « Territoire d'industrie » signé au CFA d'Amboise" as the title, then "… a signé le
# protocole d'accord du Grand Est Touraine avec l'État": the act the title gives the programme's
# words to is the territory's wherever the body names it after its place (folded title; text).
ACT_IN_TITLE = re.compile(r"\b(?P<act>contrat|protocole)s?\s+(?:d'accord\s+)?[«\"]?\s*" + PREFIX)
ACT_OF = re.compile(r"(?<![\w'’])(?:[Ll]e|[Dd]u|[Aa]u|[Cc]e)\s+(?P<act>contrat|protocole)\s+(?:d['’]accord\s+)?" + OF)
# "La plupart des territoires historiques sont reconduits. C'est le cas de A, dans l'Aube, …,
# ou du B, en Saône-et-Loire": the cases of territories the sentence
# before says are labelled, each after its preposition; a later one after ", et" / ", ou".
CASE_OF = re.compile(r"(?<![\w'’])[Cc]['’]est\s+(?:notamment\s+|par\s+exemple\s+|ainsi\s+|aussi\s+)?le\s+cas\s+" + OF)
NEXT_CASE_OF = re.compile(r",\s*(?:et|ou)\s+(?:encore\s+|aussi\s+)?" + OF)
LABELLED_TERRITORIES = re.compile(r"(?<![\w'])territoires\b[^.;:]*?(?<![\w'])(?:sont|ont\s+ete|seront)\s+"
                                  r"(?:\w+\s+)?(?:labellis|reconduit|retenu|renouvel|confirm|selectionn)")
# "dans les périmètres de A et de B, et dans ceux du Pays de X": a pronoun after a preposition
# repeats that preposition's earlier plural noun (folded text), here no territory.
PREPOSITION_BEFORE = re.compile(r"(?<![\w'])(dans|sur|pour|avec|parmi|chez)\s+$")
# "la Communauté d'Agglomération du Territoire Vendômois": a piece of an EPCI's name.
EPCI_FORM_BEFORE = re.compile(r"(?:communaute|agglomeration|communes|urbaine|metropole)\s*$")
# "le territoire de la CCPG": the area of an intercommunality known by its acronym.
ACRONYM = re.compile(r"[A-Z0-9&]{2,8}")
# The name a territory is given: "un nouveau Territoire du dispositif, baptisé « Bourgogne
# Industrie »", "le nouveau groupement nommé Marne et Brie Industries", "avec un nouveau nom,
# Alliances Luxe & Précision Doubs", "le Territoire « X »" (in a sentence that says "territoire"),
# "Appelez-le désormais « X »" (after sentences about a territory).
NOW = r"(?:d[ée]sormais|dor[ée]navant|[àa]\s+pr[ée]sent|maintenant)"  # the adverb of a renaming
NAMED = re.compile(r"\b(?:[Rr]e)?[Bb]aptis[ée]e?s?\s+|\bd[ée]nomm[ée]e?s?\s+|(?<=groupement\s)nomm[ée]e?s?\s+|\bsous\s+le\s+nom\s+(?:de\s+|d['’])?"
                   r"|\bsous\s+la\s+banni[èe]re\s+(?=[«“\"A-ZÀ-Ý])"
                   r"|\bnouveau\s+nom\s*[,:]\s*|\b(?:le|du|au)\s+Territoire\s+(?=[«“\"])"
                   r"|(?<=territoire\s)s['’]appellera\s+|(?<=territoire\sd['’]industrie\s)s['’]appellera\s+|\bdite?\s+(?=[«“\"])"
                   r"|\b(?P<call>[Aa]ppele[zr]-(?:le|la)|[Aa]ppelons-(?:le|la)|(?:[Ii]l|[Ee]lle)\s+s['’]appell?e(?:ra)?)"
                   r"\s+d[ée]sormais\s+(?=[«“\"])|\b(?:s['’]appell?e(?:ra)?|se\s+nomme(?:ra)?)\s+" + NOW + r"\s+(?=[«“\"])"
                   r"|\bporte(?:ra)?\s+(?:" + NOW + r"\s+)?le\s+nom\s+(?:de\s+|d['’]\s*)(?=[«“\"])"
                   # a naming participle in capitals, opening its sentence: only _fronted_naming takes it
                   r"|\b(?:D[ée]nomm|Nomm|Appel|Intitul)[ée]\s+")
# What every match of NAMED holds, one piece an alternative (a quotation mark for those that end
# before one): a text holding none names nothing so (most hold none of them; NAMED, tried at every
# character, was the dearest scan of prose_names). tests/test_territories.py checks each alternative.
NAMED_NEEDS = ("aptis", "nomm", "Nomm", "ntitul", "sous", "nouveau", "ppel", "«", "“", '"')
# "… fait partie de la famille. Appelez-le désormais « X ».", "Il s'appelle désormais « X »": a
# renaming; the pronoun stands for the territory the sentences before speak of ("territoire"
# within this window). Without a pronoun, the territory is the sentence's subject: "Le Territoire
# d'industrie né en 2018 autour de … s'appelle désormais « X »" (NAMED_TERRITORY).
CALL_IT_WINDOW = 400
# The programme's words opening a quoted name, with the preposition joining them to the place.
PROGRAMME_LEAD = re.compile(PREFIX + r"\s+(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)?")
TERRITORY_WORD = re.compile(r"\bterritoire")
# 'Le territoire « nord Lorraine », comprenant …, intègre un dispositif nommé « Territoires
# d'industrie »': a quoted name after "territoire" in lower case, in a sentence naming the programme
# or a label ("Plusieurs territoires ont été labellisés, dont …, ainsi que le territoire « X »"), or
# anywhere in a text titled by the programme ("X faisait partie du territoire « Y »").
# "Que regroupe le territoire « X » ?": a question opened by an interrogative word asks about the
# territory it names, which it takes as given (a yes/no question, "La CAPA, un Territoire
# d'industrie ?", asks whether it is one) (folded text, at the sentence's start)
ASKS_WHAT = re.compile(r"[*_\s]*(?:que|qu'|qui|quoi|comment|pourquoi|quand|combien|quel|quels|quelle|quelles|ou)\b")
# How far before a quoted name after "le territoire" the programme's words may stand (a question and
# its answer before it in an interview).
PROGRAMME_NEAR = 300
TERRITORY_THEN_QUOTED = re.compile(r"\b(?:[Ll]e|[Dd]u|[Aa]u)\s+territoire\s+(?:(?:du|de\s+la|de\s+l['’]|des|de)\s*)?(?=[«“\"])")
# A participle of naming in the feminine: it agrees with an intercommunality ("la communauté de
# communes …, rebaptisée X"), never with "territoire", "périmètre" or "groupement" (folded text).
FEMININE_RENAMING = re.compile(r"(?:re)?baptisees?\s|denommees?\s|nommees?\s")
# A renaming told after the name given: that name was the territory's former one.
RENAMED = re.compile(r"\b(?:renomme|rebaptise|change\s+de\s+nom)")
# A name told as a past one, just before "sous le nom de" or "dénommé" ("l'intercommunalité …,
# connue jusqu'à récemment sous le nom de X", "autrefois baptisée X"): the former name of what
# the sentence names, no territory of its own (folded text)
FORMER_NAME_BEFORE = re.compile(r"\b(?:jusqu'(?:a\s+(?:recemment|present|ici)|alors|en\s+\d{4})|auparavant|autrefois"
                                r"|anciennement|precedemment|naguere)\b[^.;:!?]{0,20}$")
# What is named must be a territory or its perimeter, written before the name: "un nouveau
# Territoire du dispositif", "définie sur le même périmètre géographique, dénommé X".
NAMED_TERRITORY = re.compile(r"\b(?:le|un|ce|cet|notre|leur|son|nouveau|l'autre|l'ancien)\s+(?:nouveau\s+|meme\s+|seul\s+)?(?:territoire|perimetre|groupement)\b")
# "A et B ont déposé une candidature commune sous le nom « X »": the name of a bid to the programme
# (its words in the sentence or the next) is the territory's
NAMED_CANDIDATURE = re.compile(r"\b(?:une|leur|la|sa)\s+candidature\s+(?:commune\s+|conjointe\s+)?$")
# "A fait équipe avec B sous la bannière X", in a text titled by the programme: the name two places
# joining forces go by is the territory's (folded text)
JOINT_BID = re.compile(r"\b(?:fait|font|faisant)\s+equipe\b|\bs'(?:associe|associent|allie|allient|unit|unissent)\b"
                       r"|\bfai\w*\s+cause\s+commune\b|\b(?:dossier|candidature)\s+commun")
# "Sur le littoral nord, la candidature « Aa – Dunkerque – Flandre » fait figure de nouveauté": a bid
# named in quotes, in a text about the programme (folded text)
QUOTED_CANDIDATURE = re.compile(r"\b(?:une|leur|la|sa|cette)\s+candidature\s+(?:commune\s+|conjointe\s+)?(?=[«“\"])")
# "l'aire urbaine X a obtenu le renouvellement pour 2023-2027 sous le nom de Y", in a sentence naming
# the programme: the name a label (its grant or renewal, just before) is held under
LABEL_HELD_UNDER = re.compile(r"\b(?:renouvellement|reconduction|labellisation|label|reconduit\w*|renouvele\w*|retenu\w*|labellise\w*)\b"
                              r"[^.;:]{0,60}$")
# "… la seconde phase du programme Territoires d'industrie. La candidature déposée par A avec B a été
# retenue, sous le nom de X": a bid, retained under a name, the programme named in the sentence before
BID_SUBJECT = re.compile(r"\b(?:la|leur|notre|cette|sa)\s+candidature\b|\b(?:le|leur|notre|ce|son)\s+dossier\b")
# "… ne forment plus qu'un seul « territoire d'industrie ». Baptisé X, il rassemble A et B": a naming
# participle opening its sentence, its subject after the name a masculine pronoun or a noun of the
# territory (a feminine one may be an intercommunality's), the territory said within CALL_IT_WINDOW
# before (folded text; the subject from the name's end).
FRONTED_NAMING = re.compile(r"[\s*_]*(?:re)?(?:baptise|denomme|nomme|appele|intitule)\s+$")
FRONTED_NAMING_SUBJECT = re.compile(r"[\s»”\"]*,\s*(?:il|(?:le|ce|cet|notre)\s+(?:(?:nouveau|nouvel)\s+)?"
                                    r"(?:territoire|ensemble|perimetre|groupement|bassin|binome|duo|tandem))\b")
# The ordinal of one of the territories a text counts, after its article (folded text): the three
# readings of an ordinal below share it.
ORDINAL = r"(?:le|la)\s+(?:premier|premiere|second|seconde|deuxieme|troisieme|quatrieme|cinquieme|dernier|derniere)"
# "Deux territoires sont concernés. … Le second, baptisé « Cœur de Maine », est nouveau": an
# ordinal opening the sentence picks one of the territories counted a few sentences before.
# "Dix territoires … Le plus vaste d'entre eux, baptisé « Axe Seine », …": a superlative of a
# size picks one of them the same way.
ORDINAL_OF_TERRITORIES = re.compile(r"(?:" + ORDINAL + r"|(?:le|la)\s+plus\s+(?:vaste|grand|grande|petit|petite|etendu|etendue"
                                    r"|peuple|peuplee|ancien|ancienne)\s+d'entre\s+(?:eux|elles))\s*,\s*$")
# "Deux territoires sont labellisés. Le premier est Laval Agglomération, qui …", "Le second,
# Thouarsais et Loudunais, est interdépartemental": the ordinal opens its sentence and the name
# follows it, apposed between commas or after "est"; the territories are counted just before.
ORDINAL_THEN_NAME = with_first_letters(re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))" + ORDINAL + r"\s*(?:(?P<apposed>,)\s*"
                                                  # "Le second, dit « Charente Limousine », est plus rural"
                                                  r"(?:(?P<called>dit|dite|baptise|baptisee|nomme|nommee|appele|appelee)\s+[«\"]\s*)?"
                                                  r"|\s+est\s+)"
                                                  r"(?:(?:(?:le|la)\s+|l')(?:territoire\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d')?)?)?"))
# "Le Doubs compte un second territoire d'industrie, Nord Franche-Comté, organisé autour de …": the
# name set off by commas after a territory counted among others (folded text); without the
# programme's words, in a text it titles ("Outre A et B, le département compte un troisième
# territoire, C, …": A and B are the others), or with a label in the sentence ("nos voisins forment
# leur propre territoire, C, lui aussi labellisé")
# "Le second territoire d'industrie de l'île, Saint-André, est animé par …", "L'autre territoire
# d'industrie du département, X, …": the same with a definite article, the area counted in after the noun,
# or an adjective of place after the programme's words ("L'autre territoire d'industrie insulaire, le Pays Ajaccien, …").
ANOTHER_THEN_NAME = re.compile(r"\b(?:(?:un|une)\s+(?P<ordinal>second|seconde|deuxieme|troisieme|quatrieme|autre|nouveau|nouvel)"
                               r"|(?:le|la)\s+(?:second|seconde|deuxieme|troisieme|quatrieme)|l'\s*autre"
                               r"|(?:leur|son|sa)\s+propre)\s+territoire(?P<programme>\s+d'\s*industrie)?"
                               r"(?:(?<=industrie)\s+(?!(?:de|du|des|est|a|qui|en|et|au|aux)\b)[a-z][a-z-]+)?"
                               r"(?:\s+(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+)[\w-]+)?\s*,\s*")
# "Dans le Doubs, le seul autre territoire labellisé est le Nord Franche-Comté" (rules/territory_words.json only_other_is)
ONLY_OTHER_IS = re.compile(WORDS["only_other_is"])
LEADING_ARTICLE = re.compile(r"(?:L['’]\s*|La\s+|Le\s+|Les\s+)(?=[A-ZÀ-Ý])")
# "Outre A et B, …": the names a sentence opens with beside the one it then counts
BESIDES = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))outre\s+")
CLOSING_QUOTE = re.compile(r"[ \t]*[»\"]")  # the end of a name an ordinal gives in quotes
TERRITORIES_COUNTED = re.compile(r"\b(?:" + "|".join(COUNT_WORDS) + r"|\d)\s+(?:[\w'-]+\s+|\"\s*)?territoires\b")
# "Parmi les 124 Territoires d'industrie …, le département en compte trois. Le premier est …": a
# pronoun count whose sentence names territories counts them too
PRONOUN_COUNTED = re.compile(r"\b(?:en|y)\s+(?:compte|comptent|accueille|accueillent|totalise|totalisent)"
                             r"\s+(?:deux|trois|quatre|\d)\b")
COUNT_WINDOW = 600  # how far back the count of territories an ordinal picks from is looked for
# "Cœur de Maine, le territoire d'industrie réunissant ...", "Sud Bourgogne, nouveau “Territoire
# d'industrie”", "Grand Châtellerault, territoire d'industrie, territoire en devenir"
# "Le Mont des Avaloirs, autre territoire d'industrie mayennais", "La Gascogne Toulousaine, autre
# territoire gersois labellisé cette année, …": another one of the programme's.
APPOSITION = re.compile(r",\s+(?:(?:le|un)\s+|l['’](?=autre\s))?(?:(?:nouveau|nouvel|premier|futur|jeune|autre)\s+)?(?P<quote>[«“\"])?\s*"
                        r"(?:" + PREFIX + r"s?(?![\w'’])|(?<=autre )territoire\s+(?:[\w-]+\s+)?(?:labellis|retenu|reconduit|selectionn))",
                        re.IGNORECASE)  # "Territoire d'Industries": a common slip
PLURAL_APPOSITION = re.compile(r"territoires\s+d")  # the programme's words in the plural: as many subjects
# "la labellisation « Chartres métropole Territoires d'Industrie »", "le label « Mayotte, Territoire d'Industrie »"
QUOTED_WITH_SUFFIX = re.compile(r"[«“\"]\s*(?P<name>[A-ZÀ-Ý][^«»“”\"\n]{1,60}?),?\s+" + PREFIX + r"\s*[»”\"]",
                                re.IGNORECASE)
# An acronym in brackets ending the words before an apposition: " (CAPA)"
ACRONYM_BRACKET_BEFORE = re.compile(r"\s+\([A-ZÀ-Ý][A-ZÀ-Ý0-9&-]{1,9}\)$")
# A short name in brackets after an intercommunality's, in mixed case ("(Cap Nord)"); an
# acronym in capitals ("(CAB)") is not the name a territory goes by.
SHORT_NAME = re.compile(r"\s*\((?=[^()]*[a-zà-ÿ])([A-ZÀ-Ý][\w'’-]*(?:\s+[\w'’-]+){0,3})\)")
INTERCOMMUNALITY_FORM = re.compile(r"(?:les?\s+|la\s+)?(?:communaute|cc|ca|cu)\b")





# "l'Ouest, porté par le Territoire de la Côte Ouest": who carries a territory named before (folded text)
CARRIED_BY = re.compile(r"\b(?:porte|anime|pilote|conduit)e?s?\s+par\s+(?:le\s+|la\s+|l'\s*)?$")


# "la communauté d'agglomération du Territoire de la Côte Ouest": a legal form right before the head
LEGAL_FORM_BEFORE = re.compile(LEGAL_FORM.pattern + r"$")


def _whole_epci_name(text: str, folded: str, head: re.Match, end: int) -> bool:
    """Whether "Territoire de la X", its noun capitalised, is an intercommunality's whole name said
    to carry a territory: that EPCI, a member, not a territory named X ("… ou encore le Territoire
    de la Côte Ouest (TCO) à La Réunion, qui rejoint le programme" is one, the EPCI's own), or
    written after its legal form ("animé par la communauté d'agglomération du Territoire de la Côte
    Ouest": the head is inside the EPCI's name)."""
    noun = folded.find("territoire", head.start(), head.end())
    if noun >= 0 and LEGAL_FORM_BEFORE.search(folded, max(0, head.start() - 60), head.start()):
        return True
    return noun >= 0 and text[noun] == "T" and CARRIED_BY.search(folded, max(0, noun - 30), noun) is not None \
        and is_epci_name(text[noun:end])


def _one_of_the_chosen(folded: str, sentence_start: int, head: re.Match) -> bool:
    """'… 124 sites ont été retenus comme « Territoires d'industrie ». En Normandie, parmi les 10
    sites choisis, celui de la vallée de la Bresle …': "celui" picks one of the places the award
    chose, in a text that has named the programme before (rules/territory_words.json one_of_the_chosen)."""
    return folded.startswith("celui", head.start()) \
        and ONE_OF_THE_CHOSEN.search(folded, sentence_start, head.start()) is not None \
        and PROGRAMME_WORDS.search(folded, 0, sentence_start) is not None


# "En Corse, un second territoire est accompagné : celui de la communauté d'agglomération du X":
# "celui" after a colon names the other territory its sentence announces (folded text)
ANOTHER_TERRITORY = re.compile(r"\b(?:un|le)\s+(?:second|deuxieme|autre|troisieme|nouveau)\s+territoire\b"
                               r"[^.;:\n]{0,60}:\s*$")


COUNTED_TERRITORIES = re.compile(r"\b(?:deux|trois|quatre|cinq|six|[2-9])\s+(?:[a-z'-]+\s+)?territoires\b")
COUNT_REACH = 600  # the count is in the sentences just before the ordinals
# "L'île compte deux territoires … Le second, celui du Pays X, s'organise …": an ordinal opening
# the sentence takes up a count of territories before it (folded text)
ORDINAL_OPENING = re.compile(r"\s*" + ORDINAL + r"\s*,\s*")


def _another_territory(folded: str, sentence_start: int, head: re.Match) -> bool:
    """'… un second territoire est accompagné : celui de X', or 'Le second, celui de X, …' after
    a count of territories: in a text that has named the programme before, X is that territory,
    with no word of the label in the sentence."""
    return folded.startswith("celui", head.start()) \
        and (ANOTHER_TERRITORY.search(folded, sentence_start, head.start()) is not None
             or ORDINAL_OPENING.fullmatch(folded, sentence_start, head.start()) is not None
             and COUNTED_TERRITORIES.search(folded, max(0, sentence_start - COUNT_REACH), sentence_start) is not None) \
        and PROGRAMME_WORDS.search(folded, 0, sentence_start) is not None


# "Combien de territoires … ? … il y a le nôtre et celui du Nord Franche-Comté": "celui" beside a
# possessive pronoun taking up the territories just asked about (folded text)
OURS_AND = re.compile(r"\b(?:le|la)\s+(?:notre|votre|leur|sien|sienne)\s+(?:et|ainsi\s+que)\s+$")
# The common noun in lower case (original text): not the programme's capitalised name.
TERRITORIES_BEFORE = re.compile(r"\bterritoires\b")


def _beside_ours(text: str, folded: str, sentence_start: int, head: re.Match) -> bool:
    """'… il y a le nôtre et celui de X' after territories were spoken of, in a text that has
    named the programme before: X is another territory, with no word of the label in the sentence."""
    return folded.startswith("celui", head.start()) \
        and OURS_AND.search(folded, sentence_start, head.start()) is not None \
        and TERRITORIES_BEFORE.search(text, max(0, sentence_start - COUNT_REACH), sentence_start) is not None \
        and PROGRAMME_WORDS.search(folded, 0, sentence_start) is not None


def _the_newcomer(folded: str, sentence_start: int, head: re.Match) -> bool:
    """'Les 183 territoires d'industrie … Le nouveau venu est le territoire de Vitré': the territory
    a text about the programme calls its newcomer holds the label, with no word of it in the sentence."""
    return folded.startswith("le territoire", head.start()) \
        and NEWCOMER_IS.search(folded, sentence_start, head.start()) is not None \
        and PROGRAMME_WORDS.search(folded, 0, sentence_start) is not None


def _subject_before(text: str, end: int) -> int | None:
    """Start of the proper name that ends at `end` and opens its clause: 'Le Ternois',
    'Le territoire Seine Aval', 'l'Agglomération d'Agen' (article and 'territoire' left out)."""
    clause_start = max(text.rfind(sep, 0, end) for sep in (". ", "\n", " – ", " - ", ": ", ", ", "« ", "(")) + 1
    clause = text[clause_start:end]
    lead = re.match(r"[\s–:,«(-]*(?:(?:le|la|les)\s+|l['’]\s*)?(?:territoire\s+(?:de\s+|du\s+|des\s+)?)?",
                    clause, re.IGNORECASE)
    start = clause_start + lead.end()
    form_end = legal_form_end(text, fold(text), start, end)  # the text's fold is cached
    if form_end is not None and form_end < end:
        start = form_end  # "la communauté d'agglomération du X, l'autre territoire d'industrie": X
    name = text[start:end].strip()
    if not name or not name[0].isupper():
        return None
    words = [w for w in re.split(r"[\s'’]+", name) if w]
    if not all(w[0].isupper() or w.lower() in CONNECTORS or w[0].isdigit() for w in words):
        return None
    if _ends_an_enumeration(text, clause_start, name):
        return None
    return start


def _ends_an_enumeration(text: str, clause_start: int, name: str) -> bool:
    """"Situé entre Lot, Cantal et Aveyron, le territoire d'industrie X": a name joined by "et"
    right after a capitalised word and a comma closes an enumeration begun before the comma; it
    is not the subject the apposition describes."""
    return (re.search(r"\set\s", name) is not None
            and CAPITALISED_THEN_COMMA.search(text, max(0, clause_start - 60), clause_start) is not None)


# A capitalised word and the comma ending at a clause's start: an enumeration goes on across it.
CAPITALISED_THEN_COMMA = re.compile(r"(?<![\w'’-])[A-ZÀ-Ý][\w'’-]*,$")


# The article of a place ending a phrase, before its name: "l'avenir de la Sambre Avesnois".
PLACE_ARTICLE_BEFORE = re.compile(r"(?:\b(?:de\s+la|de\s+l['’]|du|des|la|le|les|l['’]))\s*$", re.IGNORECASE)


def _place_before(text: str, end: int) -> int | None:
    """Start of the name ending at `end` that ends a phrase after a place's article ('une table
    ronde sur l'avenir de la Sambre Avesnois, « Territoire d'Industrie »': the label quoted beside
    a name sets it apart), or None."""
    line_start = text.rfind("\n", 0, end) + 1
    words = list(re.finditer(r"\S+", text[line_start:end]))
    for word in words[-MAX_NAME_WORDS:]:
        start = line_start + word.start()
        if text[start].isupper() and capitalised_run(text, start, end) == end \
                and PLACE_ARTICLE_BEFORE.search(text, max(line_start, start - 8), start):
            return start
    return None


# Nouns a fronted award's subject may be without a name, taking up the place the sentence before
# names with them: "… l'extension du site de X. Labellisé « Territoire d'industrie » dès 2018 puis
# reconduit en 2023, le site réunit …" (folded); the noun alone names none ("… le site actuel
# s'étend sur 90 hectares" after no "site de X": no territory)
ANAPHORIC_HEADS = {"site", "bassin", "territoire", "plateforme"}
ANAPHORIC_OF = r"\b{head}\s+(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)"


def _antecedent(text: str, folded: str, sentence_start: int, head: str) -> tuple[int, int] | None:
    """(start, end) of the name the same noun takes in the sentence before, its last one ("site
    de X"), when the subject is that noun alone ("le site actuel"); None when it names none."""
    before_end = len(text[:sentence_start].rstrip())
    before_start = sentence_bounds(text, max(0, before_end - 1))[0]
    named = list(re.finditer(ANAPHORIC_OF.format(head=head), folded[before_start:before_end]))
    if not named:
        return None
    start = before_start + named[-1].end()
    if not text[start:start + 1].isupper():
        return None
    end = capitalised_run(text, start, before_end)
    return (start, end) if end > start else None


def prose_names(text: str, structure: Structure, places: list[PlaceMention]) -> list[TerritoryMention]:
    """Territories named once in a sentence about labels: 'le territoire du X ... reconduit',
    'celui du X, Y et Z', 'Labellisé depuis 2023, le pays de X', 'territoire ..., « X »',
    'X labellisé comme nouveau Territoire d'industrie', 'X, le territoire d'industrie ...'."""
    folded = fold(text)
    found = []

    def add(start: int, end: int, block_end: int, codes=(), question_start: int | None = None):
        if INTERCOMMUNALITY_FORM.match(folded[start:end]):
            return  # an intercommunality: the member rules read it
        if asked(text, end) and not (question_start is not None and ASKS_WHAT.match(folded, question_start)):
            return  # "La CAPA, un Territoire d'industrie ?": a question asserts no label
        mention = make_mention(text, start, end, "territory.prose", codes, block_end)
        if mention:
            found.append(mention)

    titled = titled_by_the_programme(folded)
    # sentence -> whether it speaks of labels, the wider territory it names after a label: read
    # once, not again for each name of a sentence of thousands
    read: dict[tuple[int, int], tuple[bool, re.Match | None]] = {}
    for match in PROSE_HEAD.finditer(folded):
        sentence_start, sentence_end = sentence = sentence_bounds(text, match.start())
        if sentence not in read:
            wider = PART_OF_A_TERRITORY.search(folded, sentence_start, sentence_end)
            read[sentence] = (bool(LABELLING.search(folded[sentence_start:sentence_end])) or bool(
                titled and TERRITORY_AND_THAT_OF.search(folded, sentence_start, sentence_end)),
                wider if wider and LABELLING.search(folded, sentence_start, wider.start()) else None)
        labelling, wider = read[sentence]
        another = _another_territory(folded, sentence_start, match) or _beside_ours(text, folded, sentence_start, match)
        if not labelling and not another and not match.group("period") \
                and not _the_newcomer(folded, sentence_start, match) \
                and not _one_of_the_chosen(folded, sentence_start, match):
            continue
        if folded.startswith("celui", match.start()) and not _one_of_the_chosen(folded, sentence_start, match) \
                and not another and not A_TERRITORY_BEFORE.search(folded, sentence_start, match.start()):
            continue  # "sera prorogé dans un cadre dynamique, celui de France Relance": no territory taken up
        if wider and not wider.start() <= match.start() < wider.end():
            continue  # "Labellisé … au sein d'un vaste espace reliant A, B et C, le territoire de X": a part of it
        pos = match.end()
        if match.group("award") and text[match.start("subject")].isupper():
            continue  # "Lauréate de l'appel à projets Territoires d'industrie, La Poste …": a company's name
        if match.group("period") and not titled \
                and not PROGRAMME_WORDS.search(folded, max(0, sentence_start - PERIOD_CONTEXT_WINDOW), sentence_end):
            continue  # "Reconduit pour 2023-2027, le contrat de …" in a text not about the programme's territories
        if COUNTED_BEFORE_PARTICIPLE.search(folded, max(0, match.start() - 40), match.start()):
            continue  # "Avec cinq territoires labellisés …, la Mayenne confirme …": the participle qualifies them
        if match.group("compared"):  # "…, au même titre que le TCO, la CIREST": both hold the award
            compared = read_part(text, match.start("compared"), match.end("compared"), folded)
            if compared and compared.end == match.end("compared") and text[compared.start].isupper() \
                    and not compared.epci:
                add(compared.start, compared.end, sentence_end)
        if match.group("subject") is not None and PROGRAMME_WORDS.match(folded, pos):
            continue  # "Labellisé fin 2023, le Territoire d'Industrie du Pays de X": prefixed_name reads it
        if match.group("subject") is not None:
            head = re.match(r"[a-z'-]+", folded[pos:])
            form_end = legal_form_end(text, folded, pos)
            if form_end is not None:
                # "Labellisée …, la communauté d'agglomération du Pays Nord Martinique (Cap Nord)":
                # the intercommunality labelled is the territory, under the short name it goes by
                end = capitalised_run(text, form_end, sentence_end)
                short = SHORT_NAME.match(text, end)
                mention = make_mention(text, *(short.span(1) if short else (form_end, end)), "territory.prose", (),
                                       sentence_end)
                if mention:
                    found.append(mention)
                continue
            if text[pos:pos + 1].isupper():
                end = capitalised_run(text, pos, sentence_end)
            elif head and head.group(0) in GEOGRAPHIC_HEADS | ANAPHORIC_HEADS:
                end = capitalised_run(text, pos + head.end() + 1, sentence_end)
                inner = OF_A_HEAD.match(folded, pos + head.end() + 1) if head.group(0) == "territoire" else None
                if end <= pos + head.end() + 1 and inner and text[inner.end():inner.end() + 1].isupper():
                    end = capitalised_run(text, inner.end(), sentence_end)  # "le territoire de la vallée de la Bresle"
                if end <= pos + head.end() + 1:
                    antecedent = _antecedent(text, folded, sentence_start, head.group(0))
                    if antecedent and not INTERCOMMUNALITY_FORM.match(folded[antecedent[0]:antecedent[1]]):
                        # "… du site de X. Labellisé « Territoire d'industrie » dès 2018, le site …":
                        # X, mentioned where the noun stands (its phase is that sentence's)
                        mention = make_mention(text, pos, pos + head.end(), "territory.prose", (), sentence_end,
                                               name=text[antecedent[0]:antecedent[1]])
                        if mention:
                            found.append(mention)
                    continue
                if head.group(0) not in GEOGRAPHIC_HEADS:
                    continue  # "le site Michelin": a company's site
                if head.group(0) == "territoire":  # "le territoire d'Issoudun" is named "Issoudun"
                    pos += head.end() + 1
            else:
                continue
        else:
            form_end = legal_form_end(text, folded, pos) if another else None
            if form_end is not None:
                # "… : celui de la communauté d'agglomération du Pays X": the territory the
                # intercommunality makes up, named without its legal form
                mention = make_mention(text, form_end, capitalised_run(text, form_end, sentence_end),
                                       "territory.prose", (), sentence_end)
                if mention:
                    found.append(mention)
                continue
            head = HEAD_OF_NAME.match(folded, pos)
            if head and text[head.end():head.end() + 1].isupper():
                end = capitalised_run(text, head.end(), sentence_end)  # "celui de la vallée de la Bresle"
            elif not text[pos:pos + 1].isupper():
                continue
            else:
                end = _enumerated_name_end(text, pos, sentence_end)
        if _whole_epci_name(text, folded, match, end):
            continue  # "porté par le Territoire de la Côte Ouest (TCO)": the intercommunality, a member
        if ACRONYM.fullmatch(text[pos:end]) and not (match.group("subject") is not None
                                                      and text[pos:end] in known_acronyms()):
            continue  # "le territoire de la CCPG": its area; "Reconduite en 2023, la CIREST …" names one
        if folded.startswith("ce territoire", match.start()) and is_place_name(text[pos:end]):
            continue  # "Ce territoire de la Creuse rejoint …": a territory named before, placed
        if folded.startswith("celui", match.start()) and match.group("article").strip() not in ("de", "d'") \
                and is_place_name(text[pos:end]):
            continue  # "neuf territoires ; celui du Cher est …": the one the place holds, not a name
        joint = SECOND_SUBJECT.search(text, pos, end) if PLURAL_AWARD.match(folded, match.start()) \
            and not ONE_TERRITORY.search(folded, match.start(), match.end()) else None
        if joint:  # "Labellisés en 2018, le X et la Y sont reconduits": two subjects
            add(pos, joint.start(), sentence_end)
            pos = joint.end()
        add(pos, end, sentence_end)
    for match in FRONTED_LABEL.finditer(folded):
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        opening = re.split(r"\s[–—-]\s", folded[sentence_start:match.start()])[-1]  # after a dateline
        if opening.strip(" \t\"«“*_") or not text[match.end():match.end() + 1].isupper():
            continue
        part = read_part(text, match.end(), sentence_end, folded)
        # "Labellisé Territoire d'industrie, X (ABC) accompagne …": an acronym in brackets before the verb
        verb = re.match(r"(?:\s*\([A-ZÀ-Ý]{2,8}\))? ([a-zà-ÿ]+)", text[part.end:part.end + 30]) if part else None
        apposed = bool(part) and APPOSED_PLACE_NOUN.match(text, part.end)
        if part is None or part.epci or part.name is not None or not (verb or apposed) \
                or verb and verb.group(1) in CONNECTORS | {"ou"}:
            continue  # the subject of a verb, one name: not "A et B", not "A, qui …"; "A, ville …" is one
        if not asked(text, part.end):
            mention = make_mention(text, part.start, part.end, "territory.prose", (), sentence_end,
                                   departement_name_ok=True)  # "Mayotte": an overseas département
            if mention:
                found.append(mention)
    for match in NEWCOMER_OPENING.finditer(folded):
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        end = capitalised_run(text, match.end(), sentence_end)
        verb = NEWCOMER_VERB.match(text, end)
        if end > match.end() and verb and verb.group(1) not in CONNECTORS | {"ou"} \
                and not PERSON_AFTER_NAME.match(folded, end) and PROGRAMME_WORDS.search(folded, 0, match.start()) \
                and text.find(text[match.end():end], 0, match.start()) >= 0:
            add(match.end(), end, sentence_end)  # a name the text gave before: "Nouveau venu, Jean Dupont …" names none
        elif end > match.end() and NEWCOMER_THEN_MEMBERS.match(folded, end) and PROGRAMME_WORDS.search(folded, 0, match.start()):
            add(match.end(), end, sentence_end)
    for match in TERRITORY_THEN_NAME.finditer(text):
        if EPCI_FORM_BEFORE.search(folded, max(0, match.start() - 30), match.start()):
            continue
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        if match.group(0).count("\n") == 1 and wraps_onto_the_next_line(text, text.index("\n", match.start())):
            sentence_end = wrapped_sentence_end(text, match.end())  # "Le territoire⏎Grand Dole, …⏎a lui aussi été retenu"
        end = brand_end(text, match.end(), _enumerated_name_end(text, match.end(), sentence_end))
        end = _before_a_list_of_members(text, folded, sentence_start, match.end(), end, sentence_end)
        if not LABELLING.search(folded, sentence_start, sentence_end) \
                and written_with_legal_form(folded, text[match.end():end]):
            continue  # "les zones du territoire Vie et Boulogne", the communauté de communes: its area
        add(match.end(), end, sentence_end)
    for match in TERRITORIES_THEN_NAMES.finditer(text):
        sentence_end = sentence_bounds(text, match.start())[1]
        parts = enumeration_after(text, match.end(), sentence_end)
        if parts and parts[0].start == match.end() and dashed_names(text, parts):
            for part in parts:
                add(part.start, part.end, sentence_end)
    for match in SECTOR_OF_TOWNS.finditer(text):
        towns = _town_words_of(match.group("name")) & town_words()
        if len(towns) >= 2 and PROGRAMME_WORDS.search(folded, max(0, match.start() - SECTOR_PROGRAMME_WINDOW),
                                                       match.start()):
            add(match.start("name"), match.end("name"), sentence_bounds(text, match.start())[1])
    titled = titled_by_the_programme(folded)
    for match in NAMED.finditer(text) if may_match(NAMED_NEEDS, text) else ():
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        ordinal = ORDINAL_OF_TERRITORIES.fullmatch(folded, sentence_start, match.start()) \
            and TERRITORIES_COUNTED.search(folded, max(0, sentence_start - COUNT_WINDOW), sentence_start)
        bid = NAMED_CANDIDATURE.search(folded, max(sentence_start, match.start() - 40), match.start()) \
            and PROGRAMME_WORDS.search(folded, sentence_start, sentence_bounds(text, min(len(text) - 1, sentence_end + 1))[1])
        called = match.group("call") and TERRITORY_WORD.search(folded, max(0, sentence_start - CALL_IT_WINDOW), sentence_start)
        held = LABEL_HELD_UNDER.search(folded, max(sentence_start, match.start() - 120), match.start()) \
            and (PROGRAMME_WORDS.search(folded, sentence_start, sentence_end)
                 or BID_SUBJECT.search(folded, sentence_start, match.start())
                 and PROGRAMME_WORDS.search(folded, sentence_bounds(text, max(0, sentence_start - 2))[0], sentence_start))
        joint = JOINT_BID.search(folded, sentence_start, match.start()) and titled
        if not NAMED_TERRITORY.search(folded, sentence_start, match.start() + 1) \
                and not (ordinal or bid or called or held or joint
                         or _fronted_naming(text, folded, match, sentence_start, sentence_end)):
            continue  # "une usine baptisée « Gigafactory »", "cette zone du territoire, dénommée …"
        pos = match.end()
        if RENAMED.search(folded, pos, sentence_end):
            continue  # "Le territoire X, baptisé « Y » en 2018, a été renommé": Y is its former name
        if FORMER_NAME_BEFORE.search(folded, max(sentence_start, match.start() - 60), match.start()):
            continue  # "…, connue jusqu'à récemment sous le nom de TCO": a former name too
        if text[pos:pos + 1] in OPENING_QUOTES:
            quoted = quoted_name(text, pos)
            if quoted:
                start, end = quoted
                lead = PROGRAMME_LEAD.match(folded, start + len(text[start:end]) - len(text[start:end].lstrip()))
                if lead and lead.end() < end:  # "« Territoires d'Industrie de Bourgogne »": Bourgogne
                    start = lead.end()
                add(start, end, sentence_end)
        elif text[pos:pos + 1].isupper():
            end = capitalised_run(text, pos, sentence_end)
            if FEMININE_RENAMING.match(folded, match.start()) and is_epci_name(text[pos:end]):
                continue  # "… et sa voisine de Loué-Brûlon-Noyen, rebaptisée LBN Communauté": an intercommunality's new name
            add(pos, end, sentence_end)
    for match in QUOTED_CANDIDATURE.finditer(folded) if PROGRAMME_WORDS.search(folded) else ():
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        quoted = quoted_name(text, match.end())
        if quoted and (titled or PROGRAMME_WORDS.search(folded, sentence_start, sentence_end)):
            start, end = quoted
            words = PROGRAMME_WORDS.search(folded, start, end)  # "« Mayotte, Territoire d'industrie »"
            end = len(text[:words.start()].rstrip(" ,–—-")) if words else end
            if end > start:
                add(*trim_name(text, start, end), sentence_end)
    for match in TERRITORY_THEN_QUOTED.finditer(text):
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        quoted = quoted_name(text, match.end())
        if not quoted or not (titled or LABELLING.search(folded, sentence_start, sentence_end)
                              or PROGRAMME_WORDS.search(folded, max(0, sentence_start - PROGRAMME_NEAR), sentence_end)):
            continue  # the programme's words or a label's: "… labellisés en 2023, dont …, ainsi que le territoire « X »",
            # a text titled by the programme: "Caen la mer porte seule le territoire « Caen Industrie »", or
            # the programme named just before: "Combien existe-t-il de Territoires d'industrie ? … Que regroupe le territoire « X » ?"
        start, end = trim_name(text, *quoted)
        if _parts_in_quotes(text, start, end):
            add(start, end, sentence_end, question_start=sentence_start)
    for match in APPOSITION.finditer(text):
        # "la communauté d'agglomération du X (CAPA), l'autre Territoire d'industrie": the name
        # before its acronym's brackets
        acronym = ACRONYM_BRACKET_BEFORE.search(text, max(0, match.start() - 16), match.start())
        end = acronym.start() if acronym else match.start()
        start = _subject_before(text, end)
        if start is None and match.group("quote"):
            start = _place_before(text, end)
        if start is None:
            continue
        sentence_end = sentence_bounds(text, match.start())[1]
        joint = SECOND_SUBJECT.search(text, start, end) if PLURAL_APPOSITION.search(fold(match.group(0))) else None
        if joint:  # "Le TO et la CIREST, Territoires d'industrie jusqu'en 2027": two subjects
            add(start, joint.start(), sentence_end)
            start = joint.end()
        add(start, end, sentence_end)
    for match in QUOTED_WITH_SUFFIX.finditer(text):
        mention = make_mention(text, match.start("name"), match.end("name"), "territory.prose", (),
                               sentence_bounds(text, match.start())[1], departement_name_ok=True)
        if mention and not asked(text, match.end()):
            found.append(mention)
    for match in re.finditer(r"territoire[^.\n«“]{0,120}?,\s*(?=[«“])", text, re.IGNORECASE):
        quoted = quoted_name(text, match.end())
        if quoted and _a_name_only(text, *quoted):
            codes = ({p.code for p in places if p.kind == "departement" and match.start() <= p.start < match.end()}
                     if re.search(r"d[ée]partements?\b", text[match.start():match.end()]) else set())
            add(*quoted, sentence_bounds(text, match.start())[1], codes)
    for match in ADJECTIVE_THEN_NAME.finditer(text) if PROGRAMME_WORDS.search(folded) else ():
        sentence_end = sentence_bounds(text, match.start())[1]
        end = capitalised_run(text, match.end(), sentence_end)
        stated: set[str] = set()
        if after_dash := departements_after_dash(text, match.end(), end, places):
            end, stated = after_dash  # "le territoire interrégional A – B – 12/15/46": its départements' codes
        adjective = "Interdépartemental" if fold(match.group("adjective")).startswith("interd") else "Interrégional"
        if match.group("demonstrative"):
            adjective = match.group("adjective")[0].upper() + match.group("adjective")[1:]
        named = f"{adjective} {text[match.end():end]}" if named_by_its_departements(text[match.end():end]) \
            else text[match.end():end]  # "le territoire interrégional Vallée de la Bresle – Vimeu": a gloss
        mention = make_mention(text, match.start("adjective"), end, "territory.prose", stated, sentence_end,
                               name=named) if end > match.end() else None
        if mention:
            found.append(mention)
    for match in ORDINAL_THEN_NAME.finditer(folded):
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        if not text[match.end():match.end() + 1].isupper() \
                or not (_territories_counted_before(text, folded, match.start())
                        or match.group("called") and titled and bare_count_of_territories(folded, match.start(), COUNT_WINDOW)):
            continue
        end = capitalised_run(text, match.end(), sentence_end)
        closing = CLOSING_QUOTE.match(text, end) if match.group("called") else None
        if match.group("called") and not closing:
            continue  # the quoted name whole
        end_of_name = closing.end() if closing else end
        if match.group("apposed") and text[end_of_name:end_of_name + 1] != "," or PERSON_AFTER_NAME.match(folded, end):
            continue  # "Le premier, Jean Dupont le dit", "Le second est Anne Martin, maire de …": no name of a territory
        add(match.end(), end, sentence_end)
    for match in ANOTHER_THEN_NAME.finditer(folded):
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        besides = BESIDES.match(folded, sentence_start)
        if not match.group("programme") and not (titled and match.group("ordinal") and besides
                                                 or LABELLING.search(folded, sentence_start, sentence_end)):
            continue  # a territory of the programme's: its words, a label said, or in a text it titles, the
            # others named before it ("Outre A et B, … un troisième territoire, C"); alone, "Le Doubs compte
            # un second territoire, C" leaves the text's own territory unfound and C would take its members
        end = capitalised_run(text, match.end(), sentence_end)
        if text[end:end + 1] == "," and not PERSON_AFTER_NAME.match(folded, end):
            add(match.end(), end, sentence_end)
            if besides and match.group("ordinal"):
                _add_coordinated_subjects(text, besides.end(), match.start(), sentence_end, places, add)
    for match in ONLY_OTHER_IS.finditer(folded):
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        if not (match.group("programme") or LABELLING.search(folded, sentence_start, sentence_end)) \
                or not text[match.end():match.end() + 1].isupper() or PERSON_AFTER_NAME.match(folded, match.end()):
            continue  # the other one of the programme's territories, named as such
        add(match.end(), capitalised_run(text, match.end(), sentence_end), sentence_end)
    for match in CASE_OF.finditer(text):
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        before_start, _ = sentence_bounds(text, max(0, sentence_start - 2))
        if not LABELLED_TERRITORIES.search(folded, before_start, sentence_start):
            continue  # the cases of what the sentence before says of territories' labels, only
        starts = [match.end()] + [m.end() for m in NEXT_CASE_OF.finditer(text, match.end(), sentence_end)]
        for start in starts:
            add(start, capitalised_run(text, start, sentence_end), sentence_end)
    for match in CONTRACTS_OF.finditer(text):
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        if not PROGRAMME_WORDS.search(folded, sentence_start, sentence_end) \
                or PROGRAMME_WORDS.match(folded, match.end()):
            continue  # contracts of the programme only, each named after a place of its own
        _add_coordinated(text, match.end(), sentence_end, places, add)
    title = next((act for line in top_lines(folded, TITLE_LINES) if (act := ACT_IN_TITLE.search(folded, *line))), None)
    for match in ACT_OF.finditer(text, title.end() if title else len(text)):
        if match.group("act").lower() != title.group("act") or PROGRAMME_WORDS.match(folded, match.end()):
            continue  # the title's act, named in the body after its territory's place
        _add_coordinated(text, match.end(), sentence_bounds(text, match.start())[1], places, add)
    for match in THOSE_OF.finditer(text):
        sentence_start, sentence_end = sentence_bounds(text, match.start())
        if not PROGRAMME_WORDS.search(folded, sentence_start, match.start()):
            continue  # "ceux" points back at territories of the programme named before it
        if _repeats_another_noun(folded, sentence_start, match.start()):
            continue
        pos = match.end()
        while True:
            end = capitalised_run(text, pos, sentence_end)
            inner = NEXT_OF.search(text, pos, end)  # "du Boulonnais-Calaisis et du Hainaut": two names
            end = inner.start() if inner else end
            if end <= pos:
                break
            if not _area_of_those(text, pos, end):
                add(pos, end, sentence_end)
            joint = NEXT_OF.match(text, end, sentence_end)
            if not joint:
                break
            pos = joint.end()
    return found


def _add_coordinated_subjects(text: str, pos: int, limit: int, block_end: int, places: list[PlaceMention], add) -> None:
    """'Outre Laval Agglomération et Mayenne Communauté, le département compte un troisième
    territoire, …': the names before the clause's comma, when each is a whole capitalised name."""
    comma = text.find(",", pos, limit)
    if comma < 0:
        return
    spans = split_inline_list(text, pos, comma, r",\s+|\s+et\s+")
    # "La Flèche": a town's article opens its name, a place's article all the same
    spans = [(article.end() if (article := LEADING_ARTICLE.match(text, start, end)) else start, end)
             for start, end in spans]
    if spans and all(capitalised_run(text, start, end) == end and reads_as_a_place_name(text, start, end, places)
                     for start, end in spans):
        for start, end in spans:
            add(start, end, block_end)


def _add_coordinated(text: str, pos: int, sentence_end: int, places: list[PlaceMention], add) -> None:
    """The names from `pos` on, each after its preposition ("du A et du B"), when every one reads
    as a place's name and none opens with another contract's kind (not "les contrats de Plan
    État-Région")."""
    spans = []
    while True:
        end = capitalised_run(text, pos, sentence_end)
        inner = NEXT_OF.search(text, pos, end)
        end = inner.start() if inner else end
        if end <= pos:
            break
        spans.append((pos, end))
        joint = NEXT_OF.match(text, end, sentence_end)
        if not joint:
            break
        pos = joint.end()
    if spans and all(reads_as_a_place_name(text, start, end, places)
                     and fold(text[start:end]).split()[0].strip("'’") not in OTHER_CONTRACT_KINDS for start, end in spans):
        for start, end in spans:
            add(start, end, sentence_end)


# "les EPCI du territoire X – A, B, C et la CA D": a spaced dash opening the list of the
# intercommunalities that the sentence names before the territory.
MEMBERS_NOUN_BEFORE = re.compile(r"\b(?:epci|e\.p\.c\.i|intercommunalites|communautes|collectivites)\b")
SPACED_DASH = re.compile(r"[ \t]+[–—-][ \t]+")


def _before_a_list_of_members(text: str, folded: str, sentence_start: int, start: int, end: int,
                              sentence_end: int) -> int:
    """`end` cut before a spaced dash inside the name [start, end) when the sentence speaks of
    intercommunalities before it and what follows the dash opens a list of names (", " then a
    capital) whose first item is, whole, an EPCI's name of two words or more: the territory is
    named before the dash, its members after it ("tous les EPCI du territoire X – A, B et C")."""
    dash = SPACED_DASH.search(text, start, end)
    if dash is None or not MEMBERS_NOUN_BEFORE.search(folded, sentence_start, start):
        return end
    item = re.match(r"[^,;:.\n]+", text[dash.end():sentence_end])
    if item is None or not re.match(r",\s+[A-ZÀ-Ý]", text[dash.end() + item.end():sentence_end]):
        return end
    first = item.group(0).strip()
    return dash.start() if len(first.split()) >= 2 and is_epci_name(first) else end


def _territories_counted_before(text: str, folded: str, position: int) -> bool:
    """Whether territories are counted a few sentences before `position` ("Deux territoires sont
    labellisés.", "… 124 Territoires d'industrie …, le département en compte trois.")."""
    window = max(0, position - COUNT_WINDOW)
    if TERRITORIES_COUNTED.search(folded, window, position):
        return True
    for pronoun in PRONOUN_COUNTED.finditer(folded, window, position):
        start, _ = sentence_bounds(text, pronoun.start())
        if re.search(r"\bterritoires\b", folded[start:pronoun.start()]):
            return True
    return False


# "du", "de la", "des" before a département's or région's name: the place with its article
AREA_ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:du|des|de\s+la|de\s+l['’])\s*$", re.IGNORECASE)


def _area_of_those(text: str, start: int, end: int) -> bool:
    """"ceux du Morbihan et du sud du Finistère": the département or région "ceux" lie in, named
    with its article, not a territory (one bearing a département's name goes without: "ceux de
    Mayotte")."""
    return is_place_name(text[start:end]) and AREA_ARTICLE_BEFORE.search(text, max(0, start - 8), start) is not None


def _repeats_another_noun(folded: str, sentence_start: int, pronoun: int) -> bool:
    """Whether "ceux" after a preposition ("et dans ceux du …") takes up the plural noun that
    preposition governed earlier in the sentence, and that noun is no territory ("dans les
    périmètres de …")."""
    preposition = PREPOSITION_BEFORE.search(folded, sentence_start, pronoun)
    if not preposition:
        return False
    earlier = list(re.finditer(rf"(?<![\w']){preposition.group(1)}\s+(?:les|des|ces|leurs|ses|nos)\s+([\w'-]+)",
                               folded[sentence_start:preposition.start()]))
    return bool(earlier) and not earlier[-1].group(1).startswith("territoire")


def _a_name_only(text: str, start: int, end: int) -> bool:
    """Whether quotes hold a name, not a quoted sentence ("« le Sud Bourgogne montre la voie »")."""
    start, end = trim_name(text, start, end)
    return start < end and capitalised_run(text, start, end) == end


# After the last part of a name its parts join: a verb, or the award's participle in the singular
# of the one territory ("le territoire de Chaumont, Nogent et Langres, labellisé …", folded text).
VERB_AFTER_ENUMERATED_NAME = re.compile(r"\s+(?:ont|a|sont|est|vient|viennent|avait|avaient|sera|seront)\b")
AWARD_AFTER_ENUMERATED_NAME = re.compile(r",\s+(?:labellise|retenu|selectionne|reconduit|designe|choisi)e?(?![\w'-])")


# "« Ouest et Sud Creusois »": a compass word alone coordinated with the next part opens one name
COMPASS_AND = re.compile(r"(?i:" + "|".join(WORDS["compass_heads"]) + r")[ \t]+et[ \t]+")


def _fronted_naming(text: str, folded: str, match: re.Match, sentence_start: int, sentence_end: int) -> bool:
    """"Baptisé Cœur de Maine, le territoire rassemble …": a sentence opening on the naming
    participle, the territory its subject, said just before ("… fait partie des territoires
    d'industrie.") or in the sentence. The only rule reading this wording (no enumeration cue
    does): it gives a name as NAMED's other wordings do, and their checks (a former name, an
    intercommunality's new one) apply to it alike."""
    if not FRONTED_NAMING.fullmatch(folded, sentence_start, match.end()):
        return False
    pos = match.end()
    quoted = quoted_name(text, pos) if text[pos:pos + 1] in OPENING_QUOTES else None
    end = quoted[1] if quoted else capitalised_run(text, pos, sentence_end)
    return end > pos and bool(FRONTED_NAMING_SUBJECT.match(folded, end)) \
        and bool(TERRITORY_WORD.search(folded, max(0, sentence_start - CALL_IT_WINDOW), sentence_end))


def _parts_in_quotes(text: str, start: int, end: int) -> bool:
    """Whether the quoted text from `start` to `end` is a name: one part, or parts a slash joins
    ("le territoire « Grand Auch / Astarac »": the quotes make them one name), or a compass
    word and the next part ("« Ouest et Sud Creusois »": no compass word alone names a
    territory), none an intercommunality written with its legal form."""
    while True:
        compass = COMPASS_AND.match(text, start, end)
        part = read_part(text, compass.end() if compass else start, end)
        if part is None or part.start != (compass.end() if compass else start) or part.epci:
            return False
        if part.end == end:
            return True
        slash = re.match(r"[ \t]*/[ \t]*", text[part.end:end])
        if not slash:
            return False
        start = part.end + slash.end()


def _enumerated_name_end(text: str, pos: int, limit: int) -> int:
    """End of 'Val de Garonne, Guyenne, Gascogne et Réolais' when a verb or the award's singular
    participle follows the last part: one territory named by its parts; otherwise the first
    capitalised run."""
    end = capitalised_run(text, pos, limit)
    extended = end
    while True:
        joint = re.match(r",\s+|\s+et\s+", text[extended:limit])
        if not joint or not text[extended + joint.end():extended + joint.end() + 1].isupper():
            break
        extended = capitalised_run(text, extended + joint.end(), limit)
    if extended > end and (VERB_AFTER_ENUMERATED_NAME.match(text, extended, limit)
                           or AWARD_AFTER_ENUMERATED_NAME.match(fold(text[extended:min(limit, extended + 40)]))):
        return extended
    return end



# A review's run-in paragraph head: a short name line ended by a full stop, then the paragraph
# about it on the same line ("Saint-Nazaire – Cordemais. Le bassin industriel …"); the name may
# take a short apposition opening on a determiner, no figure in it, as a press kit's bold heads
# do ("Lacq – Pau – Tarbes, un territoire à cheval sur deux régions. Déjà pionnier …", "Vallée
# de la Bresle – Vimeu, deux régions, une filière. Entre …"; the reader drops the bold).
RUN_IN_HEAD = re.compile(r"^[ \t]*(?P<name>[A-ZÀ-Ý][^\n.!?:;,()«»\"\d]{1,60}?)(?:[ \t]*\([^()\n]{1,40}\))?"
                         r"(?P<apposition>,[ \t]+(?:une?|deux|trois|quatre|le|la|les|l['’]|des|du)[ \t'’][^\n.!?:;()«»\"\d]{1,70}?)?"
                         r"\.[ \t]+(?=[A-ZÀ-Ý])",
                         re.MULTILINE)  # "Pays de Vannes (Morbihan). …": its départements in brackets
# A newsletter's section head on its own line: the name, a spaced dash, a subject in lower case
# without figures (a date or an hour tells an event's place: "Lyon – 12 mars, 14 h"), then a
# blank line and the paragraph about it ("Cœur de Maine – un inventaire du foncier industriel").
HEAD_OVER_PARAGRAPH = re.compile(r"^[ \t]*(?P<name>[A-ZÀ-Ý][^\n.!?:;,()«»\"\d]{1,60}?)[ \t]+[–—-][ \t]+"
                                 r"[a-zà-ÿ][^\n\d:]{0,100}\n[ \t]*\n[ \t]*(?=[A-ZÀ-Ý])", re.MULTILINE)


# A head naming a body that carries a territory after the place it serves ("PETR de l'Ariège."):
# the place decides, not the body's kind (folded text; rules/territory_words.json joint_bodies).
BODY_OF_A_PLACE = re.compile(r"(?:petr|pays|pole d'equilibre territorial et rural|pole metropolitain|syndicat mixte)"
                             r"\s+(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)(?=\S)")


def run_in_heads(text: str, places: list[PlaceMention]) -> list[TerritoryMention]:
    """territory.run_in_head: the names a review about the programme (its first lines name it)
    opens its paragraphs with, each ended by a full stop, or a newsletter heads them with (a
    line of its own, HEAD_OVER_PARAGRAPH); two such paragraphs at least, each head
    a place's name (reads_as_a_place_name) that is not a département's or a région's (a région
    heading "Bretagne."), nor the programme's words, or a carrying body's kind before a place's
    name ("PETR de l'Ariège."); a dateline holds a comma ("Nantes, le 3 mai 2023.")."""
    folded = fold(text)
    if not titled_by_the_programme(folded):
        return []
    found = []
    place_spans = None
    for match in [*RUN_IN_HEAD.finditer(text), *HEAD_OVER_PARAGRAPH.finditer(text)]:
        start, end = match.span("name")
        end = len(text[:end].rstrip())
        body = BODY_OF_A_PLACE.match(folded, start, end)
        if body and place_spans is None:
            place_spans = sorted((p.start, p.end) for p in places if p.kind != "country")
        if match.re is RUN_IN_HEAD and match.group("apposition") and " et " in text[start:end]:
            continue  # "Nord Lozère et Albigeois, deux nouveaux venus.": two names, which other rules read
        if capitalised_run(text, start, end) != end or len(text[start:end].split()) > 6 \
                or is_place_name(text[start:end]) or PROGRAMME_WORDS.search(folded, start, end) \
                or not (_a_place_after(text, body.end(), end, place_spans) if body
                        else reads_as_a_place_name(text, start, end, places)):
            continue
        if match.re is HEAD_OVER_PARAGRAPH:
            block_end, codes = _paragraph_below(text, match.end(), places)
        else:
            line_end = text.find("\n", end)
            block_end, codes = len(text) if line_end < 0 else line_end, set()
        mention = make_mention(text, start, end, "territory.run_in_head", codes, block_end)
        if mention:
            found.append(mention)
    return found if len(found) >= 2 else []


# A paragraph opened by a name, a colon, then "ce territoire" and its verb or adjective ("Sud X –
# Nord Y : ce territoire franchit la limite entre …"; not "Renouvelé : le territoire de X")
NAME_THEN_THIS_TERRITORY = re.compile(r"^[ \t*_]*(?P<name>[A-ZÀ-Ý][^\n.!?:;,()«»\"\d]{1,70}?)[ \t*_]*:[ \t]+"
                                      r"[Cc]e[ \t]+territoire(?:[ \t]+d['’][ \t]*industrie)?[ \t]+"
                                      r"(?!(?:de|du|des|d['’])[ \t])(?=[a-zà-ÿ])", re.MULTILINE)


def described_heads(text: str, places: list[PlaceMention]) -> list[TerritoryMention]:
    """territory.described_head: in a text naming the programme above it, a paragraph that opens
    with a name and goes on "ce territoire …" after a colon describes that name as a territory, as
    the items of a list so described are (lists._described_as_territories). Not a département's or
    a région's name alone ("Meuse : ce territoire compte …"), and a name that reads as a place's
    ("Particularité : ce territoire est à cheval …" is a rubric)."""
    found = []
    folded = None
    for match in NAME_THEN_THIS_TERRITORY.finditer(text):
        folded = folded or fold(text)
        start, end = match.span("name")
        end = len(text[:end].rstrip())
        if capitalised_run(text, start, end) != end or len(text[start:end].split()) > MAX_NAME_WORDS \
                or is_place_name(text[start:end]) or PROGRAMME_WORDS.search(folded, start, end) \
                or not PROGRAMME_WORDS.search(folded, 0, start) or not reads_as_a_place_name(text, start, end, places):
            continue
        line_end = text.find("\n", match.end())
        mention = make_mention(text, start, end, "territory.described_head", (),
                               len(text) if line_end < 0 else line_end)
        if mention:
            found.append(mention)
    return found


BRACKET = re.compile(r"\(([^()\n]{1,80})\)")


def _paragraph_below(text: str, start: int, places: list[PlaceMention]) -> tuple[int, set[str]]:
    """End of the paragraph under a newsletter's head, and the départements a bracket of
    département names only in it states ("ce territoire interrégional (Pyrénées-Atlantiques,
    Hautes-Pyrénées)"): the paragraph is about the head's territory."""
    blank = re.compile(r"\n[ \t]*\n").search(text, start)
    end = blank.start() if blank else len(text)
    codes = set()
    for bracket in BRACKET.finditer(text, start, end):
        codes |= departements_bracket(text, bracket.start(1), bracket.end(1), places)
    return end, codes


def _a_place_after(text: str, start: int, end: int, place_spans: list[tuple[int, int]]) -> bool:
    """Whether the words after a body's kind name a département, a région or a town (its article
    alone does not: "Syndicat mixte de l'Emploi"); `place_spans` sorted (a bisection: heads and
    places both many stay linear)."""
    index = bisect.bisect_left(place_spans, (start, -1))
    return index < len(place_spans) and place_spans[index][1] <= end \
        or bool(_town_words_of(text[start:end]) & town_words())


INSTITUTION_WORDS = {"region", "regions", "etat", "departement", "prefet", "prefete", "prefecture",
                     "conseil", "ministre", "ministere", "president", "presidente", "agence", "anct",
                     "bpifrance", "banque", "ademe", "operateurs", "elus", "industriels", "commune",
                     "communes", "metropole", "intercommunalite", "gouvernement", "france"}
# (from the start of a run of blanks only: a hostile run is not read again from each of its blanks)
SIGNED = re.compile(r"(?<!\s)\s++(?:ayant|ont|avaient|avait|a)\s+(?:d[ée]j[àa]\s+)?sign[ée]\s+"
                    r"(?:leurs?|son|sa|un|une|des|les)\s+(?:propres?\s+)?(?:protocoles?|contrats?|pactes?)",
                    re.IGNORECASE)


# The common noun heading a subject of names, no part of the first name
SUBJECT_HEAD = re.compile(r"\s*(?:[Ll]es|[Ll]e|[Cc]es)\s+territoires?\s+(?=[A-ZÀ-Ý])")
# "le territoire voisin de Bazancourt – Pomacle, centré sur …, signera son protocole l'an prochain"
TERRITORY_SIGNING = re.compile(r"\b[Ll]e\s+territoire\s+(?:voisin\s+)?(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])"
                               r"(?P<name>[A-ZÀ-Ý][^,.;:()«»\n]{1,80}?)\s*(?:,[^,.;:\n]{1,80},)?\s+"
                               r"(?:signera|signe|a\s+sign[ée]|doit\s+signer|va\s+signer)\s+(?:son|sa)\s+(?:protocole|contrat)\b")


def signatories(text: str) -> list[TerritoryMention]:
    """Proper names coordinated as the subject of signing a protocol or contract, or the one
    territory named as such ("le territoire voisin de X … signera son protocole")."""
    found = []
    for match in TERRITORY_SIGNING.finditer(text):
        mention = make_mention(text, match.start("name"), match.end("name"), "territory.signatories", (), match.end())
        if mention and not set(mention.territory_id.split("-")) & INSTITUTION_WORDS:
            found.append(mention)
    for verb in SIGNED.finditer(text):
        sentence_start = max(text.rfind(". ", 0, verb.start()), text.rfind(".\n", 0, verb.start()),
                             text.rfind("\n\n", 0, verb.start()))
        start = sentence_start + 2 if sentence_start >= 0 else 0
        subject = text[start:verb.start()]
        if not subject.strip() or len(subject.split()) > 16:
            continue
        head = SUBJECT_HEAD.match(subject)  # "Les territoires A et B avaient déjà signé …": A and B
        start += head.end() if head else 0
        # "A, dans le Haut-Rhin, et B, dans la Marne, avaient signé …": where each lies, set off by
        # commas, is blanked before the names are parted
        scan = text[:start] + GLOSS_COMMAS.sub(lambda m: " " * len(m.group()), text[start:verb.start()])
        end = len(scan.rstrip(" ,")) if scan != text[:verb.start()] else verb.start()
        items = [(s, s + len(scan[s:e].rstrip())) for s, e in split_inline_list(scan, start, end, r",\s+|\s+et\s+")]
        mentions = [make_mention(text, s, e, "territory.signatories", (), verb.end()) for s, e in items]
        # Every part must be a capitalised proper name, or the subject is prose.
        if mentions and all(m and all(w[:1].isupper() or w in CONNECTORS for w in m.name.split())
                            and not set(m.territory_id.split("-")) & INSTITUTION_WORDS
                            for m in mentions):
            found.extend(mentions)
    return found





def entities_in_label_sentences(text: str, entities: list[tuple[int, int, str]], places: list[PlaceMention]) -> list[TerritoryMention]:
    """NER candidates: an entity in a sentence about labels that says "territoire", which is not
    a place of the referential nor an intercommunality."""
    folded = fold(text)
    found = []
    for start, end, _label in entities:
        sentence_start, sentence_end = sentence_bounds(text, start)
        sentence = folded[sentence_start:sentence_end]
        if not (LABELLING.search(sentence) and "territoire" in sentence):
            continue
        if any(p.start <= start and end <= p.end for p in places) or INTERCOMMUNALITY_FORM.match(folded[start:end]):
            continue
        mention = make_mention(text, start, end, "territory.ner", (), sentence_end)
        if mention:
            found.append(mention)
    return found


