"""Reader comments as safe HTML: plain text, paragraphs, quotations, and web addresses as
nofollow links.

Comments are written by strangers: nothing in them may become markup. The text is escaped
first, then only ``http(s)://`` addresses are turned into links. A paragraph whose every line
starts with ">" quotes another comment (the importer keeps a forum's "Ben wrote: ..." so).
"""

from __future__ import annotations

import re
from html import escape

from markupsafe import Markup

_URL_RE = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def render_comment_text(text: str) -> Markup:
    paragraphs = [p for p in map(str.strip, _PARAGRAPH_BREAK.split(text)) if p]
    return Markup("".join(_paragraph(p) for p in paragraphs))


def _paragraph(paragraph: str) -> str:
    lines = paragraph.split("\n")
    if all(line.startswith(">") for line in lines):
        quoted = "\n".join(line[1:].removeprefix(" ") for line in lines)
        return f"<blockquote><p>{_linkify(quoted)}</p></blockquote>"
    return f"<p>{_linkify(paragraph)}</p>"


def _linkify(paragraph: str) -> str:
    if "://" not in paragraph:  # (most paragraphs link nothing: no need to search them for a web address)
        return _escape_lines(paragraph)
    parts, pos = [], 0
    for match in _URL_RE.finditer(paragraph):
        parts.append(_escape_lines(paragraph[pos:match.start()]))
        url = escape(match.group(0), quote=True)
        parts.append(f'<a href="{url}" rel="nofollow ugc noopener">{url}</a>')
        pos = match.end()
    parts.append(_escape_lines(paragraph[pos:]))
    return "".join(parts)


def _escape_lines(text: str) -> str:
    """The text escaped, each line break a ``<br>`` too. (Escaping never makes or takes a line
    break, so the whole text is escaped at once, not line by line.)"""
    return escape(text, quote=True).replace("\n", "<br>\n")
