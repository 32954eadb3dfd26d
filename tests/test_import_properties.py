"""Generated inputs (Hypothesis): the importer never crashes and never loses a line or a byte."""

from __future__ import annotations

import string
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_plugin

from sitegen.importer import import_command
from sitegen.importer.analyse import NoArticle, analyse_text
from sitegen.importer.comments import all_lines
from sitegen.importer.document import bundle_files
from sitegen.importer.dumps import undo_tool_marks
from sitegen.importer.annotate import SECTION_RULE
from sitegen.importer.markdown import SECTION_BREAK, plain_text, render_line, without_list_marker
from sitegen.importer.registry import Registries, load_registries
from sitegen.importer.rules import generic_rules
from sitegen.importer.segment import BODY, COMMENT, TITLE, decode, segment, split_lines
from sitegen.importer.textutil import without_invisible

FIXTURES = Path(__file__).parent / "import_fixtures"
REGISTRIES = load_registries(FIXTURES / "site")[0]
INTERESTING = [
    "Watch CBS News", "View CBS News In", "Be the first to know", "Share this article",
    "Comments (3)", "Comments", "2 thoughts on “Anything”", "  1. First comment here.",
    "    1. A reply to it.", "  2. Don Roberts says:", "    Do we want that?", "Jane Roe wrote:",
    "March 4, 2019 at 9:15 pm", "LOS ANGELES (CBSLA.com) — The lede of the story goes here.",
    "WASHINGTON — Officials said on Monday that nothing happened.",
    '"We will win," said Jane Doe, a teacher at Lincoln High School.',
    "“It is over,” she said.", "Donald Trump met Hillary Clinton.", "By Jordan Reyes",
    "KCAL9's Brittney Hopper reports.", "# not a heading", "* not a list", "1. not a list",
    "[not a link](x)", "{++not an insertion++}", "a | b", "---", "===", "<b>raw</b>", "&amp;",
    "Published December 18, 2016", "until December 19", "", "   ", "\u00a0", "\t", "\ufeff",
    "• A bullet item.", "- another item", "2. The second step.", "3) A third.", "    carried on in lower case",
    "10:32", "2019 – The county proposes a bypass.", "Timeline",
    "x" * 300,
]
line = st.one_of(st.sampled_from(INTERESTING), st.text(max_size=60))
document = st.tuples(st.booleans(), st.lists(line, max_size=25),
                     st.sampled_from(["\n", "\r\n", "\r"]), st.booleans())


def build(bom: bool, lines: list[str], newline: str, final: bool) -> bytes:
    text = newline.join(lines) + (newline if final else "")
    return ("\ufeff" if bom else "").encode() + text.encode("utf-8", "surrogatepass")


@settings(max_examples=150, deadline=None)
@given(document)
@example((False, ["Comments", "\ufeff"], "\n", False))  # (a line of nothing a reader sees is blank)
@example((True, ["Head\u00adline of it here", "LONDON — It is a lede line\u200b here."], "\n", True))
def test_every_line_is_accounted_for(parts):
    raw = build(*parts)
    try:
        text = decode(raw)
    except ValueError:
        return      # lone surrogates from st.text are not UTF-8: a located error, tested elsewhere
    lines = tuple(map(without_invisible, split_lines(text)))  # (as a reader sees them: see analyse_lines)
    try:
        found = analyse_text(raw, None, REGISTRIES)
    except NoArticle:
        # (Compared only when the lines were read as they are: a page-to-text tool's marks
        # taken off give the segmenter other lines, e.g. a link wrapped over three joined.)
        if not undo_tool_marks(lines).undone:
            assert segment(lines, generic_rules()).numbers(BODY) == ()
        return
    roles = found.segments.roles
    # The lines read are the capture's, unless a page-to-text tool's marks were taken off
    # (dumps.py); then each read line names the capture's line it starts on, in order.
    read = found.segments.lines
    if found.undone:
        assert list(found.origin) == sorted(set(found.origin)) and set(found.origin) <= set(range(1, len(lines) + 1))
        assert len(found.origin) == len(read)
    else:
        assert read == lines and found.origin == ()
    assert len(roles) == len(read)
    for number, (role, text_line) in enumerate(zip(roles, read), 1):
        assert (role == "blank") == (not text_line.strip()), (number, role, text_line)
    # (a section break between the story's paragraphs is Markdown's rule, whatever its marks)
    body_lines = ["<rule>" if SECTION_BREAK.fullmatch(read[n - 1]) else without_list_marker(read[n - 1])
                  for n in found.segments.numbers(BODY)]
    assert ["<rule>" if m == SECTION_RULE else plain_text(m) for m in found.body.split("\n") if m] == body_lines
    assert all_lines(found.comments) == set(found.segments.numbers(COMMENT))
    if found.segments.numbers(TITLE):  # (a headline wrapped over two lines is read whole)
        assert found.title == " ".join(read[n - 1].strip() for n in found.segments.numbers(TITLE))
    assert bundle_files(found, raw, "original.txt")["original.txt"] == raw


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=400), document.map(lambda p: build(*p))))
def test_the_command_never_crashes_and_keeps_the_bytes(raw):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "capture.txt").write_bytes(raw)
        result = CliRunner().invoke(import_command, [
            str(root / "capture.txt"), "--source", str(root), "--into", str(root / "out")])
        assert result.exit_code in (0, 1), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(
            result.exception)
        originals = list((root / "out").glob("*/original.txt"))
        assert [o.read_bytes() for o in originals] == ([raw] if result.exit_code == 0 else [])


MD = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(attrs_plugin, spans=True)
SAFE = "".join(c for c in string.printable if c not in "\r\n\x0b\x0c") + "“”’—\u00a0é"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=SAFE, min_size=1, max_size=40).filter(str.strip))
def test_escaped_lines_render_to_their_own_text(text):
    html = MD.render(render_line(text, []))
    assert html.startswith("<p>") and html.endswith("</p>\n"), html
    assert _unescape_html(html[3:-5]) == text.strip()


def _unescape_html(fragment: str) -> str:
    import html
    return html.unescape(fragment)


def test_registries_fixture_loads_cleanly():
    registries, errors = load_registries(FIXTURES / "site")
    assert errors == () and registries != Registries()
