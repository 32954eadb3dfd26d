"""sitegen.markup.delimiters: emphasis and strikethrough paired, and text tokens joined, as
markdown-it pairs and joins them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from conftest import markdown_its_own
from sitegen.markup import create_markdown, delimiters

OURS, THEIRS = create_markdown(), markdown_its_own()


def test_the_pairing_rules_keep_their_places():
    names = [(rule.name, rule.enabled) for rule in OURS.inline.ruler2.__rules__]
    assert names == [(rule.name, rule.enabled) for rule in THEIRS.inline.ruler2.__rules__]
    defaults = {rule.name: rule.fn for rule in MarkdownIt("commonmark").inline.ruler2.__rules__}
    assert all(defaults[name] is rule for name, rule in delimiters._PAIRING_RULES.items())


# Markers (alone, doubled, in words, unbalanced) in and around links, spans, CriticMarkup
# marks and code spans, where markdown-it notes them in lists of their own.
PIECES = ["*", "**", "***", "_", "__", "~", "~~", "~~~", "a", "b c", " ", "\n", "[", "](/x)", "]{.quote by=ada}", "]",
          "{++", "++}", "{==", "==}", "{>>", "<<}", "{~~", "~>", "`", "\\*", "![", "word*", "*word", "\n\n"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=24).map("".join))
def test_any_text_is_marked_up_as_markdown_it_marks_it(text):
    assert OURS.render(text) == THEIRS.render(text)
    # The same tokens too, with the same levels: fragments_join, skipped without markers,
    # joins text tokens (which the HTML would not show) and counts the levels again.
    assert OURS.parse(text) == THEIRS.parse(text)


@pytest.mark.parametrize("text", ["plain text", "*a*", "a ~~b~~ c", "[a *b*](/x)", "[*a*]{.quote}", "{++ **a** ++}",
                                  "**a [b] c**", "*a [b* c]", "~~a", "_a_b_"])
def test_marked_and_unmarked_text(text):
    assert OURS.render(text) == THEIRS.render(text)
    assert OURS.parse(text) == THEIRS.parse(text)
