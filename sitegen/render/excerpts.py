"""Lists of annotations too long for the page they belong to: an excerpt there, pages of their own.

A person's quotes, a topic's fact-checks and notes, and the archive's fact-checks and
corrections can run to thousands of entries. The page each list belongs to shows only its
newest ``annotation_excerpt`` entries and links to the whole list, paginated like every other
listing. A list no longer than its excerpt gets no pages of its own: the excerpt already is
the whole list, and a page repeating it would only weigh on the site.

The plan (which units exist) and the pages (what links where) both ask ``has_own_pages``, so
a link is never made to a list that was not rendered.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..config import Config
from ..index import AnnotationRef, Index
from ..model import Article
from .groups import ArticleGroup, by_article


@dataclass(frozen=True, slots=True)
class Excerpt:
    items: tuple[AnnotationRef, ...]  # the first entries of the list, newest article first
    total: int  # the length of the whole list
    url: str | None  # the whole list's first page; None when the excerpt is the whole list
    groups: tuple[ArticleGroup, ...] = ()  # a list of annotations: ``items`` by article (groups.py)


def has_own_pages(items: tuple, config: Config) -> bool:
    return len(items) > config.annotation_excerpt


def excerpt(items: tuple[AnnotationRef, ...], config: Config, full_list_url: str) -> Excerpt:
    return Excerpt(items[:config.annotation_excerpt], len(items), full_list_url if has_own_pages(items, config) else None)


def annotation_excerpt(refs: tuple[AnnotationRef, ...], config: Config, full_list_url: str,
                       articles: dict[str, Article]) -> Excerpt:
    """The excerpt of a list of annotations, with its entries grouped by article as well."""
    shown = excerpt(refs, config, full_list_url)
    return replace(shown, groups=by_article(shown.items, articles))


def site_annotation_lists(index: Index) -> dict[str, tuple[AnnotationRef, ...]]:
    """The archive-wide lists that ``annotations/`` sums up, by the name in their URL."""
    return {"fact-checks": index.fact_checks, "corrections": index.corrections}
