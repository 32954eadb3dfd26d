"""The render plan: the site cut into units, each with a key that says when it must be redone.

A unit is a page, or a few files that are always made together (an article page with its
citation files and assets; a person's pages, quote pages and feed). Its key is a digest of
everything the unit's output depends on: the theme, the settings, and the fingerprints of the
articles and the people and topics it shows. When a unit's key is the same as in the last
build, its files from the last build are reused as they are. Keys over-approximate: a unit may
be redone when nothing it shows changed, but never kept when something did.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..cache import VERSION, digest, raw_digest
from ..config import Config
from ..index import Index, archive_group_of
from ..model import Article, Page, Site, menu_pages, plain
from .excerpts import has_own_pages, site_annotation_lists
from .groups import entry_before_page


@dataclass(frozen=True, slots=True)
class Unit:
    id: tuple  # ("article", slug), ("page", slug), ("archive", page), ("person", slug), ("topic", slug), ("people-index",),
    #            ("annotation-list", "fact-checks" or "corrections", page) ...
    key: str | None  # None: an article's, left for later (see plan_units)


@dataclass(frozen=True, slots=True)
class Basis:
    """What the keys of a plan were made from, kept with the output's manifest (see ``as_before``)."""

    digest: str  # of all but the articles' bodies: settings, theme, people, topics, listed fields
    fingerprints: dict  # slug -> the article's fingerprint (its body's and the rest's)

    def lists_as(self, other: "Basis | None") -> bool:
        """Whether everything but bodies is as when ``other`` was made."""
        return other is not None and other.digest == self.digest


def plan_units(site: Site, index: Index, config: Config, theme_dirs: list[Path], static: dict,
               last: tuple | None = None, later: list | None = None) -> tuple[list[Unit], Basis]:
    """The units of the site with their keys, and what the keys were made from.

    ``last`` is the previous build's (units: {id: (key, ...)}, basis) for this output: if
    nothing but some bodies changed since, the keys are the same except those of these
    articles' pages and of the site feed, and only those are made again (see as_before).

    ``later``, a list, is given a ``UnitKeys`` and the units get no key (None): for a build
    that renders every unit whatever its key (no output recorded), the keys are needed only
    to be recorded, and are made while workers render (see build._files)."""
    # Every page's navigation links the pages that have a menu weight: they are part of every key.
    common = digest(VERSION, theme_digest(theme_dirs), config_digest(config), _menu_digest(site))
    d = _Digests(site, index)
    static_key = _static_key(static)
    basis = Basis(_basis_digest(common, d, site, static_key), {a.slug: a.fingerprint for a in site.articles})
    if last is not None and basis.lists_as(last[1]):
        return as_before(last[0], last[1], basis, common, d, index, site), basis
    makers = _key_makers(site, index, config, static_key, common, d)
    if later is None:
        return [Unit(unit_id, make()) for unit_id, make in makers], basis
    later.append(UnitKeys(makers))
    return [Unit(unit_id, None) for unit_id, _ in makers], basis


class UnitKeys:
    """``keys(unit_id)``: the key of a unit the plan left without one (see plan_units), made as
    the plan would have made it; once for each unit."""

    def __init__(self, makers: list[tuple[tuple, Callable[[], str]]]):
        self._makers = dict(makers)

    def __call__(self, unit_id: tuple) -> str:
        return self._makers.pop(unit_id)()


def as_before(last_units: dict, last: Basis, basis: Basis, common: str, d: "_Digests", index: Index,
              site: Site) -> list[Unit]:
    """The last build's units, in its order, with the keys of what can have changed made again.

    The basis digest covers every input of every key but the articles' and the pages'
    fingerprints (the listings show no body), and only the article pages, the site feed and
    the standalone pages have those in their keys. At 10,000 articles this spares digesting
    every listing of the archive."""
    units = []
    pages = {page.slug: page for page in site.pages}
    for unit_id, (key, *_) in last_units.items():
        if unit_id[0] == "article" and last.fingerprints.get(unit_id[1]) != basis.fingerprints[unit_id[1]]:
            key = _article_key(common, d, index, index.articles[unit_id[1]])
        elif unit_id == ("site-feed",):
            key = _site_feed_key(common, d, index)
        elif unit_id[0] == "page":
            key = _page_key(common, pages[unit_id[1]])
        units.append(Unit(unit_id, key))
    return units


def _basis_digest(common: str, d: "_Digests", site: Site, static_key: list) -> str:
    """Everything the plan's keys depend on, bodies aside: the people and topics, of each
    article in order its listed fields and the people its body names (the index lists it on
    their pages), and which pages there are. Computing it costs a fraction of computing every key."""
    return digest(common, b"".join(map(d.person, site.people)), b"".join(map(d.topic, site.topics)),
                  _joined(f"{a.slug}\0{a.listed_digest}\0{' '.join(a.mentioned_people)}" for a in site.articles),
                  static_key, _joined(page.slug for page in site.pages))


def _key_makers(site: Site, index: Index, config: Config, static_key: list, common: str,
                d: "_Digests") -> list[tuple[tuple, Callable[[], str]]]:
    """(id, a function making its key) of every unit of the site, in plan order."""
    # A page's first month group is headed "(continued)" when the article before the page is
    # of the same month: that article's group is part of the key.
    makers = [(("archive", n), partial(_archive_key, common, d, index, n, chunk, config.pagination))
              for n, chunk in _pages(index.order, config.pagination)]
    makers += [(("article", article.slug), partial(_article_key, common, d, index, article)) for article in site.articles]
    makers += [(("page", page.slug), partial(_page_key, common, page)) for page in site.pages]
    makers.append((("people-index",), partial(_listings_key, common, d.person_listing, site.people)))
    makers += [(("person", slug), partial(_person_key, common, d, index, slug)) for slug in site.people]
    makers.append((("topics-index",), partial(_listings_key, common, d.topic_listing, site.topics)))
    makers += [(("topic", slug), partial(_topic_key, common, d, index, slug, topic)) for slug, topic in site.topics.items()]
    makers += _annotation_key_makers(common, d, index, config)
    makers.append((("site-feed",), partial(_site_feed_key, common, d, index)))
    makers.append((("search",), partial(str, common)))
    makers.append((("404",), partial(str, common)))
    makers.append((("static",), partial(digest, common, static_key)))
    return makers


def _archive_key(common: str, d: "_Digests", index: Index, number: int, chunk: tuple, size: int) -> str:
    return digest(common, number, len(index.order), b"".join(d.listed(s) for s in chunk),
                  _archive_group_before(index, number, size))


def _listings_key(common: str, listing, slugs) -> str:
    """The people's or topics' index page: each one's listing (``listing``, a _Digests method)."""
    return digest(common, b"".join(map(listing, slugs)))


def _person_key(common: str, d: "_Digests", index: Index, slug: str) -> str:
    listed = dict.fromkeys(index.person_articles.get(slug, ()) + index.person_reported.get(slug, ()))
    return digest(common, d.person_listing(slug), b"".join(map(d.listed, listed)))


def _topic_key(common: str, d: "_Digests", index: Index, slug: str, topic) -> str:
    return digest(common, d.topic_listing(slug), b"".join(map(d.topic, topic.related)),
                  b"".join(map(d.listed, index.topic_articles.get(slug, ()))))


def _site_feed_key(common: str, d: "_Digests", index: Index) -> str:
    # The site feed carries whole bodies: its key has the articles' fingerprints.
    return digest(common, _joined(index.articles[s].fingerprint for s in index.order[:50]),
                  b"".join(d.listed(s) for s in index.order[:50]))


def _page_key(common: str, page: Page) -> str:
    return digest(common, page.fingerprint)


def _menu_digest(site: Site) -> str:
    """What the navigation shows of the pages: which, in which order, and their titles."""
    return digest([(page.slug, page.title) for page in menu_pages(site.pages)])


def _static_key(static: dict) -> list:
    return [(name, _stat(path)) for name, path in static.items()]


def _article_key(common: str, d: "_Digests", index: Index, article: Article) -> str:
    return digest(common, *_article_inputs(d, index, article))


class _Digests:
    """Digests of people, topics and listed articles, each computed once per build: a popular
    person's unit lists thousands of articles, and digesting whole objects each time is slow.
    They are raw bytes of one length, so that a unit's key digests a list of them joined."""

    def __init__(self, site: Site, index: Index):
        self.site, self.index = site, index
        self.articles = index.articles  # by slug
        self._people: dict = {}
        self._topics: dict = {}
        self._listed: dict = {}
        self._person_listings: dict = {}
        self._topic_listings: dict = {}

    def person(self, slug: str) -> bytes:
        if slug not in self._people:
            self._people[slug] = raw_digest(self.site.people.get(slug))
        return self._people[slug]

    def topic(self, slug: str) -> bytes:
        if slug not in self._topics:
            self._topics[slug] = raw_digest(plain(self.site.topics.get(slug)))
        return self._topics[slug]

    def person_listing(self, slug: str) -> bytes:
        """The person and which articles they appear in and reported (the people index shows it)."""
        known = self._person_listings.get(slug)
        if known is None:
            index = self.index
            known = self._person_listings[slug] = raw_digest(
                self.person(slug), _joined(index.person_articles.get(slug, ())),
                _joined(index.person_reported.get(slug, ())))
        return known

    def topic_listing(self, slug: str) -> bytes:
        """The topic and its articles (the topics index shows it)."""
        known = self._topic_listings.get(slug)
        if known is None:
            known = self._topic_listings[slug] = raw_digest(self.topic(slug),
                                                            _joined(self.index.topic_articles.get(slug, ())))
        return known

    def listed(self, slug: str) -> bytes:
        """What a listing of the article can show (``Article.LISTED_FIELDS``, digested when it
        was loaded), with the registry entries of its reporters and topics."""
        known = self._listed.get(slug)
        if known is None:
            article = self.articles[slug]
            known = self._listed[slug] = raw_digest(
                article.listed_digest, b"".join(self.person(r.slug) for r in article.reporters),
                b"".join(map(self.topic, article.topics)))
        return known


def _joined(strings) -> bytes:
    """Slugs or digests as one part of a key (NUL can be in none of them)."""
    return "\0".join(strings).encode("utf-8")


def _annotation_key_makers(common: str, d: _Digests, index: Index, config: Config) -> list:
    """``annotations/`` (each list's count and newest few) and one unit per page of each whole
    list, so that an edit to one annotated article redoes the page it is listed on, not all."""
    lists = site_annotation_lists(index)
    makers = [(("annotations",), partial(_annotations_key, common, d, lists, config.annotation_excerpt))]
    for name, refs in lists.items():
        if has_own_pages(refs, config):
            makers += [(("annotation-list", name, n), partial(_annotation_page_key, common, d, name, n, refs, chunk,
                                                              config.pagination))
                       for n, chunk in _pages(refs, config.pagination)]
    return makers


def _annotations_key(common: str, d: _Digests, lists: dict, excerpt: int) -> str:
    return digest(common, [(name, len(refs), _listed_refs(d, refs[:excerpt])) for name, refs in lists.items()])


def _annotation_page_key(common: str, d: _Digests, name: str, number: int, refs: tuple, chunk: tuple,
                         size: int) -> str:
    # A page's first group is headed "(continued)" when the entry before it, on the page
    # before, is of the same article: that entry's article is part of the key too.
    return digest(common, name, number, len(refs), _listed_refs(d, chunk),
                  _article_of(entry_before_page(refs, number, size)))


def _archive_group_before(index: Index, number: int, size: int) -> str | None:
    before = entry_before_page(index.order, number, size)
    return archive_group_of(index.articles[before])[0] if before else None


def _article_of(ref) -> str | None:
    return ref.article if ref else None


def _listed_refs(d: _Digests, refs: tuple) -> bytes:
    """Which annotations, and what their list shows of them and their articles (title, date,
    URL): the article's listed digest covers its annotations, so the anchor names each one."""
    return b"".join(d.listed(ref.article) + f"{ref.article}\0{ref.annotation.anchor}\0".encode("utf-8") for ref in refs)


def _pages(items: tuple, size: int):
    total = max(1, math.ceil(len(items) / size))
    for number in range(1, total + 1):
        yield number, items[(number - 1) * size: number * size]


def _article_inputs(d: _Digests, index: Index, article: Article) -> tuple:
    """The article itself, its neighbours' titles (and their languages), and the people and
    topics its page names."""
    # (the date as its field values: plain data, which cache.digest encodes in C, not by repr)
    neighbours = [(s, index.articles[s].title, plain(index.articles[s].date), index.articles[s].language)
                  for s in (index.previous.get(article.slug), index.following.get(article.slug)) if s]
    slugs = [r.slug for r in article.people] + [r.slug for r in article.reporters] + list(article.mentioned_people)
    slugs += [a.speaker for a in article.annotations if a.speaker]
    return (article.fingerprint, neighbours, b"".join(map(d.person, sorted(set(slugs)))),
            b"".join(map(d.topic, article.topics)))


def _stat(path: Path) -> tuple:
    info = path.stat()
    return (info.st_size, info.st_mtime_ns)


def theme_digest(dirs: list[Path]) -> str:
    """Every template's name and bytes: any template change redoes what may use it (all pages)."""
    parts = []
    for folder in dirs:
        templates = folder / "templates"
        if templates.is_dir():
            parts += [(p.relative_to(folder).as_posix(), p.read_bytes()) for p in sorted(templates.rglob("*")) if p.is_file()]
    return digest(parts)


def config_digest(config: Config) -> str:
    return digest(config.title, config.description, config.base_url, config.language, config.theme,
                  config.pagination, config.annotation_excerpt, config.permalink, config.drafts)
