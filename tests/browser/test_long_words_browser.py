"""German compounds and long names on a phone: they break inside the column rather than
widening the page (a headline of one 40-letter word made an article 1,088 px wide at 360)."""

from __future__ import annotations

import pytest

from browser.conftest import static_server
from conftest import article, build, write_files

PHONE = 360
WORD = "Donaudampfschifffahrtsgesellschaftskapitänswitwenrente"
NAME = "Verbandsvorsteherinstellvertreterin Ingrid Bolle-Wasserwirtschaftsverbandsdirektorin"


@pytest.fixture(scope="module")
def long_words_site(tmp_path_factory):
    site = write_files(tmp_path_factory.mktemp("long"), {
        "sitegen.yaml": "language: de\n",
        "content/people/ingrid-bolle.yaml": f"name: {NAME}\n",
        "content/topics/wasser.yaml": f"name: {WORD}\n",
        "content/articles/rente/index.md": article(
            f"{WORD} steigt", f"Die {WORD} steigt, sagte [Ingrid Bolle]{{person=ingrid-bolle}}.\n\n"
                              f"Siehe https://example.org/{WORD}/{WORD}/{WORD}.\n",
            date="2025-10-09", people=f"[{NAME}]", topics="[wasser]"),
    })
    result = build(site)
    assert result.exit_code == 0, result.output
    return site / "public"


@pytest.mark.parametrize("path", ["", "articles/rente/", "people/ingrid-bolle/", "topics/wasser/", "people/", "topics/"])
def test_long_words_do_not_widen_the_page_on_a_phone(tab, long_words_site, path):
    tab.set_viewport_size({"width": PHONE, "height": 800})
    with static_server(long_words_site) as origin:
        tab.goto(f"{origin}/{path}")
        assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE
