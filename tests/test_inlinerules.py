"""sitegen.markup.inlinerules: inline rules asked only where their construct may start, with the
same result as markdown-it's own loops, which ask every rule everywhere."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.rules_inline import text
from mdit_py_plugins.footnote import footnote_plugin

from conftest import markdown_its_own
from sitegen.markup import BodyContext, create_markdown, inlinerules

OURS, THEIRS = create_markdown(), markdown_its_own()
CONTEXT = BodyContext(person_url="/people/{}/".format, topic_url="/topics/{}/".format,
                      person_names={"ada": "Ada Lovelace"}, topic_names={}, auto_link_names=(("Ada", "ada"),))


def test_the_rules_are_markdown_its_own_in_their_places():
    default = MarkdownIt("commonmark").enable("strikethrough").use(footnote_plugin).inline.ruler.getRules("")
    ours = OURS.inline.ruler.getRules("")
    assert [rule for rule in ours if rule in inlinerules._STARTS or rule is text] == [
        rule for rule in default if rule in inlinerules._STARTS or rule is text]
    assert OURS.inline.ruler.get_active_rules() == THEIRS.inline.ruler.get_active_rules()
    assert not {"parse", "tokenize", "skipToken"} & set(vars(THEIRS.inline))  # (markdown-it's own loops, as below)


def test_each_character_is_offered_to_the_rules_that_may_take_it():
    asked = inlinerules._QuickLoops(OURS.inline, OURS.options["maxNesting"])
    names = dict(zip(OURS.inline.ruler.getRules(""), OURS.inline.ruler.get_active_rules()))
    # (Rules that do not say where they start are asked everywhere; after the text rule, which
    # takes any character but a terminator, they never are.)
    assert [names[rule] for rule in asked.at("T")] == ["text", "footnote_ref", "attr"]
    assert [names[rule] for rule in asked.at("[")] == ["link", "span", "footnote_ref", "attr"]
    assert [names[rule] for rule in asked.at(":")] == ["footnote_ref", "attr"]


# Every construct's first characters, the text rule's terminators, and text between them.
PIECES = ["a", "b c", " ", "  ", "\n", "*", "**", "_", "~", "~~", "[", "]", "](/x)", "](<a b>)", "][r]",
          "]{.quote by=ada}", "]{person=ada}", "![", "^[", "[^1]", "\n\n[^1]: ", "\n\n[r]: /y\n\n", "{", "}", "{.claim}", "{++", "++}",
          "{==", "==}", "{>>", "<<}", "{~~", "~>", "~~}", "{--", "--}", "`", "``", "<", ">", "<http://x.org/a>",
          "<a@b.org>", "<b>", "&", "&amp;", "&#42;", "\\", "\\*", "\\[", ":", "-", "!", "#", "$", "%", "+", "=", "@",
          "Ada", "é"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_any_text_is_read_as_markdown_it_reads_it(text_):
    ours_env, theirs_env = {"sitegen": CONTEXT}, {"sitegen": CONTEXT}
    assert OURS.parse(text_, ours_env) == THEIRS.parse(text_, theirs_env)
    assert ours_env == theirs_env
    assert OURS.render(text_, {"sitegen": CONTEXT}) == THEIRS.render(text_, {"sitegen": CONTEXT})


@pytest.mark.parametrize("text_", ["plain: text - here", "[a](/x) and [b]{.quote by=ada}", "{++a++} `x`{.c} *b*",
                                   "[" * 40 + "a" + "]" * 40, "{++" * 30 + "x", "![a *b*](/i.png) <http://x.org>",
                                   "a^[note [x](/y)] b[^1]\n\n[^1]: c"])
def test_texts_with_every_construct(text_):
    assert OURS.parse(text_) == THEIRS.parse(text_)


def test_rules_changed_after_the_parser_was_made_are_followed():
    ours, theirs = create_markdown(), markdown_its_own()
    assert ours.render("*a* [b]{.quote}") == theirs.render("*a* [b]{.quote}")
    for md in (ours, theirs):
        md.disable("emphasis")
        md.inline.add_terminator_char("|")
    assert ours.render("*a* [b]{.quote} |x") == theirs.render("*a* [b]{.quote} |x") == "<p>*a* <span>b</span> |x</p>\n"


def test_rules_after_the_text_are_called_unless_they_change_nothing_without_markers():
    # Text with no character at which a rule but "text" may start is read as one text token,
    # without the rules after the text (ruler2) when each says it needs markers to do anything
    # (delimiters.py); a rule that says nothing of the kind is called, for any text.
    ours, theirs = create_markdown(), markdown_its_own()
    calls = []
    for md in (ours, theirs):
        md.inline.ruler2.push("count", lambda state: calls.append(state.src))
    for text_ in ("plain text", "*a* b", ""):
        assert ours.parse(text_) == theirs.parse(text_)
    assert calls == ["plain text", "plain text", "*a* b", "*a* b"]
    assert inlinerules._QuickLoops(create_markdown().inline, 100).post_rules_need_markers


@pytest.mark.parametrize("max_nesting", [1, 2, 3, 5])
def test_the_nesting_limit_is_followed_when_changed(max_nesting):
    # The loops read md.options["maxNesting"] once a paragraph: a limit set after the parser
    # was made counts at the next parse, as in markdown-it's loops.
    ours, theirs = create_markdown(), markdown_its_own()
    text_ = "[a *b [c **d [e](/u) {++f [g]{.quote}++}**](/v)*](/w) ![x [y](/z)](/i.png)"
    assert ours.parse(text_) == theirs.parse(text_)
    for md in (ours, theirs):
        md.options["maxNesting"] = max_nesting
    assert ours.parse(text_) == theirs.parse(text_)
