"""The content model: plain frozen data, linked by slug.

Everything here is what the content *says*; everything derived from many articles at once
(articles per person, archive groups, quotes per person) lives in ``index.Index``.
"""

from __future__ import annotations

import operator
import pickle
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

def record(cls=None, **options):
    """``@dataclass(frozen=True, slots=True)`` that pickles as (class, field values).

    The build cache holds hundreds of thousands of these; the default pickling of slotted
    dataclasses calls ``dataclasses.fields()`` for every object and made loading the cache of
    a 10,000-article archive take seconds. A positional tuple is smaller and several times faster.
    """
    def wrap(cls):
        cls = dataclass(frozen=True, slots=True, **options)(cls)
        names = tuple(f.name for f in fields(cls))
        # (replaced, below, passes every field to the class: there must be no init=False ones)
        assert all(f.init for f in fields(cls)), cls
        values = operator.attrgetter(*names)
        _FIELD_VALUES[cls] = values
        _FIELD_NAMES[cls] = names
        if len(fields(cls)) == 1:
            cls.__reduce__ = lambda self: (cls, (values(self),))
        else:
            cls.__reduce__ = lambda self: (cls, values(self))
        return cls

    return wrap if cls is None else wrap(cls)


def plain(value):
    """``value`` with a record, or each record of a tuple or list of records of one class, as
    its field values (a tuple; the value itself for a one-field record); anything else as it
    is. For digests: ``cache.digest`` encodes plain data in C, and a record by its repr,
    which is Python code and took three times as long (see Article.listed_fields)."""
    values = _FIELD_VALUES.get(type(value))
    if values is not None:
        return values(value)
    if isinstance(value, (tuple, list)) and value:
        kinds = set(map(type, value))
        values = _FIELD_VALUES.get(kinds.pop()) if len(kinds) == 1 else None
        if values is not None:
            return tuple(map(values, value))
    return value


# Each record class's getter of its field values (see record). A lookup here, not an attribute
# of the class: asking a class that is not a record (str, bool) for an attribute it lacks
# raises and catches an AttributeError, which made a dozen calls of plain cost as much as
# the digest they were for.
_FIELD_VALUES: dict = {}
_FIELD_NAMES: dict = {}  # each record class's field names, in order


def replaced(record, /, **changes):
    """``dataclasses.replace(record, **changes)`` for a record. That one loops over the
    fields in Python, and an Article has 28: its body put back for each page and taken off
    again for the cache cost more than the rest of either step. Here the values are taken at
    once, by the getter made for pickling."""
    kind = type(record)
    names, values = _FIELD_NAMES[kind], _FIELD_VALUES[kind](record)
    values = dict(zip(names, values if len(names) > 1 else (values,)))  # (one field: its value alone)
    values.update(changes)
    return kind(**values)


class Packed(Sequence):
    """A tuple that pickles as one bytes object and, once unpickled, stays packed until it is
    first read. Annotations are most of the objects in the build cache's article records; a
    no-op or an edit reads none of them (the index lists them only when a page needs them),
    and unpickling them all was a third of loading the cache. It reads, compares, hashes and
    prints (for digests) as the tuple it holds."""

    __slots__ = ("_items", "_packed", "_length")

    def __init__(self, items=()):
        self._items, self._packed, self._length = tuple(items), None, len(items)

    @classmethod
    def _unpickled(cls, length: int, packed: bytes) -> "Packed":
        self = cls.__new__(cls)
        self._items, self._packed, self._length = None, packed, length
        return self

    def __reduce__(self):
        packed = self._packed if self._packed is not None else pickle.dumps(self._items, pickle.HIGHEST_PROTOCOL)
        return Packed._unpickled, (self._length, packed)

    def _tuple(self) -> tuple:
        if self._items is None:
            self._items, self._packed = pickle.loads(self._packed), None
        return self._items

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index):
        return self._tuple()[index]

    def __iter__(self):
        return iter(self._tuple())

    def __eq__(self, other) -> bool:
        if isinstance(other, (Packed, tuple)):
            return self._tuple() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._tuple())

    def __repr__(self) -> str:
        return repr(self._tuple())


# YYYY, YYYY-MM or YYYY-MM-DD; after a day, a time to the minute (seconds and their fractions
# are read, not kept), then maybe its zone: Z, +HH, +HHMM, +HH:MM, or +H as YAML allows. "T",
# or spaces or tabs before the time and the zone, as YAML's timestamps have them ("2001-12-14
# 21:59:43.10 -5" is its specification's example); Python's str() of a datetime puts a space.
# An hour of one digit too ("2016-11-08 9:30:00"), as YAML's timestamps allow.
_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::\d{2}(?:[.,]\d*)?)?"
                      r"[ \t]*(?:([Zz])|([+-](?:\d{2}|\d(?!\d))):?(\d{2})?)?)?)?)?")


@record(order=True)
class PartialDate:
    """A date known to the year, the month or the day: sources often give no more. A day may
    have its time, to the minute, and the time its zone (``zone``: "Z", "+02:00" or "-05:00";
    "" when the time was given without one)."""

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    zone: str = ""

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM`` with optional
        seconds and zone (``2016-11-08T21:30:00-05:00``, as Hugo's front matter has it); raise
        ValueError otherwise."""
        import datetime

        match = _DATE_RE.fullmatch(text.strip())
        if not match:
            raise ValueError("expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[+HH:MM]")
        year, month, day, hour, minute = (int(g) if g else None for g in match.groups()[:5])
        utc, zone_hours, zone_minutes = match.groups()[5:]
        if year == 0:  # (the calendar has no year 0, and Python's dates, which feeds are made of, none before 1)
            raise ValueError("the year must be 0001 or later")
        if month is not None and not 1 <= month <= 12:
            raise ValueError("month must be 01 to 12")
        if day is not None:
            try:
                datetime.date(year, month, day)
            except ValueError:
                raise ValueError(f"{MONTH_NAMES[month - 1]} {year} has no day {day}") from None
        if hour is None:
            return cls(year, month, day)
        if hour > 23 or minute > 59:
            raise ValueError(f"a day has no {hour:02d}:{minute:02d}")
        zone = ""
        if zone_hours:  # (written "-5" too: kept as "-05:00")
            zone_hours = f"{zone_hours[0]}{int(zone_hours[1:]):02d}"
        if utc or (zone_hours in ("+00", "-00") and zone_minutes in (None, "00")):
            zone = "Z"  # (one way of writing UTC, whichever the source used)
        elif zone_hours:
            if int(zone_hours[1:]) > 14 or int(zone_minutes or 0) > 59:  # (UTC-12:00 to UTC+14:00 exist)
                raise ValueError(f"no time zone is {zone_hours}:{zone_minutes or '00'} from UTC")
            zone = f"{zone_hours}:{zone_minutes or '00'}"
        return cls(year, month, day, hour, minute, zone)

    @property
    def sort_key(self) -> tuple[int, int, int, int]:
        """Oldest first; within a day an article without its time comes before those with one.
        (Times as written, each in its own zone: the day an article is listed under is the
        day its page shows.)"""
        return (self.year, self.month or 0, self.day or 0, -1 if self.hour is None else self.hour * 60 + self.minute)

    def day_iso(self) -> str:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, without the time: for what takes no more
        (BibTeX's date, a sitemap's, the Wayback Machine's address)."""
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def iso(self) -> str:
        """As HTML's ``<time datetime>`` and schema.org take it: the day, then the time and its zone when known."""
        if self.hour is None:
            return self.day_iso()
        return f"{self.day_iso()}T{self.hour:02d}:{self.minute:02d}{self.zone}"

    def human(self) -> str:
        if self.hour is not None:
            zone = " UTC" if self.zone == "Z" else f" (UTC{self.zone})" if self.zone else ""
            return f"{self.day} {MONTH_NAMES[self.month - 1]} {self.year}, {self.hour:02d}:{self.minute:02d}{zone}"
        if self.day:
            return f"{self.day} {MONTH_NAMES[self.month - 1]} {self.year}"
        if self.month:
            return f"{MONTH_NAMES[self.month - 1]} {self.year}"
        return str(self.year)


@record
class Link:
    title: str
    url: str


@record
class Person:
    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    links: tuple[Link, ...] = ()
    in_registry: bool = False


@record
class Topic:
    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    description: str = ""
    related: tuple[str, ...] = ()  # topic slugs
    in_registry: bool = False


@record
class Source:
    name: str = ""
    site: str = ""
    url: str = ""


@record
class PersonRole:
    """A person as an article names them: who, and the role they had in that article."""

    slug: str
    role: str = ""


@record
class Reporter:
    slug: str
    station: str = ""


@record
class Comment:
    id: str
    author: str | None
    text: str
    date: str = ""
    replies: tuple["Comment", ...] = ()


@record
class CommentThread:
    comments: tuple[Comment, ...] = ()
    reported_count: int | None = None

    @property
    def shown_count(self) -> int:
        return _comments_in(self.comments)


# The comments of every light record (see Article.without_content): one object, which the
# build cache's files then hold once each, not once an article.
NO_COMMENTS = CommentThread()


def _comments_in(comments: tuple[Comment, ...]) -> int:
    """The comments and all their replies. (A function of the module's: a function nested in
    shown_count that called itself was a reference cycle, garbage that only the cyclic
    collector frees, made at every call; builds run with the collector off: see build.py.)"""
    return sum(1 + _comments_in(c.replies) for c in comments)


@record
class Annotation:
    """One editorial mark found in an article body, for the index.

    ``kind`` is ``note``, ``correction``, ``insertion``, ``deletion``, ``claim`` or ``quote``;
    ``anchor`` is the element id on the article page that the listing links to.
    """

    kind: str
    anchor: str
    text: str = ""  # the annotated words (the quote, the claim, the corrected wording)
    note: str = ""  # plain text of the note / evidence / original wording
    rating: str = ""  # claims only
    speaker: str = ""  # quotes only: person slug, or "" for an unnamed speaker
    line: int = 0
    lang: str = ""  # the language of its words (a quote's, the words a note marks...) when not the article's


@record
class Article:
    slug: str
    title: str
    path: Path  # the bundle folder
    date: PartialDate | None = None
    title_derived: bool = False
    date_origin: str = ""
    dateline: str = ""
    source: Source = field(default_factory=Source)
    reporters: tuple[Reporter, ...] = ()
    people: tuple[PersonRole, ...] = ()
    topics: tuple[str, ...] = ()
    summary: str = ""
    language: str = ""  # its language tag when the front matter gives one ('' = the site's language)
    draft: bool = False
    original_file: str = ""
    original_sha256: str = ""
    body_html: str = ""
    # Where body_html holds its fenced code blocks (see markup.RenderedBody.code_blocks); with
    # the body, not in the light record.
    code_blocks: tuple = ()
    annotations: tuple[Annotation, ...] = ()  # (a Packed in the build cache's records)
    mentioned_people: tuple[str, ...] = ()  # people marked in the body, beyond the front matter
    comments: CommentThread = field(default_factory=CommentThread)
    assets: tuple[str, ...] = ()  # bundle-relative file names copied next to the page
    assets_as_text: tuple[str, ...] = ()  # those published as text, as <name>.txt (see load/scripts.py)
    aliases: tuple[str, ...] = ()  # its old addresses, each redirected here ("2016/05/old-slug/": see fields.aliases)
    word_count: int = 0
    comment_count: int = 0  # comments shown (comments.shown_count), also known when they are not loaded
    fingerprint: str = ""  # digest of everything the article was loaded from (see cache.py)
    listed_digest: str = ""  # digest of its LISTED_FIELDS, made once when it is loaded

    # What a listing (archive, person, topic and annotation pages) may show of an article: its
    # metadata and annotations and whom and what it names; not its body, so that a reworded
    # sentence redoes the article's page but not every list it is in (see render/plan.py).
    LISTED_FIELDS = ("slug", "title", "title_derived", "date", "dateline", "source", "summary", "language",
                     "reporters", "people", "topics", "annotations", "draft")

    def listed_fields(self) -> tuple:
        """The values of LISTED_FIELDS for ``listed_digest``, records as their field values
        (see ``plain``): each field's kind is known by its place, as a digest needs."""
        return tuple(plain(getattr(self, name)) for name in self.LISTED_FIELDS)

    @property
    def content(self) -> ArticleContent:
        return ArticleContent(self.body_html, self.comments, self.code_blocks)

    def with_content(self, content: ArticleContent) -> "Article":
        return replaced(self, body_html=content.body_html, comments=content.comments, code_blocks=content.code_blocks)

    def without_content(self, **changes) -> "Article":
        """The light record the build cache keeps: no body and comments, and its annotations
        unpickled only when something asks for them (see Packed); with ``changes`` too (a
        replace of the whole record less)."""
        return replaced(self, body_html="", comments=NO_COMMENTS, code_blocks=(), annotations=Packed(self.annotations),
                        **changes)

    @property
    def sort_key(self) -> tuple:
        """Newest first; undated last; the slug breaks ties so output never depends on disk order."""
        # Spelt out, not made from PartialDate.sort_key by a generator: the load stage sorts
        # every article of the archive on every build, a no-op's too.
        date = self.date
        if date is None:
            return (True, (0, 0, 0, 0), self.slug)
        return (False, (-date.year, -(date.month or 0), -(date.day or 0),
                        1 if date.hour is None else -(date.hour * 60 + date.minute)), self.slug)


@record
class ArticleContent:
    """The heavy part of an article, which only its own page and the site feed show.

    The loaded ``Site`` holds articles *without* it (``body_html`` empty, ``comments`` empty):
    listings need only metadata and annotations, and an archive of 10,000 bodies is hundreds of
    megabytes. ``Article.with_content`` puts it back for the pages that need it.
    """

    body_html: str
    comments: CommentThread
    code_blocks: tuple = ()  # see Article.code_blocks


@record
class Page:
    """A standalone page (``content/pages/about.md``, or ``about/index.md`` with files beside
    it): the archive's About, its corrections policy. It is no article: it has no date, is in
    no listing or feed, and is published at ``/<slug>/``."""

    slug: str
    title: str
    path: Path  # its Markdown file
    description: str = ""  # the meta description; the site's when empty
    menu: int | None = None  # its weight in the site's navigation; None: not in it
    draft: bool = False
    body_html: str = ""
    assets: tuple[str, ...] = ()  # a bundle's other files, copied next to the page
    assets_as_text: tuple[str, ...] = ()  # those published as text (see load/scripts.py)
    aliases: tuple[str, ...] = ()  # its old addresses, each redirected here (see Article.aliases)
    fingerprint: str = ""  # digest of everything its output is made from but the site's settings


def menu_pages(pages: Sequence[Page]) -> tuple[Page, ...]:
    """The pages the site's navigation links, in order: by ``menu`` weight, then title; the
    slug breaks ties, so that the order never depends on the disk's."""
    return tuple(sorted((p for p in pages if p.menu is not None), key=lambda p: (p.menu, p.title.casefold(), p.slug)))


@record
class Site:
    articles: tuple[Article, ...]  # sorted by Article.sort_key
    people: dict[str, Person]
    topics: dict[str, Topic]
    pages: tuple[Page, ...] = ()  # sorted by slug
