"""sitegen.markup.helpers: link destinations and definitions read as markdown-it reads them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import helpers

from conftest import markdown_its_own
from sitegen.markup import create_markdown
from sitegen.markup.helpers import LinkHelpers, parse_link_destination


def result(found):
    return found.ok, found.pos, found.str


DESTINATION_PIECES = ["https://a.example/x", "a", "é", " ", "\n", "\t", "\x7f", "\x01", "(", ")", "\\", "\\ ", "\\(",
                      "<", ">", "&amp;", "&#32;", "%20", '"t"', "'", "/", "?q=1&r=2", "#f"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(DESTINATION_PIECES), max_size=12).map("".join), st.data())
def test_destinations_are_read_as_markdown_it_reads_them(text, data):
    pos = data.draw(st.integers(0, len(text)))
    maximum = data.draw(st.integers(pos, len(text)))
    assert result(parse_link_destination(text, pos, maximum)) == result(helpers.parseLinkDestination(text, pos, maximum))


@pytest.mark.parametrize("text", ["(https://a.example/b) c", "(https://a.example/b", "(a(b)c)", "(<a b>)", "(a\\)b)", "()"])
def test_destinations_after_a_parenthesis(text):
    for maximum in range(1, len(text) + 1):
        assert result(parse_link_destination(text, 1, maximum)) == result(helpers.parseLinkDestination(text, 1, maximum))


def test_the_body_parser_uses_them_and_markdown_its_other_helpers():
    md = create_markdown()
    assert isinstance(md.helpers, LinkHelpers)
    assert md.helpers.parseLinkDestination is parse_link_destination
    assert md.helpers.parseLinkLabel is helpers.parseLinkLabel
    assert md.helpers.parseLinkTitle is helpers.parseLinkTitle


BODY_PIECES = ["[a](", "](", "![i](", "[r]: ", "[a]:", "]:", ":", "http://a.example/p", " ", "\n", "(", ")", "\\", "<", ">",
               '"t"', "'u'", "&amp;", "[", "]", "x", "é", "\n\n", "{.quote by=ada}", "> ", "    ", "- ", "[^1]: n", "[r]", "[a]"]


OURS, THEIRS = create_markdown(), markdown_its_own()


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(BODY_PIECES), max_size=30).map("".join))
def test_bodies_parse_as_with_markdown_its_helpers_and_rules(text):
    ours_env, theirs_env = {}, {}
    assert OURS.render(text, ours_env) == THEIRS.render(text, theirs_env)
    assert ours_env == theirs_env  # (the link definitions found)


@pytest.mark.parametrize("text", ["[a]: /x\n\n[a]", "[a]:\n/x\n\n[a]", "[a\nb]: /x\n\n[a b]", "> [a]: /x\n\n[a]",
                                  "[a] b\n\n[a]: /x 'y'\n", "    [a]: /x\n\n[a]", "[a]{.quote}\n\n[b]: /x\n"])
def test_link_definitions_are_found(text):
    ours_env, theirs_env = {}, {}
    assert OURS.render(text, ours_env) == THEIRS.render(text, theirs_env)
    assert ours_env == theirs_env
