"""Reader comments on article pages: ``comment_thread_html`` writes, byte for byte, what the
default theme's ``comment_thread`` macro wrote in Jinja before it was made in Python (but for
dates written as ISO dates, now in words), and comment text is escaped as ``html.escape``
escaped it, whatever a stranger wrote."""

from __future__ import annotations

import gc
import re
from html import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from sitegen.model import Comment, CommentThread
from sitegen.render.comments import comment_thread_html, render_comment_text
from sitegen.render.theme import create_environment, default_theme_dir

# The macro as _macros.html had it, indentation and all (the theme's whitespace rules apply).
OLD_MACRO = """{% macro comment_thread(comments, depth=0) %}
  <ol class="comment-thread depth-{{ depth }}">
  {% for c in comments %}
    <li class="comment" id="comment-{{ c.id }}">
      <article aria-label="Comment by {{ c.author or 'an anonymous reader' }}">
        <p class="comment-author">{% if c.author %}{{ c.author }}{% else %}<span class="muted">Anonymous</span>{% endif %}{% if c.date %} · <span class="muted">{{ c.date }}</span>{% endif %}</p>
        <div class="comment-text">{{ comment_html(c.text) }}</div>
      </article>
      {% if c.replies %}{{ comment_thread(c.replies, depth + 1) }}{% endif %}
    </li>
  {% endfor %}
  </ol>
  {% endmacro %}
"""

ENV = create_environment([default_theme_dir()])


def old_comment_text(text: str) -> str:
    """render_comment_text as it was: html.escape, paragraph by paragraph, line by line."""
    url_re = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")

    def linkify(paragraph: str) -> str:
        parts, pos = [], 0
        for match in url_re.finditer(paragraph):
            parts.append(escape(paragraph[pos:match.start()], quote=True).replace("\n", "<br>\n"))
            url = escape(match.group(0), quote=True)
            parts.append(f'<a href="{url}" rel="nofollow ugc noopener">{url}</a>')
            pos = match.end()
        parts.append(escape(paragraph[pos:], quote=True).replace("\n", "<br>\n"))
        return "".join(parts)

    html = []
    for paragraph in (p for p in map(str.strip, re.split(r"\n\s*\n", text)) if p):
        lines = paragraph.split("\n")
        if all(line.startswith(">") for line in lines):
            quoted = "\n".join(line[1:].removeprefix(" ") for line in lines)
            html.append(f"<blockquote><p>{linkify(quoted)}</p></blockquote>")
        else:
            html.append(f"<p>{linkify(paragraph)}</p>")
    return "".join(html)


OLD_THREAD = ENV.from_string(OLD_MACRO + "{{ comment_thread(comments) }}", globals={"comment_html": render_comment_text})


def old_thread(comments) -> str:
    return OLD_THREAD.render(comments=comments)


# Text that could become markup or break the structure: tags, entities, quotes, quotations,
# web addresses, line and paragraph breaks, other whitespace, and characters outside ASCII.
texts = st.lists(st.sampled_from(list("ab <>&'\"\n\t\x0b\u2028>:/.·é—") + ["https://x.example/a?b=1&c='2'", "&#39;",
                                                                           "</div>", "\n\n", "> "])).map("".join)
comments = st.recursive(
    st.builds(Comment, id=texts, author=st.one_of(st.none(), texts), text=texts, date=texts, replies=st.just(())),
    lambda children: st.builds(Comment, id=texts, author=st.one_of(st.none(), texts), text=texts, date=texts,
                               replies=st.lists(children, max_size=3).map(tuple)),
    max_leaves=8)


@settings(max_examples=300, deadline=None)
@given(st.lists(comments, min_size=1, max_size=3))
def test_the_thread_is_what_the_macro_wrote(thread):
    html = comment_thread_html(thread)
    assert isinstance(html, Markup)
    assert html == old_thread(thread)


def test_the_default_theme_macro_prints_the_thread():
    """comment_thread, the macro a site's own article.html may still import, prints it as it is."""
    thread = (Comment("c1", "Ann", "Hi <b>", "2020", (Comment("c2", None, "> quoted\n> 'here'"),)),)
    template = ENV.from_string('{% from "_macros.html" import comment_thread %}[{{ comment_thread(comments) }}]',
                               globals={"comment_thread_html": comment_thread_html})
    assert template.render(comments=thread) == f"[{old_thread(thread)}]"


@settings(max_examples=500, deadline=None)
@given(texts)
def test_comment_text_is_what_it_was(text):
    assert render_comment_text(text) == old_comment_text(text)


def test_nothing_a_commenter_writes_becomes_markup():
    hostile = '<script>alert("x")</script> & \'q\''
    html = comment_thread_html((Comment(hostile, hostile, hostile, hostile),))
    assert "<script>" not in html and "alert(&#34;x&#34;)" in html  # (id, author, date: as {{ }} escapes)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;q&#x27;" in html  # (the text: as html.escape)


@pytest.mark.parametrize("date, shown", [
    ("2025-10-09T10:12", '<time datetime="2025-10-09T10:12">9 October 2025, 10:12</time>'),
    ("2025-10-09 10:12:37", '<time datetime="2025-10-09T10:12">9 October 2025, 10:12</time>'),
    ("2025-10-09T10:12:37Z", '<time datetime="2025-10-09T10:12Z">9 October 2025, 10:12 UTC</time>'),
    ("2025-10-09T10:12+0200", '<time datetime="2025-10-09T10:12+02:00">9 October 2025, 10:12 (UTC+02:00)</time>'),
    ("2025-10-09", '<time datetime="2025-10-09">9 October 2025</time>'),
    ("2025-10-09 10:12:00+00:00", '<time datetime="2025-10-09T10:12Z">9 October 2025, 10:12 UTC</time>'),
    ("2025-10-09t10:12+02", '<time datetime="2025-10-09T10:12+02:00">9 October 2025, 10:12 (UTC+02:00)</time>'),
    ("2025-10-09T25:99", "2025-10-09T25:99"),  # (no time of day: as written, not a <time> the validator refuses)
    # As captured: relative, in another order, or no date at all.
    ("3 hours ago", "3 hours ago"),
    ("14/01/2025 à 19h05", "14/01/2025 à 19h05"),
    ("2025-13-09T10:12", "2025-13-09T10:12"),
    ("<b>2025-10-09</b>", "&lt;b&gt;2025-10-09&lt;/b&gt;"),
])
def test_a_comments_iso_date_is_shown_in_words_and_any_other_as_written(date, shown):
    """An ISO date from a saved page's markup read as a machine's, beside articles' dates in words."""
    html = comment_thread_html((Comment("c1", "Ann", "Hi", date),))
    assert f'<p class="comment-author">Ann · <span class="muted">{shown}</span></p>' in html


def test_counting_a_threads_comments_makes_no_garbage_in_cycles():
    """Builds run with the cyclic collector off (see build._no_collections): counting a
    thread's comments, done for every article, must leave nothing only that collector frees
    (a nested function that called itself was a cycle at each count)."""
    thread = CommentThread((Comment("a", None, "One.", replies=(Comment("b", None, "Two."),)), Comment("c", None, "Three.")))
    was = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        assert thread.shown_count == 3
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()
