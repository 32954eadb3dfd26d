"""Sidenotes that pile up, in Chromium: themes/default/static/sidenotes.js.

As CSS floats, a note that does not fit beside its number goes below the note before it, so
several long notes close together drift ever further from their text. The script places each
note at its number, shortening the long ones above a note that would end up too far down.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser.conftest import static_server
from conftest import article, build_fixture_site

WIDE, PHONE = {"width": 1400, "height": 900}, {"width": 390, "height": 844}
LIMIT = max(160, WIDE["height"] / 3)  # how far below its number a note may start (sidenotes.js)


def long_note(topic: str) -> str:
    sentence = (f"The {topic} figures were checked against the council's published minutes, "
                "the auditor's letter and two interviews recorded at the time. ")
    return sentence * 6 + "[Minutes](https://example.org/minutes) and [letter](https://example.org/letter)."


PILED = f"""
The council met on Tuesday{{>>{long_note("budget")}<<}} and voted on the plan{{>>{long_note("vote")}<<}}
that the mayor proposed in March.

A second paragraph about {{==the meeting==}}{{>>A short note.<<}}, long enough to take a couple
of lines on a wide screen and to leave some room between the notes above and the ones below.

A third paragraph{{>>Another short note.<<}} with a little more to say about the meeting and
what the members of the committee said afterwards.

The last paragraph ends the article.{{>>{long_note("closing")}<<}}
"""


@pytest.fixture(scope="module")
def piled(tmp_path_factory):
    public = build_fixture_site(tmp_path_factory, {
        "content/articles/piled/index.md": article("Notes piled up", PILED, date="2024-03-05"),
    })
    with static_server(public) as origin:
        yield f"{origin}/articles/piled/"


def layout(tab) -> dict:
    """Where the body, each visible note and its number are, in page pixels."""
    return tab.evaluate("""() => {
        const box = (e) => { const r = e.getBoundingClientRect(); return {top: r.top + scrollY,
            bottom: r.bottom + scrollY, left: r.left, right: r.right}; };
        const body = document.querySelector(".article-body");
        const notes = [...body.querySelectorAll(".sidenote")].filter((n) => n.getClientRects().length);
        return {body: box(body), notes: notes.map((n) => ({...box(n),
            number: box(body.querySelector(`label[for="${n.previousElementSibling.id}"]`)),
            clipped: n.scrollHeight > n.clientHeight + 1, text: n.innerText.slice(0, 40)}))};
    }""")


def drifts(placed: dict) -> list[float]:
    return [note["top"] - note["number"]["top"] for note in placed["notes"]]


def assert_beside_their_text(placed: dict) -> None:
    previous_bottom = 0.0
    for note in placed["notes"]:
        assert note["left"] >= placed["body"]["right"], note  # in the margin
        assert note["right"] <= WIDE["width"], note  # on the screen
        assert note["top"] >= previous_bottom, note  # below the note before, never over it
        assert note["top"] >= note["number"]["top"] - 1, note  # never above its number
        previous_bottom = note["bottom"]


def first_shortened(tab):
    """The first note shown shortened (a locator by its id: the "first visible button" changes
    as notes are opened)."""
    note_id = tab.locator(".sidenote-more:visible").first.evaluate("button => button.parentElement.id")
    return tab.locator(f"#{note_id}")


def open_wide(tab, url: str) -> dict:
    tab.set_viewport_size(WIDE)
    tab.goto(url)
    tab.wait_for_load_state("load")
    return layout(tab)


def test_without_the_script_the_long_notes_drift_far_from_their_numbers(chromium, piled):
    # The fixture is a real pile: as plain floats, a note ends up more than LIMIT below its number.
    context = chromium.new_context(java_script_enabled=False)
    try:
        placed = open_wide(context.new_page(), piled)
    finally:
        context.close()
    assert_beside_their_text(placed)
    assert max(drifts(placed)) > LIMIT


def test_piled_up_notes_stay_near_their_numbers(tab, piled):
    placed = open_wide(tab, piled)
    assert len(placed["notes"]) == 5
    assert_beside_their_text(placed)
    assert max(drifts(placed)) <= LIMIT, drifts(placed)
    assert placed["notes"][0]["clipped"]  # the long note above the pile is shortened ...
    expect(tab.locator(".sidenote-more:visible")).not_to_have_count(0)  # ... with a button
    assert not placed["notes"][2]["clipped"] and not placed["notes"][3]["clipped"]  # short ones never
    # The body is as tall as its notes: the last one does not run over what follows it.
    assert placed["notes"][-1]["bottom"] <= placed["body"]["bottom"] + 1


def test_more_shows_the_whole_note_and_moves_the_others_down(tab, piled):
    open_wide(tab, piled)
    note = first_shortened(tab)
    button = note.locator(".sidenote-more")
    expect(button).to_have_attribute("aria-expanded", "false")
    button.click()
    expect(button).to_be_hidden()
    assert note.evaluate("n => n.scrollHeight <= n.clientHeight + 1")  # whole
    assert_beside_their_text(layout(tab))


def test_a_link_reached_in_a_shortened_note_shows_the_note_whole(tab, piled):
    open_wide(tab, piled)
    note = first_shortened(tab)
    link = note.locator("a").last  # in the part the shortened note hides
    assert note.evaluate("(n, link) => link.getBoundingClientRect().top > n.getBoundingClientRect().bottom",
                         link.element_handle())
    link.focus()
    expect(note.locator(".sidenote-more")).to_be_hidden()
    assert note.evaluate("n => n.scrollHeight <= n.clientHeight + 1")
    assert_beside_their_text(layout(tab))


def test_the_as_published_switch_hides_the_notes_and_gives_the_body_its_own_height(tab, piled):
    before = open_wide(tab, piled)
    tab.locator("label[for=as-published]").click()
    expect(tab.locator(".article-body .sidenote:visible")).to_have_count(0)
    assert tab.locator(".article-body").evaluate("b => b.style.minHeight") == ""
    tab.locator("label[for=as-published]").click()
    tab.wait_for_function("() => document.querySelector('.article-body').style.minHeight !== ''")
    assert layout(tab) == before


def test_on_a_phone_the_notes_open_from_their_numbers_again(tab, piled):
    open_wide(tab, piled)
    tab.set_viewport_size(PHONE)
    expect(tab.locator(".article-body .sidenote:visible")).to_have_count(0)
    label = tab.locator(".article-body label.sidenote-number").first
    label.click()
    note = tab.locator(f"#{label.get_attribute('for')} + .sidenote")
    expect(note).to_be_visible()
    box = note.bounding_box()
    assert 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"]
    assert note.evaluate("n => n.scrollHeight <= n.clientHeight + 1")  # whole, not shortened
