"""Link destinations: the shortcut for plain web addresses gives what markdown-it gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.common.normalize_url import normalizeLink

from sitegen.markup import _PLAIN_WEB_ADDRESS, create_markdown


@settings(max_examples=500, deadline=None)
@given(st.from_regex(_PLAIN_WEB_ADDRESS, fullmatch=True))
def test_a_plain_web_address_is_what_markdown_it_makes_of_it(url):
    assert normalizeLink(url) == url


def test_other_addresses_are_normalized_by_markdown_it():
    md = create_markdown()
    for url in ("https://a.example/%zz é", "HTTPS://Example.org/x", "https://münchen.example/", "/local path",
                "https://a.example/?q=1#top", "https://" + "a" * 64 + ".example/"):
        assert md.normalizeLink(url) == normalizeLink(url)
    assert md.normalizeLink("https://a.example/%zz é") == "https://a.example/%25zz%20%C3%A9"
