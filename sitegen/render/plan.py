"""The render plan: the site cut into units, each with a key that says when it must be redone.

A unit is a page, or a few files that are always made together (an article page with its
citation files and assets; a person's pages and feed). Its key is a digest of everything the
unit's output depends on: the theme, the settings, and the fingerprints of the articles and
the people and topics it shows. When a unit's key is the same as in the last build, its files
from the last build are reused as they are. Keys over-approximate: a unit may be redone when
nothing it shows changed, but never kept when something did.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from ..cache import VERSION, digest
from ..config import Config
from ..index import Index
from ..model import Article, Site


@dataclass(frozen=True, slots=True)
class Unit:
    id: tuple  # ("article", slug), ("archive", page), ("person", slug), ("topic", slug), ("people-index",) ...
    key: str


def plan_units(site: Site, index: Index, config: Config, theme_dirs: list[Path], static: dict) -> list[Unit]:
    common = digest(VERSION, theme_digest(theme_dirs), config_digest(config))
    units = [Unit(("archive", n), digest(common, n, len(index.order), _listing(site, index, chunk)))
             for n, chunk in _pages(index.order, config.pagination)]
    for article in site.articles:
        units.append(Unit(("article", article.slug), digest(common, _article_inputs(site, index, article))))
    units.append(Unit(("people-index",), digest(common, [
        (person, index.person_articles.get(slug, ()), index.person_reported.get(slug, ()))
        for slug, person in site.people.items()])))
    for slug, person in site.people.items():
        listed = tuple(dict.fromkeys(index.person_articles.get(slug, ()) + index.person_reported.get(slug, ())))
        units.append(Unit(("person", slug), digest(common, person, index.person_articles.get(slug, ()),
                                                   index.person_reported.get(slug, ()), _listing(site, index, listed))))
    units.append(Unit(("topics-index",), digest(common, [
        (topic, index.topic_articles.get(slug, ())) for slug, topic in site.topics.items()])))
    for slug, topic in site.topics.items():
        related = [site.topics.get(s) for s in topic.related]
        articles = index.topic_articles.get(slug, ())
        units.append(Unit(("topic", slug), digest(common, topic, related, articles, _listing(site, index, articles))))
    annotated = {ref.article for ref in index.fact_checks + index.corrections}
    units.append(Unit(("annotations",), digest(common, index.fact_checks, index.corrections,
                                               [_summary(index.articles[s]) for s in sorted(annotated)])))
    units.append(Unit(("site-feed",), digest(common, _listing(site, index, index.order[:50]))))
    units.append(Unit(("search",), common))
    units.append(Unit(("404",), common))
    units.append(Unit(("static",), digest(common, [(name, _stat(path)) for name, path in static.items()])))
    return units


def _pages(items: tuple, size: int):
    total = max(1, math.ceil(len(items) / size))
    for number in range(1, total + 1):
        yield number, items[(number - 1) * size: number * size]


def _article_inputs(site: Site, index: Index, article: Article) -> tuple:
    """The article itself, its neighbours' titles, and the people and topics its page names."""
    neighbours = [_summary(index.articles[s]) for s in (index.previous.get(article.slug), index.following.get(article.slug)) if s]
    slugs = [r.slug for r in article.people] + [r.slug for r in article.reporters] + list(article.mentioned_people)
    slugs += [a.speaker for a in article.annotations if a.speaker]
    people = [site.people.get(s) for s in sorted(set(slugs))]
    topics = [site.topics.get(s) for s in article.topics]
    return (article.fingerprint, neighbours, people, topics)


def _listing(site: Site, index: Index, slugs) -> tuple:
    """What a listing of these articles can show: each article, and whom and what it names."""
    return tuple(
        (index.articles[s].fingerprint,
         [site.people.get(r.slug) for r in index.articles[s].reporters],
         [site.topics.get(t) for t in index.articles[s].topics])
        for s in slugs
    )


def _summary(article: Article) -> tuple:
    return (article.slug, article.title, article.date, article.fingerprint)


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
                  config.pagination, config.permalink, config.drafts)
