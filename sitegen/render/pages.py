"""Render stage: ``Site`` + ``Index`` -> output files.

``render_unit`` makes the files of one unit of the plan (``plan.py``); nothing here touches
the output folder.
Each page kind has one function that builds its template context: that context is the theme
API, documented in ``docs/themes.md``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Iterator

import jinja2
from markupsafe import Markup

from ..config import Config
from ..diagnostics import BuildError, Diagnostic, Location
from ..fileio import read_bytes
from ..index import Index, archive_group_of, archive_groups
from ..languages import own_language
from ..markup.highlight import pygments_css
from ..cache import BodyStore
from ..model import Annotation, Article, Page, Site, menu_pages
from .citation import bibtex, citation, citation_urls, csl_json
from .comments import comment_thread_html, comments_of, render_comment_text
from .excerpts import annotation_excerpt, excerpt, has_own_pages, site_annotation_lists
from .groups import by_article, entry_before_page, timeline_years, year_sections
from .feeds import Feed, atom_xml, entry_memo, has_sitemap, person_feed, robots_txt, site_feed, sitemap_files, topic_feed
from .structured import FeedLink, HeadMeta, article_graph, profile_page, script_json, search_filters
from .recent import RecentlyUsed
from .urls import Urls, page_url, published_name
from ..search import search_page
from ..slugs import ascii_letters, is_latin


@dataclass(frozen=True, slots=True)
class OutputFile:
    path: str  # relative to the output folder, "/"-separated
    data: bytes


@dataclass(frozen=True, slots=True)
class Pagination:
    """Where one page stands in a paginated listing. It holds no list of every page's URL: a
    listing of thousands of pages would make each page's pagination cost as much as all of
    them (100,000 articles make 6,000 pages of fact-checks)."""

    number: int
    total: int
    first_url: str  # page 1's URL; the others follow from it (``url``)

    def url(self, number: int) -> str:
        return page_url(self.first_url, number)

    @property
    def current_url(self) -> str:
        return self.url(self.number)

    @property
    def previous_url(self) -> str | None:
        return self.url(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.url(self.number + 1) if self.number < self.total else None

    @property
    def urls(self) -> tuple[str, ...]:
        """Every page's URL, first to last; as long as the listing (``shown`` is what a pager needs)."""
        return tuple(self.url(n) for n in range(1, self.total + 1))

    def shown(self) -> list[tuple[int, str | None]]:
        """The pages a pager lists, in order: the first and last, and two either side of this
        one, as (number, URL); where pages are left out, one (number, None) marks the gap."""
        near = range(max(1, self.number - 2), min(self.total, self.number + 2) + 1)
        shown = sorted({1, self.total, *near})
        entries = []
        for previous, n in zip([0] + shown, shown):
            if n - previous > 1:
                entries.append((previous + 1, None))
            entries.append((n, self.url(n)))
        return entries


NO_LANG = Markup("")


@dataclass(frozen=True, slots=True)
class Renderer:
    site: Site
    index: Index
    config: Config
    env: jinja2.Environment
    urls: Urls
    bodies: BodyStore  # bodies and comments of the site's articles, which hold neither
    feed_entries: RecentlyUsed = field(default_factory=entry_memo)  # see feeds.atom_xml

    def __post_init__(self):
        # What every template gets, as globals of the environment rather than variables of
        # each page: then a macro file imported without ``with context`` sees them too, and
        # Jinja runs it once per process instead of once per page.
        self.env.globals.update(site=self.site, index=self.index, config=self.config, urls=self.urls,
                                comment_html=render_comment_text, comment_thread_html=comment_thread_html, comments_of=comments_of,
                                wayback_url=wayback_url, year_sections=year_sections,
                                timeline_years=timeline_years, lang_of=self.lang_of, own_words=own_words,
                                menu_pages=menu_pages(self.site.pages))

    def lang_of(self, article: Article, annotation: Annotation | None = None) -> Markup:
        """` lang="fr"` for an element holding a French article's own words (its title, body,
        summary, quotes) on a page of an English site; nothing when it is in the site's language.
        With ``annotation``, a quote or claim's words, which may be in a language of their own
        (an English quote in a French article: nothing on an English site's list)."""
        language = annotation.lang if annotation is not None and annotation.lang else article.language
        if not language:  # (most articles: in the site's language; asked tens of times a page)
            return NO_LANG
        own = own_language(language, self.config.language)
        return Markup(' lang="%s"') % own if own else NO_LANG

    def with_content(self, article: Article) -> Article:
        return article.with_content(self.bodies.get(article.fingerprint))

    def page(self, template: str, url: str, **context) -> OutputFile:
        if "head_meta" not in context:  # (not setdefault: it would make the default every time)
            context["head_meta"] = HeadMeta(feeds=(self.site_feed_link,))
        # The pieces the template yields are encoded one by one and the bytes joined, where
        # Template.render joined them into one str to encode. A page holds a few characters
        # beyond Latin-1 ("…", "→"), which made the whole joined page a str of two bytes a
        # character, encoded to UTF-8 one character at a time (1.5 % of a cold build's
        # instructions); most pieces are ASCII, whose UTF-8 is a copy.
        page = self.env.get_template(template)
        try:
            data = b"".join(map(str.encode, page.root_render_func(page.new_context({"page_url": url, **context}))))
        except Exception:
            page.environment.handle_exception()  # (as render does: the error located in the template)
        return OutputFile(self.urls.output_file(url), data)

    @property
    def site_feed_link(self) -> FeedLink:
        return FeedLink(self.config.title, self.urls.path("feed.xml"))

    def feed_file(self, feed: Feed) -> OutputFile:
        return OutputFile(self.urls.output_file(feed.url), atom_xml(feed, self.site, self.config, self.urls,
                                                                  self.feed_entries))


def render_unit(r: Renderer, unit_id: tuple, static: dict) -> list[OutputFile]:
    """The files of one unit of the plan (see ``plan.py``)."""
    kind, *args = unit_id
    urls = r.urls
    if kind == "article":
        return list(article_files(r, r.with_content(r.index.articles[args[0]])))
    if kind == "page":
        return list(page_files(r, site_page(r.site, args[0])))
    if kind == "archive":
        return [archive_page(r, args[0])]
    if kind == "person":
        return list(person_pages(r, args[0]))
    if kind == "topic":
        return list(topic_pages(r, args[0]))
    if kind == "people-index":
        return list(people_index_pages(r))
    if kind == "topics-index":
        return list(topics_index_pages(r))
    if kind == "annotations":
        lists = {name: annotation_excerpt(refs, r.config, urls.annotations(name), r.index.articles)
                 for name, refs in site_annotation_lists(r.index).items()}
        return [r.page("annotations.html", urls.annotations(), title="Annotations",
                       fact_checks=lists["fact-checks"], corrections=lists["corrections"])]
    if kind == "annotation-list":
        return [annotation_list_page(r, *args)]
    if kind == "site-feed":
        return [r.feed_file(site_feed(r.index, r.config, urls, r.with_content))]
    if kind == "search":
        return [search_page(r)]
    if kind == "404":
        return [r.page("404.html", urls.path("404.html"), title="Page not found")]
    if kind == "static":
        files = [OutputFile(".nojekyll", b"")]
        files += [OutputFile(f"static/{name}", path.read_bytes()) for name, path in static.items()]
        return files + [OutputFile("static/pygments.css", pygments_css().encode("utf-8"))]
    raise ValueError(f"unknown render unit {unit_id!r}")


def unit_folder(r: Renderer, unit_id: tuple) -> str | None:
    """The output folder that the first file of a unit goes into, known before it is rendered
    (an article's, a person's or a topic's own), or None. See write.FoldersAhead."""
    kind = unit_id[0]
    if kind == "article":
        url = r.urls.article(r.index.articles[unit_id[1]])
    elif kind == "person":
        url = r.urls.person(unit_id[1])
    elif kind == "topic":
        url = r.urls.topic(unit_id[1])
    elif kind == "page":
        url = r.urls.page(site_page(r.site, unit_id[1]))
    else:
        return None
    return r.urls.output_file(url).rpartition("/")[0] or None


def crawler_files(site: Site, urls: Urls, paths) -> list[OutputFile]:
    """The sitemap (one file, or an index and its parts) and robots.txt, from the paths of
    the site's files (those of its HTML pages are enough); robots.txt alone for a site whose
    base_url has no host (see feeds.has_sitemap)."""
    if not has_sitemap(urls):
        return [OutputFile("robots.txt", robots_txt(urls))]
    # (Not the alias pages: a redirect is no page of its own, and is marked noindex.)
    redirects = alias_files(site, urls)
    pages = sorted(_page_url(urls, p) for p in paths if p.endswith(".html") and p != "404.html" and p not in redirects)
    # (A sitemap takes a time only with its zone: W3C's datetime)
    lastmod = {urls.article(a): a.date.iso() if a.date.zone else a.date.day_iso() for a in site.articles if a.date}
    sitemaps = [OutputFile(name, data) for name, data in sitemap_files(pages, urls, lastmod)]
    return sitemaps + [OutputFile("robots.txt", robots_txt(urls))]


def _page_url(urls: Urls, path: str) -> str:
    return urls.path(path[: -len("index.html")] if path.endswith("index.html") else path)


def own_words(text: str, lang: Markup) -> Markup:
    """``text`` escaped, in a span saying its language when ``lang`` (``lang_of(article)``) is
    one: the title of another article in a line of the site's words ("Newer: …")."""
    return Markup("<span%s>%s</span>") % (lang, text) if lang else Markup.escape(text)


def wayback_url(article) -> str:
    """The Internet Archive's copy nearest the publication date (its latest when undated)."""
    stamp = article.date.day_iso().replace("-", "") if article.date else ""
    return f"https://web.archive.org/web/{stamp + '/' if stamp else ''}{article.source.url}"


def paginate(items: tuple, size: int, first_url: str) -> Iterator[tuple[tuple, Pagination]]:
    """Split ``items`` into pages; an empty listing still has one (empty) page."""
    for number in range(1, page_count(items, size) + 1):
        yield page_of(items, size, first_url, number)


def page_count(items: tuple, size: int) -> int:
    return max(1, math.ceil(len(items) / size))


def page_of(items: tuple, size: int, first_url: str, number: int) -> tuple[tuple, Pagination]:
    """Page ``number`` of ``items`` alone, for a unit that renders one page of a long listing."""
    total = page_count(items, size)
    if not 1 <= number <= total:
        raise ValueError(f"no page {number} of {first_url}")
    return items[(number - 1) * size: number * size], Pagination(number, total, first_url)


def annotation_pages(r: Renderer, refs: tuple, first_url: str) -> Iterator[tuple[tuple, tuple, Pagination]]:
    """Every page of a whole list of annotations, as annotation_page makes them."""
    for number in range(1, page_count(refs, r.config.pagination) + 1):
        yield annotation_page(r, refs, first_url, number)


def annotation_page(r: Renderer, refs: tuple, first_url: str, number: int) -> tuple[tuple, tuple, Pagination]:
    """Page ``number`` of a list of annotations: its entries, the same by article (a group
    begun on the page before marked continued) and where the page stands."""
    chunk, pagination = page_of(refs, r.config.pagination, first_url, number)
    before = entry_before_page(refs, number, r.config.pagination)
    return chunk, by_article(chunk, r.index.articles, before), pagination


def archive_page(r: Renderer, number: int) -> OutputFile:
    chunk, pagination = page_of(r.index.order, r.config.pagination, r.urls.home(), number)
    groups = archive_groups(tuple(r.index.articles[s] for s in chunk))
    before = entry_before_page(r.index.order, number, r.config.pagination)
    if groups and before and archive_group_of(r.index.articles[before])[0] == groups[0].key:
        groups = (replace(groups[0], continued=True),) + groups[1:]  # the month began on the page before
    return r.page("index.html", pagination.current_url, title=numbered("Archive", pagination), groups=groups,
                  pagination=pagination)


ANNOTATION_LIST_TITLES = {"fact-checks": "Fact-checks", "corrections": "Corrections"}


def annotation_list_page(r: Renderer, kind: str, number: int) -> OutputFile:
    """Page ``number`` of every fact-check, or every correction, of the archive."""
    refs = site_annotation_lists(r.index)[kind]
    chunk, groups, pagination = annotation_page(r, refs, r.urls.annotations(kind), number)
    return r.page("annotation_list.html", pagination.current_url, title=numbered(ANNOTATION_LIST_TITLES[kind], pagination),
                  kind=kind, annotations=chunk, groups=groups, total=len(refs), pagination=pagination)


def numbered(title: str, pagination: Pagination) -> str:
    """A listing's title, with the page number from page 2 on: each page's <title> is its own."""
    return title if pagination.number == 1 else f"{title}, page {pagination.number}"


def article_files(r: Renderer, article) -> Iterator[OutputFile]:
    url = r.urls.article(article)
    cite = citation(article, r.site, r.urls)
    head = HeadMeta("article", article.date.iso() if article.date else "", (r.site_feed_link,),
                    script_json(article_graph(article, r.site, r.config, r.urls)))
    # (corrected: worked out here, where the template's selectattr filter raised and caught an
    # error for each annotation, 6 % of the instructions of an article page.)
    yield r.page("article.html", url, title=article.title, article=article,
                 previous=_neighbour(r, r.index.previous, article.slug),
                 next=_neighbour(r, r.index.following, article.slug), head_meta=head, citation=cite,
                 corrected=any(a.kind == "correction" for a in article.annotations),
                 search_filters=search_filters(article, r.site))
    folder = _bundle_folder(r.urls, article)
    for asset in article.assets:
        yield OutputFile(folder + published_name(article, asset), _bundle_file(article.path / asset))
    yield OutputFile(r.urls.output_file(cite.json_url), csl_json(article, r.site, r.config, r.urls))
    yield OutputFile(r.urls.output_file(cite.bib_url), bibtex(article, r.site, r.urls))
    for alias in article.aliases:
        yield alias_page(r, alias, url, article.title, r.lang_of(article))


def page_files(r: Renderer, page: Page) -> Iterator[OutputFile]:
    """A standalone page and its bundle's files, beside it in its folder."""
    url = r.urls.page(page)
    yield r.page("page.html", url, title=page.title, page=page)
    folder = r.urls.output_file(url).removesuffix("index.html")
    for asset in page.assets:
        yield OutputFile(folder + published_name(page, asset), _bundle_file(page.path.parent / asset))
    for alias in page.aliases:
        yield alias_page(r, alias, url, page.title, NO_LANG)


def alias_page(r: Renderer, alias: str, target: str, title: str, lang: Markup) -> OutputFile:
    """The page at one of an article's or a page's old addresses, which sends the reader on to
    ``target``, its page now. Made with the article's or page's own files (its render unit), so
    that a changed or removed alias is made again or removed with them. Its ``page_url`` is the
    target's: the page it stands for, which its canonical link names."""
    return r.page("alias.html", r.urls.alias(alias), page_url=target, title=title, target=target, lang=lang)


def alias_files(site: Site, urls: Urls) -> set[str]:
    """The output paths of every alias page of the site (none are in its sitemap)."""
    owners = [a for a in site.articles if a.aliases] + [p for p in site.pages if p.aliases]
    return {urls.output_file(urls.alias(alias)) for owner in owners for alias in owner.aliases}


def site_page(site: Site, slug: str) -> Page:
    # (a site has a handful of pages: looked for, rather than kept in one more mapping)
    return next(page for page in site.pages if page.slug == slug)


def _bundle_file(path) -> bytes:
    """A bundle file's bytes. The load stage listed it; one removed since (while the build ran)
    stops the build with a content error naming it, not a theme's template error."""
    try:
        return read_bytes(path)
    except OSError as exc:
        raise BuildError([Diagnostic("error", Location(path), f"cannot read file: {exc.strerror or exc}")]) from None


def article_output_paths(article, urls: Urls) -> list[tuple[str, str]]:
    """Every file ``article_files`` writes for the article, as (path in the output, "page", the
    bundle file's name, "citation" or "alias")."""
    url = urls.article(article)
    folder = _bundle_folder(urls, article)
    return [(urls.output_file(url), "page"),
            *((folder + published_name(article, asset), asset) for asset in article.assets),
            *((urls.output_file(cite_url), "citation") for cite_url in citation_urls(url)),
            *((urls.output_file(urls.alias(alias)), "alias") for alias in article.aliases)]


def _bundle_folder(urls: Urls, article) -> str:
    """Where the bundle's other files go in the output, ending in '/' (see Urls.bundle_folder)."""
    return urls.output_file(urls.bundle_folder(article)).removesuffix("index.html")


def _neighbour(r: Renderer, mapping: dict, slug: str):
    other = mapping.get(slug)
    return r.index.articles[other] if other else None


def person_pages(r: Renderer, slug: str) -> Iterator[OutputFile]:
    person = r.site.people[slug]
    articles = r.index.person_articles.get(slug, ())
    feed = person_feed(slug, r.site, r.index, r.config, r.urls)
    yield r.feed_file(feed)
    feeds = (r.site_feed_link, FeedLink(feed.title, feed.url))
    quotes = r.index.person_quotes.get(slug, ())
    reported = r.index.person_reported.get(slug, ())
    # Made once for all of the person's pages, not once a page: each goes over every article
    # naming the person, and the busiest of 100,000 articles has hundreds of pages.
    roles = summarise_roles(r.index.person_roles.get(slug, ()), r.index.articles)
    quotes_excerpt = excerpt(quotes, r.config, r.urls.person_quotes(slug))
    reported_slugs = excerpt(reported, r.config, r.urls.person_reported(slug))
    reported_excerpt = replace(reported_slugs, items=tuple(r.index.articles[s] for s in reported_slugs.items))
    for chunk, pagination in paginate(articles, r.config.pagination, r.urls.person(slug)):
        # The profile describes the person once, on the first page; later pages only list articles.
        json_ld = script_json(profile_page(person, r.config, r.urls)) if pagination.number == 1 else ""
        yield r.page("person.html", pagination.current_url, title=numbered(person.name, pagination), person=person,
                     head_meta=HeadMeta(feeds=feeds, json_ld=json_ld),
                     articles=[r.index.articles[s] for s in chunk], pagination=pagination,
                     roles=roles, quotes=quotes_excerpt, reported=reported_excerpt)
    if has_own_pages(quotes, r.config):
        for chunk, pagination in paginate(quotes, r.config.pagination, r.urls.person_quotes(slug)):
            yield r.page("person_quotes.html", pagination.current_url,
                         title=numbered(f"Quotes by {person.name}", pagination), person=person,
                         head_meta=HeadMeta(feeds=feeds), quotes=chunk, total=len(quotes), pagination=pagination)
    if has_own_pages(reported, r.config):
        for chunk, pagination in paginate(reported, r.config.pagination, r.urls.person_reported(slug)):
            yield r.page("person_reported.html", pagination.current_url,
                         title=numbered(f"Reported by {person.name}", pagination), person=person,
                         head_meta=HeadMeta(feeds=feeds), articles=[r.index.articles[s] for s in chunk],
                         total=len(reported), pagination=pagination)


@dataclass(frozen=True, slots=True)
class RoleSummary:
    role: str  # as the newest article words it
    count: int  # articles that give the person this role
    newest: Article


def summarise_roles(roles: tuple[tuple[str, str], ...], articles: dict[str, Article]) -> list[RoleSummary]:
    """Each distinct role once (compared without case), most frequent first, with its newest
    article. A person named in thousands of articles keeps a short list: listing every
    (role, article) pair made a page of a megabyte for one busy source."""
    grouped: dict[str, list[tuple[str, str]]] = {}
    for role, slug in roles:  # newest article first
        grouped.setdefault(role.casefold(), []).append((role, slug))
    summaries = [RoleSummary(pairs[0][0], len(pairs), articles[pairs[0][1]]) for pairs in grouped.values()]
    return sorted(summaries, key=lambda s: -s.count)  # stable: ties stay newest first


def topic_pages(r: Renderer, slug: str) -> Iterator[OutputFile]:
    topic = r.site.topics[slug]
    articles = r.index.topic_articles.get(slug, ())
    related = [r.site.topics[s] for s in topic.related if s in r.site.topics]
    feed = topic_feed(slug, r.site, r.index, r.config, r.urls)
    yield r.feed_file(feed)
    head = HeadMeta(feeds=(r.site_feed_link, FeedLink(feed.title, feed.url)))
    annotations = r.index.topic_annotations.get(slug, ())
    annotations_excerpt = annotation_excerpt(annotations, r.config, r.urls.topic_annotations(slug), r.index.articles)
    for chunk, pagination in paginate(articles, r.config.pagination, r.urls.topic(slug)):
        yield r.page("topic.html", pagination.current_url, title=numbered(topic.name, pagination), topic=topic, head_meta=head,
                     articles=[r.index.articles[s] for s in chunk], pagination=pagination, related=related,
                     annotations=annotations_excerpt)
    if has_own_pages(annotations, r.config):
        for chunk, groups, pagination in annotation_pages(r, annotations, r.urls.topic_annotations(slug)):
            yield r.page("topic_annotations.html", pagination.current_url,
                         title=numbered(f"Fact-checks and notes on {topic.name}", pagination), topic=topic,
                         head_meta=head, annotations=chunk, groups=groups, total=len(annotations),
                         pagination=pagination)


# people/ and topics/ list names, far shorter than the entries of other listings: a page holds
# this many times ``pagination`` of them. An archive of 100,000 articles names 21,000 people.
NAMES_PER_PAGE_FACTOR = 10


@dataclass(frozen=True, slots=True)
class LetterGroup:
    letter: str
    people: list  # [(person, article count)] on this page
    continued: bool  # the letter began on an earlier page


def people_index_pages(r: Renderer) -> Iterator[OutputFile]:
    """People A to Z, paginated; the letters at the top link to the page where each begins."""
    entries = [(letter, entry) for letter, people in people_by_letter(r) for entry in people]
    size = r.config.pagination * NAMES_PER_PAGE_FACTOR
    first_url = r.urls.path("people/")
    begins = {}  # letter -> the page it begins on
    for position, (letter, _) in enumerate(entries):
        begins.setdefault(letter, position // size + 1)
    for chunk, pagination in paginate(tuple(entries), size, first_url):
        groups: list[LetterGroup] = []
        for letter, entry in chunk:
            if not groups or groups[-1].letter != letter:
                groups.append(LetterGroup(letter, [], begins[letter] < pagination.number))
            groups[-1].people.append(entry)
        alphabet = [(letter, _letter_link(letter, begins.get(letter), pagination)) for letter in _alphabet(begins)]
        yield r.page("people.html", pagination.current_url, title=numbered("People", pagination), letters=groups,
                     alphabet=alphabet, pagination=pagination)


def _letter_link(letter: str, page: int | None, pagination: Pagination) -> str | None:
    """Where the letter's heading is: on this page, on another, or (no one under it) nowhere."""
    if page is None:
        return None
    return ("" if page == pagination.number else pagination.url(page)) + f"#letter-{letter}"


def _alphabet(present) -> list[str]:
    """A to Z, so the index reads like a printed one, with any other initials ("#", "É") in order."""
    return sorted(set("ABCDEFGHIJKLMNOPQRSTUVWXYZ") | set(present))


def topics_index_pages(r: Renderer) -> Iterator[OutputFile]:
    topics = tuple(sorted(r.site.topics.values(), key=lambda t: (filed_under(t.name)[1], t.name.casefold(), t.slug)))
    for chunk, pagination in paginate(topics, r.config.pagination * NAMES_PER_PAGE_FACTOR, r.urls.path("topics/")):
        yield r.page("topics.html", pagination.current_url, title=numbered("Topics", pagination), topics=chunk,
                     pagination=pagination)


def filed_under(surname: str) -> tuple[str, str]:
    """(letter, how it sorts) of a surname in the A to Z: a Latin letter by its plain letter
    (Émile, Łukasz and Ødegaard among E, L and O, not after Z), a letter of another script by
    itself (П after Z), anything else under "#"."""
    # (an ʻokina or an apostrophe before the first letter is not what it is filed by: ʻAkaka, 'Abd)
    surname = surname.lstrip("ʻʼ'’‘`")
    first = surname[:1]
    if not first.isalpha():
        return "#", surname.casefold()
    if is_latin(first):
        folded = ascii_letters(surname).casefold()
        return (folded[:1].upper() or first.upper()), folded
    return first.upper(), surname.casefold()


def people_by_letter(r: Renderer) -> list[tuple[str, list]]:
    """People A to Z by surname (the last word of the name), with their article counts."""
    def sort_key(person):
        words = person.name.split()
        return (*filed_under(words[-1] if words else person.slug), person.name.casefold(), person.slug)

    letters: dict[str, list] = {}
    for person in sorted(r.site.people.values(), key=sort_key):
        letter = sort_key(person)[0]
        count = len(set(r.index.person_articles.get(person.slug, ())) | set(r.index.person_reported.get(person.slug, ())))
        letters.setdefault(letter, []).append((person, count))
    return sorted(letters.items())
