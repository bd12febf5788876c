"""The EPCI referential across millésimes (pipeline/data/referential, scripts/build_referential.py)."""

import importlib.util
import sys
from pathlib import Path

from pipeline import referential

ROOT = Path(__file__).resolve().parents[1]
SPEC = importlib.util.spec_from_file_location("build_referential", ROOT / "scripts" / "build_referential.py")
build = sys.modules.setdefault("build_referential", importlib.util.module_from_spec(SPEC))
SPEC.loader.exec_module(build)


def test_every_millesime_from_2019_to_the_newest_is_held():
    ref = referential.load()
    assert (ref.first_year, ref.current_year) == (2019, 2026)
    for year in range(2019, 2027):  # about 1,255 EPCIs each year, 1,273 SIRENs over the years
        assert 1250 <= sum(e.first_seen <= year <= e.last_seen for e in ref.epcis.values()) <= 1262
    assert len(ref.epcis) > 1260 and sum(ref.is_current(siren) for siren in ref.epcis) == 1255


def test_an_epci_merged_since_keeps_its_siren_years_and_successor():
    ref = referential.load()
    gone = ref.epcis["200033207"]  # CC Vierzon-Sologne-Berry, merged in 2020 under the same name
    assert (gone.first_seen, gone.last_seen, gone.successor_siren) == (2019, 2019, "200090561")
    assert not ref.is_current("200033207") and ref.is_current("200090561")
    assert ref.epcis["242700623"].successor_siren == "200089456"  # Eure-Madrie-Seine -> Seine-Eure
    assert ref.epcis["200069532"].successor_siren is None           # still there


def test_every_name_an_epci_bore_comes_with_its_years():
    names = {n.name: (n.first_seen, n.last_seen) for n in referential.load().epcis["200040947"].names}
    assert names["CA Coeur de Flandre"][1] == 2026
    assert names["CC de Flandre Intérieure"][0] == 2019
    assert "CC de Flandre Intérieure" in referential.load().epcis["200040947"].former_names


def test_every_successor_is_a_current_epci_and_no_epci_succeeds_itself():
    ref = referential.load()
    for epci in ref.epcis.values():
        if epci.successor_siren:
            assert ref.is_current(epci.successor_siren) and epci.successor_siren != epci.siren


def test_the_committed_files_stay_small():
    sizes = sum(path.stat().st_size for path in referential.DATA_DIR.iterdir())
    assert sizes < 300_000


def test_millesimes_are_read_from_the_readme_table_of_the_newest_edition():
    readme = ("| Année | Version du package | NPM |\n|---|---|---|\n"
              "| 2021  | 1.1.1 | `npm install …` |\n"
              "| 2020  | Non disponible, sauf EPCI 2020 avec 0.8.0 | … |\n"
              "| 2019  | 0.7 | … |\n| 2018 | 0.1 | … |\n")
    versions = ["0.7.0", "0.8.0", "0.9.0-5", "1.0.0", "1.1.1"]
    assert build.millesime_versions(readme, versions) == {2019: "0.7.0", 2020: "0.8.0", 2021: "1.1.1"}


def test_a_successor_holds_most_of_the_former_epcis_communes():
    history = {
        "A": build.EpciHistory("A", communes=frozenset({"01001", "01002", "01003"}), last_seen=2019),
        "B": build.EpciHistory("B", communes=frozenset({"01001", "01002", "01004"}), last_seen=2026),
        "C": build.EpciHistory("C", communes=frozenset({"02001", "02002"}), last_seen=2019),
        "D": build.EpciHistory("D", communes=frozenset({"02001"}), last_seen=2026),
        "E": build.EpciHistory("E", communes=frozenset({"02003"}), last_seen=2026),
        "F": build.EpciHistory("F", communes=frozenset({"03001", "03002", "03003"}), last_seen=2019),
        "G": build.EpciHistory("G", communes=frozenset({"03001"}), last_seen=2026),
    }
    # 01003 merged into the commune nouvelle 01004; 03002 and 03003 went to no current EPCI
    found = build.successors(history, 2026, {"01003": "01004", "02002": "02003"})
    assert found == {"A": "B"}  # C was split in two halves, F mostly left the EPCIs: no successor
