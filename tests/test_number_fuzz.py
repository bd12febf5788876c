"""Figure extraction on arbitrary number-like text: never an exception, always grounded rows.

Text is built from the pieces numbers are written with in communiqués (digits, French number
words, scales, units, "%", "M€", no-break and narrow no-break spaces, punctuation), in any order,
so that half-formed numbers ("1 2,", "vingt-et M€", "entre 3 à") are tried as well as real ones.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.figures import extract_figures

PIECES = [
    " ", "\u00a0", "\u202f", "\n", "\n\n", "\t",
    ",", ".", ";", ":", "-", "–", "/", "(", ")", "'", "’", "«", "»", "*", "_", "@", "#",
    "un", "une", "deux", "trois", "dix", "onze", "vingt", "vingt et un", "cinquante", "cent",
    "mille", "million", "millions", "milliard", "milliards", "une cinquantaine", "une centaine",
    "territoires", "Territoires d’industrie", "projets", "emplois", "euros", "d’euros", "de", "€",
    "EUR", "M€", "Md€", "k€", "%", "pour cent", "sites", "communes", "EPCI", "départements",
    "près de", "plus de", "environ", "entre", "et", "à", "sur", "dont", "d’entre eux", "sont",
    "le nombre de", "dans la région", "Aube", "Grand Est", "14 novembre 2023", "2023-2027",
    "03 25 42 35 00", "10025 Troyes", "www.aube.gouv.fr", "1er", "2e",
]
PIECE = st.one_of(st.sampled_from(PIECES), st.text(alphabet="0123456789 ,.\u00a0\u202f", max_size=8))


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(PIECE, max_size=30))
def test_figures_never_raise_and_every_row_is_grounded(pieces):
    text = "".join(pieces)
    for row in extract_figures(text, [(0, len(text))], []):
        assert text[row["start"]:row["end"]] == row["mention"] and row["mention"]
        assert row["value"] >= 0
        assert row["value_max"] is None or row["value_max"] >= 0
        assert row["sentence"] in text
