"""The CriticMarkup plugin: fixture pairs, the token stream, note numbering, located problems."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.utils import read_fixture_file
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.footnote import footnote_plugin

from sitegen.markup import criticmarkup
from sitegen.markup.criticmarkup import CriticProblem, criticmarkup_plugin

FIXTURES = Path(__file__).parent / "fixtures" / "criticmarkup.md"
ALLOWED = ["id", "class", "person", "topic", "by", "rating"]
# Elements that may appear inside <p>; anything else would break the paragraph apart.
NO_SEPARATOR = "CriticMarkup correction '{~~' without '~>' (expected '{~~old~>new~~}')"
PHRASING = {"a", "code", "del", "em", "ins", "input", "label", "mark", "s", "span", "strong", "br"}


def make_parser(**options) -> MarkdownIt:
    """The parser sitegen configures, with the plugin under test last."""
    md = MarkdownIt("commonmark", {"html": False, "typographer": False, **options})
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin).use(attrs_plugin, spans=True, allowed=ALLOWED)
    return md.use(criticmarkup_plugin)


MD = make_parser()


def render(text: str) -> tuple[str, dict]:
    env: dict = {}
    return MD.render(text, env), env


def problems(text: str) -> list[CriticProblem]:
    env: dict = {}
    MD.parse(text, env)
    return env.get("critic_problems", [])


@pytest.mark.parametrize(
    "line,title,text,expected",
    read_fixture_file(FIXTURES),
    ids=[case[1] for case in read_fixture_file(FIXTURES)],
)
def test_fixtures(line, title, text, expected):
    assert MD.render(text) == expected, f"{FIXTURES.name}:{line}: {title}"


def test_rule_runs_before_strikethrough_and_emphasis():
    names = MD.inline.ruler.get_active_rules()
    position = names.index("criticmarkup")
    assert position < names.index("strikethrough") < names.index("emphasis")


def test_note_after_claim_span_keeps_its_inline_tokens():
    tokens = MD.parse("[It rained]{.claim rating=false}{>>No, *sun*.<<}")
    [inline] = [t for t in tokens if t.type == "inline"]
    types = [t.type for t in inline.children]
    assert types == [
        "span_open", "text", "span_close",
        "critic_note_open", "text", "em_open", "text", "em_close", "text", "critic_note_close",
    ]
    span, note = inline.children[0], inline.children[3]
    assert span.attrs["class"] == "claim"
    assert note.meta == {"number": 1, "anchored": False}
    assert inline.children[6].content == "sun"


def test_anchored_note_tokens_link_mark_and_note():
    [inline] = [t for t in MD.parse("{==span==}{>>note<<}") if t.type == "inline"]
    types = [t.type for t in inline.children]
    assert types == [
        "critic_annotated_open", "critic_anchor_open", "text", "critic_anchor_close",
        "critic_annotated_close", "critic_note_open", "text", "critic_note_close",
    ]
    anchor, note = inline.children[1], inline.children[5]
    assert anchor.attrs["aria-describedby"] == note.attrs["id"] == "note-1-text"
    assert note.meta == {"number": 1, "anchored": True}


def test_correction_tokens_carry_both_wordings():
    [inline] = [t for t in MD.parse("{~~old *x*~>new~~}") if t.type == "inline"]
    types = [t.type for t in inline.children]
    assert types[:2] == ["critic_correction_open", "critic_old_open"]
    assert types[-3:] == ["text", "critic_new_close", "critic_correction_close"]
    assert "em_open" in types[: types.index("critic_old_close")]


def test_notes_are_numbered_per_document():
    text = "a{>>one<<}\n\nb {==c==}{>>two<<}\n\n- d{>>three<<}\n"
    html, env = render(text)
    assert env["critic_note_count"] == 3
    labels = BeautifulSoup(html, "html.parser").select("label.sidenote-number")
    assert [label.get_text() for label in labels] == ["1", "2", "3"]
    # A fresh document starts again at 1, so articles never renumber each other's notes.
    assert BeautifulSoup(render("x{>>n<<}")[0], "html.parser").label.get_text() == "1"


def test_notes_are_accessible_and_valid_inside_a_paragraph():
    text = "The {==538 electors==}{>>One *per* [seat](https://example.org)<<} vote.{>>Dec 19.<<}"
    html, _ = render(text)
    page = BeautifulSoup(html, "html.parser")
    paragraph = page.p
    assert {tag.name for tag in paragraph.find_all(True)} <= PHRASING
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids))
    for label in page.select("label.sidenote-number"):
        toggle = page.find(id=label["for"])
        assert toggle.name == "input" and toggle["type"] == "checkbox"
        assert toggle.find_next_sibling() is not None
        assert "sidenote" in toggle.find_next_sibling()["class"]
        assert toggle.find_next_sibling()["role"] == "note"
    mark = page.mark
    described = page.find(id=mark["aria-describedby"])
    assert described.get_text() == "One per seat"
    assert page.find(id="note-ref-2").name == "label"  # a point note's anchor is its label


def test_input_follows_xhtml_option():
    plain = make_parser(xhtmlOut=False).render("a{>>n<<}")
    assert re.search(r'<input type="checkbox" id="note-1" class="margin-toggle">', plain)
    assert '<input type="checkbox" id="note-1" class="margin-toggle" />' in MD.render("a{>>n<<}")


@pytest.mark.parametrize(
    "text,shown,message",
    [
        ("x {>>note", "x {>>note", "unclosed CriticMarkup note '{>>' (expected '<<}')"),
        ("x {==span", "x {==span", "unclosed CriticMarkup highlight '{==' (expected '==}')"),
        ("x {++ins", "x {++ins", "unclosed CriticMarkup insertion '{++' (expected '++}')"),
        ("x {--del", "x {--del", "unclosed CriticMarkup deletion '{--' (expected '--}')"),
        ("x {~~a~>b", "x {~~a~>b", "unclosed CriticMarkup correction '{~~' (expected '~~}')"),
        ("x {~~a~~}", "x {~~a~~}", NO_SEPARATOR),
        (
            "[x {>>n<<}](https://e.org)",
            "x {>>n<<}",
            "CriticMarkup note '{>>' inside link text (move it after the link)",
        ),
    ],
)
def test_malformed_marks_stay_text_and_are_reported_once(text, shown, message):
    html, env = render(text)
    assert env["critic_problems"] == [CriticProblem(0, message)]
    assert BeautifulSoup(html, "html.parser").get_text().strip() == shown


def test_problem_lines_count_from_the_top_of_the_source():
    text = (
        "{==first line\n"        # 0
        "still the first paragraph\n"
        "third {>>line\n"        # 2
        "\n"
        "another paragraph\n"    # 4
        "its second {++line\n"   # 5
        "\n"
        "> quoted\n"
        "> {--in a quote\n"      # 8
        "\n"
        "- item\n"
        "  more {~~a~~}\n"       # 11
        "\n"
        "Inline ^[a footnote\n"
        "with {==x] here.\n"     # 14
    )
    found = [(p.line, p.message.split("'")[1]) for p in problems(text)]
    expected = [(0, "{=="), (2, "{>>"), (5, "{++"), (8, "{--"), (11, "{~~"), (14, "{==")]
    assert sorted(found) == expected


def test_problem_in_a_table_cell_names_its_row():
    text = "| a | b |\n|---|---|\n| x | y |\n| z | {>>w |\n"
    assert [p.line for p in problems(text)] == [3]


def test_problem_inside_a_span_label_is_reported_once():
    # The span's label is looked ahead at before it is parsed, so the mark is seen twice.
    text = "[said {~~its~~} vote]{.quote by=x}"
    assert problems(text) == [CriticProblem(0, NO_SEPARATOR)]


def test_env_keeps_no_internal_state():
    _, env = render("a {==b==}\n\nc {>>d\n")
    assert set(env) <= {"critic_note_count", "critic_problems", "footnotes"}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="{}=~<>+-ab \n*", max_size=80))
def test_letters_are_never_dropped_or_duplicated(text):
    """Whatever the marks, well-formed or not, every letter reaches the HTML exactly once."""
    # A line opening with ~~~ is a code fence, and the words after it are its language: not
    # text. So is one inside a quote or a list item (">~~~a", "- ~~~a").
    assume(not re.search(r"^(?:[ >]|[-*+] )*~~~", text, re.MULTILINE))
    html, _ = render(text)
    page = BeautifulSoup(html, "html.parser")
    for label in page.select("label.sidenote-number"):
        label.decompose()
    shown = page.get_text()
    assert (shown.count("a"), shown.count("b")) == (text.count("a"), text.count("b"))
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids))


# Pieces that make closers hide inside constructs: code spans, links, images, autolinks,
# escapes, inline footnotes, attribute spans and nested marks.
HIDING_PIECES = ["{==", "==}", "{>>", "<<}", "{~~", "~>", "~~}", "{++", "++}", "{--", "--}", "`", "``", "[", "]",
                 "](x)", "![", "^[", "\\", "<", ">", "<http://a.b/>", "{.claim}", "{", "}", "*", "~", "=", "+", "-",
                 "&amp;", "\n", " ", "a", "!", "^", "[^1]"]


def render_by_lookahead(text: str) -> tuple[str, dict]:
    """``render`` with closers found one token at a time (criticmarkup._find_by_lookahead)."""
    searched_by_find = criticmarkup._find
    criticmarkup._find = criticmarkup._find_by_lookahead
    try:
        return render(text)
    finally:
        criticmarkup._find = searched_by_find


@pytest.mark.parametrize("text", ["{++[a++}](x)++}", "{++`a++}`++}", "{++^[a++}]++}", "{++<http://a.b/++}>++}",
                                  "{++\\++}++}", "{++{==a++}==}++}", "{++![a++}](x.png)++}"])
def test_a_closer_inside_a_construct_is_skipped_with_it(text):
    """Link, code span, inline footnote, autolink, escape, nested mark, image: the ++} inside
    belongs to them, and the mark closes at the last one."""
    html, env = render(text)
    assert html == render_by_lookahead(text)[0]
    assert html.startswith('<p><ins class="editorial-insert">') and "</ins></p>" in html  # one mark, whole
    assert "critic_problems" not in env


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(HIDING_PIECES), max_size=40).map("".join))
def test_closers_are_found_where_markdown_its_lookahead_finds_them(text):
    """The closer search reads plain stretches with str.find and skips constructs whole: the
    same HTML and problems as stepping through every token with markdown-it's lookahead."""
    fast_env: dict = {}
    fast = MD.render(text, fast_env)
    slow, slow_env = render_by_lookahead(text)
    assert fast == slow
    assert fast_env.get("critic_problems") == slow_env.get("critic_problems")
