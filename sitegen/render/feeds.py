"""Files for feed readers and crawlers: Atom feeds, the sitemap and ``robots.txt``.

Everything is derived from the content alone, so two builds of the same content give the
same bytes: no build timestamps. The rules for dates and ids (documented in
``docs/outputs.md``):

- A feed's ``updated`` is its newest article's date (the latest instant, when their zones
  differ); a feed with no dated article says
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

import datetime
import re
from dataclasses import dataclass
from typing import Iterable

from ..config import Config
from ..index import Index
from ..languages import own_language
from ..model import Article, PartialDate, Site
from .recent import RecentlyUsed
from .urls import Urls

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
FEED_LIMIT = 50  # entries per feed, newest first
# Person and topic feeds are many (one per person and topic): they carry titles, summaries and
# links, not whole bodies, or they would outweigh the archive itself on GitHub Pages' 1 GB.
SUBJECT_FEED_LIMIT = 20
UNKNOWN_UPDATED = "1970-01-01T00:00:00Z"
TAG_AUTHORITY = "sitegen.invalid,2000"  # .invalid is reserved (RFC 2606): it names no one's domain
FEED_FILE = "feed.xml"
XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'
SITEMAP_FILE = "sitemap.xml"
# One sitemap may list 50,000 URLs and weigh 50 MiB uncompressed (sitemaps.org/protocol.html);
# search engines ignore what is beyond. 100,000 articles make some 180,000 pages.
SITEMAP_MAX_URLS = 50_000
SITEMAP_MAX_BYTES = 50 * 1024 * 1024
# Entries kept by a render worker's memo (see entry_memo; under a kilobyte each): enough for
# every entry its person and topic feeds hold at 100,000 articles, some 62,000 different ones
# in each of two workers. (Of a worker's first 100,000 uses, a memo of 20,000 that forgot
# them all when full made 89,000: see recent.RecentlyUsed.)
ENTRY_MEMO_LIMIT = 100_000

# Characters XML 1.0 forbids even when escaped; a stray control character in a body would
# otherwise make the whole feed unreadable. XML allows tab, line feed, carriage return,
# U+0020-U+D7FF, U+E000-U+FFFD and U+10000-U+10FFFF; this is the rest, named as such: written
# as [^ allowed], the pattern took 5 ms to compile (Python builds a table of every allowed
# character below U+10000), in every process of every build.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


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


def atom_xml(feed: Feed, site: Site, config: Config, urls: Urls, memo: RecentlyUsed | None = None) -> bytes:
    """The feed as an Atom (RFC 4287) document, one element a line.

    Written as text, like the sitemap: there are thousands of feeds (one per person and
    topic), and building and serializing an ElementTree for each was a tenth of rendering
    those pages. Every value goes through ``_element`` or ``_attribute``, which escape it.

    ``memo``, kept for the build by the caller, remembers the entries of feeds without bodies:
    an article is in the feed of each of its people and topics, the same each time."""
    dated = [a.date for a in feed.articles if a.date]
    updated = atom_date(_latest(dated)) if dated else UNKNOWN_UPDATED
    # (xml:base: so that the site paths inside entry content resolve in any reader)
    base = f' xml:base="{_attribute(urls.absolute(urls.home()))}"' if urls.origin else ""
    lines = [
        XML_DECLARATION,
        f'<feed xmlns="{ATOM}" xml:lang="{_attribute(config.language)}"{base}>',
        _element("id", entry_id(feed.page_url, urls)),
        _element("title", feed.title),
        _element("subtitle", feed.subtitle),
        _element("updated", updated),
        _link("self", urls.absolute(feed.url), "application/atom+xml"),
        _link("alternate", urls.absolute(feed.page_url), "text/html"),
        "<author>", _element("name", config.title), "</author>",
        _element("generator", "sitegen"),
    ]
    for article in feed.articles:
        lines.append(_entry_text(article, updated, site, config, urls, feed.full_content, memo))
    lines.append("</feed>")
    return _document(lines)


def _document(lines: list[str]) -> bytes:
    """An XML document written one element a line."""
    return ("\n".join(lines) + "\n").encode("utf-8")


def entry_memo() -> RecentlyUsed:
    """A memo for ``atom_xml``, kept by a render worker for the whole render stage."""
    return RecentlyUsed(ENTRY_MEMO_LIMIT)


def _entry_text(article: Article, feed_updated: str, site: Site, config: Config, urls: Urls, full_content: bool,
                memo: RecentlyUsed | None) -> str:
    if memo is None or full_content:  # (the site feed's entries, with bodies, are in no other feed)
        return "\n".join(_entry(article, feed_updated, site, config, urls, full_content))
    key = (article.slug, article.date is None and feed_updated)  # (an undated entry takes the feed's date)
    return memo.recall(key) or memo.keep(key, "\n".join(_entry(article, feed_updated, site, config, urls, full_content)))


def _entry(article: Article, feed_updated: str, site: Site, config: Config, urls: Urls,
           full_content: bool = True) -> list[str]:
    url = urls.article(article)
    # (an article in another language than the site's says so: its title, summary and content are in it)
    own = own_language(article.language, config.language)
    lines = [f'<entry xml:lang="{_attribute(own)}">' if own else "<entry>", _element("id", entry_id(url, urls)),
             _element("title", article.title),
             _link("alternate", urls.absolute(url), "text/html")]
    if article.source.url:
        lines.append(_link("via", article.source.url, "text/html"))
    if article.date:
        lines.append(_element("published", atom_date(article.date)))
    lines.append(_element("updated", atom_date(article.date) if article.date else feed_updated))
    for reporter in article.reporters:
        person = site.people.get(reporter.slug)
        lines += ["<author>", _element("name", person.name if person else reporter.slug),
                  _element("uri", urls.absolute(urls.person(reporter.slug))), "</author>"]
    for slug in article.topics:
        topic = site.topics.get(slug)
        lines.append(f'<category term="{_attribute(slug)}" label="{_attribute(topic.name if topic else slug)}" />')
    if article.summary:
        lines.append(_element("summary", article.summary))
    if full_content:
        lines.append(_element("content", article.body_html, ' type="html"'))
    elif not article.summary:
        lines.append(_element("summary", article.title))  # Atom wants a summary when there is no content
    lines.append("</entry>")
    return lines


def _latest(dates: list[PartialDate]) -> PartialDate:
    """The date of the latest instant, as ``atom_date`` writes each: a feed's ``updated`` is
    never before one of its entries'. Lists order a day's articles by their times as written,
    each in its own zone (their ``sort_key``), which is the same order unless zones differ:
    "2016-11-08T21:30-05:00" is after "2016-11-08T23:59Z"."""
    if all(date.zone in ("", "Z") for date in dates):  # (one zone for all, as atom_date takes them)
        return max(dates, key=lambda d: d.sort_key)
    return max(dates, key=_instant)


def _instant(date: PartialDate) -> datetime.datetime:
    hour, minute = (0, 0) if date.hour is None else (date.hour, date.minute)
    zone = datetime.timezone.utc
    if date.zone not in ("", "Z"):
        sign = -1 if date.zone[0] == "-" else 1
        zone = datetime.timezone(sign * datetime.timedelta(hours=int(date.zone[1:3]), minutes=int(date.zone[4:6])))
    return datetime.datetime(date.year, date.month or 1, date.day or 1, hour, minute, tzinfo=zone)


def atom_date(date: PartialDate) -> str:
    """RFC 3339, which Atom requires: a full date and time with its zone, so a date known to
    the month or year is dated on its first day, and a time without its zone is taken as UTC
    (the front matter can say otherwise: ``2016-11-08T21:30-05:00``)."""
    hour, minute = (0, 0) if date.hour is None else (date.hour, date.minute)
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}T{hour:02d}:{minute:02d}:00{date.zone or 'Z'}"


def entry_id(url: str, urls: Urls) -> str:
    """A permanent, absolute id for the page at site path ``url``."""
    return urls.absolute(url) if urls.origin else f"tag:{TAG_AUTHORITY}:{url}"


def has_sitemap(urls: Urls) -> bool:
    """Whether the site gets a sitemap: only with a host in base_url. The sitemaps protocol takes
    whole addresses only ("https://host/path/"), and search engines reject a sitemap of site
    paths ("/articles/x/"), which is what it would list without one; no sitemap is better than
    one that is refused (the build says so: see cli.build_command)."""
    return bool(urls.origin)


def sitemap_files(pages: list[str], urls: Urls, lastmod: dict[str, str]) -> list[tuple[str, bytes]]:
    """``sitemap.xml`` listing every page in ``pages`` (site paths, with the real dates in
    ``lastmod``); or, when one file may not hold them all, ``sitemap.xml`` as the index of
    ``sitemap-1.xml``, ``sitemap-2.xml``, ..., each within the protocol's limits. The entry
    point stays ``sitemap.xml`` either way: robots.txt and search consoles name that one."""
    lines = [_sitemap_line(page, urls, lastmod) for page in pages]
    parts = _split(lines, SITEMAP_MAX_URLS, SITEMAP_MAX_BYTES - len(_urlset([])))
    if len(parts) == 1:
        return [(SITEMAP_FILE, _urlset(parts[0]))]
    names = [f"sitemap-{number}.xml" for number in range(1, len(parts) + 1)]
    index = _document([XML_DECLARATION, f'<sitemapindex xmlns="{SITEMAP}">',
                       *(f"<sitemap><loc>{_escape(urls.absolute(urls.path(name)))}</loc></sitemap>" for name in names),
                       "</sitemapindex>"])
    return [(SITEMAP_FILE, index)] + list(zip(names, map(_urlset, parts)))


def _split(lines: list[str], max_lines: int, max_bytes: int) -> list[list[str]]:
    """``lines`` in order, in as few parts as hold at most ``max_lines`` lines and
    ``max_bytes`` bytes each (a line's newline included); always at least one part."""
    parts, part, size = [], [], 0
    for line in lines:
        width = len(line.encode("utf-8")) + 1
        if part and (len(part) == max_lines or size + width > max_bytes):
            parts.append(part)
            part, size = [], 0
        part.append(line)
        size += width
    return parts + [part]


def _sitemap_line(page: str, urls: Urls, lastmod: dict[str, str]) -> str:
    date = f"<lastmod>{_escape(lastmod[page])}</lastmod>" if page in lastmod else ""
    return f"<url><loc>{_escape(urls.absolute(page))}</loc>{date}</url>"


def _urlset(lines: list[str]) -> bytes:
    """A sitemap of ``lines``, one ``<url>`` each, one a line."""
    return _document([XML_DECLARATION, f'<urlset xmlns="{SITEMAP}">', *lines, "</urlset>"])


def _escape(text: str) -> str:
    # By hand, as xml.sax.saxutils.escape does it: importing that module imports urllib.request,
    # http.client and ssl, a hundredth of a second of every build's start.
    return _clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def robots_txt(urls: Urls) -> bytes:
    # Crawlers only read /robots.txt at the root of a host: under a sub-path (a GitHub project
    # page) this file is inert, but the sitemap it names is still valid to submit by hand.
    sitemap = f"\nSitemap: {urls.absolute(urls.path(SITEMAP_FILE))}\n" if has_sitemap(urls) else ""
    return f"User-agent: *\nDisallow:\n{sitemap}".encode("utf-8")


def _element(tag: str, text: str, attributes: str = "") -> str:
    text = _escape(text)
    return f"<{tag}{attributes}>{text}</{tag}>" if text else f"<{tag}{attributes} />"


def _link(rel: str, href: str, media_type: str) -> str:
    return f'<link rel="{rel}" type="{media_type}" href="{_attribute(href)}" />'


def _attribute(value: str) -> str:
    """A value for a double-quoted attribute. Line breaks and tabs as references, which keeps
    them: a parser turns raw ones in an attribute into spaces."""
    value = _escape(value)
    # Translated only if there is something to replace: str.translate looks every character
    # up in the table, and each one not in it raises and clears a KeyError (a feed's links
    # came to 50,000 of them in a 300-article build, nearly all with none of these characters).
    if _ATTRIBUTE_SPECIAL.isdisjoint(value):
        return value
    return value.translate(_ATTRIBUTE_ENTITIES)


_ATTRIBUTE_ENTITIES = str.maketrans({'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"})
_ATTRIBUTE_SPECIAL = frozenset('"\r\n\t')


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)
