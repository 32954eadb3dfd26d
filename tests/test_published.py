"""The text as published and as corrected, from annotated Markdown and from rendered HTML."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.footnote import footnote_plugin

from sitegen.markup.criticmarkup import criticmarkup_plugin
from sitegen.markup.published import accept_all, published_text_of_html, reject_all

ALLOWED = ["id", "class", "person", "topic", "by", "rating"]


def make_parser() -> MarkdownIt:
    """The parser sitegen configures."""
    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin).use(attrs_plugin, spans=True, allowed=ALLOWED)
    return md.use(criticmarkup_plugin)


MD = make_parser()


# --- reject_all / accept_all ----------------------------------------------------------------

@pytest.mark.parametrize(
    "text,published,corrected",
    [
        ("{~~Leveinson~>Levinson~~} said", "Leveinson said", "Levinson said"),
        ("According {++to ++}the law", "According the law", "According to the law"),
        ("on{--, on--} change.org", "on, on change.org", "on change.org"),
        ("{==538 electors==} vote", "538 electors vote", "538 electors vote"),
        ("the vote.{>>Dec 19.<<}", "the vote.", "the vote."),
        ("{==538==}{>>One per seat<<} x", "538 x", "538 x"),
        ("[Levinson]{person=jessica-levinson} said", "Levinson said", "Levinson said"),
        ("[claim]{.claim rating=false}{>>no, see [x](https://e.org)<<}.", "claim.", "claim."),
    ],
)
def test_each_mark(text, published, corrected):
    assert reject_all(text) == published
    assert accept_all(text) == corrected


@pytest.mark.parametrize(
    "text,published,corrected",
    [
        # nesting with emphasis, links and code spans
        ("*a {~~b~>c~~} d*", "*a b d*", "*a c d*"),
        ("{++*new* words ++}old", "old", "*new* words old"),
        ("[a {--b--} c](/e/{x})", "[a b c](/e/{x})", "[a  c](/e/{x})"),
        ("{>>see [a](https://e.org) and `{++x++}`<<}end", "end", "end"),
        ("`{~~a~>b~~}` {~~a~>b~~}", "`{~~a~>b~~}` a", "`{~~a~>b~~}` b"),
        ("{++a `++}` b++}!", "!", "a `++}` b!"),
        ("``{--x--}`` or `` ` `` {--y--}", "``{--x--}`` or `` ` `` y", "``{--x--}`` or `` ` `` "),
        # nested marks
        ("{==a {~~b~>c~~} d==}{>>e {++f++}<<}", "a b d", "a c d"),
        ("{--{++x ++}y--}", "y", ""),
        ("[“{~~its~>it's~~} vote”]{.quote by=x}", "“its vote”", "“it's vote”"),
        ("[a [b]{.x} c]{.y}", "a b c", "a b c"),
        # start and end of a line and of a paragraph, across soft line breaks
        ("{++Start ++}one\ntwo{-- end--}", "one\ntwo end", "Start one\ntwo"),
        ("one {==two\nthree==}{>>four\nfive<<}\nsix", "one two\nthree\nsix", "one two\nthree\nsix"),
        ("a {~~b\nc~>d~~} e", "a b\nc e", "a d e"),
        ("p1 {++x++}\n\n{--p2--} end\n", "p1 \n\np2 end\n", "p1 x\n\n end\n"),
    ],
)
def test_nesting_and_positions(text, published, corrected):
    assert reject_all(text) == published
    assert accept_all(text) == corrected


@pytest.mark.parametrize(
    "text",
    [
        "a {==b c",  # unclosed
        "{~~a~~} and ~~b~~",  # correction without ~>
        "x {>>note\n\nnext <<} paragraph",  # marks do not cross paragraphs
        "\\{++escaped++}",
        "[a link](https://e.org) and [brackets] {.x}",  # only [text]{attrs} is a span
        "[x]{>>note",
        "```\n{++code++} [x]{.y}\n```\n\n    {--indented code--}\n",
    ],
)
def test_what_is_not_a_mark_is_left_alone(text):
    assert reject_all(text) == text
    assert accept_all(text) == text


def test_marks_in_headings_tables_quotes_lists_and_footnotes():
    text = (
        "# Title{++ x++}\n"
        "\n"
        "| a | b |\n"
        "|---|---|\n"
        "| {~~y~>z~~} | {>>n<<}w |\n"
        "\n"
        "> q {--r\n"
        "> s--} t\n"
        "\n"
        "- u {++v++}\n"
        "- {--w--}\n"
        "\n"
        "[^1]: note {~~a~>b~~}\n"
    )
    assert reject_all(text) == (
        "# Title\n\n| a | b |\n|---|---|\n| y | w |\n\n> q r\n> s t\n\n- u \n- w\n\n[^1]: note a\n"
    )
    assert accept_all(text) == (
        "# Title x\n\n| a | b |\n|---|---|\n| z | w |\n\n> q  t\n\n- u v\n- \n\n[^1]: note b\n"
    )


# --- published_text_of_html -----------------------------------------------------------------

def test_published_text_of_html_keeps_the_published_wording():
    html = MD.render(
        "The {==538 electors==}{>>One per seat<<} vote {~~Monday~>Tuesday~~}{++ at noon++}.\n"
        "He said{--, said--} *no*.{>>Quote checked.<<}\n"
        "\n"
        "- Item `{++code++}`\n"
    )
    assert published_text_of_html(html) == (
        "The 538 electors vote Monday. He said, said no.\n\nItem {++code++}"
    )


def test_published_text_of_html_separates_blocks_and_reads_entities():
    html = "<h1>A &amp; B</h1><p>one<br />two   three</p><pre><code>x  y\n</code></pre><p>z</p>"
    assert published_text_of_html(html) == "A & B\n\none\ntwo three\n\nx  y\n\n\nz"


def test_published_text_of_html_hides_only_the_archive_additions():
    html = (
        '<p><ins class="corrected">new</ins><del class="as-published">old</del>'
        '<ins class="editorial-insert">added</ins><del class="editorial-delete">kept</del>'
        '<ins>other ins</ins><label for="n" class="sidenote-number">7</label>'
        '<input type="checkbox" id="n"><span class="sidenote">a <em>note</em></span>'
        '<span class="quote">quoted</span><a class="quote-by" data-editorial href="/p/">by X</a>'
        '<del class="corrected">del</del></p>'
    )
    assert published_text_of_html(html) == "oldkeptother insquoteddel"


# --- properties -----------------------------------------------------------------------------

LETTERS = string.ascii_letters + "éøü"
words = st.builds(
    str.__add__,
    st.text(alphabet=LETTERS, min_size=1, max_size=8),
    st.sampled_from(["", "", "", ".", ",", ";", ":", "!", "?", "'s", '"']),
)
paragraphs = st.lists(st.lists(words, min_size=1, max_size=6), min_size=1, max_size=3)
articles = st.lists(paragraphs, min_size=1, max_size=3)


class Decorator:
    """Decorates source words with random marks, tracking the three readings of the result."""

    def __init__(self, draw):
        self.draw = draw
        self.notes = 0

    def phrase(self) -> str:
        """Archive-supplied words, sometimes with inline Markdown."""
        text = " ".join(self.draw(st.lists(words, min_size=1, max_size=3)))
        style = self.draw(st.sampled_from(["plain", "plain", "emphasis", "link", "code"]))
        if style == "emphasis":
            return f"*{text}*"
        if style == "link":
            return f"[{text}](https://example.org/a?b=1)"
        return f"`{text}`" if style == "code" else text

    def note(self) -> str:
        self.notes += 1
        return "{>>" + self.phrase() + "<<}"

    def word(self, word: str) -> tuple[str, str, str]:
        """(decorated, as published, as corrected) for one source word."""
        kinds = ["plain", "correction", "deletion", "insert", "append", "note"]
        kind = self.draw(st.sampled_from(kinds))
        if kind == "correction":
            new = self.phrase()
            piece = ("{~~" + word + "~>" + new + "~~}", word, new)
        elif kind == "deletion":
            piece = ("{--" + word + "--}", word, "")
        elif kind == "insert":
            new = self.phrase()
            piece = ("{++" + new + " ++}" + word, word, new + " " + word)
        elif kind == "append":
            new = self.phrase()
            piece = (word + "{++ " + new + "++}", word, word + " " + new)
        elif kind == "note":
            piece = (word + self.note(), word, word)
        else:
            piece = (word, word, word)
        return self.wrap(piece) if self.draw(st.integers(0, 4)) == 0 else piece

    def wrap(self, piece: tuple[str, str, str]) -> tuple[str, str, str]:
        decorated, published, corrected = piece
        kind = self.draw(st.sampled_from(["highlight", "annotated", "deletion", "note"]))
        if kind == "highlight":
            return ("{==" + decorated + "==}", published, corrected)
        if kind == "annotated":
            return ("{==" + decorated + "==}" + self.note(), published, corrected)
        if kind == "deletion":
            return ("{--" + decorated + "--}", published, "")
        return (decorated + self.note(), published, corrected)

    def paragraph(self, lines: list[list[str]]) -> tuple[str, str, str]:
        items = [(word, " ") for line in lines for word in line]
        ends = [sum(len(line) for line in lines[: i + 1]) - 1 for i in range(len(lines))]
        items = [(w, "\n" if i in ends else s) for i, (w, s) in enumerate(items)]
        items[-1] = (items[-1][0], "")
        out = ["", "", ""]
        i = 0
        while i < len(items):
            run = 1
            if self.draw(st.integers(0, 5)) == 0:  # a highlight over a run of words, maybe lines
                run = self.draw(st.integers(1, len(items) - i))
            pieces = []
            for j in range(i, i + run):
                decorated, published, corrected = self.word(items[j][0])
                separator = items[j][1] if j < i + run - 1 else ""
                pieces.append((decorated + separator, published + separator, corrected + separator))
            piece = tuple("".join(part) for part in zip(*pieces))
            if run > 1:
                piece = self.wrap(piece)
            separator = items[i + run - 1][1]
            out = [o + p + separator for o, p in zip(out, piece)]
            i += run
        return tuple(out)


@st.composite
def annotated_articles(draw):
    """(source, decorated, corrected, number of notes)."""
    article = draw(articles)
    decorator = Decorator(draw)
    readings = [decorator.paragraph(lines) for lines in article]
    decorated, published, corrected = ("\n\n".join(parts) for parts in zip(*readings))
    source = "\n\n".join("\n".join(" ".join(line) for line in lines) for lines in article)
    assert published == source  # the generator's own bookkeeping
    return source, decorated, corrected, decorator.notes


@settings(max_examples=150, deadline=None)
@given(annotated_articles())
def test_rejecting_every_mark_gives_back_the_source(case):
    source, decorated, corrected, _notes = case
    assert reject_all(decorated) == source
    assert accept_all(decorated) == corrected


@settings(max_examples=150, deadline=None)
@given(annotated_articles())
def test_published_view_of_the_html_shows_the_source_words_once_in_order(case):
    source, decorated, _corrected, notes = case
    env: dict = {}
    html = MD.render(decorated, env)
    assert "critic_problems" not in env
    assert env.get("critic_note_count", 0) == notes
    assert published_text_of_html(html).split() == source.split()
