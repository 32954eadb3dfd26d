"""Lists of annotations shown by article: the article named once, its annotations beneath.

A topic's fact-checks and notes, a person's quotes and the archive's fact-checks and
corrections are lists of ``AnnotationRef``s, newest article first and, within an article, in
its order, so each article's entries stand together. Shown one by one, every entry repeated
its article's title, date and link: at 10,000 articles that repetition was most of what the
topics' annotation pages weighed. Grouped, the article's heading links to it once and each
entry links to its own spot in it (``#claim-2``, ``#note-ref-1``).

Paginated lists are still cut every ``pagination`` entries, not at article boundaries (a page
holds as many entries as before, and an article with hundreds of notes cannot make a page of
hundreds), so an article's entries may begin on one page and go on to the next: the group on
the later page is marked ``continued``, as the people A to Z list marks a letter.

A person's or topic's articles are shown the same way under their years (``year_sections``),
and page 1 of their listing has a timeline of those years (``timeline_years``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import groupby

from ..index import AnnotationRef, YearGroup
from ..model import Annotation, Article


@dataclass(frozen=True, slots=True)
class ArticleGroup:
    article: Article
    annotations: tuple[Annotation, ...]  # in the order of the list (the article's order)
    continued: bool = False  # the article's entries began on an earlier page


def by_article(refs: tuple[AnnotationRef, ...], articles: dict[str, Article],
               previous: AnnotationRef | None = None) -> tuple[ArticleGroup, ...]:
    """``refs`` as runs of one article each. ``previous`` is the entry just before the first
    of ``refs`` in the whole list (the last of the page before), if any: when it is of the
    same article, the first group continues a group begun on that page."""
    groups: list[ArticleGroup] = []
    for slug, run in groupby(refs, key=lambda ref: ref.article):
        continued = not groups and previous is not None and previous.article == slug
        groups.append(ArticleGroup(articles[slug], tuple(ref.annotation for ref in run), continued))
    return tuple(groups)


def entry_before_page(refs: tuple, number: int, size: int):
    """The last entry of the page before page ``number`` (of ``size`` entries each), if any:
    whether a page's first group is "(continued)" depends on it (annotations, the archive)."""
    start = (number - 1) * size
    return refs[start - 1] if start else None


@dataclass(frozen=True, slots=True)
class YearSection:
    group: YearGroup  # the year in the whole listing (its ``key``, ``label``, ``articles`` ...)
    articles: tuple[Article, ...]  # this page's articles of that year, in the page's order
    continued: bool  # the year began on an earlier page


def year_sections(articles, years) -> tuple[YearSection, ...]:
    """A listing page's ``articles`` as runs of one year each, with the year's group from the
    whole listing's ``years`` (``index.YearGroups``: ``years.of(year)``). The default theme's
    ``articles_by_year`` macro prints them. (The macro worked this out itself for every article
    it listed, in Jinja: the year's group looked up, a namespace to remember the last one, the
    loop's first and last asked: with the timeline below, 1.1 % of a cold build's instructions.)"""
    sections: list[YearSection] = []
    run: list[Article] = []
    group = None
    for article in articles:
        year = article.date.year if article.date else None
        if group is None or year != group.year:
            if run:
                sections.append(_section(group, run))
            group, run = years.of(year), []
        run.append(article)
    if run:
        sections.append(_section(group, run))
    return tuple(sections)


def _section(group: YearGroup, run: list[Article]) -> YearSection:
    return YearSection(group, tuple(run), continued=group.articles[0] != run[0].slug)


@dataclass(frozen=True, slots=True)
class TimelineYear:
    group: YearGroup  # the year (its ``key``, ``label``, ``year``: None for the undated articles)
    count: int  # its articles in the whole listing
    page_url: str  # the listing page where the year begins; "" for the page being made
    bar: int  # the bar's length, in tenths of the busiest year's (1 to 10)


def timeline_years(years, pagination, page_size: int) -> tuple[TimelineYear, ...]:
    """The timeline of a person's or topic's listing (``years``: its ``index.YearGroups``),
    as shown on page ``pagination`` of pages of ``page_size`` articles. The default theme's
    ``timeline`` macro prints it. (The macro worked this out itself, with three of Jinja's
    filters for the busiest year and two for every year's bar.)"""
    most = max((len(group.articles) for group in years), default=0)
    entries = []
    for group in years:
        count = len(group.articles)
        number = group.start // page_size + 1
        page_url = "" if number == pagination.number else pagination.url(number)
        entries.append(TimelineYear(group, count, page_url, math.ceil(10 * count / most)))
    return tuple(entries)
