"""``sitegen serve`` in Chromium: an open page reloads after an edit, shows a broken build, recovers."""

from __future__ import annotations

import signal
from pathlib import Path

from playwright.sync_api import expect

from conftest import article, write_files
from test_serve import start_serve

RELOAD_TIMEOUT = 15_000  # ms: the watcher's debounce plus a build, with room for a slow machine


def test_dev_server_reloads_a_page_after_an_edit(tab, tmp_path: Path):
    root = write_files(tmp_path / "site", {
        "sitegen.yaml": "title: Live\n",
        "content/articles/first/index.md": article("First Title", "Some text.", date="2016-12-18"),
    })
    index = root / "content" / "articles" / "first" / "index.md"
    process, address = start_serve("--source", str(root), "--port", "0", "--base-url", "/repo/")
    try:
        tab.goto(address + "articles/first/")
        heading = tab.locator("h1")
        expect(heading).to_have_text("First Title")
        tab.evaluate("window.servedBeforeTheEdit = true")

        index.write_text(article("Second Title", "Some text.", date="2016-12-18"), encoding="utf-8")
        expect(heading).to_have_text("Second Title", timeout=RELOAD_TIMEOUT)
        assert tab.evaluate("window.servedBeforeTheEdit") is None  # reloaded, not patched in place

        index.write_text(article("Broken", date="2016-13-01"), encoding="utf-8")
        expect(heading).to_have_text("The site did not build", timeout=RELOAD_TIMEOUT)
        expect(tab.locator("#sitegen-errors")).to_contain_text("content/articles/first/index.md:3:")

        index.write_text(article("Third Title", date="2016-12-18"), encoding="utf-8")
        expect(heading).to_have_text("Third Title", timeout=RELOAD_TIMEOUT)
    finally:
        process.send_signal(signal.SIGTERM)
        output = process.communicate(timeout=10)[0]
    assert process.returncode == 0, output


def test_a_new_search_index_reloads_the_search_page_and_no_other(tab, tmp_path: Path):
    root = write_files(tmp_path / "site", {
        "sitegen.yaml": "title: Live\n",
        "content/articles/first/index.md": article("First Title", "Some text.", date="2016-12-18"),
    })
    index = root / "content" / "articles" / "first" / "index.md"
    process, address = start_serve("--source", str(root), "--port", "0")
    try:
        reading = tab
        searching = tab.context.new_page()
        reading.goto(address + "articles/first/")
        searching.goto(address + "search/")
        # The index is made in the background once the first build is served: the search page
        # is told, and reloads with it.
        expect(searching.locator("#search-form")).to_have_attribute("data-ready", "true", timeout=RELOAD_TIMEOUT)

        index.write_text(article("First Title", "A zebrafinch sang.", date="2016-12-18"), encoding="utf-8")
        expect(reading.locator(".article-body")).to_contain_text("zebrafinch", timeout=RELOAD_TIMEOUT)
        reading.evaluate("window.keptSinceTheEdit = true")
        # The edit's index comes after the edit's pages: the search page, reloaded for it, finds
        # the new word; the page being read is not reloaded again.
        expect(searching.locator("#search-form")).to_have_attribute("data-ready", "true", timeout=RELOAD_TIMEOUT)
        searching.fill("#search-query", "zebrafinch")
        expect(searching.locator("#search-results li h2 a")).to_have_text(["First Title"], timeout=RELOAD_TIMEOUT)
        assert reading.evaluate("window.keptSinceTheEdit") is True
    finally:
        process.send_signal(signal.SIGTERM)
        output = process.communicate(timeout=10)[0]
    assert process.returncode == 0, output
    assert "search index updated" in output
