"""Article pages of this repository's archive in Chromium: sidenotes and the "as published" switch.

Both are CSS only (a checkbox and its label), so only a real browser laying out the page can
tell whether a note sits in the margin, opens on a phone, or disappears when it should.
"""

from __future__ import annotations

import difflib

import pytest
from playwright.sync_api import expect

from browser.conftest import REPO

ARTICLES = sorted(path.parent.name for path in (REPO / "content" / "articles").glob("*/index.md"))
WIDE, PHONE = {"width": 1400, "height": 900}, {"width": 390, "height": 844}
ARCHIVE_ONLY = "ins.corrected, ins.editorial-insert, .sidenote, .sidenote-number, [data-editorial]"
PUBLISHED_WORDING = "del.as-published, del.editorial-delete"
MAX_TABS = 150  # more key presses than a seed article has links and checkboxes in a row

pytestmark = pytest.mark.parametrize("slug", ARTICLES)


def open_article(tab, seed_archive: str, slug: str, viewport: dict) -> None:
    tab.set_viewport_size(viewport)
    tab.goto(f"{seed_archive}articles/{slug}/")


def note_for(tab, label):
    """The sidenote a numbered label opens: the note right after the label's checkbox."""
    return tab.locator(f"#{label.get_attribute('for')} + .sidenote")


def test_sidenotes_sit_in_the_margin_on_a_wide_screen(tab, seed_archive: str, slug: str):
    open_article(tab, seed_archive, slug, WIDE)
    body = tab.locator(".article-body").bounding_box()
    notes = tab.locator(".article-body .sidenote").all()
    assert notes
    previous_bottom = 0.0
    for note in notes:
        expect(note).to_be_visible()
        box = note.bounding_box()
        assert box["x"] >= body["x"] + body["width"], note.inner_text()  # right of the text column
        assert box["x"] + box["width"] <= WIDE["width"], note.inner_text()  # still on the screen
        assert box["y"] >= previous_bottom, note.inner_text()  # below the previous note, not on it
        previous_bottom = box["y"] + box["height"]


def test_sidenotes_open_on_a_phone_when_their_number_is_clicked(tab, seed_archive: str, slug: str):
    open_article(tab, seed_archive, slug, PHONE)
    labels = tab.locator(".article-body label.sidenote-number").all()
    assert labels
    expect(tab.locator(".article-body .sidenote:visible")).to_have_count(0)
    for label in labels:
        note = note_for(tab, label)
        label.click()
        expect(note).to_be_visible()
        box = note.bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"]
        label.click()
        expect(note).to_be_hidden()


def tab_to(tab, element_id: str, focused: list[str]) -> None:
    """Press Tab until ``element_id`` has the focus, noting in ``focused`` each element it passes."""
    for _ in range(MAX_TABS):
        tab.keyboard.press("Tab")
        focused.append(tab.evaluate("document.activeElement.id"))
        if focused[-1] == element_id:
            return
    pytest.fail(f"#{element_id} not reached after {MAX_TABS} presses of Tab")


def test_sidenotes_open_on_a_phone_from_the_keyboard(tab, seed_archive: str, slug: str):
    open_article(tab, seed_archive, slug, PHONE)
    toggles = tab.locator(".article-body input.margin-toggle").evaluate_all("inputs => inputs.map(i => i.id)")
    assert toggles
    focused: list[str] = []
    tab_to(tab, toggles[0], focused)
    label = tab.locator(f"label[for={toggles[0]}]")
    assert label.evaluate("l => getComputedStyle(l).outlineStyle") != "none"  # the number shows focus
    note = tab.locator(f"#{toggles[0]} + .sidenote")
    expect(note).to_be_hidden()
    tab.keyboard.press("Space")
    expect(note).to_be_visible()
    tab.keyboard.press("Space")
    expect(note).to_be_hidden()

    tab_to(tab, toggles[-1], focused)
    assert [name for name in focused if name in toggles] == toggles  # every note, in reading order


def visible_among(tab, selector: str) -> list[str]:
    return tab.locator(".article-body").evaluate(
        "(body, selector) => [...body.querySelectorAll(selector)].filter(e => e.checkVisibility())"
        ".map(e => e.outerHTML.slice(0, 120))", selector)


def departures(visible: list[str], original: list[str]) -> list[str]:
    """Where ``visible`` is not one contiguous run of ``original``'s words; [] when it is one.

    The capture around the article (its headline, page furniture, comments) may be left out,
    so words of the original missing before the first or after the last visible word are fine.
    """
    operations = difflib.SequenceMatcher(None, original, visible, autojunk=False).get_opcodes()
    while operations and operations[0][0] == "delete":
        operations.pop(0)
    while operations and operations[-1][0] == "delete":
        operations.pop()
    return [f"original {original[i1:i2]} but page {visible[j1:j2]}"
            for tag, i1, i2, j1, j2 in operations if tag != "equal"]


def test_as_published_switch_leaves_the_original_text(tab, seed_archive: str, slug: str):
    original = (REPO / "content" / "articles" / slug / "original.txt").read_text(encoding="utf-8").split()
    open_article(tab, seed_archive, slug, WIDE)
    body = tab.locator(".article-body")
    assert visible_among(tab, ARCHIVE_ONLY)
    assert departures(body.inner_text().split(), original)  # the archive's marks show at first

    tab.click("label[for=as-published]")
    expect(tab.locator("#as-published")).to_be_checked()
    assert visible_among(tab, ARCHIVE_ONLY) == []
    published = tab.locator(f".article-body :is({PUBLISHED_WORDING})").all()
    assert published
    text_color = body.evaluate("b => getComputedStyle(b).color")
    for wording in published:
        expect(wording).to_be_visible()
        style = wording.evaluate("e => [getComputedStyle(e).textDecorationLine, getComputedStyle(e).color]")
        assert style == ["none", text_color], wording.inner_text()  # plain text, not struck through
    words = body.inner_text().split()
    assert len(words) > 100
    assert departures(words, original) == []

    tab.click("label[for=as-published]")  # and back: the notes return
    expect(tab.locator(".article-body .sidenote").first).to_be_visible()
