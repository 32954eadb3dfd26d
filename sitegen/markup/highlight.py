"""Fenced code blocks highlighted by Pygments at build time (no JavaScript on the page).

Pygments is imported only when something is highlighted or its stylesheet made: its import
(importlib.metadata with it, for its plugins) was a seventieth of a one-article edit's build,
which renders a body with code, or the stylesheet, only if they changed.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

CSS_CLASS = "highlight"


@lru_cache(maxsize=1)
def _formatter():
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(nowrap=True)


# HtmlFormatter's escaping (pygments.formatters.html._escape_html_table), and the characters
# it changes: most tokens have none, and str.translate costs a dict lookup per character.
_ESCAPE = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;", ord("'"): "&#39;"}
_ESCAPED = frozenset("&<>\"'")

# Token type -> the <span> that opens it ('' for plain text), as HtmlFormatter names them.
_span_openers: dict = {}


def _format_html(tokens) -> str:
    """``HtmlFormatter(nowrap=True)``'s output for ``tokens``, in one string.

    Mirrors its ``_format_lines`` (Pygments 2.20) for the case used here: CSS classes, no
    line numbers or anchors, "\\n" between lines. Each line closes its last span; a span
    is opened only for non-empty text and continues across tokens of the same type. Pygments
    escapes and splits every token's text and passes each line through generators and a
    file object; here most tokens (no newline, nothing to escape) are added as they are.
    """
    out = []
    openers = _span_openers
    lspan = ""  # the span open on the current line
    line_open = False  # the current line has text
    for ttype, value in tokens:
        if ttype in openers:
            cspan = openers[ttype]
        else:
            css_class = _formatter()._get_css_classes(ttype)
            cspan = openers[ttype] = f'<span class="{css_class}">' if css_class else ""
        if not _ESCAPED.isdisjoint(value):
            value = value.translate(_ESCAPE)
        if "\n" in value:
            parts = value.split("\n")
            # every part but the last ends a line
            for part in parts[:-1]:
                if line_open:
                    if lspan != cspan and part:
                        out.extend(((lspan and "</span>"), cspan, part, (cspan and "</span>"), "\n"))
                    else:
                        out.extend((part, (lspan and "</span>"), "\n"))
                    line_open = False
                elif part:
                    out.extend((cspan, part, (cspan and "</span>"), "\n"))
                else:
                    out.append("\n")
            value = parts[-1]
        if value:
            if not line_open:
                out.extend((cspan, value))
                lspan = cspan
                line_open = True
            elif lspan != cspan:
                out.extend(((lspan and "</span>"), cspan, value))
                lspan = cspan
            else:
                out.append(value)
    if line_open:
        out.extend(((lspan and "</span>"), "\n"))
    return "".join(out)


@lru_cache(maxsize=512)
def _lexer(lang: str):
    """Pygments searches its plugins on every lookup (slowest for unknown names): ask once.

    A plain RegexLexer comes from ``lexing.fast_lexer``: the same tokens in fewer instructions.
    """
    if not lang:
        return None
    from pygments.lexers import find_lexer_class_by_name
    from pygments.util import ClassNotFound

    from sitegen.markup.lexing import fast_lexer

    try:
        cls = find_lexer_class_by_name(lang)
    except ClassNotFound:
        return None
    lexer = fast_lexer(cls)
    return lexer if lexer is not None else cls()


def highlight_code(code: str, lang: str, _attrs: str) -> str:
    """markdown-it's ``highlight`` hook: a whole ``<pre>`` so markdown-it adds no wrapper."""
    lang = (lang or "").strip()
    lexer = _lexer(lang)
    if lexer:
        body = _format_html(lexer.get_tokens(code))
    else:
        body = escape(code)
    lang_class = f' class="language-{escape(lang)}"' if lang else ""
    return f'<pre class="{CSS_CLASS}"><code{lang_class}>{body}</code></pre>\n'


def pygments_css(style: str = "friendly", dark_style: str = "monokai") -> str:
    """The stylesheet for highlighted code, light and dark, generated at build time."""
    from pygments.formatters import HtmlFormatter

    light = HtmlFormatter(style=style).get_style_defs(f".{CSS_CLASS}")
    dark = HtmlFormatter(style=dark_style).get_style_defs(f".{CSS_CLASS}")
    indented = "\n".join("  " + line for line in dark.splitlines())
    return f"{light}\n@media (prefers-color-scheme: dark) {{\n{indented}\n}}\n"
