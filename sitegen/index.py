"""Index stage: ``Site`` -> ``Index``, one pure function.

Everything that needs the whole archive at once (who appears where, what each person said,
the archive's year/month groups, neighbours in time) is computed here once, by slug, so the
render stage only looks things up.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby
from dataclasses import dataclass

from .model import MONTH_NAMES, Annotation, Article, Site


@dataclass(frozen=True, slots=True)
class AnnotationRef:
    article: str  # slug
    annotation: Annotation


@dataclass(frozen=True, slots=True)
class ArchiveGroup:
    """Articles of one month (or one year, or the undated ones), newest first."""

    key: str  # "2016-12", "2016" or "undated"
    label: str
    articles: tuple[str, ...]
    continued: bool = False  # on a page of the archive: the group began on an earlier page


@dataclass(frozen=True, slots=True)
class YearGroup:
    """One year of a person's or topic's listing (or its undated articles), for the timeline."""

    year: int | None  # None: the undated articles
    articles: tuple[str, ...]  # slugs, in listing order
    start: int  # where the group's first article stands in the whole listing (0-based)

    @property
    def key(self) -> str:
        return "undated" if self.year is None else f"{self.year:04d}"

    @property
    def label(self) -> str:
        return "Undated" if self.year is None else str(self.year)


@dataclass(frozen=True, slots=True)
class Index:
    articles: dict[str, Article]  # slug -> article, in archive order (newest first)
    order: tuple[str, ...]
    person_articles: dict[str, tuple[str, ...]]  # people appearing in or mentioned by the article
    person_reported: dict[str, tuple[str, ...]]  # articles a person reported
    person_roles: dict[str, tuple[tuple[str, str], ...]]  # (role, article slug)
    person_quotes: dict[str, tuple[AnnotationRef, ...]]
    topic_articles: dict[str, tuple[str, ...]]
    topic_annotations: dict[str, tuple[AnnotationRef, ...]]  # fact-checks and notes, a claim's evidence once
    fact_checks: tuple[AnnotationRef, ...]
    corrections: tuple[AnnotationRef, ...]
    archive: tuple[ArchiveGroup, ...]
    previous: dict[str, str]  # slug -> the next older article's slug
    following: dict[str, str]  # slug -> the next newer article's slug
    person_years: dict[str, tuple[YearGroup, ...]]  # person_articles by year, for the timeline
    topic_years: dict[str, tuple[YearGroup, ...]]


def build_index(site: Site) -> Index:
    order = tuple(a.slug for a in site.articles)  # already newest first, ties by slug
    person_articles, person_reported, person_roles = defaultdict(list), defaultdict(list), defaultdict(list)
    person_quotes, topic_articles, topic_annotations = defaultdict(list), defaultdict(list), defaultdict(list)
    fact_checks, corrections = [], []
    for article in site.articles:
        appearing = [r.slug for r in article.people] + list(article.mentioned_people)
        appearing += [a.speaker for a in article.annotations if a.kind == "quote" and a.speaker]
        for slug in dict.fromkeys(appearing):
            person_articles[slug].append(article.slug)
        for role in article.people:
            if role.role:
                person_roles[role.slug].append((role.role, article.slug))
        for reporter in article.reporters:
            person_reported[reporter.slug].append(article.slug)
        for topic in article.topics:
            topic_articles[topic].append(article.slug)
        for annotation in article.annotations:
            ref = AnnotationRef(article.slug, annotation)
            if annotation.kind == "quote" and annotation.speaker:
                person_quotes[annotation.speaker].append(ref)
            if annotation.kind == "claim":
                fact_checks.append(ref)
            if annotation.kind == "correction":
                corrections.append(ref)
            if annotation.kind in ("claim", "note"):
                for topic in article.topics:
                    topic_annotations[topic].append(ref)
    articles = {a.slug: a for a in site.articles}
    rank = {slug: place for place, slug in enumerate(order)}
    years = {a.slug: _year(a) for a in site.articles}
    person_articles = _freeze(person_articles, site.people)
    topic_articles = _freeze(topic_articles, site.topics)
    return Index(
        articles=articles,
        order=order,
        person_articles=person_articles,
        person_reported=_freeze(person_reported, site.people),
        person_roles=_freeze(person_roles, site.people),
        person_quotes=_freeze(person_quotes, site.people),
        topic_articles=topic_articles,
        topic_annotations={slug: without_repeated_evidence(refs)
                           for slug, refs in _freeze(topic_annotations, site.topics).items()},
        fact_checks=tuple(fact_checks),
        corrections=tuple(corrections),
        archive=archive_groups(site.articles),
        previous={newer: older for newer, older in zip(order, order[1:])},
        following={older: newer for newer, older in zip(order, order[1:])},
        person_years={slug: year_groups(slugs, articles, rank, years) for slug, slugs in person_articles.items()},
        topic_years={slug: year_groups(slugs, articles, rank, years) for slug, slugs in topic_articles.items()},
    )


def without_repeated_evidence(refs: tuple[AnnotationRef, ...]) -> tuple[AnnotationRef, ...]:
    """Drop a note that only repeats the evidence of the claim just before it in the same article.

    The markup already records a claim's evidence with the claim and not as a note of its own
    (``markup/semantic.py``); this is the listings' guard should both ever reach the index.
    It is done here, not in a template, so that a topic's counts and the pages of its
    paginated list agree with what is shown.
    """
    kept = []
    for previous, ref in zip((None,) + refs, refs):
        repeated = (previous is not None and ref.annotation.kind == "note" and previous.annotation.kind == "claim"
                    and previous.article == ref.article and previous.annotation.note == ref.annotation.note)
        if not repeated:
            kept.append(ref)
    return tuple(kept)


def year_groups(slugs: tuple[str, ...], articles: dict[str, Article], rank: dict[str, int] | None = None,
                years: dict[str, int | None] | None = None) -> tuple[YearGroup, ...]:
    """The articles by year, newest year first, undated last.

    Within a year the order is ``Article.sort_key`` (day, then month-only, then year-only
    dates; the slug breaks ties), the order of every listing, so the groups laid end to end
    are the listing and a group's ``start`` tells which listing page it begins on. ``rank``,
    each slug's place in that order, and ``years``, each slug's year, save looking into every
    article when the caller has them (the index does this for every person and topic: a
    hundred thousand lookups at 10,000 articles).
    """
    if rank is None:
        ordered = sorted(dict.fromkeys(slugs), key=lambda slug: articles[slug].sort_key)
    else:
        ordered = sorted(dict.fromkeys(slugs), key=rank.__getitem__)
    year_of = years.__getitem__ if years is not None else (lambda slug: _year(articles[slug]))
    groups, start = [], 0
    # Newest first, undated last: the articles of one year are one run of that order.
    for year, run in groupby(ordered, key=year_of):
        members = tuple(run)
        groups.append(YearGroup(year, members, start))
        start += len(members)
    return tuple(groups)


def _year(article: Article) -> int | None:
    return article.date.year if article.date else None


def archive_groups(articles: tuple[Article, ...]) -> tuple[ArchiveGroup, ...]:
    """Group newest-first articles by month; year-only dates by year; undated ones last."""
    groups: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    for article in articles:
        key, label = archive_group_of(article)
        groups.setdefault(key, []).append(article.slug)
        labels[key] = label
    return tuple(ArchiveGroup(key, labels[key], tuple(slugs)) for key, slugs in groups.items())


def archive_group_of(article: Article) -> tuple[str, str]:
    """The key and label of the archive group the article is listed in."""
    date = article.date
    if date is None:
        return "undated", "Undated"
    if date.month is None:
        return f"{date.year:04d}", f"{date.year} (month unknown)"
    return f"{date.year:04d}-{date.month:02d}", f"{MONTH_NAMES[date.month - 1]} {date.year}"


def _freeze(mapping: dict, keys) -> dict:
    """Every known key present (an empty tuple when nothing refers to it), in slug order."""
    return {key: tuple(mapping.get(key, ())) for key in sorted(set(keys) | set(mapping))}
