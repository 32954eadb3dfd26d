"""markdown-it's HTML renderer, with fewer Python calls per token and the same output.

Rendering bodies was about a tenth of a cold build, and most of it was calls, not work: for
each text token ``renderInline`` looked its type up in the rules, called the ``text`` rule,
which called ``escapeHtml``; each tag (``<p>``, ``<em>``, ``</a>``, a CriticMarkup
``<ins class="...">``) went through ``renderToken``, which built the tag a piece at a time
and called ``renderAttrs`` even with no attributes.

``BodyRenderer`` gives exactly what ``RendererHTML`` gives (tests/test_renderer.py renders
many bodies both ways):

* ``renderInline`` escapes a text token itself, unless a plugin has replaced the ``text``
  rule (then the rule is called, as before); every other token is rendered as before.
* ``renderToken`` is ``RendererHTML.renderToken`` reorganised: the same hidden tokens, block
  newlines, self-closing slash and attributes, with no attribute call for a bare tag.
* ``renderAttrs`` joins the attributes once instead of adding to a string each time.
* Text and attributes are escaped as markdown-it's ``escapeHtml`` escapes them, by
  ``escaping.escape_html`` (one pass in C, not four ``str.replace``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from ..escaping import escape_html


def code_digest(code: str) -> bytes:
    """What a fenced block's code is known by in its body's last rendering (see fence)."""
    return hashlib.blake2b(code.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class BodyRenderer(RendererHTML):
    def renderInline(self, tokens: Sequence[Token], options: OptionsDict, env: EnvType) -> str:
        rules = self.rules
        # A plugin may replace the text rule (md.add_render_rule("text", ...)): then use it.
        text_is_plain = getattr(rules.get("text"), "__func__", None) is RendererHTML.text
        out: list[str] = []
        for i, token in enumerate(tokens):
            kind = token.type
            if kind == "text" and text_is_plain:
                out.append(escape_html(token.content))
            elif kind in rules:
                out.append(rules[kind](tokens, i, options, env))
            else:
                out.append(self.renderToken(tokens, i, options, env))
        return "".join(out)

    def renderToken(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        token = tokens[idx]
        if token.hidden:  # a paragraph in a tight list
            return ""
        nesting = token.nesting
        start = "</" if nesting == -1 else "<"
        end = ">"
        if token.block:
            # A newline after a hidden paragraph, before the next opening block tag.
            if nesting != -1 and idx and tokens[idx - 1].hidden:
                start = "\n" + start
            end = ">\n"
            if nesting == 1 and idx + 1 < len(tokens):
                following = tokens[idx + 1]
                # No newline before inline contents, a hidden paragraph, or its own closing tag.
                if (following.type == "inline" or following.hidden
                        or (following.nesting == -1 and following.tag == token.tag)):
                    end = ">"
        if nesting == 0 and options["xhtmlOut"]:
            end = " /" + end
        if token.attrs:
            return start + token.tag + self.renderAttrs(token) + end
        return start + token.tag + end

    def fence(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        """``RendererHTML.fence``, or the same block as the body's last rendering made it.

        A fenced block's HTML is a function of its info string and its code alone (the
        highlighter always gives a whole ``<pre>``, so the token's attributes are not used):
        ``env["code_before"]``, when given, maps (info, code_digest(code)) to that HTML from
        the last rendering (see render_body). Highlighting the first block of a process costs
        Pygments' import and its lexer's regular expressions (35 ms for a python block), in the
        build after an edit of an article with code. Each block rendered is added to
        ``env["code_blocks"]``."""
        token = tokens[idx]
        key = (token.info, code_digest(token.content))
        before = env.get("code_before")
        html = before.get(key) if before is not None else None
        if html is None:
            html = super().fence(tokens, idx, options, env)
        env.setdefault("code_blocks", []).append((key, html))
        return html

    @staticmethod
    def renderAttrs(token: Token) -> str:
        return "".join([f' {escape_html(key)}="{escape_html(str(value))}"' for key, value in token.attrs.items()])
