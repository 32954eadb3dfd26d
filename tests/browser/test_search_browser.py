"""The search page in Chromium, on a site served from a sub-path the way GitHub Pages serves it."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser.conftest import static_server
from test_search import FILTER_THEME, PETITION, VIGIL, build_searchable
from sitegen.load.frontmatter import split_front_matter
from sitegen.markup.published import reject_all

REPO = Path(__file__).resolve().parents[2]
VIGIL_TITLE = "Vigil Held In Downtown LA To Urge 538 Electors Not To Name Trump President"


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> str:
    """This repository's archive, built for /repo/ and served; yields the site's address."""
    www = tmp_path_factory.mktemp("www")
    build_searchable(REPO, www / "repo", base_url="/repo/")
    with static_server(www) as origin:
        yield origin + "/repo/"


def search(tab, address: str, query: str) -> None:
    tab.goto(address + "search/")
    expect(tab.locator("#search-form")).to_have_attribute("data-ready", "true")
    tab.fill("#search-query", query)


def result_link(tab, title: str):
    return tab.locator("#search-results li h2 a", has_text=title)


def test_search_finds_a_phrase_from_an_article(tab, archive: str):
    search(tab, archive, "hoping to sway those votes")
    link = result_link(tab, VIGIL_TITLE)
    expect(link).to_have_attribute("href", f"/repo/articles/{VIGIL}/")
    expect(tab.locator("#search-results mark").first).to_be_visible()
    link.click()
    expect(tab.locator("h1")).to_have_text(VIGIL_TITLE)  # the result's address works under /repo/


def test_search_finds_a_phrase_from_an_annotation(tab, archive: str):
    phrase = "Faith Spotted Eagle"
    body = split_front_matter((REPO / "content" / "articles" / VIGIL / "index.md").read_text(encoding="utf-8")).body
    assert phrase in body and phrase not in reject_all(body)  # only an editor's note says it
    search(tab, archive, phrase)
    expect(result_link(tab, VIGIL_TITLE)).to_have_attribute("href", f"/repo/articles/{VIGIL}/")


def test_search_finds_a_standalone_page_and_counts_it_as_a_result(tab, archive: str):
    search(tab, archive, "small on purpose")
    expect(result_link(tab, "About this archive")).to_have_attribute("href", "/repo/about/")
    expect(tab.locator("#search-status")).to_have_text("1 result found for “small on purpose”.")


def test_search_from_the_address_finds_a_reader_comment(tab, archive: str):
    tab.goto(archive + "search/?q=Is+Pence+any+better")
    expect(tab.locator("#search-query")).to_have_value("Is Pence any better")
    expect(tab.locator(f'#search-results a[href="/repo/articles/{PETITION}/"]')).to_have_count(1)


@pytest.fixture
def filtered(tmp_path: Path, site) -> str:
    """A small site whose article pages carry the search filters, served from /sub/."""
    www = tmp_path / "www"
    build_searchable(site(FILTER_THEME), www / "sub", base_url="/sub/")
    with static_server(www) as origin:
        yield origin + "/sub/"


def test_filters_narrow_the_results_without_a_query(tab, filtered: str):
    tab.goto(filtered + "search/")
    expect(tab.locator("#search-form")).to_have_attribute("data-ready", "true")
    expect(tab.locator(".search-filters")).to_be_visible()
    tab.select_option("#filter-person", "Ada Lovelace")
    titles = tab.locator("#search-results li h2 a")
    expect(titles).to_have_text(["The Engine"])
    assert "person=Ada+Lovelace" in tab.url  # the search can be bookmarked
    tab.select_option("#filter-person", "")
    tab.select_option("#filter-year", "Undated")
    expect(titles).to_have_text(["Undated Note"])
    tab.select_option("#filter-year", "1843")
    tab.fill("#search-query", "notes")
    expect(titles).to_have_text(["The Engine"])


def test_search_with_no_match_says_so(tab, filtered: str):
    search(tab, filtered, "xylophone")
    expect(tab.locator("#search-status")).to_have_text("0 results found for “xylophone”.")
    expect(tab.locator("#search-results li")).to_have_count(0)


@pytest.fixture
def in_blocks(tmp_path: Path, site, monkeypatch) -> str:
    """The filtered site indexed in two blocks (a large archive's way), served from /sub/."""
    monkeypatch.setattr("sitegen.search.BLOCK_PAGES", 1)
    www = tmp_path / "www"
    build_searchable(site(FILTER_THEME), www / "sub", base_url="/sub/")
    assert (www / "sub/pagefind/blocks.json").read_text(encoding="utf-8").strip() == '["block-1/"]'
    with static_server(www) as origin:
        yield origin + "/sub/"


def test_an_archive_indexed_in_blocks_is_searched_as_one(tab, in_blocks: str):
    titles = tab.locator("#search-results li h2 a")
    search(tab, in_blocks, "paper")  # in the first block's article
    expect(titles).to_have_text(["The Engine"])
    expect(titles).to_have_attribute("href", "/sub/articles/engine/")
    search(tab, in_blocks, "known")  # in the second's
    expect(titles).to_have_text(["Undated Note"])
    expect(titles).to_have_attribute("href", "/sub/articles/undated/")
    # The filters offer the values of both blocks, and narrow across them.
    expect(tab.locator("#filter-year option")).to_have_text(["any year", "Undated (1)", "1843 (1)"])
    tab.fill("#search-query", "")
    tab.select_option("#filter-year", "Undated")
    expect(titles).to_have_text(["Undated Note"])
