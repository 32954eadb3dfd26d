"""The importer on page furniture around a story: consent banners and their buttons, share rows,
bylines of two writers, comments answering a name with an initial, comments dated relatively
(synthetic captures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.importer.analyse import analyse_text
from sitegen.importer.registry import load_registries

FIXTURES = Path(__file__).parent / "import_fixtures"
REGISTRIES = load_registries(FIXTURES / "site")[0]


def analyse(text: str):
    return analyse_text(text.encode("utf-8"), None, REGISTRIES)


STORY = ("Harbor market will reopen in May after two years of repairs\n\nBy Dana Whitfield\nFebruary 3, 2025\n\n{row}\n\n"
         "PORT DALTON — The city said Monday that the harbor market would reopen in May after two years of repairs.\n\n"
         "The council will meet again in May.\n")


@pytest.mark.parametrize("row", ["Share  Tweet  Email  Print", "Share Tweet WhatsApp", "Share\tFacebook\tX\tEmail",
                                 "Partager : Facebook X WhatsApp E-mail", "Partager\u202f: Facebook X WhatsApp E-mail",
                                 "Partager  Facebook  X  WhatsApp", "Compartir:  Facebook  X  WhatsApp",
                                 "Teilen :  Facebook  WhatsApp  X  E-Mail"])
def test_share_rows_are_chrome_with_wide_gaps_and_a_space_before_the_colon(row):
    found = analyse(STORY.format(row=row))
    assert row.split()[0] not in found.body and found.body.startswith("PORT DALTON")
    assert "The council will meet again in May." in found.body
