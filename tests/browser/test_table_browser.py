"""A story's own table on a phone: it scrolls inside the story, the page does not widen."""

from __future__ import annotations

from browser.conftest import static_server
from conftest import article, build, write_files

PHONE = 360
# A table as the import writes a page's <table>: wider than a phone in any font.
WIDE_TABLE = "\n".join(["| Ward | Candidate | Party | Votes | Share | Change since 2019 | Turnout |",
                        "|---|---|---|---|---|---|---|"]
                       + [f"| Ashby North Ward {n} | Candidate Number {n} Of Many | Independent Alliance | 12,{n:03} |"
                          f" 41.{n} per cent | up 3.{n} points | 52.{n} per cent |" for n in range(6)])


def test_a_wide_table_scrolls_inside_the_story_on_a_phone(tab, tmp_path):
    site = write_files(tmp_path, {"content/articles/results/index.md": article(
        "Results", "The results, ward by ward:\n\n" + WIDE_TABLE + "\n\nTurnout was higher than in 2019.\n")})
    result = build(site)
    assert result.exit_code == 0, result.output
    tab.set_viewport_size({"width": PHONE, "height": 800})
    with static_server(site / "public") as origin:
        tab.goto(f"{origin}/articles/results/")
        table = tab.locator(".article-body table")
        assert table.evaluate("t => t.scrollWidth > t.clientWidth")  # (wider than the screen: it scrolls)
        assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE
        assert tab.locator(".article-body th").count() == 7
