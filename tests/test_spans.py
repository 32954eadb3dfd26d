"""Attribute spans read by sitegen.markup.spans: always what the attrs plugin reads, faster."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.attrs.parse import ParseError, parse

from sitegen.markup import spans
from sitegen.markup.semantic import ALLOWED_ATTRIBUTES
from sitegen.markup.spans import parse_attributes, spans_plugin

# Pieces of attribute syntax, valid and not: separators the plugin treats differently, quotes
# and escapes, comments, Unicode digits and spaces, punctuation that ends a name.
ATTRIBUTE_PIECES = ["{", "}", " ", "\t", "\n", ".", "#", "=", '"', "\\", "%", "a", "claim", "by", "class", "x-y",
                    "k:1", "_", "٣", "\u00a0", "é", ".quote", "#id", "rating=false", 'k="v w"', "'", "[", "]", "/"]


def plugin_parse(text: str, start: int):
    try:
        end, attributes = parse(text[start:])
    except ParseError:
        return None
    return start + end, attributes


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(["", "[a]"]), st.lists(st.sampled_from(ATTRIBUTE_PIECES), max_size=14).map("".join))
def test_attributes_are_read_as_the_plugin_reads_them(before, text):
    found = parse_attributes(before + "{" + text, len(before))
    expected = plugin_parse(before + "{" + text, len(before))
    assert found == expected
    if found:  # the order of the attributes is the order they are written in the page
        assert list(found[1]) == list(expected[1])


@pytest.mark.parametrize("text", ["{.a.b}", "{k.x=1}", "{#a#b}", "{k=v.w}", "{.a,b}", "{k= v}", '{k="a\\"b"}',
                                  '{k="a\\\\"}', "{.a % c % .b}", "{.٣ k=٣}", "{.a\u00a0.b}", '{k="v".c}', '{k="{"}',
                                  "{#}", "{.a}}", "{.a", "{k=}", "{=v}"])
def test_unusual_attributes_are_read_as_the_plugin_reads_them(text):
    assert parse_attributes(text, 0) == plugin_parse(text, 0)


@pytest.mark.parametrize("text, expected", [
    ("{.quote by=tomas-albescu} said", {"by": "tomas-albescu", "class": "quote"}),
    ("{.claim rating=half-true}{>>note<<}", {"rating": "half-true", "class": "claim"}),
    ('{#a .b k="v w" class=c .d #e}', {"id": "e", "k": "v w", "class": "b c d"}),
    ("{ }", {}),
])
def test_plain_attributes_need_no_character_by_character_reading(monkeypatch, text, expected):
    def refuse(_text):
        raise AssertionError("read by the plugin's parser")

    monkeypatch.setattr(spans, "parse_slowly", refuse)
    end, attributes = parse_attributes(text, 0)
    assert (text[end], list(attributes.items())) == ("}", list(expected.items()))  # in the plugin's order too
    assert plugin_parse(text, 0) == (end, attributes)
    assert list(plugin_parse(text, 0)[1]) == list(attributes)


def parser(with_spans_plugin: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).use(attrs_plugin, spans=True, allowed=ALLOWED_ATTRIBUTES)
    return md.use(spans_plugin, ALLOWED_ATTRIBUTES) if with_spans_plugin else md


OURS, PLUGINS = parser(True), parser(False)
BODY_PIECES = ["[", "]", "{", "}", ".quote", ".claim", " by=x", " rating=false", "#x", ' by="a b"', "%c%", " onclick=y",
               " style=z", "](http://a.b/)", "[^1]", "`", "*", "\\", "word ", "\n", "[link]: http://c.d/\n\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(BODY_PIECES), max_size=30).map("".join))
def test_spans_render_as_with_the_plugins_rule(text):
    ours, theirs = OURS.parse(text), PLUGINS.parse(text)
    assert OURS.renderer.render(ours, OURS.options, {}) == PLUGINS.renderer.render(theirs, PLUGINS.options, {})
    spans_of = [[(t.type, t.attrs, t.meta) for t in block.children or [] if t.type.startswith("span")] for block in ours]
    assert spans_of == [[(t.type, t.attrs, t.meta) for t in block.children or [] if t.type.startswith("span")]
                        for block in theirs]


def test_an_attribute_not_allowed_is_kept_out_of_the_page_and_in_the_token():
    tokens = OURS.parseInline("[a]{.quote onclick=steal by=x}")[0].children
    assert tokens[0].type == "span_open"
    assert tokens[0].attrs == {"by": "x", "class": "quote"}
    assert tokens[0].meta["insecure_attrs"] == {"onclick": "steal"}
    span = BeautifulSoup(OURS.renderInline("[a]{.quote onclick=steal by=x}"), "html.parser").span
    assert span.attrs == {"class": ["quote"], "by": "x"}


def test_attributes_holding_a_url_cannot_be_allowed():
    with pytest.raises(ValueError, match="URL"):
        spans_plugin(MarkdownIt(), ["class", "href"])
