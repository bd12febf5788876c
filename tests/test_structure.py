"""The structure stage on each layout it must read: lists of every marker, sub-list headings,
"label : value" lines, lines without markers, inline lists, and where a list ends."""

import re

import pytest

from pipeline.extract.structure import Span, parse, runs_joined_by


def contents(text, lst):
    return [item.content.of(text) for item in lst.items]


def test_markers_of_every_kind_make_one_list_each():
    for marker in ["•", "-", "- ", "* ", "▪", "➢", "1.", "1)", "a)", "\uf0b7", "✅", "–"]:
        gap = "" if marker.endswith(" ") or marker == "-" else " "
        text = f"Les territoires retenus sont :\n{marker}{gap}Vallée Haute\n{marker}{gap}Pays Clair (39)\n"
        structure = parse(text)
        assert len(structure.lists) == 1, marker
        lst = structure.lists[0]
        assert contents(text, lst) == ["Vallée Haute", "Pays Clair (39)"], marker
        assert lst.intro.of(text) == "Les territoires retenus sont :"


def test_glued_hyphen_items_separated_by_blank_lines_stay_one_list():
    text = "Liste des territoires :\n\n-Mont Clair\n\n-Vallée Haute\n\n-Pays Bas\n\nLe programme continue."
    lst = parse(text).lists[0]
    assert contents(text, lst) == ["Mont Clair", "Vallée Haute", "Pays Bas"]


def test_hyphens_inside_words_and_bold_are_not_markers():
    text = "Que va-t-il se passer ?\n**Un titre en gras**\n-la suite en minuscules\n"
    assert parse(text).lists == []


def test_unrelated_sentence_on_the_next_line_ends_the_list():
    text = ("Trois territoires ont été retenus :\n• Alpha Nord\n• Beta Sud\n"
            "Dans le cadre de ce plan, l'État consacre une enveloppe.\n")
    lst = parse(text).lists[0]
    assert contents(text, lst) == ["Alpha Nord", "Beta Sud"]
    assert text[lst.span.start:lst.span.end] == "• Alpha Nord\n• Beta Sud"


def test_lower_case_line_continues_its_item():
    text = "Les lauréats :\n- Alpha Nord qui inclut\nnotamment Gamma\n- Beta Sud\n"
    assert contents(text, parse(text).lists[0]) == ["Alpha Nord qui inclut\nnotamment Gamma", "Beta Sud"]


def test_label_value_items_and_inline_parts():
    text = ("Les 4 lauréats sont :\n"
            "• Renouvellement des territoires existants : Alpha (09) ; Beta Gamma (11-31) ; Delta.\n"
            "• « Epsilon » : CA du Val, CC des Monts\n")
    lst = parse(text).lists[0]
    first, second = lst.items
    assert first.field.label.of(text) == "Renouvellement des territoires existants"
    assert [p.of(text) for p in first.parts] == ["Alpha (09)", "Beta Gamma (11-31)", "Delta"]
    assert second.field.label.of(text) == "« Epsilon »"
    assert second.field.value.of(text) == "CA du Val, CC des Monts"
    assert second.parts == []


def test_sub_list_headings_between_items():
    text = ("Les lauréats de la région sont :\n\nRenouvellement :\n- Alpha\n- Beta\n"
            "Nouveaux territoires :\n- Gamma\n\nFin du communiqué.")
    lst = parse(text).lists[0]
    assert contents(text, lst) == ["Alpha", "Beta", "Gamma"]
    assert [h.of(text) for h in lst.headings] == ["Renouvellement :", "Nouveaux territoires :"]
    assert [item.heading.of(text) for item in lst.items] == ["Renouvellement :", "Renouvellement :",
                                                             "Nouveaux territoires :"]
    assert lst.intro.of(text) == "Les lauréats de la région sont :"


def test_bulleted_sub_headings_with_nested_items():
    text = "Ils sont :\n• Territoires reconduits :\n  ◦ Alpha\n  ◦ Beta\n• Nouveaux territoires :\n  ◦ Gamma\n"
    lst = parse(text).lists[0]
    assert contents(text, lst) == ["Alpha", "Beta", "Gamma"]
    assert lst.items[2].heading.of(text) == "Nouveaux territoires :"


def test_group_labels_without_colon_head_their_items_nested_or_not():
    """"- Territoires renouvelés" (an HTML <li><strong>…</strong><ul>) names no territory."""
    nested = ("Quinze lauréats :\n- Territoires renouvelés\n  - Alpha (39)\n  - Beta (25)\n"
              "- Nouveaux lauréats\n  - Gamma (70)\n")
    flat = "Quinze lauréats :\n- Territoires renouvelés\n- Alpha (39)\n- Beta (25)\n- Nouveaux lauréats\n- Gamma (70)\n"
    for text in (nested, flat):
        lst = parse(text).lists[0]
        assert contents(text, lst) == ["Alpha (39)", "Beta (25)", "Gamma (70)"]
        assert [h.of(text) for h in lst.headings] == ["Territoires renouvelés", "Nouveaux lauréats"]
    members = "Deux territoires :\n- Territoire Alpha\n  - CC du Val\n- Beta Sud\n  - Beta Agglo\n"
    assert [item.field.label.of(members) for item in parse(members).lists[0].items] == ["Territoire Alpha", "Beta Sud"]


def test_lines_without_markers_under_an_intro():
    text = "Les territoires labellisés :\nAlpha Nord\nBeta Sud\nGamma\n\nUne phrase de corps de texte qui suit la liste."
    lst = parse(text).lists[0]
    assert lst.kind == "lines"
    assert contents(text, lst) == ["Alpha Nord", "Beta Sud", "Gamma"]


def test_inline_list_after_a_colon_on_one_line():
    text = "Premier paragraphe. Les territoires suivants sont retenus : Alpha (09) ; Beta ; Gamma Sud."
    lst = parse(text).lists[0]
    assert lst.kind == "inline"
    assert contents(text, lst) == ["Alpha (09)", "Beta", "Gamma Sud"]
    assert lst.intro.of(text) == "Les territoires suivants sont retenus : "


def test_intro_is_the_last_sentence_and_context_the_paragraph():
    text = "Une phrase avant. Dix d'entre eux concernent la région :\n• Alpha\n• Beta\n"
    lst = parse(text).lists[0]
    assert lst.intro.of(text) == "Dix d'entre eux concernent la région :"
    assert lst.context.of(text) == "Une phrase avant. Dix d'entre eux concernent la région :"


def test_label_value_lines_and_lookups():
    text = "Territoire : Alpha Nord\nContact : service presse\nÀ 10:30, une réunion.\n• Un item\n• Deux"
    structure = parse(text)
    assert [(f.label.of(text), f.value.of(text)) for f in structure.fields] == [
        ("Territoire", "Alpha Nord"), ("Contact", "service presse")]
    position = text.index("Deux")
    lst, item = structure.item_at(position)
    assert item.content.of(text) == "Deux" and structure.list_at(position) is lst
    assert structure.item_at(0) is None


def test_every_span_is_grounded_in_the_text():
    text = "Intro :\n•\tAlpha  \n•\u00a0Beta ; Gamma\n"
    for lst in parse(text).lists:
        for item in lst.items:
            assert text[item.content.start:item.content.end] == item.content.of(text)
            assert not item.content.of(text).startswith(("•", " ", "\t"))


def test_headings_without_colon_between_sub_lists_of_an_html_page():
    text = ("La région compte trois lauréats :\n\nTerritoires renouvelés\n\n- Alpha (09)\n- Beta (11)\n\n"
            "Nouveaux territoires\n\n- Gamma (32)\n\nChaque lauréat pourra recruter un chef de projet.")
    structure = parse(text)
    assert len(structure.lists) == 1
    lst = structure.lists[0]
    assert contents(text, lst) == ["Alpha (09)", "Beta (11)", "Gamma (32)"]
    assert lst.intro.of(text) == "La région compte trois lauréats :"
    assert [h.of(text) for h in lst.headings] == ["Territoires renouvelés", "Nouveaux territoires"]


def test_name_then_description_lines_without_markers_are_items():
    from pipeline.extract.structure import parse
    text = ("Dans la Manche, deux territoires ont été retenus, qui réunissent quatre intercommunalités :\n\n"
            "Nord-Cotentin : communauté d'agglomération du Cotentin et communauté de communes de la Baie du Cotentin\n"
            "Sud-Manche : Mont-Saint-Michel-Normandie et Villedieu Intercom\n\n"
            "La Normandie en compte dix au total.\n"
            "Ils seront accompagnés selon leur plan d'actions :\n"
            "Les plans d'actions s'organisent en 4 axes : transition écologique, innovation et foncier.\n"
            "Pour en savoir plus : le dossier de presse\n")
    lists = parse(text).lists
    assert [[item.field.label.of(text) for item in lst.items] for lst in lists] == [["Nord-Cotentin", "Sud-Manche"]]


def test_an_item_wrapped_over_lines_as_a_pdf_wraps_it_stays_one_item():
    text = ("Cinq territoires ont été labellisés, il s'agit de :\n\n"
            "* Territoire d'industrie Rives de la Mécanique (25) regroupant la CU Grand Besançon\n"
            "Métropole et la CC du Pays de Maîche.\n"
            "* Territoire d'industrie Vallée Haute (25) regroupant la CC Altitude 800 et la CC\n"
            "Entre Doubs et Loue.\n\n"
            "Ces territoires porteront 272 projets.\n")
    items = [text[item.content.start:item.content.end] for block in parse(text).lists for item in block.items]
    assert len(items) == 2
    assert items[0].endswith("CC du Pays de Maîche.") and items[1].endswith("Entre Doubs et Loue.")


def test_a_markdown_table_is_read_as_a_table():
    text = ("| Territoire | EPCI |\n|---|:---:|\n| Nord Cotentin | CA du Cotentin |\n"
            "| Comminges - Nestes | CC Neste Barousse |\n")
    (table,) = parse(text).tables
    assert [cell.of(text) for cell in table.header] == ["Territoire", "EPCI"]
    assert [[cell.of(text) for cell in row] for row in table.rows] == [
        ["Nord Cotentin", "CA du Cotentin"], ["Comminges - Nestes", "CC Neste Barousse"]]


def test_lines_of_a_spreadsheet_exported_with_semicolons_are_a_table():
    text = ("maj;12/01/2024;;\n;;;\nid;territoire;dep;epci\nA-1;Alpha;54;CC du Val\nA-1;Alpha;54;CC des Monts\n"
            ";;;\n\nLes membres sont : CC du Val ; CC des Monts ; CC du Lac.\n")
    tables = parse(text).tables
    assert len(tables) == 1
    assert [c.of(text) for c in tables[0].header] == ["id", "territoire", "dep", "epci"]
    assert [row[3].of(text) for row in tables[0].rows] == ["CC du Val", "CC des Monts"]


def test_bare_numbers_of_a_map_legend_before_coded_names_are_markers():
    text = "LÉGENDE\n 1  Alpha Nord (79 – 86)\n      CC du Val · CC des Monts\n 2  Beta (86)\n12 à 14  voir carton\n"
    lst = parse(text).lists[0]
    assert [item.content.of(text).split("\n")[0] for item in lst.items] == ["Alpha Nord (79 – 86)", "Beta (86)"]
    assert parse("Le 12  novembre 2019, Alpha (79) a signé.\n").lists == []


def test_bare_numbers_of_a_map_legend_before_square_bracketed_codes_are_markers():
    text = "LÉGENDE\n 13  Alpha Nord [54-57]\n 14  Beta [2A]\n 15  Gamma [971]\n"
    lst = parse(text).lists[0]
    assert [item.content.of(text) for item in lst.items] == ["Alpha Nord [54-57]", "Beta [2A]", "Gamma [971]"]
    assert parse("Voir la note 12  [page 3]\n").lists == []


def test_lines_parted_by_tabs_are_a_table():
    text = "Les territoires sont :\nTerritoire\tDépartement\nPays Basque\tPyrénées-Atlantiques\nLimoges Métropole\t\tHaute-Vienne\n"
    (table,) = parse(text).tables
    assert [cell.of(text) for cell in table.header] == ["Territoire", "Département"]
    assert [[cell.of(text) for cell in row] for row in table.rows] == [
        ["Pays Basque", "Pyrénées-Atlantiques"], ["Limoges Métropole", "Haute-Vienne"]]
    # one tab in one line is no table
    assert parse("Contact :\tservice presse\nSuite du texte.\n").tables == []


def test_a_sentence_ending_with_a_colon_after_a_list_opens_a_new_list():
    text = ("Chaque territoire disposera des appuis suivants :\n• Ingénierie de projet\n• Offre de services\n\n"
            "Dans le Gard, deux territoires ont été retenus :\n• Alpha Nord\n• Beta Sud\n\n"
            "Chaque territoire s'engagera sur deux priorités :\n• Compétences\n• Foncier\n")
    lists = parse(text).lists
    assert [contents(text, lst) for lst in lists] == [["Ingénierie de projet", "Offre de services"],
                                                      ["Alpha Nord", "Beta Sud"], ["Compétences", "Foncier"]]
    assert lists[1].intro.of(text) == "Dans le Gard, deux territoires ont été retenus :"
    assert all(lst.headings == [] for lst in lists)


def test_letters_after_h_are_markers_too():
    text = "Dix territoires :\n" + "".join(f"{letter}) Nom {letter.upper()}\n" for letter in "abcdefghij")
    lst = parse(text).lists[0]
    assert contents(text, lst)[-2:] == ["Nom I", "Nom J"]


def test_page_numbers_and_running_lines_inside_a_list_are_skipped():
    text = ("AGENCE RÉGIONALE\nLes territoires retenus sont :\n• Alpha Nord\n• Beta\n"
            "Agence régionale – Note n° 3                          Page 1 / 2\n\nAGENCE RÉGIONALE\n"
            "• Gamma Sud\n• Delta\n- 2 -\n")
    lst = parse(text).lists[0]
    assert contents(text, lst) == ["Alpha Nord", "Beta", "Gamma Sud", "Delta"]


def test_a_no_break_space_after_a_bullet_is_a_gap():
    for space in ("\u00a0", "\u202f"):
        text = f"Trois territoires ont été retenus :\n•{space}Alpha Nord ;\n•{space}Beta ;\n•{space}La Tour du Gamma – Delta Est.\n"
        assert contents(text, parse(text).lists[0]) == ["Alpha Nord ;", "Beta ;", "La Tour du Gamma – Delta Est."]


def test_furniture_written_once_at_a_page_break_inside_a_list_is_skipped():
    """A first page has no running header: a footer and a header of capitals, a column gap or a
    date stand between the list's items, and the page number tells the break."""
    for header in ("COMMUNIQUÉ DE PRESSE – Territoires d'industrie          23/11/2018", "TERRITOIRES D'INDUSTRIE EN NORMANDIE"):
        text = ("Les territoires retenus sont :\n- Alpha Nord ;\n- Beta ;\n\n"
                "Préfecture de région – 7 place de la Gare          1/2\n\n" + header + "\n\n- Gamma Sud ;\n- Delta.\n")
        assert contents(text, parse(text).lists[0]) == ["Alpha Nord ;", "Beta ;", "Gamma Sud ;", "Delta."]
    heading = "Les territoires retenus sont :\n- Alpha ;\n- Beta ;\n\n1/2\n\nNOUVEAUX TERRITOIRES :\n\n- Gamma ;\n- Delta.\n"
    lst = parse(heading).lists[0]  # a heading ending with a colon stays the sub-list's heading
    assert [h.of(heading) for h in lst.headings] == ["NOUVEAUX TERRITOIRES :"]


def test_a_rule_line_and_a_header_repeated_from_the_first_page_are_page_furniture():
    """A PDF read as text marks the page's edge with a line of dashes, and the next page repeats
    one piece of the first page's header ("Communiqué de presse", written first beside the date)."""
    text = ("PRÉFET DE L'ALPHA\nCommuniqué de presse          Alphaville, le 2 mai 2024\n\n"
            "Les territoires retenus sont :\n- Alpha Nord ;\n- Beta ;\n\n"
            "Préfecture de l'Alpha – 1 rue Haute          Page 1 sur 2\n" + "-" * 40 + "\n"
            "PRÉFET DE L'ALPHA\nCommuniqué de presse\n\n- Gamma Sud ;\n- Delta.\n")
    assert contents(text, parse(text).lists[0]) == ["Alpha Nord ;", "Beta ;", "Gamma Sud ;", "Delta."]


def test_lines_counted_by_the_paragraph_above_make_a_list_without_a_colon():
    text = ("Avec trois territoires labellisés, le département confirme sa place. Le Département les suivra.\n\n"
            "Alpha Nord\nBeta Sud\nGamma\n\nLe président a salué la nouvelle.\n")
    lst = parse(text).lists[0]
    assert lst.kind == "lines" and contents(text, lst) == ["Alpha Nord", "Beta Sud", "Gamma"]
    assert lst.intro.of(text).startswith("Avec trois territoires")
    other = "Le préfet a reçu les élus le 2 décembre.\n\nContact presse\nService communication\n"
    assert parse(other).lists == []


def test_a_comments_section_under_a_paragraph_that_counts_is_no_list():
    """probes110 06: "Commentaires (3)" and its notice under a paragraph counting two territories
    are the page's chrome, not the two names it counts; two names there are still a list."""
    text = ("Avec deux territoires labellisés, la Haute-Loire confirme sa place. Le Département les suivra.\n\n"
            "Commentaires (3)\nVous devez être abonné pour commenter.\n\nLe président a salué la nouvelle.\n")
    assert parse(text).lists == []
    names = text.replace("Commentaires (3)\nVous devez être abonné pour commenter.",
                         "Brioude Sud Auvergne\nMarches du Velay Rochebaron")
    lst = parse(names).lists[0]
    assert lst.kind == "lines" and contents(names, lst) == ["Brioude Sud Auvergne", "Marches du Velay Rochebaron"]


def test_tab_separated_rows_with_empty_last_cells_stay_in_the_table():
    text = "Territoire\tDépartement\tChef de projet\nAlpha\tGard\toui\nBeta\tAude\t\n"
    table = parse(text).tables[0]
    assert [row[0].of(text) for row in table.rows] == ["Alpha", "Beta"]
    assert table.rows[1][2].of(text) == ""


def test_empty_cells_of_a_table_row_keep_their_place_and_a_total_row_ends_the_table():
    """An HTML row with empty cells is written "a | | c", "a | b |" or "| b | c": each empty cell
    is a cell, so the row stays in its table; a "Total" row is the table's foot, no row."""
    text = ("| Territoire | Observations\nAlpha | Gard |\nBeta | | renouvelé\n"
            "Gamma | Aude | nouveau\n**Total** | | 3\n")
    (table,) = parse(text).tables
    assert [[cell.of(text) for cell in row] for row in [table.header, *table.rows]] == [
        ["", "Territoire", "Observations"], ["Alpha", "Gard", ""], ["Beta", "", "renouvelé"],
        ["Gamma", "Aude", "nouveau"]]


def test_text_columns_of_a_pdf_make_a_table_whose_first_cell_may_run_over_two_lines():
    text = ("Territoire                 Département        Date\n"
            "Alpha – Beta -             Gard               2 juin\n"
            "Gamma\n"
            "Delta Nord                 Aude               5 juin\n\nFin.\n")
    tables = parse(text).tables
    assert len(tables) == 1
    table = tables[0]
    assert [table.cell_text(text, row, 0) for row in range(2)] == ["Alpha – Beta -\nGamma", "Delta Nord"]
    assert [row[1].of(text) for row in table.rows] == ["Gard", "Aude"]


def test_a_pdf_cell_filling_its_column_is_parted_at_the_next_column_s_start():
    text = ("Territoire          Dép.    Filière\n"
            "Alpha Beta (inter-  12-46   bois\n"
            "régional)\n"
            "Gamma Delta Nord  81      textile\n"
            "Epsilon             09      mécanique\n\nFin.\n")
    table = parse(text).tables[0]
    assert [table.cell_text(text, row, 0) for row in range(3)] == [
        "Alpha Beta (inter-\nrégional)", "Gamma Delta Nord  81", "Epsilon"]
    assert [row[1].of(text) for row in table.rows] == ["12-46", "", "09"]


def test_a_tab_separated_row_starting_with_tabs_has_its_first_cells_empty():
    text = ("Territoire\tDépartement\tEPCI\tSIREN\n"
            "Alpha\t25\tCA Alpha\t200000001\n"
            "\t\tCC Beta\t200000002\n"
            "Gamma\t39\tCA Gamma\t200000003\n"
            "\t70\tCC Delta\t200000004\n\nFin.\n")
    tables = parse(text).tables
    assert len(tables) == 1
    assert [[cell.of(text) for cell in row] for row in tables[0].rows] == [
        ["Alpha", "25", "CA Alpha", "200000001"], ["", "", "CC Beta", "200000002"],
        ["Gamma", "39", "CA Gamma", "200000003"], ["", "70", "CC Delta", "200000004"]]


@pytest.mark.parametrize("rule", ["-------+------+------", "+------+------+------+", "=======+======+======"])
def test_a_plain_text_grid_s_rule_and_a_first_cell_wrapped_over_rows(rule):
    text = ("Territoire | Dépt | Filière\n" + rule + "\n"
            "Alpha –    | 12   | bois\n"
            "Beta       |      |\n"
            "Val de     | 46   | textile\n"
            "Gamma      |      |\n"
            "Delta      | 81   | chimie\n"
            "  | 09   | verre\n"
            "Nord de    | 31   | mécanique\n"
            "la Garonne |      |\n\nFin.\n")
    tables = parse(text).tables
    assert len(tables) == 1
    table = tables[0]
    assert [table.cell_text(text, row, 0) for row in range(len(table.rows))] == [
        "Alpha –\nBeta", "Val de\nGamma", "Delta", "", "Nord de\nla Garonne"]
    assert [row[1].of(text) for row in table.rows] == ["12", "46", "81", "09", "31"]


def test_a_first_cell_of_a_pdf_table_going_on_in_lower_case_is_one_cell():
    text = ("Territoire                 Départements concernés\n"
            "Alpha – Portes             Gard, Aude\n"
            "de Beta\n"
            "Delta Nord                 Aude\n\nFin.\n")
    table = parse(text).tables[0]
    assert [table.cell_text(text, row, 0) for row in range(2)] == ["Alpha – Portes\nde Beta", "Delta Nord"]


def test_sub_items_indented_deeper_are_the_value_of_their_item():
    text = ("Les deux territoires suivants :\n• Alpha Nord\n    ◦ Communauté de communes du Val\n"
            "    ◦ Communauté de communes des Monts\n• Beta Sud\n    ◦ Beta Agglo\n")
    lst = parse(text).lists[0]
    assert [item.field.label.of(text) for item in lst.items] == ["Alpha Nord", "Beta Sud"]
    assert lst.items[1].field.value.of(text) == "Beta Agglo"
    headed = "Les lauréats :\n• Nouveaux territoires :\n  - Alpha\n  - Beta\n"
    assert contents(headed, parse(headed).lists[0]) == ["Alpha", "Beta"]


def test_roman_numerals_in_capitals_and_degree_numbers_are_markers():
    for first, second in (("I.", "II."), ("1°)", "2°)"), ("1°", "2°")):
        text = f"Deux territoires :\n{first} ALPHA NORD\n{second} Beta Sud\n"
        assert contents(text, parse(text).lists[0]) == ["ALPHA NORD", "Beta Sud"], first


def test_a_numbered_list_goes_on_over_paragraphs_between_its_items():
    text = ("Les trois territoires sont les suivants :\n\n1. Alpha Nord\n\nCe territoire réunit la vallée.\n\n"
            "2. Beta\n\nIl s'étend jusqu'à la mer.\n\n3. Gamma Sud\n\nContact presse.\n")
    assert contents(text, parse(text).lists[0]) == ["Alpha Nord", "Beta", "Gamma Sud"]
    bullets = "Les territoires :\n\n- Alpha\n\nUne phrase sans rapport.\n\n- Beta\n"
    assert len(parse(bullets).lists[0].items) == 1  # only numbers say the list goes on


def test_a_short_heading_with_its_count_in_brackets_heads_a_sub_list():
    text = ("Cinq territoires sont labellisés :\n\nAlpha (2)\n\n- Nord Un\n- Sud Deux\n\nBeta (1)\n\n- Val Trois\n\n"
            "Suite du texte.\n")
    lst = parse(text).lists[0]
    assert contents(text, lst) == ["Nord Un", "Sud Deux", "Val Trois"]
    assert [h.of(text) for h in lst.headings] == ["Alpha (2)", "Beta (1)"]
    assert lst.intro.of(text) == "Cinq territoires sont labellisés :"
    aside = "Le programme (2).\n\n- Un\n- Deux\n"  # a sentence ending with a bracket heads nothing
    assert parse(aside).lists[0].headings == []


def test_name_and_description_lines_counted_by_the_paragraph_above_are_a_list():
    text = ("Trois territoires sont retenus pour la phase.\n\nAlpha Nord : Reconduit. Mécanique.\n"
            "Beta Sud : Nouveau. Plasturgie.\nGamma : Reconduit. Bois.\n\nFin.\n")
    lst = parse(text).lists[0]
    assert [item.field.label.of(text) for item in lst.items] == ["Alpha Nord", "Beta Sud", "Gamma"]
    record = ("Trois territoires sont retenus pour la phase.\n\nDépartements : Aisne\n"
              "Intercommunalités : A ; B\nContact : x@y.fr\n\nFin.\n")
    assert [lst.kind for lst in parse(record).lists] == ["inline"]  # a record's fields are no names
    uncounted = ("Deux territoires sont retenus.\n\nAlpha Nord : Reconduit.\nBeta Sud : Nouveau.\nGamma : Bois.\n")
    assert [lst.kind for lst in parse(uncounted).lists] == []


def test_an_asterisk_footnote_under_a_list_is_no_item():
    for gap in ("\n", ""):
        text = (f"Trois territoires sont retenus :\n\n- Alpha\n- Beta Nord*\n- Gamma**\n{gap}"
                "* Territoire partagé avec un autre département.\n** Nouvel entrant.\n\nFin.\n")
        assert contents(text, parse(text).lists[0]) == ["Alpha", "Beta Nord*", "Gamma**"], repr(gap)
    starred = "Les territoires :\n\n* Alpha*\n* Beta\n"  # a list marked with asterisks goes on
    assert contents(starred, parse(starred).lists[0]) == ["Alpha*", "Beta"]
    uncalled = "Les territoires :\n\n- Alpha\n- Beta\n* Gamma\n"
    assert contents(uncalled, parse(uncalled).lists[0]) == ["Alpha", "Beta", "Gamma"]
    # g28dept: after a blank line, the note makes no list of its own either
    noted = "Les territoires :\n\n- Alpha\n- Beta Nord*\n\n* Territoire interrégional, qui englobe aussi des communes.\n"
    assert [contents(noted, lst) for lst in parse(noted).lists] == [["Alpha", "Beta Nord*"]]


def test_a_table_of_contents_makes_a_list_per_section():
    # the reader writes each dot leader as " : "
    text = ("SOMMAIRE\n\nAvant-propos : 3\nLe programme : 5\n\nProtocoles signés dans le Doubs\n"
            "  Haut-Doubs Horloger : 7\n  Moyen Doubs : 15\n\nAnnexes : 23\n\n"
            "LE PROGRAMME EN CHIFFRES\nTerritoires en France : 146\nTerritoires en région : 15\n")
    lists = parse(text).lists
    assert [(lst.kind, lst.intro.of(text), contents(text, lst)) for lst in lists] == [
        ("contents", "SOMMAIRE", ["Avant-propos", "Le programme"]),
        ("contents", "Protocoles signés dans le Doubs", ["Haut-Doubs Horloger", "Moyen Doubs"])]


def test_an_intro_wrapped_over_lines_is_the_whole_sentence():
    text = ("Titre\n\nNantes, le 8 décembre 2023. La Région salue la labellisation de\n"
            "quatre territoires d'industrie en Sarthe et en\nMayenne :\n\n- Le Mans Métropole ;\n- Laval Agglomération.\n")
    lst = parse(text).lists[0]
    assert lst.intro.of(text) == "La Région salue la labellisation de\nquatre territoires d'industrie en Sarthe et en\nMayenne :"


def test_item_at_finds_each_item_of_a_long_list_by_bisection():
    text = "Répartition des territoires :\n" + "".join(f"- Région {i} : {i}\n" for i in range(3000))
    structure = parse(text)
    for i in (0, 1, 1500, 2999):
        position = text.index(f"Région {i} :")
        lst, item = structure.item_at(position)
        assert item.content.of(text).startswith(f"Région {i} :")
        assert structure.list_at(position) is lst
    assert structure.item_at(0) is None and structure.item_at(len(text)) is None


def test_an_epci_name_cut_over_two_lines_of_a_list_stays_one_item():
    """g40lists: a narrow column or a PDF cuts a name after its legal form (and the word opening
    the name), before a connector or after a dangling "de": one item, not two."""
    text = ("Il réunit :\nCommunauté d'agglomération\nGrand Lac\nCommunauté d'agglomération du Grand\n"
            "Chambéry\nCommunauté de communes du Pays\nde Fayence\nCommunauté de communes de la Région de\n"
            "Bar-sur-Aube\n\nUne phrase de corps de texte qui suit la liste.")
    lst = parse(text).lists[0]
    assert [item.replace("\n", " ") for item in contents(text, lst)] == [
        "Communauté d'agglomération Grand Lac", "Communauté d'agglomération du Grand Chambéry",
        "Communauté de communes du Pays de Fayence", "Communauté de communes de la Région de Bar-sur-Aube"]
    text = "Il réunit :\n- Communauté d'agglomération Grand Lac\n- Communauté d'agglomération du Grand\nChambéry\n"
    assert contents(text, parse(text).lists[0])[-1] == "Communauté d'agglomération du Grand\nChambéry"


def test_names_on_lines_of_their_own_are_separate_items():
    """g40lists: a line holding a whole name, the next a name of its own, capitalised: two items."""
    text = "Il réunit :\nCommunauté d'agglomération Grand Lac\nGrand Chambéry\nCC Arve et Salève\nLa Roche-sur-Foron\n"
    assert contents(text, parse(text).lists[0]) == ["Communauté d'agglomération Grand Lac", "Grand Chambéry",
                                                    "CC Arve et Salève", "La Roche-sur-Foron"]


def test_a_table_written_one_cell_per_line_keeps_its_rows():
    text = ("Bénéficiaire\nTerritoire\nTaux\nAide régionale\n"
            "CA du Boulonnais\nBoulogne-sur-Mer\n50 %\n35 000 €\n"
            "CA Douaisis Agglo\nDouaisis\n50 %\n30 000 €\n"
            "Total\n65 000 €\n")
    table = parse(text).tables[-1]
    assert [cell.of(text) for cell in table.header] == ["Bénéficiaire", "Territoire", "Taux", "Aide régionale"]
    assert [[cell.of(text) for cell in row][:2] for row in table.rows] == [
        ["CA du Boulonnais", "Boulogne-sur-Mer"], ["CA Douaisis Agglo", "Douaisis"]]


def test_a_table_of_territories_and_departements_written_one_cell_per_line_reads_in_pairs():
    """g63p57: "Territoire" / "Département(s)", then a name and its départements a row; a name that
    is a département's ("Vosges" / "Vosges") keeps its place; a row without départements ends it."""
    text = ("Territoire\nDépartement(s)\nNord Lorraine\nMeurthe-et-Moselle, Moselle\n"
            "Vitry-le-François – Saint-Dizier – Bar-le-Duc\nMarne, Haute-Marne et Meuse\nVosges\nVosges\n"
            "Sud Alsace\nHaut-Rhin (68)\nDéveloppement\nIndustrie\n")
    table = parse(text).tables[-1]
    assert [[cell.of(text) for cell in row] for row in table.rows] == [
        ["Nord Lorraine", "Meurthe-et-Moselle, Moselle"],
        ["Vitry-le-François – Saint-Dizier – Bar-le-Duc", "Marne, Haute-Marne et Meuse"],
        ["Vosges", "Vosges"], ["Sud Alsace", "Haut-Rhin (68)"]]


def test_a_list_of_names_one_per_line_is_no_table():
    text = "Territoires retenus\nDouaisis\nCalaisis\nGrand Hainaut\nSambre-Avesnois\nLens-Liévin\nSaint-Omer\n"
    assert parse(text).tables == []


def test_a_tab_separator_matches_as_spaces_then_tabs_from_any_space_did():
    """TAB_SEPARATOR's spaces are matched from the first of their run (a line of 10,000 spaces was
    read again from each of them): the same matches as "[ ]*\\t+[ ]*" on every line of spaces,
    tabs and a letter up to 8 characters."""
    import itertools
    import re

    from pipeline.extract.structure import TAB_SEPARATOR

    for length in range(9):
        for characters in itertools.product(" \ta", repeat=length):
            line = "".join(characters)
            assert [m.span() for m in re.finditer(TAB_SEPARATOR, line)] == \
                [m.span() for m in re.finditer(r"[ ]*\t+[ ]*", line)], repr(line)


def test_a_tree_of_marked_lines_reads_its_level_above_the_leaves_as_items():
    """Région > département > territory > members: the territories are the items, their members
    their sub-items (a "label : value" field), the région and the départements headings."""
    text = ("Les territoires :\n\n- Région Une\n  - Département A\n    - Vallée Haute\n      - CC Une\n"
            "      - CC Deux\n  - Département B\n    - Pays Clair\n      - CC Trois\n      - CC Quatre\n")
    lst = parse(text).lists[0]
    assert [item.field.label.of(text) for item in lst.items] == ["Vallée Haute", "Pays Clair"]
    assert [item.heading.of(text) for item in lst.items] == ["Département A", "Département B"]
    assert lst.items[1].field.value.of(text).split() == ["CC", "Trois", "-", "CC", "Quatre"]


def test_departement_bullets_over_o_sub_items_are_headings_and_a_lone_one_with_members_an_item():
    text = ("Ils se répartissent ainsi :\n\n• Cher\n    o Berry-Sologne\n• Indre\n"
            "    o Châteauroux – Buzançais – Argenton\n    o Issoudun\n\nLa Région les accompagnera.")
    lst = parse(text).lists[0]
    assert contents(text, lst) == ["Berry-Sologne", "Châteauroux – Buzançais – Argenton", "Issoudun"]
    assert [item.heading.of(text) for item in lst.items] == ["Cher", "Indre", "Indre"]
    # a territory named after its département, over its members: one item, no heading
    text = ("Le territoire retenu est :\n\n• Ariège\n    o Pays de Tarascon\n    o Pays Foix-Varilhes\n\n"
            "Le préfet salue les élus.")
    lst = parse(text).lists[0]
    assert [item.heading for item in lst.items] == [None]
    # nor over sub-items naming intercommunalities, even when another département bullet follows
    text = ("Les territoires retenus sont :\n\n• Vosges\n    o Communauté d'agglomération d'Épinal\n"
            "• Tarn\n    o Communauté d'agglomération de l'Albigeois\n\nFin.")
    assert [item.heading for item in parse(text).lists[0].items] == [None, None]


def test_an_advert_between_two_items_of_one_marker_does_not_cut_the_list():
    text = ("Le Grand Est compte treize territoires :\n\n- Nord Est Ardenne\n- Moselle Est\n\nPUBLICITÉ\n"
            "Abonnez-vous pour 1 € le premier mois\n\n- Alsace centrale\n- Vosges\n\nLes contrats suivront.")
    lists = parse(text).lists
    assert len(lists) == 1
    assert contents(text, lists[0]) == ["Nord Est Ardenne", "Moselle Est", "Alsace centrale", "Vosges"]
    # a sentence between them is no chrome: two lists
    text = text.replace("Abonnez-vous pour 1 € le premier mois", "Les élus attendent les crédits.")
    assert len(parse(text).lists) == 2
    # right under an item, a line that reads as a byline goes on with it
    text = "Deux territoires :\n- Flers – Argentan, porté\npar Flers Agglo\n- L'Aigle – Mortagne\n\nFin."
    assert contents(text, parse(text).lists[0]) == ["Flers – Argentan, porté\npar Flers Agglo", "L'Aigle – Mortagne"]


def test_count_words_are_french_counts_from_two_to_ninety_nine_read_whole():
    """A region counts up to 29 territories ("vingt-neuf"), a territory dozens of EPCIs: every
    count word has the value text2num gives it, and a pattern joining them reads "dix-sept" whole."""
    from text_to_num import text2num

    from pipeline.extract.structure import COUNT_WORDS, INTRO_COUNT

    assert {word: value for word, value in COUNT_WORDS.items() if text2num(word, "fr") != value} == {}
    assert set(COUNT_WORDS.values()) == set(range(2, 100))
    assert {"vingt et un", "vingt-et-un", "soixante et onze", "quatre-vingts", "quatre-vingt-un"} <= set(COUNT_WORDS)
    assert INTRO_COUNT.findall("Les dix-sept territoires retenus :") == ["dix-sept"]
    assert INTRO_COUNT.findall("les quatre-vingt-dix-neuf autres, vingt et un ici :") == ["quatre-vingt-dix-neuf", "vingt et un"]


def test_lines_naming_their_departements_in_brackets_are_a_list_without_a_colon_above():
    text = ("ANNEXE\n\nBRETAGNE — 3 territoires\n  Lannion-Trégor (Côtes-d'Armor)\n"
            "  Guingamp-Paimpol (Côtes-d'Armor)\n  Vitré (Ille-et-Vilaine)\n")
    lst = parse(text).lists[0]
    assert [item.content.of(text).strip() for item in lst.items] == [
        "Lannion-Trégor (Côtes-d'Armor)", "Guingamp-Paimpol (Côtes-d'Armor)", "Vitré (Ille-et-Vilaine)"]
    # a bracket naming no département makes no such line
    assert parse("Rencontre\n  Jean Martin (président)\n  Anne Durand (directrice)\n").lists == []


def test_a_heading_in_capitals_naming_departements_heads_the_name_lines_under_it():
    text = ("L'État accompagnera d'abord les territoires suivants :\n\nDOUBS / TERRITOIRE DE BELFORT\n"
            "Nord Franche-Comté : Pays de Montbéliard Agglomération et Grand Belfort\n\nSAÔNE-ET-LOIRE\n"
            "Creusot-Montceau : communauté urbaine Le Creusot Montceau-les-Mines\n")
    lst = parse(text).lists[0]
    assert [item.content.of(text).split(" :")[0] for item in lst.items] == ["Nord Franche-Comté", "Creusot-Montceau"]
    assert [text[item.heading.start:item.heading.end] for item in lst.items] == [
        "DOUBS / TERRITOIRE DE BELFORT", "SAÔNE-ET-LOIRE"]


def test_runs_joined_by_a_gap_part_where_something_else_stands_or_where_together_says_so():
    text = "A, B et C.\nD et E"
    names = [Span(text.index(letter), text.index(letter) + 1) for letter in "ECADB"]  # out of order
    joint = re.compile(r"\s*(?:,|et)\s*")
    assert [[text[n.start:n.end] for n in run] for run in runs_joined_by(names, text, joint)] == [
        ["A", "B", "C"], ["D", "E"]]
    # "together" parts B from C: two runs where the gap alone makes one
    apart = runs_joined_by(names, text, joint, lambda last, name: text[name.start] != "C")
    assert [[text[n.start:n.end] for n in run] for run in apart] == [["A", "B"], ["C"], ["D", "E"]]
    # an overlapping mention joins no run
    assert len(runs_joined_by([Span(0, 4), Span(3, 4)], "A, B", joint)) == 2
