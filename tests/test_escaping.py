"""sitegen.escaping: text escaped as markupsafe and markdown-it escape it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.common.utils import escapeHtml
from markupsafe import escape

from sitegen import escaping

# Text heavy in what is escaped, and in what escaping writes (so that an entity in the text
# is not taken for one the escaping wrote).
texts = st.one_of(st.text(), st.lists(st.sampled_from(["&", "<", ">", "'", '"', "&#39;", "&#34;", "&quot;", "&amp;", "#",
                                                       "a", " ", "é", "\u2014"]), max_size=20).map("".join))


@settings(max_examples=1000, deadline=None)
@given(texts)
def test_text_is_escaped_as_markupsafe_and_markdown_it_escape_it(text):
    assert escaping.escape_text(text) == escaping.escape_text_in_python(text) == str(escape(text))
    assert escaping.escape_html(text) == escapeHtml(text)
