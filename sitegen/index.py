"""Index stage: ``Site`` -> ``Index``, one pure function.

Everything that needs the whole archive at once (who appears where, what each person said,
the archive's year/month groups, neighbours in time) is computed here once, by slug, so the
render stage only looks things up.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby

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


def _from_lists(name: str, doc: str) -> property:
    return property(lambda index: index._lists[name], doc=doc)


class Index:
    """The archive's order and neighbours, made at once, and its lists by person, topic, kind
    and year, made on first use: a build that renders a page or two (after an edit) needs
    none of them, and at 10,000 articles they cost a tenth of such a build. ``complete`` makes
    them all, so that render workers forked afterwards share them instead of each making its own.
    """

    def __init__(self, site: Site):
        self.site = site
        self.order: tuple[str, ...] = tuple(a.slug for a in site.articles)  # already newest first, ties by slug
        self.articles: dict[str, Article] = {a.slug: a for a in site.articles}  # in archive order
        self.previous: dict[str, str] = dict(zip(self.order, self.order[1:]))  # slug -> the next older article's slug
        self.following: dict[str, str] = dict(zip(self.order[1:], self.order))  # slug -> the next newer article's slug

    def complete(self) -> "Index":
        for name in ("_lists", "archive", "person_years", "topic_years"):
            getattr(self, name)
        return self

    @cached_property
    def _lists(self) -> dict:
        return _lists_of(self.site)

    person_articles = _from_lists("person_articles", "people appearing in or mentioned by the article")
    person_reported = _from_lists("person_reported", "articles a person reported")
    person_roles = _from_lists("person_roles", "(role, article slug)")
    person_quotes = _from_lists("person_quotes", "AnnotationRef of each quote")
    topic_articles = _from_lists("topic_articles", "articles of each topic")
    topic_annotations = _from_lists("topic_annotations", "fact-checks and notes, a claim's evidence once")
    fact_checks = _from_lists("fact_checks", "every claim's AnnotationRef")
    corrections = _from_lists("corrections", "every correction's AnnotationRef")

    @cached_property
    def archive(self) -> tuple[ArchiveGroup, ...]:
        return archive_groups(self.site.articles)

    @cached_property
    def person_years(self) -> dict[str, tuple[YearGroup, ...]]:
        """person_articles by year, for the timeline."""
        return self._years(self.person_articles)

    @cached_property
    def topic_years(self) -> dict[str, tuple[YearGroup, ...]]:
        return self._years(self.topic_articles)

    def _years(self, listings: dict) -> dict[str, tuple[YearGroup, ...]]:
        rank, years = self._ranks_and_years
        return {slug: year_groups(slugs, self.articles, rank, years) for slug, slugs in listings.items()}

    @cached_property
    def _ranks_and_years(self) -> tuple[dict[str, int], dict[str, int | None]]:
        """Each article's place in archive order and its year: made once for people and topics."""
        return {slug: place for place, slug in enumerate(self.order)}, {a.slug: _year(a) for a in self.site.articles}


def build_index(site: Site) -> Index:
    return Index(site)


def _lists_of(site: Site) -> dict:
    """Who appears where, what each person said, each topic's articles and annotations."""
    person_articles, person_reported, person_roles = defaultdict(list), defaultdict(list), defaultdict(list)
    person_quotes, topic_articles, topic_annotations = defaultdict(list), defaultdict(list), defaultdict(list)
    fact_checks, corrections = [], []
    # (One pass over each article's annotations, each kind asked once: at 10,000 articles
    # there are a hundred thousand, and this runs with the other cores idle.)
    for article in site.articles:
        slug, topics = article.slug, article.topics
        speakers = []
        for annotation in article.annotations:
            kind = annotation.kind
            if kind == "quote":
                if annotation.speaker:
                    speakers.append(annotation.speaker)
                    person_quotes[annotation.speaker].append(AnnotationRef(slug, annotation))
            elif kind == "claim":
                ref = AnnotationRef(slug, annotation)
                fact_checks.append(ref)
                for topic in topics:
                    topic_annotations[topic].append(ref)
            elif kind == "correction":
                corrections.append(AnnotationRef(slug, annotation))
            elif kind == "note":
                ref = AnnotationRef(slug, annotation)
                for topic in topics:
                    topic_annotations[topic].append(ref)
        for person in dict.fromkeys([r.slug for r in article.people] + list(article.mentioned_people) + speakers):
            person_articles[person].append(slug)
        for role in article.people:
            if role.role:
                person_roles[role.slug].append((role.role, slug))
        for reporter in article.reporters:
            person_reported[reporter.slug].append(slug)
        for topic in topics:
            topic_articles[topic].append(slug)
    return {
        "person_articles": _freeze(person_articles, site.people),
        "person_reported": _freeze(person_reported, site.people),
        "person_roles": _freeze(person_roles, site.people),
        "person_quotes": _freeze(person_quotes, site.people),
        "topic_articles": _freeze(topic_articles, site.topics),
        "topic_annotations": {slug: without_repeated_evidence(refs)
                              for slug, refs in _freeze(topic_annotations, site.topics).items()},
        "fact_checks": tuple(fact_checks),
        "corrections": tuple(corrections),
    }


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
                years: dict[str, int | None] | None = None) -> YearGroups:
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
    return YearGroups(groups)


class YearGroups(tuple):
    """A listing's ``YearGroup``s, in order, that can also be asked for the group of a year
    (``of``): a listing page asks for each of its articles, and a filter over the groups in
    the template, once per article, was a tenth of the person and topic pages' time."""

    __slots__ = ()

    def of(self, year: int | None) -> YearGroup:
        for group in self:  # (a few dozen years at most: a dict would cost more to make)
            if group.year == year:
                return group
        raise KeyError(year)


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
