"""The configured Markdown parser and body rendering.

One ``MarkdownIt`` instance with our plugins: CommonMark + tables + strikethrough, footnotes,
attribute spans (only the attributes we document get through; read by ``spans``), CriticMarkup
editorial marks, and the meaning marks of ``semantic``. Raw HTML is off: a body can never
inject markup.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable, Mapping
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.footnote import footnote_plugin

from ..model import Annotation
from .criticmarkup import criticmarkup_plugin
from .blocks import quick_block_rules
from .delimiters import skip_unmarked_pairing
from .helpers import LinkHelpers
from .highlight import highlight_code
from .inlinerules import quick_inline_rules
from .mentions import link_first_mentions_plugin
from .renderer import BodyRenderer
from .semantic import ALLOWED_ATTRIBUTES, semantic_plugin
from .spans import spans_plugin
from .textjoin import skip_needless_text_join


@dataclass(frozen=True, slots=True)
class BodyContext:
    """What rendering a body needs to know about the rest of the site."""

    person_url: Callable[[str], str]
    topic_url: Callable[[str], str]
    person_names: Mapping[str, str]  # every known person: slug -> display name
    topic_names: Mapping[str, str]
    # Names (and aliases) of the people in this article's front matter, longest first,
    # for linking their first mention in the body.
    auto_link_names: tuple[tuple[str, str], ...] = ()
    # Where the bundle's files are, relative to the page, when not beside it ("x/" for a page
    # 2016/x.html: see render.urls.bundle_prefix), and their names: a link or image naming
    # one of them ("photo.jpg") is made to point there ("x/photo.jpg").
    bundle_prefix: str = ""
    bundle_files: frozenset[str] = frozenset()
    # The site's path on its host ("/repo/" for a GitHub project's pages): a link from the
    # site's root ("/articles/x/") is a link into the archive, and is made to point under it.
    base_path: str = "/"
    # The site's language tag and the article's own, if it gives one (see languages.py): what
    # the archive adds to a body (notes, fact-check ratings, who is quoted) is in the site's
    # language, and says so in its lang wherever the words around it are in another.
    site_language: str = ""
    article_language: str = ""


@dataclass(frozen=True, slots=True)
class RenderedBody:
    html: str
    annotations: tuple[Annotation, ...]
    problems: tuple[tuple[int, str], ...]  # (0-based line in the body, message)
    mentioned_people: tuple[str, ...] = ()  # people marked or auto-linked in the body
    warnings: tuple[tuple[int, str], ...] = ()  # (0-based line in the body, message)


def create_markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False, "highlight": highlight_code},
                    renderer_cls=BodyRenderer)
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin)
    md.use(attrs_plugin, spans=True, allowed=ALLOWED_ATTRIBUTES)
    md.use(spans_plugin, ALLOWED_ATTRIBUTES)
    md.use(criticmarkup_plugin)
    md.use(semantic_plugin)
    md.use(link_first_mentions_plugin)
    md.core.ruler.after("inline", "sitegen_bundle_files", _point_into_the_site)
    md.validateLink = _is_safe_link
    md.helpers = LinkHelpers()  # (a quicker parseLinkDestination: see helpers.py)
    quick_block_rules(md)  # (each block rule asked only where its block may start: see blocks.py)
    quick_inline_rules(md)  # (each inline rule asked only where its construct may start: see inlinerules.py)
    skip_unmarked_pairing(md)  # (no pairing of emphasis markers in text with none: see delimiters.py)
    skip_needless_text_join(md)  # (no joining of escaped characters in a body with none: see textjoin.py)
    # A pure function of the URL, remembered: a link in a note is read twice (once to find
    # where the note ends), and in the benchmark archive nearly half the calls were repeats.
    md.normalizeLink = functools.lru_cache(maxsize=4096)(functools.partial(_normalize_link, md.normalizeLink))
    return md


# A plain web address: http(s), a host of lower-case ASCII labels (63 characters at most, four
# at most: at most 255 in all), a path of letters, digits and "-._~/" only, no query, fragment
# or "%". markdown-it's normalizeLink gives it back unchanged: mdurl splits it into protocol,
# host and path and joins them again, punycode leaves ASCII labels as they are, and percent-
# encoding leaves those characters alone. Most links are such; the parse is then skipped.
_PLAIN_WEB_ADDRESS = re.compile(r"https?://(?:[a-z0-9-]{1,63}\.){0,3}[a-z0-9-]{1,63}(?:/[A-Za-z0-9._~/-]*)?")


def _normalize_link(normalize: Callable[[str], str], url: str) -> str:
    """markdown-it's ``normalize`` of ``url``, without its work when the result is ``url``."""
    return url if _PLAIN_WEB_ADDRESS.fullmatch(url) else normalize(url)


def _point_into_the_site(state) -> None:
    """Links and images to the site's own files, as the page's address needs them: a bundle's
    file by its name alone ("photo.jpg", when the page is not beside it: see BodyContext), and
    an address from the site's root ("/articles/x/", "/topics/y/") under the base path, so that
    it works on a GitHub project's pages (``/repo/articles/x/``) as on a site of its own. (Not
    one written with the base path already, nor "//host/...", which is another site.)"""
    ctx = state.env.get("sitegen")
    if ctx is None:
        return
    prefix, base = ctx.bundle_prefix, ctx.base_path
    if not prefix and base == "/":
        return
    for block in state.tokens:
        for token in block.children or ():
            attribute = "src" if token.type == "image" else "href" if token.type == "link_open" else None
            url = token.attrGet(attribute) if attribute else None
            if not url:
                continue
            if url[0] == "/":
                if base != "/" and not url.startswith(("//", base)) and url + "/" != base:
                    token.attrSet(attribute, base + url[1:])
            elif prefix:
                parts = urlsplit(url)
                if not (parts.scheme or parts.netloc) and unquote(parts.path) in ctx.bundle_files:
                    token.attrSet(attribute, prefix + url)


def _is_safe_link(url: str) -> bool:
    """Only web, mail and relative links: never javascript:, data:, vbscript: or file:."""
    scheme = url.strip().split(":", 1)[0].lower() if ":" in url.split("/", 1)[0] else ""
    return scheme in ("", "http", "https", "mailto")


def render_body(md: MarkdownIt, text: str, context: BodyContext) -> RenderedBody:
    env: dict = {"sitegen": context}
    html = md.render(text, env)
    problems = list(env.get("body_problems", []))
    for problem in env.get("critic_problems", []):
        problems.append((problem.line, problem.message))
    annotations = sorted(env.get("annotations", []), key=lambda a: (a.line, a.anchor))
    mentioned = sorted(env.get("mentioned_people", set()) | env.get("auto_linked_people", set()))
    warnings = env.get("body_warnings", [])
    if _may_hold_other_generators_marks(text):  # (rare: a body moved from Hugo, Pelican or Jekyll; looked at
        warnings = warnings + _other_generators_markup(md, text, context)  # again only then)
    return RenderedBody(html, tuple(annotations), tuple(sorted(problems)), tuple(mentioned), tuple(sorted(warnings)))


# What a body moved from Hugo, Jekyll or Pelican may hold that sitegen does not read, and shows
# as typed: Hugo's shortcodes ("{{< figure src=... >}}", "{{% note %}}"), the summary divider
# "<!--more-->" (Jekyll's too), Jekyll's Liquid ("{% post_url ... %}", "{{ site.baseurl }}"),
# Python-Markdown's "[TOC]" (Pelican's), and Pelican's links to its own pages
# ("[x]({filename}/other.md)", "{static}/images/a.png", "{tag}name"), which lead nowhere.
_BRACES = re.compile(r"\{[{%]")  # ("{{", "{%")
_PELICAN_ADDRESS = re.compile(r"\](?:\(|:[ \t]*)[{|]")  # ("]({filename}", "](|static|", "[x]: {filename}")


def _may_hold_other_generators_marks(text: str) -> bool:
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


def _other_generators_markup(md: MarkdownIt, text: str, context: BodyContext) -> list[tuple[int, str]]:
    """(line, warning) for each of another generator's marks in the body's text, not in its
    code (a body may show them as code, which is what code is for), and each of Pelican's links
    to its own pages."""
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
                    shown = address if len(address) <= 40 else address[:39] + "…"
                    found.append((line, f"Pelican's link '{shown}' leads nowhere here: "
                                        f"{PELICAN_INSTEAD[pelican.group(1)]}"))
        runs.append((run_line, "".join(run)))
        for first, text_run in runs:
            for match in _OTHER_MARKUP.finditer(text_run):
                found.append((first + text_run.count("\n", 0, match.start()), _other_markup_message(match)))
    return found


def _other_markup_message(match: re.Match) -> str:
    shown = " ".join(match.group(0).split())
    shown = repr(shown if len(shown) <= 40 else shown[:39] + "…")
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
