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
        from pygments import highlight as pygments_highlight

        body = pygments_highlight(code, lexer, _formatter())
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
