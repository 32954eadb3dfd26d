"""Standalone pages: ``content/pages/<slug>.md`` or ``content/pages/<slug>/index.md`` -> ``Page``.

An About page, a corrections policy, a contact page: Markdown with a little front matter,
published at ``/<slug>/``, and linked from the site's navigation when it has a ``menu`` weight.
A site has a handful of them, so every build reads and renders them all (a few milliseconds),
in this process: no cache entry to keep in step, and what their pages show is digested whole
into their render keys (see ``Page.fingerprint``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..cache import digest
from ..config import Config
from ..diagnostics import Diagnostics, Location, display_path
from ..fileio import sha256_hex
from ..markup import BodyContext, create_markdown, render_body
from ..model import Article, Page
from ..render.urls import SITE_SECTIONS, Urls
from ..slugs import slug_problem, slugify
from . import fields
from .articles import INDEX_FILE, bundle_assets
from .files import is_inside, read_text_and_bytes
from .frontmatter import FrontMatterError, split_front_matter

PAGES_DIR = "pages"  # in content/
README_NAMES = ("readme.md", "readme.markdown")  # a folder's own notes, never published

def _menu_weight(value) -> int:
    try:
        return fields.whole_number(value)
    except fields.FieldError as exc:
        # Hugo's "menu: main" (or "menu: {main: {weight: 2}}") names a menu; here there is one,
        # and the number is the page's place in it.
        hugo = (" (Hugo's 'menu: main' and its weight are one number here: menu: 1)"
                if isinstance(value, (str, dict)) else "")
        raise fields.FieldError(f"{exc}: the page's place in the navigation, 1 before 2{hugo}") from None


# Every front matter key of a page, with its checker; each one's meaning is in docs/content-format.md.
PAGE_FIELDS = {
    "title": fields.required_text,
    "description": fields.text,
    "menu": _menu_weight,
    "draft": fields.flag,
    "aliases": fields.aliases,
}

# Keys of Hugo's page front matter, with what says the same here: no spelling of ours is near them.
_ADDRESS = "a page's address is its file's name: rename the file (and list the old address in 'aliases')"
_TEMPLATE = "every page is made with the theme's page.html (docs/themes.md)"
OTHER_GENERATORS_KEYS = {"weight": "a page's place in the navigation is its 'menu' (menu: 1)",
                         "slug": _ADDRESS, "url": _ADDRESS, "permalink": _ADDRESS, "save_as": _ADDRESS,
                         "status": "a page is kept out of the site by 'draft: true' here",
                         "published": "a page is kept out of the site by 'draft: true' here",
                         "layout": _TEMPLATE, "template": _TEMPLATE}


@dataclass(frozen=True, slots=True)
class PageSource:
    slug: str
    path: Path  # the Markdown file
    folder: Path | None  # a bundle's folder (its other files are published beside the page); None for <slug>.md


def load_pages(config: Config, diags: Diagnostics, urls: Urls, names: dict, articles: tuple[Article, ...]) -> tuple[Page, ...]:
    """The site's pages, by slug; drafts only with ``config.drafts``. ``names``: every person's
    and topic's name by slug ({"person": ..., "topic": ...}), for the marks a body may hold."""
    report_loose_markdown(config.content_dir, diags)
    sources = find_pages(config.content_dir / PAGES_DIR, diags)
    if not sources:
        return ()
    context = BodyContext(person_url=urls.person, topic_url=urls.topic, person_names=names["person"],
                          topic_names=names["topic"], site_language=config.language, base_path=urls.base_path)
    md = create_markdown()
    pages, with_errors = [], []
    for source in sources:
        errors = len(diags.errors)
        page = read_page(source, md, context, diags, config.root, config.drafts)
        if page is not None:
            pages.append(page)
        elif len(diags.errors) > errors:
            with_errors.append(source)  # (its address is checked too: every error in one run)
    _check_addresses(pages + with_errors, articles, urls, diags)
    return tuple(pages)


def find_pages(folder: Path, diags: Diagnostics) -> list[PageSource]:
    """Every page of ``content/pages/``, sorted by slug: a ``<slug>.md`` file, or a ``<slug>/``
    folder holding an ``index.md``. Pages are not nested: a folder without one is an error
    (it would otherwise be left out without a word)."""
    if not folder.is_dir():
        return []
    found: dict[str, PageSource] = {}
    with os.scandir(folder) as listing:
        entries = sorted((e for e in listing if not e.name.startswith(".")), key=lambda e: e.name)
    for entry in entries:
        path = Path(entry.path)
        if entry.is_dir():
            if entry.is_symlink() and not is_inside(path, folder):
                diags.error(Location(path), "is a link to a folder outside content/pages; refusing to read it")
                continue
            if not (path / INDEX_FILE).is_file():
                diags.error(Location(path), f"a folder without an {INDEX_FILE}: pages are not nested (a page is "
                                            f"content/pages/<name>.md, or content/pages/<name>/{INDEX_FILE} with its files "
                                            "beside it)")
                continue
            source = PageSource(entry.name, path / INDEX_FILE, path)
        elif entry.name.lower() in README_NAMES:
            continue
        elif entry.name.endswith(".md"):
            source = PageSource(entry.name[: -len(".md")], path, None)
        else:
            stem, _, extension = entry.name.rpartition(".")
            advice = (f"rename it to {stem}.md" if extension.lower() in ("md", "markdown") and stem
                      else f"a page's files go in its folder, beside its {INDEX_FILE}")
            diags.warning(Location(path), f"not a page, and left out of the site: a page is a <name>.md file or a "
                                          f"<name>/ folder holding an {INDEX_FILE} ({advice})")
            continue
        problem = slug_problem(source.slug)
        if problem:
            diags.error(Location(source.path), f"page name '{source.slug}' {problem}")
        elif source.slug in found:
            diags.error(Location(source.path), f"page '{source.slug}' is given twice: also "
                                               f"{display_path(found[source.slug].path)} (keep one)")
        else:
            found[source.slug] = source
    return [found[slug] for slug in sorted(found)]


def read_page(source: PageSource, md, context: BodyContext, diags: Diagnostics, root: Path,
              drafts: bool) -> Page | None:
    """The page, or None if it has errors (reported) or is a draft left out."""
    read = read_text_and_bytes(source.path, diags, root)
    if read is None:
        return None
    try:
        doc = split_front_matter(read[0])
    except FrontMatterError as exc:
        diags.error(Location(source.path, exc.line), str(exc))
        return None
    values, failed = _front_matter(source.path, doc.front, diags)
    if values is None or (values.get("draft") and not drafts):
        return None
    # (A front matter with errors does not keep the body's from being reported in the same run.)
    body = render_body(md, doc.body, context)
    for line, message in body.problems:
        diags.error(Location(source.path, doc.body_first_line + line), message)
    for line, message in body.warnings:
        diags.warning(Location(source.path, doc.body_first_line + line), message)
    assets, as_text = ((), ()) if source.folder is None else bundle_assets(source.folder, diags, root, kind="page",
                                                                            own=(INDEX_FILE,))
    if failed or body.problems:
        return None
    try:
        # The bytes of its files, not their times: a fresh clone gives every file a new time.
        files = [sha256_hex(source.folder / rel) for rel in assets]
    except OSError as exc:
        diags.error(Location(Path(exc.filename or source.path)), f"cannot read file: {exc.strerror or exc}")
        return None
    # Everything the page shows but the site's settings, theme and navigation (the plan adds
    # those): the body as rendered, so that a person's new name in a mark is in it too.
    fingerprint = digest(source.slug, sorted(values.items()), body.html, assets, as_text, files)
    return Page(source.slug, path=source.path, body_html=body.html, assets=assets, assets_as_text=as_text,
                fingerprint=fingerprint, **values)


def _front_matter(path: Path, front, diags: Diagnostics) -> tuple[dict | None, bool]:
    """The checked values of the front matter (None if it is no mapping), and whether it has
    errors (reported here). Unknown keys are warned about and left out, as an article's are."""
    data = front.data
    if not isinstance(data, dict):
        diags.error(Location(path, 2), "front matter must be a mapping of keys (title: ..., menu: ...)")
        return None, True
    values, failed = fields.checked_values(data, PAGE_FIELDS, path, front.line_of, diags, "front matter key",
                                           OTHER_GENERATORS_KEYS)
    if "title" not in data:
        fields.report_missing_title(data, path, front.line_of, diags)
        failed = True
    return values, failed


def _check_addresses(pages: list[Page | PageSource], articles: tuple[Article, ...], urls: Urls,
                     diags: Diagnostics) -> None:
    """A page is published at the top of the site, beside the site's own sections and, with a
    permalink such as '{slug}/', the articles: one whose folder is taken is an error at its
    file (its files would replace theirs, or theirs its)."""
    if not pages:
        return
    taken = dict(SITE_SECTIONS)
    first = urls.permalink.split("/", 1)[0]
    if "{" not in first:  # (one folder for all the articles, kept for them even while there are none)
        taken[first] = f"the articles (permalink '{urls.permalink}')"
    else:  # ('{slug}/', '{year}/{slug}/', '{slug}.html': each article's own)
        # An article takes a page's folder when its files would go there: its own folder (its
        # bundle's, or its page's under '{slug}/') is the page's, or its page is that folder's
        # index.html. A page beside the articles is not one: '2024' under '{year}/{slug}/'.
        # (every article's folders are made, on every build, but only the pages' names are
        # looked for and only a clash is described: a path shown costs a look at the disk)
        names = {page.slug for page in pages}
        for article in articles:
            page_file = urls.output_file(urls.article(article))
            for folder in (urls.output_file(urls.bundle_folder(article)).rpartition("/")[0],
                           page_file.removesuffix("/index.html")):
                if folder in names and folder not in taken:
                    taken[folder] = f"article '{article.slug}' ({display_path(article.path / INDEX_FILE)})"
    for page in pages:
        if page.slug in taken:
            renamed = "its folder" if page.path.name == INDEX_FILE and page.path.parent.name == page.slug else "the file"
            diags.error(Location(page.path), f"page '{page.slug}': its address {urls.page(page)} is taken by "
                                             f"{taken[page.slug]} (rename {renamed})")


def report_loose_markdown(content: Path, diags: Diagnostics) -> None:
    """A Markdown file directly in content/ (``content/about.md``, where Hugo keeps a page), or
    a folder there holding an index.md (``content/about/index.md``, Hugo's page with its files),
    is left out of the site: said, with where a page goes."""
    with os.scandir(content) as listing:
        entries = sorted((e.name, e.is_dir()) for e in listing if not e.name.startswith("."))
    for name, is_folder in entries:
        if is_folder:
            index = next((content / name / i for i in ("index.md", "_index.md") if (content / name / i).is_file()), None)
            if name not in CONTENT_FOLDERS and index is not None:
                slug = slugify(name) or "<name>"
                rename = f", and rename {index.name} to index.md" if index.name != "index.md" else ""
                diags.warning(Location(index), f"not a page, and left out of the site: a page is a Markdown file in "
                                               f"content/{PAGES_DIR}/ (move the folder to "
                                               f"{display_path(content / PAGES_DIR / slug)}{rename})")
        elif name.lower().endswith((".md", ".markdown")) and name.lower() not in README_NAMES:
            stem = name.rsplit(".", 1)[0].lstrip("_")
            if stem.lower() == "index":  # (Hugo's home page text: the home page here is the archive's)
                diags.warning(Location(content / name), f"not a page, and left out of the site: the home page is "
                                                        f"the archive's, and a page is a Markdown file in content/{PAGES_DIR}/")
                continue
            slug = slugify(stem) or "<name>"
            diags.warning(Location(content / name), f"not a page, and left out of the site: a page is a Markdown file "
                                                    f"in content/{PAGES_DIR}/ (move it to {display_path(content / PAGES_DIR / (slug + '.md'))})")


# The folders content/ holds; another with an index.md in it is taken for a page put in the wrong place.
CONTENT_FOLDERS = {"articles", "people", "topics", "sources", PAGES_DIR}
