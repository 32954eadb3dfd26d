"""sitegen.markup.blocks: block rules asked only where their block may start, with the same result."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from mdit_py_plugins.footnote import footnote_plugin

from conftest import markdown_its_own
from sitegen.markup import blocks, create_markdown

OURS, THEIRS = create_markdown(), markdown_its_own()


def chain(md: MarkdownIt) -> list:
    return [(rule.name, rule.alt, rule.enabled) for rule in md.block.ruler.__rules__]


def test_the_rules_keep_their_places_and_what_they_interrupt():
    assert chain(OURS) == chain(THEIRS)
    defaults = {rule.name: (rule.fn, rule.alt)
                for rule in MarkdownIt("commonmark").use(footnote_plugin).block.ruler.__rules__}
    for name, (rule, _starts, alt) in blocks._STARTS.items():
        assert defaults[name] == (rule, alt)  # (markdown-it's own rule, and where markdown-it puts it)
    assert defaults["reference"][1] == defaults["code"][1] == defaults["lheading"][1] == []


# Lines that start, or nearly start, every kind of block, and lines of text between them.
LINE_STARTS = ["", " ", "  ", "    ", "\t", "> ", ">", "- ", "-", "* ", "+ ", "1. ", "2) ", "10. ", "0. ", "3. ", "4) ",
               "5. ", "6. ", "7. ", "8) ", "9. ", "# ", "#", "## ",
               "```", "~~~", "``", "---", "***", "___", "- - -", "<div>", "<!-- ", "<", "[a]: /x", "[^1]: ", "===",
               "| a |", "|---|", "[", "`", "~", "_", "=", "x", "é"]
LINE_ENDS = ["", "text", " text", "```", "~~~", "-", "---", "*", "b\\", "  ", "[x]{.quote}", " :", "]: /y 't'", "\r", "\r\n",
             "a\0b", "\n\r"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(LINE_STARTS), st.sampled_from(LINE_ENDS)), max_size=14))
def test_any_lines_make_the_blocks_markdown_it_makes(lines):
    text = "".join(start + end + "\n" for start, end in lines)
    ours_env, theirs_env = {}, {}
    assert OURS.render(text, ours_env) == THEIRS.render(text, theirs_env)
    assert ours_env == theirs_env
    assert OURS.parse(text) == THEIRS.parse(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(LINE_STARTS), st.sampled_from(LINE_ENDS)), max_size=8))
def test_any_lines_leave_the_state_markdown_it_leaves(lines):
    # Not only the tokens: what the rules leave in the state (the parser's parentType, which a
    # paragraph read without its rules sets as they do) for the rules that come after.
    text = "".join(start + end + "\n" for start, end in lines)
    states = []
    for md in (OURS, THEIRS):
        state = StateBlock(text, md, {}, [])
        md.block.tokenize(state, state.line, state.lineMax)
        states.append({name: value for name, value in vars(state).items() if name not in ("md", "tokens", "env")}
                      | {"tokens": [token.as_dict() for token in state.tokens]})
    assert states[0] == states[1]


def test_the_parser_asks_only_the_rules_a_line_may_start():
    asked = blocks._RulesByStart(OURS.block)
    assert [rule.__name__ for rule in asked.at("T")] == ["table", "_code", "_lheading", "paragraph"]
    assert asked.at("T") == blocks._TEXT_RULES  # (what a one-line paragraph is read without)
    assert [rule.__name__ for rule in asked.at("[")] == ["table", "_code", "footnote_def", "_reference", "_lheading",
                                                         "paragraph"]
    assert asked.at("") == tuple(getattr(rule, "rule", rule) for rule in OURS.block.ruler.getRules(""))
    assert "tokenize" not in vars(THEIRS.block)  # (what the test above compares with is markdown-it's own loop)


@pytest.mark.parametrize("text", ["```\ncode\n```\n", "~~~ x\ny\n", "> a\n> b\n", "- a\n- b\n\n1. c\n", "# h\n",
                                  "a\n---\n", "***\n", "<div>\n", "text\n- item\n", "text\n2. item\n", "    code\n",
                                  "a\n===\n", "a\nb\n---\n", "a\n\n| a |\n|---|\n2. x\n", "| a |\n|---|\n2. x\n",
                                  "    a\n---\n", "> a\n---\n"])
def test_every_kind_of_block(text):
    assert OURS.render(text) == THEIRS.render(text)
