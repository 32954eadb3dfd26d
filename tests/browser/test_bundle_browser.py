"""An article's bundle files opened directly in Chromium: nothing in them runs on the archive.

The SVG and XML files of test_hostile.SCRIPTED_XML are first opened as they are, to show that
each one's script does run in this browser; then the built archive's copies, which must not.
"""

from __future__ import annotations

import pytest

from browser.conftest import static_server
from conftest import article, build, write_files
from test_hostile import PLAIN_SVG, SCRIPTED_XML

# Those whose script runs on opening the file; the others run when the reader clicks (link),
# or once an animation or a second file is in play (animate, styled).
RUN_ON_OPENING = ["script.svg", "onload.svg", "foreign.svg", "entity.svg", "broken.svg", "xhtml.xml"]


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    """(the bundle folder, the built archive) of one article holding every file."""
    site = write_files(tmp_path_factory.mktemp("drawn"), {
        "content/articles/drawn/index.md": article("Drawn", "![Chart](chart.svg)"),
        "content/articles/drawn/chart.svg": PLAIN_SVG,
        **{f"content/articles/drawn/{name}": text for name, text in SCRIPTED_XML.items()},
    })
    result = build(site)
    assert result.exit_code == 0, result.output
    return site / "content" / "articles" / "drawn", site / "public"


def ran(tab, url: str, click: bool = False) -> bool:
    tab.goto(url)
    if click:
        tab.locator("text").first.click()
    tab.wait_for_timeout(100)
    return tab.evaluate("window.ran === 1")


@pytest.mark.parametrize("name", RUN_ON_OPENING)
def test_the_file_as_written_runs_its_script_in_this_browser(tab, drawn, name):
    folder, _ = drawn
    with static_server(folder) as origin:
        assert ran(tab, f"{origin}/{name}")


def test_a_link_to_script_runs_when_clicked_in_this_browser(tab, drawn):
    folder, _ = drawn
    with static_server(folder) as origin:
        assert ran(tab, f"{origin}/link.svg", click=True)


@pytest.mark.parametrize("name", sorted(SCRIPTED_XML))
def test_the_archive_copy_runs_nothing(tab, drawn, name):
    _, public = drawn
    with static_server(public) as origin:
        url = f"{origin}/articles/drawn/{name}.txt"
        assert not ran(tab, url)
        assert tab.evaluate("document.contentType") == "text/plain"
        assert tab.locator("body").inner_text() == SCRIPTED_XML[name]


def test_a_drawing_without_script_is_shown_in_the_article(tab, drawn):
    _, public = drawn
    with static_server(public) as origin:
        tab.goto(f"{origin}/articles/drawn/")
        image = tab.locator("article img[alt='Chart']")
        image.wait_for()
        assert tab.evaluate("img => img.complete && img.naturalWidth", image.element_handle()) == 40
