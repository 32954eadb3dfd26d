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
from .othergenerators import may_hold_other_generators_marks, other_generators_marks
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
    # Where ``html`` holds each fenced code block: ((info, code digest), start, end), for the
    # next rendering of the body to take unchanged blocks from (see code_blocks_in).
    code_blocks: tuple = ()


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
    one written with the base path already, nor "//host/...", which is another site: see
    ``written_with_base_path``.)"""
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
                if base != "/" and not url.startswith("//") and not written_with_base_path(url, base):
                    token.attrSet(attribute, base + url[1:])
            elif prefix:
                parts = urlsplit(url)
                if not (parts.scheme or parts.netloc) and unquote(parts.path) in ctx.bundle_files:
                    token.attrSet(attribute, prefix + url)


def written_with_base_path(url: str, base_path: str) -> bool:
    """Whether a root-relative ``url`` starts with the site's base path ("/repo/" or "/repo/x",
    "/repo" alone, "/repo?x=1", "/repo#x" for the base path "/repo/"): written for where the
    site is served, and left as it is. The base path wins over a page of the same name
    (content/pages/repo.md is "/repo/repo/" there); "/repository/" is not written with it."""
    bare = base_path.rstrip("/")
    return url.startswith(bare) and url[len(bare):][:1] in ("", "/", "?", "#")


def _is_safe_link(url: str) -> bool:
    """Only web, mail and relative links: never javascript:, data:, vbscript: or file:."""
    scheme = url.strip().split(":", 1)[0].lower() if ":" in url.split("/", 1)[0] else ""
    return scheme in ("", "http", "https", "mailto")


def render_body(md: MarkdownIt, text: str, context: BodyContext, code_before: Mapping | None = None) -> RenderedBody:
    """``code_before``: the fenced code blocks of the body's last rendering, (info, code
    digest) -> HTML (see code_blocks_in and BodyRenderer.fence), for those still in it."""
    env: dict = {"sitegen": context}
    if code_before is not None:
        env["code_before"] = code_before
    html = md.render(text, env)
    problems = list(env.get("body_problems", []))
    for problem in env.get("critic_problems", []):
        problems.append((problem.line, problem.message))
    annotations = sorted(env.get("annotations", []), key=lambda a: (a.line, a.anchor))
    mentioned = sorted(env.get("mentioned_people", set()) | env.get("auto_linked_people", set()))
    warnings = env.get("body_warnings", [])
    if may_hold_other_generators_marks(text):  # (rare: a body moved from Hugo, Pelican or Jekyll; looked at
        warnings = warnings + other_generators_marks(md, text, context)  # again only then)
    return RenderedBody(html, tuple(annotations), tuple(sorted(problems)), tuple(mentioned), tuple(sorted(warnings)),
                        _placed(html, env.get("code_blocks", ())))


def _placed(html: str, blocks) -> tuple:
    """Each (key, block HTML) of ``blocks``, in the order rendered, as (key, start, end) in ``html``."""
    placed, position = [], 0
    for key, block in blocks:
        start = html.find(block, position)
        if start >= 0:
            position = start + len(block)
            placed.append((key, start, position))
    return tuple(placed)


def code_blocks_in(html: str, placed) -> dict:
    """A rendered body's fenced code blocks, (info, code digest) -> HTML, from where
    ``RenderedBody.code_blocks`` placed them in ``html``: see render_body's ``code_before``."""
    return {key: html[start:end] for key, start, end in placed}
