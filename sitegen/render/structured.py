"""What pages say to machines: schema.org JSON-LD, Open Graph / Twitter meta, feed links.

Search engines, fact-check aggregators and link previews read these instead of the visible
page. Every function here is pure: content in, plain data (or safe JSON text) out; the
templates only print it (``partials/head_meta.html``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup

from ..config import Config
from ..languages import own_language
from ..markup.semantic import RATINGS
from ..model import Article, Person, Site
from .urls import Urls

SCHEMA = "https://schema.org"

# ClaimReview wants a number on a scale; the archive's ratings are words. "misleading" sits
# with "mostly false" (true words, false impression). "unverifiable" has no place on a
# true/false scale, so it gets no number at all: only its label (alternateName).
RATING_VALUES = {
    "true": 5,
    "mostly-true": 4,
    "half-true": 3,
    "mostly-false": 2,
    "misleading": 2,
    "false": 1,
    "unverifiable": None,
}
BEST_RATING, WORST_RATING = 5, 1


@dataclass(frozen=True, slots=True)
class FeedLink:
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class HeadMeta:
    """The machine-readable part of a page's ``<head>`` (the theme prints it as it is).

    ``json_ld`` is already safe to place between ``<script type="application/ld+json">``
    tags (see ``script_json``); an empty string means the page has none.
    """

    og_type: str = "website"
    published_time: str = ""  # ISO date, possibly partial ("2016-12"); only for dated articles
    feeds: tuple[FeedLink, ...] = ()
    json_ld: str = ""


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """What the search page can filter an article by (``partials/search-filters.html`` prints
    them as Pagefind filters): the names of the registered people in it (named in the front
    matter, reporting it, or marked in the body) and of its registered topics, each once."""

    people: tuple[str, ...]
    topics: tuple[str, ...]


def search_filters(article: Article, site: Site) -> SearchFilters:
    # Worked out here rather than by the template: Jinja's map(attribute=...) and unique
    # filters looked up each slug's attribute by a subscript that raised and caught an error
    # first, some 7 % of the instructions of an article page.
    slugs = [p.slug for p in article.people] + [r.slug for r in article.reporters] + list(article.mentioned_people)
    once: dict[str, str] = {}
    for slug in slugs:
        once.setdefault(slug.lower(), slug)  # compared without case, as the template's unique filter did
    return SearchFilters(tuple(site.people[slug].name for slug in once.values() if slug in site.people),
                         tuple(site.topics[slug].name for slug in article.topics if slug in site.topics))


# JSON as machines read it: no spaces after separators (every article page and citation file
# carries some). Made once, not per call, and without Python's check for a list or dict that
# holds itself: the data is made fresh from the content model and cannot, and the check was a
# quarter of encoding an article's JSON-LD.
_COMPACT_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def compact_json(data) -> str:
    return _COMPACT_JSON.encode(data)


def script_json(data) -> Markup:
    """JSON that cannot end its ``<script>`` element early, whatever the content says.

    A headline or a claim may contain ``</script>`` or ``<!--``; escaping ``<``, ``>`` and
    ``&`` as ``\\u003c`` etc. keeps the JSON identical once parsed while leaving nothing the
    HTML parser could read as markup. U+2028/U+2029 are escaped for old JavaScript parsers.
    """
    text = compact_json(data)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return Markup(text)


def article_graph(article: Article, site: Site, config: Config, urls: Urls) -> dict:
    """The article as a ``NewsArticle``, plus one ``ClaimReview`` per fact-checked claim."""
    items = [news_article(article, site, config, urls)]
    items += [claim_review(article, claim, config, urls) for claim in article.annotations if claim.kind == "claim"]
    return {"@context": SCHEMA, "@graph": items}


def news_article(article: Article, site: Site, config: Config, urls: Urls) -> dict:
    url = urls.absolute(urls.article(article))
    data: dict = {"@type": "NewsArticle", "@id": article_id(url), "headline": article.title,
                  "url": url, "mainEntityOfPage": url,
                  "inLanguage": article.language or config.language}
    if article.date:
        data["datePublished"] = article.date.iso()
    if article.summary:
        data["description"] = article.summary
    if article.dateline:
        data["dateline"] = article.dateline
    if article.reporters:
        data["author"] = [_person(site, r.slug, urls) for r in article.reporters]
    if publisher := _publisher(article):
        data["publisher"] = publisher
    if article.source.url:
        data["isBasedOn"] = article.source.url
    if article.topics:
        data["about"] = [_topic(site, slug, urls) for slug in article.topics]
    if mentioned := people_in(article):
        data["mentions"] = [_person(site, slug, urls) for slug in mentioned]
    if article.word_count:
        data["wordCount"] = article.word_count
    return data


def people_in(article: Article) -> tuple[str, ...]:
    """Everyone the article names, marks or quotes, in that order, each once."""
    slugs = [p.slug for p in article.people] + list(article.mentioned_people)
    slugs += [a.speaker for a in article.annotations if a.kind == "quote" and a.speaker]
    return tuple(dict.fromkeys(slugs))


def claim_review(article: Article, claim, config: Config, urls: Urls) -> dict:
    """A fact-check as schema.org ``ClaimReview``: the claim, where it appeared, the verdict."""
    page = urls.absolute(urls.article(article))
    rating: dict = {"@type": "Rating", "alternateName": RATINGS.get(claim.rating, claim.rating)}
    value = RATING_VALUES.get(claim.rating)
    if value is not None:
        rating.update(ratingValue=value, bestRating=BEST_RATING, worstRating=WORST_RATING)
    data = {
        "@type": "ClaimReview",
        "url": f"{page}#{claim.anchor}",
        "claimReviewed": claim.text,
        "itemReviewed": {"@type": "Claim", "text": claim.text, "appearance": appearance(article, page)},
        "reviewRating": rating,
        "author": {"@type": "Organization", "name": config.title, "url": urls.absolute(urls.home())},
    }
    if claim.note:
        data["reviewBody"] = claim.note
    # The review is in the site's language; a claim made in another says which (only then: a
    # claim's language is its article's, the NewsArticle's inLanguage, or the site's).
    if own := own_language(claim.lang or article.language, config.language):
        data["itemReviewed"]["inLanguage"] = own
    return data


def appearance(article: Article, page: str) -> dict:
    """Where a fact-checked claim appeared: the article as published, known by its URL.

    Its headline, date and publisher are not repeated with every claim: the graph's
    ``NewsArticle`` has them. With no original URL the claim's only known appearance is the
    archived article itself, which is that node: referred to by its ``@id``."""
    if article.source.url:
        return {"@type": "NewsArticle", "url": article.source.url}  # the NewsArticle's isBasedOn
    return {"@type": "NewsArticle", "@id": article_id(page), "url": page}


def article_id(page: str) -> str:
    """The JSON-LD node id of the article on its page (``page``: the page's absolute URL)."""
    return page + "#article"


def profile_page(person: Person, config: Config, urls: Urls) -> dict:
    """A person page as ``ProfilePage`` whose main entity is the ``Person``."""
    url = urls.absolute(urls.person(person.slug))
    entity: dict = {"@type": "Person", "@id": url + "#person", "name": person.name, "url": url}
    if person.aliases:
        entity["alternateName"] = list(person.aliases)
    if person.description:
        entity["description"] = person.description
    if person.links:
        entity["sameAs"] = [link.url for link in person.links]
    return {"@context": SCHEMA, "@type": "ProfilePage", "url": url, "inLanguage": config.language,
            "mainEntity": entity}


def _person(site: Site, slug: str, urls: Urls) -> dict:
    person = site.people.get(slug)
    return {"@type": "Person", "name": person.name if person else slug, "url": urls.absolute(urls.person(slug))}


def _topic(site: Site, slug: str, urls: Urls) -> dict:
    topic = site.topics.get(slug)
    return {"@type": "Thing", "name": topic.name if topic else slug, "url": urls.absolute(urls.topic(slug))}


def _publisher(article: Article) -> dict | None:
    name = article.source.name or article.source.site
    return {"@type": "Organization", "name": name} if name else None
