"""Files for feed readers and crawlers: Atom feeds, ``sitemap.xml`` and ``robots.txt``.

Everything is derived from the content alone, so two builds of the same content give the
same bytes: no build timestamps. The rules for dates and ids (documented in
``docs/outputs.md``):

- A feed's ``updated`` is its newest article's date; a feed with no dated article says
  1970-01-01, the conventional "unknown", rather than the time of the build.
- Atom needs full timestamps, so a partial date is written as the first instant of its
  period (``2016-12`` -> ``2016-12-01T00:00:00Z``), which is also where the archive sorts it.
- An undated article is listed after the dated ones, with no ``published`` and with
  ``updated`` = the feed's ``updated``: it is never given a date of its own.
- Ids are the pages' absolute URLs. When ``base_url`` has no scheme and host, they are
  ``tag:`` URIs under the reserved ``sitegen.invalid`` name instead (Atom ids must be
  absolute); set ``base_url`` before publishing, or every id changes when you do.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape as xml_escape
from dataclasses import dataclass
from typing import Iterable

from ..config import Config
from ..index import Index
from ..model import Article, PartialDate, Site
from .urls import Urls

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
FEED_LIMIT = 50  # entries per feed, newest first
# Person and topic feeds are many (one per person and topic): they carry titles, summaries and
# links, not whole bodies, or they would outweigh the archive itself on GitHub Pages' 1 GB.
SUBJECT_FEED_LIMIT = 20
UNKNOWN_UPDATED = "1970-01-01T00:00:00Z"
TAG_AUTHORITY = "sitegen.invalid,2000"  # .invalid is reserved (RFC 2606): it names no one's domain
FEED_FILE = "feed.xml"

# Characters XML 1.0 forbids even when escaped; a stray control character in a body would
# otherwise make the whole feed unreadable.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True, slots=True)
class Feed:
    title: str
    subtitle: str
    url: str  # the feed's own URL (a site path, like every URL in ``Urls``)
    page_url: str  # the HTML page the feed accompanies
    articles: tuple[Article, ...]  # newest first, undated last, at most FEED_LIMIT
    full_content: bool = True  # entries carry the article body, not only its summary


def site_feed(index: Index, config: Config, urls: Urls, with_content) -> Feed:
    """The newest articles with their whole bodies (``with_content`` loads an article's body)."""
    return Feed(config.title, config.description, urls.path(FEED_FILE), urls.home(),
                tuple(with_content(a) for a in _newest(index, index.order)))


def person_feed(slug: str, site: Site, index: Index, config: Config, urls: Urls) -> Feed:
    """Every article the person appears in, is quoted in or reported."""
    person = site.people[slug]
    # Both lists are newest first, so the newest of the two together are among the newest of
    # each: sorting those few, not walking the whole archive for each person (21,000 people
    # times 100,000 articles was most of a 100,000-article build).
    newest = {s for listed in (index.person_articles, index.person_reported) for s in listed.get(slug, ())[:SUBJECT_FEED_LIMIT]}
    return Feed(f"{person.name} · {config.title}", person.description or f"Articles about {person.name}",
                urls.person(slug) + FEED_FILE, urls.person(slug),
                _newest(index, sorted(newest, key=lambda s: index.articles[s].sort_key), SUBJECT_FEED_LIMIT),
                full_content=False)


def topic_feed(slug: str, site: Site, index: Index, config: Config, urls: Urls) -> Feed:
    topic = site.topics[slug]
    return Feed(f"{topic.name} · {config.title}", topic.description or f"Articles about {topic.name}",
                urls.topic(slug) + FEED_FILE, urls.topic(slug),
                _newest(index, index.topic_articles.get(slug, ()), SUBJECT_FEED_LIMIT), full_content=False)


def _newest(index: Index, slugs, limit: int = FEED_LIMIT) -> tuple[Article, ...]:
    return tuple(index.articles[s] for s in list(slugs)[:limit])


def atom_xml(feed: Feed, site: Site, config: Config, urls: Urls) -> bytes:
    """The feed as an Atom (RFC 4287) document."""
    dated = [a.date for a in feed.articles if a.date]
    updated = atom_date(max(dated, key=lambda d: d.sort_key)) if dated else UNKNOWN_UPDATED
    root = ET.Element("feed", {"xmlns": ATOM})
    if urls.origin:  # so that the site paths inside entry content resolve in any reader
        root.set(XML_BASE, urls.absolute(urls.home()))
    _text(root, "id", entry_id(feed.page_url, urls))
    _text(root, "title", feed.title)
    _text(root, "subtitle", feed.subtitle)
    _text(root, "updated", updated)
    _link(root, "self", urls.absolute(feed.url), "application/atom+xml")
    _link(root, "alternate", urls.absolute(feed.page_url), "text/html")
    _text(ET.SubElement(root, "author"), "name", config.title)
    _text(root, "generator", "sitegen")
    for article in feed.articles:
        root.append(_entry(article, updated, site, urls, feed.full_content))
    return _serialize(root)


def _entry(article: Article, feed_updated: str, site: Site, urls: Urls, full_content: bool = True) -> ET.Element:
    url = urls.article(article)
    entry = ET.Element("entry")
    _text(entry, "id", entry_id(url, urls))
    _text(entry, "title", article.title)
    _link(entry, "alternate", urls.absolute(url), "text/html")
    if article.source.url:
        _link(entry, "via", article.source.url, "text/html")
    if article.date:
        _text(entry, "published", atom_date(article.date))
    _text(entry, "updated", atom_date(article.date) if article.date else feed_updated)
    for reporter in article.reporters:
        author = ET.SubElement(entry, "author")
        person = site.people.get(reporter.slug)
        _text(author, "name", person.name if person else reporter.slug)
        _text(author, "uri", urls.absolute(urls.person(reporter.slug)))
    for slug in article.topics:
        topic = site.topics.get(slug)
        ET.SubElement(entry, "category", {"term": slug, "label": _clean(topic.name if topic else slug)})
    if article.summary:
        _text(entry, "summary", article.summary)
    if full_content:
        content = _text(entry, "content", article.body_html)
        content.set("type", "html")
    elif not article.summary:
        _text(entry, "summary", article.title)  # Atom wants a summary when there is no content
    return entry


def atom_date(date: PartialDate) -> str:
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}T00:00:00Z"


def entry_id(url: str, urls: Urls) -> str:
    """A permanent, absolute id for the page at site path ``url``."""
    return urls.absolute(url) if urls.origin else f"tag:{TAG_AUTHORITY}:{url}"


def sitemap_xml(pages: Iterable[str], urls: Urls, lastmod: dict[str, str]) -> bytes:
    """``pages`` are site paths; ``lastmod`` maps some of them to a real (ISO, maybe partial) date.

    Written as text, not through ElementTree like the feeds: it is made again on every build
    that changes anything and lists every page of the site (tens of thousands of entries)."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<urlset xmlns="{SITEMAP}">']
    for page in pages:  # one page a line
        date = f"<lastmod>{_escape(lastmod[page])}</lastmod>" if page in lastmod else ""
        lines.append(f"<url><loc>{_escape(urls.absolute(page))}</loc>{date}</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _escape(text: str) -> str:
    return xml_escape(_clean(text))


def robots_txt(urls: Urls) -> bytes:
    # Crawlers only read /robots.txt at the root of a host: under a sub-path (a GitHub project
    # page) this file is inert, but the sitemap it names is still valid to submit by hand.
    return f"User-agent: *\nDisallow:\n\nSitemap: {urls.absolute(urls.path('sitemap.xml'))}\n".encode("utf-8")


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = _clean(text)
    return element


def _link(parent: ET.Element, rel: str, href: str, media_type: str) -> None:
    ET.SubElement(parent, "link", {"rel": rel, "type": media_type, "href": href})


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _serialize(root: ET.Element) -> bytes:
    # One element a line, unindented: still readable, without the indentation that was 8% of
    # the feeds' bytes (whitespace only between elements: no element's text is touched).
    ET.indent(root, space="")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"
