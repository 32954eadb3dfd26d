"""Meaning marks: bracketed spans for mentions, quotes and fact-checked claims.

The ``attrs`` plugin turns ``[text]{.quote by=x}`` into ``span_open``/``span_close`` tokens.
A core rule (``annotate_spans``) runs after inline parsing and, for each span, decides what
it means, gives it a stable id (``quote-1``, ``claim-2``: numbered per article, in reading
order, so links from person pages keep pointing at the same spot), checks its references and
records an ``Annotation`` for the index. The render rules then only read ``token.meta``.
"""

from __future__ import annotations

import re
from copy import copy
from html import escape

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..diagnostics import did_you_mean
from ..languages import normal_tag, not_a_tag
from ..model import Annotation

RATINGS = {
    "true": "True",
    "mostly-true": "Mostly true",
    "half-true": "Half true",
    "mostly-false": "Mostly false",
    "false": "False",
    "misleading": "Misleading",
    "unverifiable": "Unverifiable",
}
ALLOWED_ATTRIBUTES = ["id", "class", "person", "topic", "by", "rating", "lang"]
KNOWN_CLASSES = {"quote", "claim"}
# The start of a span's braces left in the text: a mark the span rule could not read (no "]"
# right before the brace, a key without a value, no closing brace), which would be published
# as typed. An escaped brace ("\{") is not text here (markdown-it keeps it apart until the
# end of the core rules), so a body can still show such words on purpose.
STRAY_ATTRIBUTES = re.compile(r"\{[ \t]*(?:\.(?:quote|claim)(?![\w-])|(?:person|topic|by|rating|lang)[ \t]*=)")


def semantic_plugin(md: MarkdownIt) -> None:
    md.core.ruler.after("inline", "sitegen_spans", annotate_spans)
    md.add_render_rule("span_open", _render_span_open)
    md.add_render_rule("span_close", _render_span_close)


def annotate_spans(state: StateCore) -> None:
    ctx = state.env.get("sitegen")
    if ctx is None:
        return
    counters = state.env.setdefault("span_counters", {"quote": 0, "claim": 0, "correction": 0})
    refs = state.env.get("footnotes", {}).get("refs", {})
    unshown = False  # inside a footnote's definition that nothing refers to
    for block in state.tokens:
        if block.type == "footnote_reference_open":
            # (the page leaves it out, so its marks would be listed linking nowhere: a quote on
            # the person's page pointing at an anchor the article does not have)
            unshown = refs.get(":" + str(block.meta.get("label")), -1) < 0
            if unshown:
                state.env.setdefault("body_warnings", []).append(
                    (block.map[0] if block.map else 0,
                     f"footnote [^{block.meta.get('label')}] is never referred to: the page leaves it out"))
        elif block.type == "footnote_reference_close":
            unshown = False
        if unshown or block.type != "inline" or not block.children or not _may_hold_marks(block):
            continue
        _annotate(block.children, block.map[0] if block.map else 0, ctx.article_language or ctx.site_language,
                  ctx, counters, state.env)


def _annotate(children: list[Token], first_line: int, language: str, ctx, counters: dict, env: dict) -> int:
    """Read the marks of one paragraph's inline tokens (or an inline footnote's, ``^[...]``,
    which the footnote plugin keeps apart until the end of the document: read where it is
    referred to, at that line, so that its marks are checked and listed as the paragraph's).
    Returns the line breaks read, so that what follows a footnote of several lines is at its line."""
    site_language = ctx.site_language
    softbreaks = 0
    stack: list[int] = []  # where the open spans' span_open tokens are in children
    # The language of the words at this point: the article's, a span's own ({lang=de}), or
    # inside a note the site's. Quotes, claims, the words a note marks and corrections take it
    # to the lists when it is not the article's (see _record); what the archive adds, when it
    # is not the site's, says the site's (a note here, a rating or who is quoted: _lang).
    article_language = ctx.article_language or site_language
    in_force = [language]
    mentions_open = 0  # mentions (links) open at this point
    holds_interactive = False  # whether a mention holds a link, a note, ... (see _links_kept_apart)
    span_in_brackets = None  # the line of a span inside brackets a link may have been meant to make
    brackets = None  # (made at the paragraph's first span: most have none)
    for i, token in enumerate(children):
        kind = token.type  # (read once: this reads every token of the paragraph)
        if kind == "text":  # (most tokens: nothing to do, so asked first)
            if "{" in token.content:
                _find_stray_attributes(token.content, first_line + softbreaks, env)
            if span_in_brackets is not None and ("](" in token.content or "][" in token.content):  # (or a reference)
                env.setdefault("body_warnings", []).append((span_in_brackets, LINK_AROUND_SPAN))
                span_in_brackets = None
        elif kind == "span_open":
            token.meta["line"] = first_line + softbreaks
            brackets = brackets or _OpenBrackets(children)
            if span_in_brackets is None and brackets.open_before(i):
                span_in_brackets = token.meta["line"]
            _classify(token, ctx, counters, env)
            token.meta["around"] = in_force[-1]
            in_force.append(token.meta.get("lang") or in_force[-1])
            stack.append(i)
            if token.meta["kind"] in _MENTIONS:
                holds_interactive = holds_interactive or mentions_open > 0
                mentions_open += 1
            elif mentions_open and _is_interactive(token):
                holds_interactive = True
        elif kind == "span_close":
            if stack:
                opened = stack.pop()
                in_force.pop()
                opener = children[opened]
                text = _plain_text(children[opened + 1:i])
                if opener.meta["kind"] in _MENTIONS:
                    mentions_open -= 1
                    if not text.strip(_BLANK) and not any(t.type == "image" for t in children[opened + 1:i]):
                        # ("[]{person=x}": a link with nothing to click or read out)
                        env.setdefault("body_warnings", []).append(
                            (opener.meta["line"], f"a mention of {opener.meta['kind']} '{opener.meta['slug']}' "
                                                  "has no words: not linked"))
                        opener.meta["kind"] = "plain"
                token.meta.update(opener.meta)
                language = opener.meta.get("lang") or opener.meta["around"]
                _record(opener, text, children, i, env, _listed_language(language, article_language))
        elif kind == "softbreak" or kind == "hardbreak":
            softbreaks += 1
        elif token.nesting == 1 and kind.startswith("critic_"):
            _record_editorial(children, i, first_line + softbreaks, counters, env,
                              _listed_language(in_force[-1], article_language))
            if kind == "critic_note_open":  # the archive's words
                if site_language and in_force[-1] != site_language:
                    token.attrs["lang"] = site_language
                in_force.append(site_language)
                holds_interactive = holds_interactive or mentions_open > 0  # (its number is a label)
        elif kind == "critic_note_close" and len(in_force) > 1:
            in_force.pop()
        elif kind == "link_open":
            holds_interactive = holds_interactive or mentions_open > 0
            if span_in_brackets is not None and i and children[i - 1].content.endswith("]"):
                # ("[the report by [Ada]{person=ada}][r]": "[r]" made a link of its own)
                env.setdefault("body_warnings", []).append((span_in_brackets, LINK_AROUND_SPAN))
                span_in_brackets = None
        elif kind == "footnote_ref":
            holds_interactive = holds_interactive or mentions_open > 0  # (a link to the footnote)
            inline = env.get("footnotes", {}).get("list", {}).get(token.meta.get("id"), {}).get("tokens")
            if inline:  # (a footnote's label and definition, [^1]: ..., are a block of their own)
                # (in the article's language: the footnote is shown at the end of the body, out
                # of the span or note it is referred to from)
                softbreaks += _annotate(inline, first_line + softbreaks, article_language, ctx, counters, env)
    if holds_interactive:
        children[:] = _links_kept_apart(children, env)
    return softbreaks


# What shows nothing: spaces, and the invisible characters a pasted text may hold (zero-width
# spaces and joiners, a soft hyphen, a byte-order mark).
_BLANK = " \t\n\u00a0\u200b\u200c\u200d\u2060\ufeff\u00ad"

# The kinds of span that are links on the page: a mention of a person or topic.
_MENTIONS = ("person", "topic")


def _is_interactive(opener: Token) -> bool:
    """Whether a span makes a link or a control besides its words: a mention, a claim (its
    rating badge), a quote of a named speaker (who is quoted)."""
    kind = opener.meta.get("kind")
    return kind in _MENTIONS or kind == "claim" or (kind == "quote" and bool(opener.meta.get("speaker")))


def _links_kept_apart(children: list[Token], env: dict) -> list[Token]:
    """The tokens with every mention's link closed before what inside it is a link or a
    control of its own, and opened again after it.

    A mention is a link (``<a>``); a note inside it (``[Professor {==Levinson==}{>>…<<}]{person=x}``)
    put its number's label and checkbox inside that link, a link or a footnote's reference made
    a link inside a link, a quote its "quote by" link: HTML no browser reads as written (it
    closes the first link at the second). So the mention's words around such a part are
    linked, each stretch a link of its own to the same page, and the part is left out of them
    (a part inside a mention's emphasis takes the emphasis out with it)."""
    result: list[Token] = []
    i = 0
    while i < len(children):
        token = children[i]
        if token.type == "span_open" and token.meta.get("kind") in _MENTIONS:
            close = _end_of(children, i)
            result.extend(_mention_split(children, i, close, env))
            i = close + 1
        else:
            result.append(token)
            i += 1
    return result


def _end_of(children: list[Token], start: int) -> int:
    """The index of the token that closes the one opened at ``start`` (itself if it opens nothing)."""
    if children[start].nesting != 1:
        return start
    depth = 0
    for j in range(start, len(children)):
        depth += children[j].nesting
        if depth == 0:
            return j
    return len(children) - 1


def _mention_split(children: list[Token], opened: int, closed: int, env: dict) -> list[Token]:
    opener, closer = children[opened], children[closed]
    result: list[Token] = []
    stretch: list[Token] = []  # the mention's words since its link was last opened
    linked = False  # whether a stretch of its words was linked

    def end_stretch():
        nonlocal linked
        if any(_shows_something(t) for t in stretch):  # (no link without words: markdown-it leaves empty texts)
            result.extend([copy(opener), *stretch, copy(closer)])
            linked = True
        else:
            result.extend(stretch)
        stretch.clear()

    i = opened + 1
    while i < closed:
        end = _end_of(children, i)
        part = children[i:end + 1]
        if any(t.type in _INTERACTIVE_TOKENS or (t.type == "span_open" and _is_interactive(t)) for t in part):
            end_stretch()
            result.extend(_links_kept_apart(part, env))  # (a mention inside it keeps its own link)
        else:
            stretch.extend(part)
        i = end + 1
    end_stretch()
    if not linked:  # ("[[her notes](https://…)]{person=x}": every word inside the link)
        env.setdefault("body_warnings", []).append(
            (opener.meta["line"], f"a mention of {opener.meta['kind']} '{opener.meta['slug']}' has no words of its own "
                                  "outside the link or note it holds: not linked"))
    return result


_INTERACTIVE_TOKENS = ("link_open", "footnote_ref", "critic_note_open")

# markdown-it makes no link whose text holds another bracketed token (a link in a link is not
# HTML), and a span is one: "[the report by [Dana Roe]{person=x}](https://…)" was published
# with its brackets and address as text, without a word.
LINK_AROUND_SPAN = ("a link's text holds a span ([…]{…}), and a link cannot: it is not made, and the page shows "
                    "the link's Markdown as text; keep the span out of the link's text")


class _OpenBrackets:
    """``open_before(i)``: whether the paragraph's text before ``children[i]`` leaves a "["
    open (a link's text, if a "](" follows). Asked only at spans, in order: the text is
    counted once, from where the last question left off."""

    def __init__(self, children: list[Token]):
        self.children, self.counted, self.open = children, 0, 0

    def open_before(self, at: int) -> bool:
        for token in self.children[self.counted:at]:
            if token.type == "text":
                self.open += token.content.count("[") - token.content.count("]")
        self.counted = at
        return self.open > 0


def _shows_something(token: Token) -> bool:
    """Whether the token puts words or a picture on the page."""
    if token.type in ("text", "text_special", "code_inline"):
        return bool(token.content.strip(_BLANK))
    return token.type == "image"


def _may_hold_marks(block: Token) -> bool:
    """Whether the paragraph may hold a mark read here: a span, a CriticMarkup mark or a stray
    brace each has a "{" in the paragraph's source, which holds the text of all its tokens.
    A third of the paragraphs of the benchmark archive have none."""
    return "{" in block.content


def _classify(token: Token, ctx, counters: dict, env: dict) -> None:
    attrs = token.attrs
    classes = str(attrs.get("class", "")).split()
    line = token.meta["line"]
    if "quote" in classes:
        counters["quote"] += 1
        token.meta.update(kind="quote", anchor=f"quote-{counters['quote']}")
        speaker = str(attrs.get("by", ""))
        if speaker and speaker not in ctx.person_names:
            _problem(env, line, f"quote by '{speaker}': no such person{did_you_mean(speaker, ctx.person_names)}")
            speaker = ""
        token.meta["speaker"] = speaker
    elif "claim" in classes:
        counters["claim"] += 1
        rating = str(attrs.get("rating", ""))
        token.meta.update(kind="claim", anchor=f"claim-{counters['claim']}", rating=rating)
        if not rating:
            _problem(env, line, f"claim without a rating (add rating=, one of {', '.join(RATINGS)})")
        elif rating not in RATINGS:
            _problem(env, line, f"claim rating '{rating}' is not one of {', '.join(RATINGS)}{did_you_mean(rating, RATINGS)}")
    elif "person" in attrs:
        slug = str(attrs["person"])
        token.meta.update(kind="person", slug=slug)
        if slug not in ctx.person_names:
            _problem(env, line, f"mention of person '{slug}': no such person{did_you_mean(slug, ctx.person_names)}")
            token.meta["kind"] = "plain"
    elif "topic" in attrs:
        slug = str(attrs["topic"])
        token.meta.update(kind="topic", slug=slug)
        if slug not in ctx.topic_names:
            _problem(env, line, f"mention of topic '{slug}': no such topic{did_you_mean(slug, ctx.topic_names)}")
            token.meta["kind"] = "plain"
    else:
        token.meta["kind"] = "plain"
    if "lang" in attrs:  # words in another language than the text around them: {lang=de}
        tag = normal_tag(str(attrs["lang"]))
        if tag is None:
            _problem(env, line, f"span lang {not_a_tag(str(attrs['lang']))}")
        else:
            token.meta["lang"] = tag
    unknown = [c for c in classes if c not in KNOWN_CLASSES]
    if unknown:
        _problem(env, line, f"unknown span class '.{unknown[0]}' (use .quote or .claim){did_you_mean(unknown[0], KNOWN_CLASSES)}")
    for key in token.meta.get("insecure_attrs", ()):
        env.setdefault("body_warnings", []).append(
            (line, f"span attribute '{key}' is not one sitegen reads (person, topic, by, rating, lang, id, class): "
                   f"left out of the page{did_you_mean(key, ALLOWED_ATTRIBUTES)}"))


def _find_stray_attributes(text: str, line: int, env: dict) -> None:
    for found in STRAY_ATTRIBUTES.finditer(text):
        end = text.find("}", found.start())
        shown = text[found.start():end + 1 if end >= 0 else len(text)]
        if len(shown) > 40:
            shown = shown[:39] + "…"
        _problem(env, line, f"malformed span: '{shown}' would be shown as typed (a span is [text]{{...}}: "
                            "the brace right after ']', a value for every key, and a closing '}')")


def _listed_language(language: str, article_language: str) -> str:
    """The language of a mark's words (a quote's, a claim's, the words a note marks, a
    correction's) for the lists they are shown in: '' when it is the article's."""
    return "" if language == article_language else language


def _record(opener: Token, text: str, children: list[Token], close_index: int, env: dict, lang: str) -> None:
    """A quote or claim becomes an annotation, in ``lang`` (see _listed_language); a mention
    names its person."""
    kind = opener.meta.get("kind")
    if kind == "quote":
        env.setdefault("annotations", []).append(
            Annotation("quote", opener.meta["anchor"], text=text, speaker=opener.meta["speaker"], line=opener.meta["line"] + 1,
                       lang=lang)
        )
    elif kind == "claim":
        note = _following_note_text(children, close_index)
        env.setdefault("annotations", []).append(
            Annotation("claim", opener.meta["anchor"], text=text, note=note, rating=opener.meta["rating"], line=opener.meta["line"] + 1,
                       lang=lang)
        )
    elif kind == "person":
        env.setdefault("mentioned_people", set()).add(opener.meta["slug"])


def _record_editorial(children: list[Token], i: int, line: int, counters: dict, env: dict, lang: str = "") -> None:
    """Notes and corrections (CriticMarkup tokens) become annotations with a stable anchor;
    ``lang``: the language of the words around them, when it is not the article's."""
    token = children[i]
    kind = token.type[len("critic_"):-len("_open")]
    annotations = env.setdefault("annotations", [])
    if kind == "note":
        follows = children[i - 1] if i > 0 else None
        if follows is not None and follows.type == "span_close" and follows.meta.get("kind") == "claim":
            return  # the evidence of a fact-check: recorded with its claim, not as a note of its own
        number = token.meta.get("number")
        anchored = _text_between(children, i - 1, "critic_annotated", backwards=True) if token.meta.get("anchored") else ""
        annotations.append(Annotation("note", f"note-ref-{number}", text=anchored,
                                      note=_text_between(children, i, "critic_note"), line=line + 1, lang=lang))
    elif kind in ("correction", "insert", "delete"):
        counters["correction"] += 1
        anchor = f"correction-{counters['correction']}"
        token.attrs["id"] = anchor
        if kind == "correction":
            old = _text_between(children, _index_of(children, i, "critic_old_open"), "critic_old")
            new = _text_between(children, _index_of(children, i, "critic_new_open"), "critic_new")
        else:
            text = _text_between(children, i, f"critic_{kind}")
            old, new = ("", text) if kind == "insert" else (text, "")
        annotations.append(Annotation("correction", anchor, text=new, note=old, line=line + 1, lang=lang))


def _index_of(children: list[Token], start: int, token_type: str) -> int:
    for j in range(start, len(children)):
        if children[j].type == token_type:
            return j
    return start


def _text_between(children: list[Token], open_index: int, name: str, backwards: bool = False) -> str:
    """Plain text inside the ``name_open``/``name_close`` pair at ``open_index`` (or ending there)."""
    opening, closing = f"{name}_open", f"{name}_close"  # (made once, not at every token)
    if backwards:
        if open_index < 0 or children[open_index].type != closing:
            return ""
        depth, j = 0, open_index
        while j >= 0:
            if children[j].type == closing:
                depth += 1
            elif children[j].type == opening:
                depth -= 1
                if depth == 0:
                    break
            j -= 1
        open_index = j
    depth, parts = 0, []
    for token in children[open_index:]:
        if token.type == opening:
            depth += 1
        elif token.type == closing:
            depth -= 1
            if depth == 0:
                break
        elif token.type in ("text", "text_special", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts).strip()


def _following_note_text(children: list[Token], close_index: int) -> str:
    """The evidence: the plain text of a CriticMarkup note right after the claim span."""
    nxt = close_index + 1
    if nxt < len(children) and children[nxt].type == "critic_note_open":
        return _text_between(children, nxt, "critic_note")
    return ""


def _plain_text(inside: list[Token]) -> str:
    """The plain text of a span's tokens, given by place: looking for the span's first token
    from the start of its paragraph made a paragraph of many spans quadratic. (With the type
    names made once in _text_between, 6 M fewer instructions in 150 bodies, callgrind.)"""
    parts = []
    for token in inside:
        if token.type in ("text", "text_special", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def _problem(env: dict, line: int, message: str) -> None:
    env.setdefault("body_problems", []).append((line, message))


def _render_span_open(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    ctx = env.get("sitegen")
    kind = token.meta.get("kind", "plain")
    lang = f' lang="{token.meta["lang"]}"' if "lang" in token.meta else ""  # (a checked tag: nothing to escape)
    if kind == "person" and ctx:
        return f'<a class="mention mention-person" href="{escape(ctx.person_url(token.meta["slug"]))}"{lang}>'
    if kind == "topic" and ctx:
        return f'<a class="mention mention-topic" href="{escape(ctx.topic_url(token.meta["slug"]))}"{lang}>'
    if kind == "quote":
        speaker = token.meta.get("speaker", "")
        data = f' data-speaker="{escape(speaker)}"' if speaker else ""
        return f'<span class="quote" id="{token.meta["anchor"]}"{data}{lang}>'
    if kind == "claim":
        rating = token.meta.get("rating", "")
        return f'<span class="claim claim-{escape(rating)}" id="{token.meta["anchor"]}"{lang}>'
    element_id = token.attrs.get("id")
    return f'<span id="{escape(str(element_id))}"{lang}>' if element_id else f"<span{lang}>"


# Around who is quoted and a fact-check's rating, for what reads the page as text: the words of
# elements one after the other, so that the quote's last and the name's first ran together
# ("« … ici »Jean Dupont", "le maire a mentiFalse" in a search result's excerpt: Pagefind's, and
# a feed reader's, without the site's style). Set off as an aside there, "« … ici » (Jean
# Dupont) hier soir"; out of sight (the style sets the name or the badge apart), and out of the
# link's name for a screen reader ("quote by Jean Dupont", "False").
_ASIDE_OPEN = '<span class="visually-hidden" aria-hidden="true"> (</span>'
_ASIDE_CLOSE = '<span class="visually-hidden" aria-hidden="true">)</span>'


def _render_span_close(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    ctx = env.get("sitegen")
    kind = token.meta.get("kind", "plain")
    if kind in ("person", "topic") and ctx:
        return "</a>"
    if kind == "quote":
        speaker = token.meta.get("speaker", "")
        if speaker and ctx:
            name = escape(ctx.person_names.get(speaker, speaker))
            url = escape(ctx.person_url(speaker))
            # Added by the archive, not the source: hidden in the "as published" view.
            return (f'</span><a class="quote-by" data-editorial{_lang(token, ctx)} href="{url}" title="Quote by {name}">'
                    f'{_ASIDE_OPEN}<span class="visually-hidden" data-pagefind-ignore>quote by </span>{name}{_ASIDE_CLOSE}</a>')
        return "</span>"
    if kind == "claim":
        rating = token.meta.get("rating", "")
        label = escape(RATINGS.get(rating, rating or "unrated"))
        return (f'</span><a class="rating-badge rating-{escape(rating)}" data-editorial{_lang(token, ctx)} '
                f'href="#{token.meta["anchor"]}" title="Fact-check rating">{_ASIDE_OPEN}{label}{_ASIDE_CLOSE}</a>')
    return "</span>"


def _lang(token: Token, ctx) -> str:
    """The lang of what the archive adds after a span (a rating, who is quoted): the site's,
    said when the words around the span are in another language."""
    if ctx is None or not ctx.site_language or token.meta.get("around", ctx.site_language) == ctx.site_language:
        return ""
    return f' lang="{escape(ctx.site_language)}"'
