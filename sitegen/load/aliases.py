"""Aliases, the old addresses of articles and pages (``fields.aliases``), against the site's own.

Each alias becomes a small page that redirects to its article or page (render/pages.py), so it
must not take the place of a file the site makes, nor another alias's: such an alias is an
error at its line, as a page whose address is taken is (load/pages.py). The site's own sections
(``people/``, ``search/``, ``feed.xml``…) are refused whole, as they are for pages, so that an
alias accepted today is not made wrong by a person or a listing page added tomorrow. In the
articles' folder (``articles/old-slug/``, what a renamed article leaves) and beside the pages,
only the files the site really makes there are. Paths are compared without their case (and
their Unicode normalisation): on macOS and Windows ``/Search/`` is the search page's file, and
an alias there would replace it, silently in an incremental build.

A site with no alias costs one attribute read an article; with some, one look-up an article
more, and only the articles whose files are near an alias are described.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ..diagnostics import Diagnostics, Location, display_path
from ..model import Article, Page
from ..render.pages import article_output_paths
from ..render.urls import SITE_SECTIONS, Urls, published_name
from .articles import INDEX_FILE
from .files import read_text
from .frontmatter import FrontMatterError, split_front_matter


def check_aliases(articles: tuple[Article, ...], pages: tuple[Page, ...], urls: Urls, diags: Diagnostics) -> None:
    owners = [a for a in articles if a.aliases] + [p for p in pages if p.aliases]
    if not owners:
        return
    claims = _Claims(urls, diags)
    for owner in owners:
        for number, alias in enumerate(owner.aliases):
            claims.claim(owner, number, alias)
    for article in articles:
        page = urls.output_file(urls.article(article))
        folder = (page.rpartition("/")[0] if urls.permalink.endswith("/")
                  else urls.output_file(urls.bundle_folder(article)).removesuffix("/index.html"))
        if claims.near(page) or claims.near(folder, as_file=False):
            whose = f"article '{article.slug}' ({display_path(article.path / INDEX_FILE)})"
            for path, what in article_output_paths(article, urls):
                if what != "alias":
                    claims.refuse(path, f"{'the page' if what == 'page' else 'a file'} of {whose}")
    for page in pages:
        url = urls.page(page)
        whose = f"page '{page.slug}' ({display_path(page.path)})"
        claims.refuse(urls.output_file(url), whose)
        folder = urls.output_file(url).removesuffix("index.html")
        for asset in page.assets:
            claims.refuse(folder + published_name(page, asset), f"a file of {whose}")


class _Claims:
    """The output files the aliases claim, and the folders they need; each error reported once."""

    def __init__(self, urls: Urls, diags: Diagnostics):
        self.urls, self.diags = urls, diags
        # (Both keyed by _same_file_key of the path.)
        self.files: dict[str, tuple] = {}  # output path -> (owner, number, alias)
        self.folders: dict[str, tuple] = {}  # every folder above a claimed file -> the first claim under it

    def claim(self, owner: Article | Page, number: int, alias: str) -> None:
        path = self.urls.output_file(self.urls.alias(alias))
        key = _same_file_key(path)
        claim = (owner, number, alias)
        if (section := _SECTION_KEYS.get(key.split("/", 1)[0])) is not None:
            _report(claim, f"is taken by {SITE_SECTIONS[section]}", self.diags)
        elif key in self.files:
            _report(claim, f"is the same page as the alias {_described(self.files[key])}"
                           f"{_case_note(path, self._path(self.files[key]))}", self.diags)
        elif key in self.folders:
            _report(claim, f"is a folder that the alias {_described(self.folders[key])} needs", self.diags)
        elif (above := next((f for f in _folders_above(key) if f in self.files), None)) is not None:
            _report(claim, f"needs a folder where the alias {_described(self.files[above])} is a file", self.diags)
        else:
            self.files[key] = claim
            for folder in _folders_above(key):
                self.folders.setdefault(folder, claim)

    def near(self, path: str, as_file: bool = True) -> bool:
        """Whether an alias claims ``path`` (``as_file``) or a folder of that name."""
        key = _same_file_key(path)
        return key in self.folders or (as_file and key in self.files)

    def refuse(self, path: str, whose: str) -> None:
        """``path`` is a file the site makes (``whose``): an alias there, or one that needs a folder there, is an error."""
        key = _same_file_key(path)
        if key in self.files:
            claim = self.files.pop(key)
            _report(claim, f"is the address of {whose}{_case_note(path, self._path(claim))}", self.diags)
        elif key in self.folders:
            _report(self.folders[key], f"needs a folder where {whose} is a file", self.diags)

    def _path(self, claim: tuple) -> str:
        return self.urls.output_file(self.urls.alias(claim[2]))


def _same_file_key(path: str) -> str:
    """``path`` as file systems that ignore case compare names (APFS also Unicode's normalisation):
    two paths with one key are one file on macOS and Windows."""
    return unicodedata.normalize("NFC", path).casefold()


_SECTION_KEYS = {_same_file_key(name): name for name in SITE_SECTIONS}


def _case_note(path: str, other: str) -> str:
    return ", where a file name's case is not told apart (macOS, Windows)" if path != other else ""


def _folders_above(path: str) -> list[str]:
    parts = path.split("/")[:-1]
    return ["/".join(parts[:end]) for end in range(1, len(parts) + 1)]


def _described(claim: tuple) -> str:
    owner, number, alias = claim
    return f"'/{alias}' of {_owner(owner)} ({display_path(_file_of(owner))}:{_line_of_alias(owner, number) or '?'})"


def _owner(owner: Article | Page) -> str:
    return f"{'article' if isinstance(owner, Article) else 'page'} '{owner.slug}'"


def _file_of(owner: Article | Page) -> Path:
    return owner.path / INDEX_FILE if isinstance(owner, Article) else owner.path


def _report(claim: tuple, problem: str, diags: Diagnostics) -> None:
    owner, number, alias = claim
    diags.error(Location(_file_of(owner), _line_of_alias(owner, number)),
                f"aliases: item {number + 1}: '/{alias}' {problem} (remove the alias, or change it)")


def _line_of_alias(owner: Article | Page, number: int) -> int | None:
    """The line of the alias in its front matter, read again: only an alias in error needs it,
    and the records keep no line numbers."""
    path = _file_of(owner)
    text = read_text(path, Diagnostics(), path.parent)
    if text is None:
        return None
    try:
        return split_front_matter(text).front.line_of("aliases", number)
    except FrontMatterError:
        return None
