"""Reader comments as safe HTML: plain text, paragraphs, quotations, and web addresses as
nofollow links.

Comments are written by strangers: nothing in them may become markup. The text is escaped
first, then only ``http(s)://`` addresses are turned into links. A paragraph whose every line
starts with ">" quotes another comment (the importer keeps a forum's "Ben wrote: ..." so).
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup

from ..escaping import escape_text
from ..model import PartialDate
from .theme import escape_output

_URL_RE = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_ANONYMOUS = '<span class="muted">Anonymous</span>'
def render_comment_text(text: str) -> Markup:
    return Markup(_text_html(text))


class InLanguage(tuple):
    """Comments whose texts are in a language of their own (``lang``: `` lang="fr"``), that of
    the article they were written under when it is not the site's: its readers most likely
    wrote in it. A tuple, so that a theme's own loop over the comments is as before."""
    lang: Markup

    def __new__(cls, comments, lang: Markup):
        self = super().__new__(cls, comments)
        self.lang = lang
        return self

    def __reduce__(self):  # (copied or pickled with its language)
        return InLanguage, (tuple(self), self.lang)


def comments_of(article, lang: Markup):
    """The article's comments for ``comment_thread`` (see InLanguage; ``lang`` from
    ``lang_of(article)``)."""
    comments = article.comments.comments
    return InLanguage(comments, lang) if lang else comments


def comment_thread_html(comments, depth: int = 0) -> Markup:
    """Comments and their replies, nested, as the default theme's ``comment_thread`` macro
    wrote them (a list per level, ``depth`` the level's number; each comment's author, date and
    text; its replies inside it). Made here rather than by the macro: a page's comments came to
    some 15 % of the instructions of rendering an article page, in Jinja's lookups and calls per
    comment. Every value is escaped as ``{{ value }}`` escaped it in the template."""
    parts: list[str] = []
    _thread(comments, depth, parts, getattr(comments, "lang", ""))
    return Markup("".join(parts))


def _thread(comments, depth: int, parts: list[str], lang: str) -> None:
    parts.append(f' <ol class="comment-thread depth-{escape_output(depth)}">\n')
    for c in comments:
        author = c.author
        parts.append(f' <li class="comment" id="comment-{escape_output(c.id)}">\n'
                     f'<article aria-label="Comment by {escape_output(author or "an anonymous reader")}">\n'
                     f'<p class="comment-author">{escape_output(author) if author else _ANONYMOUS}')
        if c.date:
            parts.append(f' · <span class="muted">{_date_html(c.date)}</span>')
        parts.append(f'</p>\n<div class="comment-text"{lang}>{_text_html(c.text)}</div>\n</article>\n')
        if c.replies:
            _thread(c.replies, depth + 1, parts, lang)
        parts.append(" </li>\n")
    parts.append(" </ol>\n")


@lru_cache(maxsize=65536)
def _date_html(date: str) -> str:
    """A comment's date: an ISO one (2025-10-09, maybe with its time and zone, as a saved page's
    markup gives it, or YAML's reading of an unquoted date) as ``<time>`` in words, as an
    article's date is shown (9 October 2025, 10:12 UTC); any other as written ("3 hours ago",
    "14/01/2025 à 19h05": what they meant is not known for sure: the hour of the capture, the
    order of day and month). (Kept once made: an archive's comments share a few thousand days,
    and a cold build of 10,000 articles shows 60,000 comments.)"""
    try:
        day = PartialDate.parse(date)
    except ValueError:
        day = None
    if day is None or day.day is None:  # (a year alone is more likely a number than a date)
        return escape_output(date)
    return f'<time datetime="{day.iso()}">{day.human()}</time>'


def _text_html(text: str) -> str:
    html = ""
    # (Most comments are one line: one paragraph, not searched for paragraph breaks.)
    for paragraph in _PARAGRAPH_BREAK.split(text) if "\n" in text else (text,):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        # A quotation's every line starts with ">" (so its first one does: most paragraphs
        # are not split into lines to find out).
        lines = paragraph.split("\n") if paragraph[0] == ">" else ()
        if lines and all(line.startswith(">") for line in lines):
            quoted = "\n".join(line[1:].removeprefix(" ") for line in lines)
            html += f"<blockquote><p>{_linkify(quoted)}</p></blockquote>"
        else:
            html += f"<p>{_linkify(paragraph)}</p>"
    return html


def _linkify(paragraph: str) -> str:
    if "://" not in paragraph:  # (most paragraphs link nothing: no need to search them for a web address)
        return _escape_lines(paragraph)
    parts, pos = [], 0
    for match in _URL_RE.finditer(paragraph):
        parts.append(_escape_lines(paragraph[pos:match.start()]))
        url = _escape_lines(match.group(0))  # (a web address has no line break)
        parts.append(f'<a href="{url}" rel="nofollow ugc noopener">{url}</a>')
        pos = match.end()
    parts.append(_escape_lines(paragraph[pos:]))
    return "".join(parts)


def _escape_lines(text: str) -> str:
    """The text escaped as ``html.escape(text, quote=True)`` escapes it, which comments have
    always been escaped with, each line break a ``<br>`` too.

    In one pass, markupsafe's escaping in C, rather than ``html.escape``'s five ``str.replace``:
    the two differ only in how they write quotes. Every "&" of the text became "&amp;", so a
    "&#" in markupsafe's result can only be a quote, written again as ``html.escape`` writes
    it. (Escaping never makes or takes a line break, so the whole text is escaped at once, not
    line by line.)"""
    escaped = escape_text(text)
    if "&#" in escaped:
        escaped = escaped.replace("&#39;", "&#x27;").replace("&#34;", "&quot;")
    return escaped.replace("\n", "<br>\n") if "\n" in escaped else escaped
