"""Reader comments as safe HTML: plain text, paragraphs, and web addresses as nofollow links.

Comments are written by strangers: nothing in them may become markup. The text is escaped
first, then only ``http(s)://`` addresses are turned into links.
"""

from __future__ import annotations

import re
from html import escape

from markupsafe import Markup

_URL_RE = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")


def render_comment_text(text: str) -> Markup:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    html = "".join(f"<p>{_linkify(p)}</p>" for p in paragraphs)
    return Markup(html)


def _linkify(paragraph: str) -> str:
    parts, pos = [], 0
    for match in _URL_RE.finditer(paragraph):
        parts.append(_escape_lines(paragraph[pos:match.start()]))
        url = escape(match.group(0), quote=True)
        parts.append(f'<a href="{url}" rel="nofollow ugc noopener">{url}</a>')
        pos = match.end()
    parts.append(_escape_lines(paragraph[pos:]))
    return "".join(parts)


def _escape_lines(text: str) -> str:
    return "<br>\n".join(escape(line, quote=True) for line in text.split("\n"))
