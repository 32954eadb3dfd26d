"""What a body moved from Hugo, Jekyll or Pelican may hold that sitegen does not read: each
is a warning at its line saying what to write instead (see render_body in __init__.py)."""

from __future__ import annotations

import re
from urllib.parse import unquote

from markdown_it import MarkdownIt


# What a body moved from Hugo, Jekyll or Pelican may hold that sitegen does not read, and shows
# as typed: Hugo's shortcodes ("{{< figure src=... >}}", "{{% note %}}"), the summary divider
# "<!--more-->" (Jekyll's too), Jekyll's Liquid ("{% post_url ... %}", "{{ site.baseurl }}"),
# Pelican's links to its own pages ("[x]({filename}/other.md)", "{static}/images/a.png",
# "{tag}name"), which lead nowhere, and Python-Markdown's (Pelican's) marks at a line's start:
# "[TOC]", an abbreviation ("*[HTML]: Hyper Text Markup Language"), a definition list (a term,
# then ":   its definition") and a code block's language (":::python" as its first line).
_BRACES = re.compile(r"\{[{%]")  # ("{{", "{%")
_PELICAN_ADDRESS = re.compile(r"\](?:\(|:[ \t]*)[{|]")  # ("]({filename}", "](|static|", "[x]: {filename}")
_LINE_START = r"[ \t]*(?::|\*\[|\[TOC\])"  # (":   ", "    :::python", "*[HTML]:", "[TOC]")
_AT_A_LINES_START = re.compile(r"\n" + _LINE_START)
_AT_THE_FIRST_LINES_START = re.compile(_LINE_START)


def may_hold_other_generators_marks(text: str) -> bool:
    """Whether the body may hold one of those, by searches of its text that every body pays for:
    each regular expression starts with one character, which the search looks for as quickly as
    for a string, where a string starting with "{" or "]" was tried at each of the body's many
    annotation marks (twice the time of these four at 10,000 articles). Python-Markdown's marks
    are read at a line's start only, so one search finds them all, led by the line break: "[TOC]"
    among them, for less than its own search of the whole text cost: over the benchmark's bodies
    (4,900 characters), a search more of the whole text took 2.5 µs a body, this one 0.5 µs."""
    return (_BRACES.search(text) is not None or _PELICAN_ADDRESS.search(text) is not None
            or "<!--more-->" in text or _AT_A_LINES_START.search(text) is not None
            or _AT_THE_FIRST_LINES_START.match(text) is not None)
_OTHER_MARKUP = re.compile(r"(?P<hugo>\{\{[<%].*?[%>]\}\}|\{\{[<%])|(?P<more><!--more-->)"
                           r"|(?P<liquid>\{%[^\n]*?%\}|\{\{[^\n]*?\}\})", re.DOTALL)
HUGO_SHORTCODE = ("Hugo's shortcode {found} is shown as typed: sitegen has none (write Markdown: an image is "
                  "![text](file.jpg), a quote a '> ' line)")
SUMMARY_DIVIDER = ("the summary divider <!--more--> (Hugo's, or Jekyll's excerpt_separator) is shown as typed: a "
                   "listing's summary is 'summary' in the front matter")
LIQUID = "Jekyll's Liquid {found} is shown as typed: sitegen reads none in a body ({instead})"
FENCED_CODE = "write a fenced code block: a line ```{language} before the code, ``` after it"
LIQUID_INSTEAD = (
    (("post_url", "link ", "site.baseurl", "site.url", "relative_url", "absolute_url"),
     "link an article from the site's root, /articles/<its folder>/, and a file beside index.md by its name: "
     "the base path is put before such a link"),
    (("highlight", "endhighlight"), FENCED_CODE.format(language="python")),
    (("raw", "endraw"), "take it out: Markdown shows braces as typed"),
)
LIQUID_ELSE = "write what it made as Markdown"
TOC = ("[TOC] (Python-Markdown's, as Pelican uses it) is shown as typed: sitegen makes no table of contents; "
       "take it out, or link the headings yourself")
# Python-Markdown's marks of a line (as Pelican's Markdown reads them, at most three spaces in):
# an abbreviation, whose title has no "*" ("*[Correction]: ...*" is emphasis, as Markdown reads
# it); a definition after its term's line, a colon and one to three spaces; a code block's first
# line naming its language (codehilite's "::python" or ":::python", "hl_lines=" after it; a
# language's name starts with a letter: "::1" is an address).
ABBREVIATION = re.compile(r"[ ]{0,3}\*\[[^\]\\\n]+\] ?:[^*\n]*")
DEFINITION = re.compile(r"[ ]{0,3}:[ ]{1,3}\S")
CODE_LANGUAGE = re.compile(r"[ \t]*:{2,}(?P<language>[A-Za-z][\w#.+-]*)(?:[ \t]+hl_lines=.*)?[ \t]*")
ABBREVIATION_SHOWN = ("Python-Markdown's abbreviation {found} (as Pelican reads it) is shown as typed: sitegen has "
                      "none; write the words out where the abbreviation is first used ('Hyper Text Markup Language "
                      "(HTML)'), and take the line out")
DEFINITION_LIST = ("a definition list (Python-Markdown's, as Pelican reads it: a term's line, then ':   ' and its "
                   "definition) is shown as typed: sitegen has none; write a list instead, a line '- **term**: "
                   "its definition' each")
CODE_LANGUAGE_SHOWN = ("Python-Markdown's {found} (a code block's language, as Pelican reads it) is shown as the "
                       "code's first line: " + FENCED_CODE)
# A definition's term is a few words on a line of their own, with no annotation; a line of
# prose wrapped before a colon, as French sets it ("il a dit\n: « non »"), is longer (wrapped
# lines fill 70 characters or so), and a note's first line has its "{>>".
TERM_MOST = 40
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
    blocks = md.parse(text, {"sitegen": context})
    found += python_markdowns_line_marks(blocks, text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    for block in blocks:
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


def python_markdowns_line_marks(blocks: list, lines: list[str]) -> list[tuple[int, str]]:
    """(line, warning) for each of Python-Markdown's marks of a line that sitegen shows as typed:
    "[TOC]" as a paragraph, an abbreviation's line and the first definition of a definition list
    in a paragraph of the body's own (not in a quote, a list or a footnote), and a code block's
    first line naming its language. Each is read on the line as written: a quote's "> " before
    it makes no such line, as for the search that lets a body come here (see
    may_hold_other_generators_marks)."""
    found = []
    terms_before = 0  # (the short lines that ended the paragraph before, when it was no list)
    for index, block in enumerate(blocks):
        if block.type == "code_block" and block.map:
            first = lines[block.map[0]]
            if (code := CODE_LANGUAGE.fullmatch(first)) is not None:
                found.append((block.map[0], CODE_LANGUAGE_SHOWN.format(found=repr(first.strip()),
                                                                         language=code.group("language"))))
        if block.level == 0 and block.type not in ("paragraph_open", "paragraph_close"):
            terms_before = 0  # (a heading, a list, a quote between: no term of a definition below)
        if block.type != "inline" or block.level != 1 or not block.map or blocks[index - 1].type != "paragraph_open":
            continue
        start, end = block.map
        if block.content == "[TOC]" and lines[start].lstrip(" \t").startswith("[TOC]"):
            found.append((start, TOC))
        terms, listed = terms_before, False
        for number in range(start, end):
            line = lines[number]
            if ABBREVIATION.fullmatch(line):
                found.append((number, ABBREVIATION_SHOWN.format(found=repr(_shortened(line.strip())))))
                terms = 0
            elif DEFINITION.match(line):
                if terms and not listed:
                    found.append((number, DEFINITION_LIST))
                listed = listed or bool(terms)
            elif len(line.strip()) <= TERM_MOST and not line.startswith((" ", "\t")) and "{" not in line:
                terms += 1
            else:
                terms = 0  # (a line of prose, a definition's line carried on, or one with an annotation)
        terms_before = 0 if listed else terms
    return found


def _other_markup_message(match: re.Match) -> str:
    shown = repr(_shortened(" ".join(match.group(0).split())))
    if match.group("hugo"):
        return HUGO_SHORTCODE.format(found=shown)
    if match.group("more"):
        return SUMMARY_DIVIDER
    words = match.group(0)[2:-2].split()
    instead = next((advice for names, advice in LIQUID_INSTEAD
                    if words and any(words[0] == name.strip() or name in match.group(0) for name in names)), LIQUID_ELSE)
    return LIQUID.format(found=shown, instead=instead)


def _shortened(text: str, most: int = 40) -> str:
    """``text`` as a message shows it: at most ``most`` characters, the last an ellipsis."""
    return text if len(text) <= most else text[:most - 1] + "…"
