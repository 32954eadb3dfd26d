"""Where every page lives: one place that turns slugs into URLs and output paths.

All links are absolute paths under the configured base path (``/repo/people/x/``), so a site
published from a GitHub Pages sub-path works, and a page's links don't depend on its depth.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Article, Page
from ..search import BUNDLE_DIR
from ..write import MARKER

# The first part of the output paths of the site's own pages and files, with what each is: an
# article or a page whose files land there would take their place.
SITE_SECTIONS = {
    "index.html": "the archive's first page", "page": "the archive's later pages", "people": "the people's pages",
    "topics": "the topics' pages", "annotations": "the lists of annotations", "search": "the search page",
    "static": "the theme's files", "feed.xml": "the site's feed", "sitemap.xml": "the sitemap",
    "robots.txt": "robots.txt", "404.html": "the page for addresses that lead nowhere", BUNDLE_DIR: "the search index",
    ".nojekyll": "GitHub Pages' .nojekyll", MARKER: "sitegen's mark on its output folder",
}


def published_name(article: Article | Page, asset: str) -> str:
    """The name a bundle file is published under next to its article's (or page's) page: a
    file a browser could run script from is published as text, under its name plus ".txt"
    (served as text/plain), so that nothing captured can run on the archive's origin
    (load/scripts.py)."""
    return asset + ".txt" if asset in article.assets_as_text else asset


def page_url(first_page: str, number: int) -> str:
    """Page ``number`` of a paginated listing whose first page is ``first_page``."""
    return first_page if number == 1 else f"{first_page}page/{number}/"


@dataclass(frozen=True, slots=True)
class Urls:
    base_path: str = "/"  # starts and ends with "/"
    permalink: str = "articles/{slug}/"
    origin: str = ""  # "https://user.github.io" when known, for feeds and canonical links
    _article_urls: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def home(self) -> str:
        return self.base_path

    def path(self, relative: str) -> str:
        """The URL of a file or folder given relative to the site root."""
        return self.base_path + relative.lstrip("/")

    def asset(self, article: Article, name: str) -> str:
        """The URL of one of the article bundle's files (see published_name)."""
        return self.bundle_folder(article) + published_name(article, name)

    def bundle_folder(self, article: Article) -> str:
        """The URL of the folder the article's bundle files are published in (see bundle_prefix)."""
        url = self.article(article)
        return url[:url.rfind("/") + 1] + bundle_prefix(url, self.permalink)

    def article(self, article: Article) -> str:
        # Asked for about 30 times per article in a build (every listing, feed and sitemap
        # that names it, its neighbours' pages): made once.
        key = (article.slug, article.date)
        url = self._article_urls.get(key)
        if url is None:
            url = self._article_urls[key] = self.path(article_path(article, self.permalink))
        return url

    def person(self, slug: str) -> str:
        return self.path(f"people/{slug}/")

    def page(self, page: Page) -> str:
        """A standalone page's URL: at the top of the site, as Hugo puts content/about.md at /about/."""
        return self.path(f"{page.slug}/")

    def alias(self, alias: str) -> str:
        """The URL of one of an article's or page's old addresses (``Article.aliases``), where
        a page redirects to its new one."""
        return self.path(alias)

    def topic(self, slug: str) -> str:
        return self.path(f"topics/{slug}/")

    def person_quotes(self, slug: str) -> str:
        """The first page of every quote of the person (their page shows the newest few)."""
        return self.path(f"people/{slug}/quotes/")

    def person_reported(self, slug: str) -> str:
        """The first page of every article the person reported (their page shows the newest few)."""
        return self.path(f"people/{slug}/reported/")

    def topic_annotations(self, slug: str) -> str:
        """The first page of the topic's fact-checks and notes (its page shows the newest few)."""
        return self.path(f"topics/{slug}/annotations/")

    def annotations(self, kind: str = "") -> str:
        """``annotations/``, the overview; with ``kind`` ("fact-checks", "corrections") the first
        page of that whole list."""
        return self.path(f"annotations/{kind}/" if kind else "annotations/")

    def static(self, name: str) -> str:
        return self.path(f"static/{name}")

    def absolute(self, url: str) -> str:
        return self.origin + url if self.origin and url.startswith("/") else url

    def output_file(self, url: str) -> str:
        """``/repo/people/x/`` -> ``people/x/index.html``: where that URL's file is written."""
        relative = url[len(self.base_path):] if url.startswith(self.base_path) else url.lstrip("/")
        return relative + "index.html" if relative.endswith("/") or relative == "" else relative


def bundle_prefix(page: str, permalink: str) -> str:
    """Where an article's bundle files are, relative to its page: beside it when its folder is
    the article's own (``articles/x/``, ``articles/x/index.html``); else in a folder named like
    the page (``2016/x.html`` -> ``x/``), so that two articles' ``original.txt`` never meet."""
    if permalink.endswith("/") or "{slug}" in permalink[:permalink.rfind("/") + 1]:
        return ""
    return page.rsplit("/", 1)[-1].rsplit(".", 1)[0] + "/"


def article_path(article: Article, permalink: str) -> str:
    return page_path(article.slug, article.date, permalink)


def page_path(slug: str, date, permalink: str) -> str:
    """The article's page, relative to the site root (``date``: a PartialDate or None)."""
    return permalink.format(
        slug=slug,
        year=f"{date.year:04d}" if date else "undated",
        month=f"{date.month:02d}" if date and date.month else "00",
        day=f"{date.day:02d}" if date and date.day else "00",
    )
