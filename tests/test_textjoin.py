"""sitegen.markup.textjoin: escaped characters joined with their text as markdown-it joins them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.rules_core import text_join

from conftest import markdown_its_own
from sitegen.markup import BodyContext, create_markdown

OURS, THEIRS = create_markdown(), markdown_its_own()


def test_the_rule_keeps_its_place():
    names = [(rule.name, rule.enabled) for rule in OURS.core.ruler.__rules__]
    assert names == [(rule.name, rule.enabled) for rule in THEIRS.core.ruler.__rules__]
    assert [rule.fn for rule in MarkdownIt("commonmark").core.ruler.__rules__ if rule.name == "text_join"] == [text_join]


# Escapes and entities (the only makers of text_special tokens) in and next to text, marks,
# spans, links, images, footnotes, code and names that are linked on their first mention.
PIECES = ["\\\\", "\\*", "\\{", "\\[", "\\", "&amp;", "&#42;", "&copy;", "&", "&nosuch;", "a", "b c", " ", "\n", "*",
          "_", "~~", "[", "](/x)", "]{.quote by=ada}", "]", "![", "^[", "[^1]", "\n\n[^1]: ", "{++", "++}", "{>>",
          "<<}", "{~~", "~>", "~~}", "`", "<http://x.org/&amp;>", "Ada Lovelace", "Ada", "\n\n"]
CONTEXT = BodyContext(person_url="/people/{}/".format, topic_url="/topics/{}/".format,
                      person_names={"ada": "Ada Lovelace"}, topic_names={},
                      auto_link_names=(("Ada Lovelace", "ada"), ("Ada", "ada")))


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=24).map("".join))
def test_any_text_is_joined_as_markdown_it_joins_it(text):
    assert OURS.parse(text, {"sitegen": CONTEXT}) == THEIRS.parse(text, {"sitegen": CONTEXT})
    assert OURS.render(text, {"sitegen": CONTEXT}) == THEIRS.render(text, {"sitegen": CONTEXT})


@pytest.mark.parametrize("text", ["plain text", "a \\* b", "AT&amp;T", "AT&T", "Ada Lovelace\\!", "*a* & b",
                                  "[Ada]{person=ada} \\[x]", "![a &amp; b](/x.png)", "a^[b \\* c]"])
def test_text_with_and_without_escapes(text):
    assert OURS.parse(text, {"sitegen": CONTEXT}) == THEIRS.parse(text, {"sitegen": CONTEXT})
