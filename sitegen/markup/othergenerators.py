"""What a body moved from Hugo, Jekyll or Pelican may hold that sitegen does not read: each
is a warning at its line saying what to write instead (see render_body in __init__.py)."""

from __future__ import annotations

import re
from urllib.parse import unquote

from markdown_it import MarkdownIt


# What a body moved from Hugo, Jekyll or Pelican may hold that sitegen does not read, and shows
# as typed: Hugo's shortcodes ("{{< figure src=... >}}", "{{% note %}}"), the summary divider
# "<!--more-->" (Jekyll's too), Jekyll's Liquid ("{% post_url ... %}", "{{ site.baseurl }}"),
# Python-Markdown's "[TOC]" (Pelican's), and Pelican's links to its own pages
# ("[x]({filename}/other.md)", "{static}/images/a.png", "{tag}name"), which lead nowhere.
_BRACES = re.compile(r"\{[{%]")  # ("{{", "{%")
_PELICAN_ADDRESS = re.compile(r"\](?:\(|:[ \t]*)[{|]")  # ("]({filename}", "](|static|", "[x]: {filename}")


def may_hold_other_generators_marks(text: str) -> bool:
    """Whether the body may hold one of those, by searches of its text that every body pays for:
    each regular expression starts with one character, which the search looks for as quickly as
    for a string, where a string starting with "{" or "]" was tried at each of the body's many
    annotation marks (twice the time of these four at 10,000 articles)."""
    return (_BRACES.search(text) is not None or _PELICAN_ADDRESS.search(text) is not None
            or "<!--more-->" in text or "[TOC]" in text)
_OTHER_MARKUP = re.compile(r"(?P<hugo>\{\{[<%].*?[%>]\}\}|\{\{[<%])|(?P<more><!--more-->)"
                           r"|(?P<liquid>\{%[^\n]*?%\}|\{\{[^\n]*?\}\})|(?P<toc>\[TOC\])", re.DOTALL)
HUGO_SHORTCODE = ("Hugo's shortcode {found} is shown as typed: sitegen has none (write Markdown: an image is "
                  "![text](file.jpg), a quote a '> ' line)")
SUMMARY_DIVIDER = ("the summary divider <!--more--> (Hugo's, or Jekyll's excerpt_separator) is shown as typed: a "
                   "listing's summary is 'summary' in the front matter")
LIQUID = "Jekyll's Liquid {found} is shown as typed: sitegen reads none in a body ({instead})"
LIQUID_INSTEAD = (
    (("post_url", "link ", "site.baseurl", "site.url", "relative_url", "absolute_url"),
     "link an article from the site's root, /articles/<its folder>/, and a file beside index.md by its name: "
     "the base path is put before such a link"),
    (("highlight", "endhighlight"), "write a fenced code block: a line ```python before the code, ``` after it"),
    (("raw", "endraw"), "take it out: Markdown shows braces as typed"),
)
LIQUID_ELSE = "write what it made as Markdown"
TOC = ("[TOC] (Python-Markdown's, as Pelican uses it) is shown as typed: sitegen makes no table of contents; "
       "take it out, or link the headings yourself")
# Pelican's links to its own content, and what says the same here.
PELICAN_LINK = re.compile(r"[{|](filename|static|attach|tag|category|author|index|tags|categories|authors)[}|]"
                          r"(.*)")
PELICAN_INSTEAD = {"filename": "link the article from the site's root: /articles/<its folder>/",
                   "static": "put the file beside index.md and link it by its name alone",
                   "tag": "a topic's page is /topics/<slug>/", "category": "a topic's page is /topics/<slug>/",
                   "author": "a person's page is /people/<slug>/", "index": "the archive's page is /",
                   "tags": "the list of topics is /topics/", "categories": "the list of topics is /topics/",
                   "authors": "the list of people is /people/"}
PELICAN_INSTEAD["attach"] = PELICAN_INSTEAD["static"]


def other_generators_marks(md: MarkdownIt, text: str, context) -> list[tuple[int, str]]:
    """(line, warning) for each of another generator's marks in the body's text, not in its
    code (a body may show them as code, which is what code is for), and each of Pelican's links
    to its own pages. ``context``: the body's BodyContext, as rendering it had."""
    found = []
    for block in md.parse(text, {"sitegen": context}):
        if block.type != "inline" or not block.map:
            continue
        # The text between code spans, links' ends and the like, its tokens joined: the parser
        # stops a text token at "<" or "%" ("{{", "<", " figure ... ", ">", "}}").
        # Each run with the line it starts on: the paragraph's first, and one more at each break.
        runs, run, line = [], [], block.map[0]
        run_line = line
        for token in block.children or ():
            if token.type in ("text", "text_special", "softbreak"):
                run.append("\n" if token.type == "softbreak" else token.content)
                line += token.type == "softbreak"
                continue
            runs.append((run_line, "".join(run)))
            line += token.type == "hardbreak"
            run, run_line = [], line
            if token.type in ("link_open", "image"):
                address = unquote(token.attrGet("src" if token.type == "image" else "href") or "")
                if (pelican := PELICAN_LINK.match(address)) is not None:
                    found.append((line, f"Pelican's link '{_shortened(address)}' leads nowhere here: "
                                        f"{PELICAN_INSTEAD[pelican.group(1)]}"))
        runs.append((run_line, "".join(run)))
        for first, text_run in runs:
            for match in _OTHER_MARKUP.finditer(text_run):
                found.append((first + text_run.count("\n", 0, match.start()), _other_markup_message(match)))
    return found


def _other_markup_message(match: re.Match) -> str:
    shown = repr(_shortened(" ".join(match.group(0).split())))
    if match.group("hugo"):
        return HUGO_SHORTCODE.format(found=shown)
    if match.group("more"):
        return SUMMARY_DIVIDER
    if match.group("toc"):
        return TOC
    words = match.group(0)[2:-2].split()
    instead = next((advice for names, advice in LIQUID_INSTEAD
                    if words and any(words[0] == name.strip() or name in match.group(0) for name in names)), LIQUID_ELSE)
    return LIQUID.format(found=shown, instead=instead)


def _shortened(text: str, most: int = 40) -> str:
    """``text`` as a message shows it: at most ``most`` characters, the last an ellipsis."""
    return text if len(text) <= most else text[:most - 1] + "…"
