"""One article bundle -> ``Article``, in two steps.

``read_header`` reads ``index.md``'s front matter (cheap), so the loader can learn every
person and topic in the archive before any body is rendered; ``finish_article`` then renders
the body (the expensive part, and the part that checks references against those people).
"""

from __future__ import annotations

import os
import pickle
import re
import stat
import struct
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import NamedTuple

from ..cache import digest
from ..diagnostics import Diagnostics, Location, did_you_mean
from ..fileio import sha256_hex
from ..markup import BodyContext, render_body
from ..markup.published import accept_all
from ..model import Article, CommentThread, PartialDate, PersonRole, Reporter, Source
from ..slugs import in_another_script, slug_problem, slugify
from . import fields
from .comments import load_comments
from .files import is_inside, is_settled, read_text_and_bytes
from .frontmatter import FrontMatterError, split_front_matter
from .scripts import always_text, needs_reading, script_in

INDEX_FILE = "index.md"
COMMENTS_FILE = "comments.yaml"
DATE_ORIGINS = ("url", "metadata", "text", "editor")


class NameRef(NamedTuple):
    """A person or topic as written in front matter, before it is matched to a registry.

    A named tuple, not a record: a light header keeps its names packed as plain tuples (see
    ArticleHeader.packed), made NameRefs again by ``tuple.__new__``, in C. Unpickled as records,
    each ran a frozen dataclass's ``__init__`` (a Python call, a ``__setattr__`` per field):
    at 10,000 articles, 90,000 names and nearly half of resolving them, with one core idle."""

    name: str
    registry_id: str = ""
    role: str = ""
    line: int | None = None


@dataclass
class ArticleHeader:
    slug: str
    folder: Path
    values: dict = field(default_factory=dict)
    people: list[NameRef] = field(default_factory=list)
    reporters: list[NameRef] = field(default_factory=list)
    topics: list[NameRef] = field(default_factory=list)
    body: str | None = ""  # None in a light header (see load._light): read again when rendered
    body_first_line: int = 1
    original_line: int | None = None  # where `original:` is, for "file not found"
    original_sha256_line: int | None = None  # where its sha256 is, for "does not match"
    source_digest: str = ""  # of index.md's bytes: part of the article's cache key
    files_digest: str = ""  # of the bundle's other files (see bundle_files_digest): also part of it
    packed_names: bytes | None = None  # people, reporters and topics, pickled, in a light header (see packed)
    # Front matter errors were reported, but not in the title or the names: the body is still
    # rendered, so that its errors come in the same run, and the article is never published.
    broken: bool = False

    @property
    def index_path(self) -> Path:
        return self.folder / INDEX_FILE

    def replaced(self, **changes) -> "ArticleHeader":
        """``dataclasses.replace(self, **changes)``, which loops over the fields in Python:
        here they are taken from the instance's dict at once (a header keeps nothing else
        there, and has no init=False fields)."""
        return ArticleHeader(**{**self.__dict__, **changes})

    def packed(self, **changes) -> "ArticleHeader":
        """The header with its names pickled into one bytes object (and ``changes`` made: one
        copy of the header, not two). The build cache holds ninety thousand names at 10,000
        articles, and unpickling them one object at a time took a tenth of a second of every
        build, when an unchanged article's names are not needed (see load_site): they are
        unpickled only when asked for (``names``)."""
        if self.packed_names is not None:  # (a header from the cache, as read_header reuses it)
            return self.replaced(**changes) if changes else self
        names = tuple(tuple(map(tuple, refs)) for refs in (self.people, self.reporters, self.topics))
        return self.replaced(people=[], reporters=[], topics=[],
                             packed_names=pickle.dumps(names, protocol=pickle.HIGHEST_PROTOCOL), **changes)

    def names(self) -> tuple[list[NameRef], list[NameRef], list[NameRef]]:
        """(people, reporters, topics) as written in the front matter."""
        if self.packed_names is not None:
            people, reporters, topics = pickle.loads(self.packed_names)
            return list(map(_as_name_ref, people)), list(map(_as_name_ref, reporters)), list(map(_as_name_ref, topics))
        return self.people, self.reporters, self.topics


# A plain tuple of a NameRef's fields -> the NameRef, without a Python call (see NameRef).
_as_name_ref = partial(tuple.__new__, NameRef)


def read_header(folder: Path, diags: Diagnostics, root: Path, known: tuple | None = None) -> ArticleHeader | None:
    """``known`` is (digest, header, warnings) from the last build: reused when the text is the same."""
    index_path = folder / INDEX_FILE
    if not index_path.is_file():
        diags.error(Location(folder), f"article folder has no {INDEX_FILE}")
        return None
    read = read_text_and_bytes(index_path, diags, root)
    if read is None:
        return None
    text, data = read
    text_digest = digest(data)
    if known and known[0] == text_digest and known[1].folder == folder:  # (a moved site is read anew)
        diags.extend(known[2])
        return known[1]
    try:
        doc = split_front_matter(text)
    except FrontMatterError as exc:
        diags.error(Location(index_path, exc.line), str(exc))
        return None
    header = ArticleHeader(folder.name, folder, body=doc.body, body_first_line=doc.body_first_line,
                           source_digest=text_digest)
    data = doc.front.data
    if not isinstance(data, dict):
        diags.error(Location(index_path, 2), "front matter must be a mapping of keys (title: ..., date: ...)")
        return None
    failed = _check_front_matter(header, data, doc.front, diags)
    if failed & BODY_NEEDS:
        return None
    header.broken = bool(failed)
    return header


def _check_front_matter(header: ArticleHeader, data: dict, front, diags: Diagnostics) -> set[str]:
    """The keys with errors (reported here)."""
    failed = set()
    for key, raw in data.items():
        check = FRONT_MATTER.get(key)
        if check is None:
            if fields.report_unknown_key(key, raw, FRONT_MATTER, OTHER_GENERATORS_KEYS,
                                         Location(header.index_path, front.line_of(key)), diags,
                                         drafted=data.get("draft") is True):
                failed.add(key)
            continue
        if key == "date" and raw is not None and not isinstance(raw, str):
            # (YAML reads 02016 as the number 1038, 0x7E0 as 2016 and yes as true: the date is what
            # the line says, which is checked as written; a year, 2016, is the same either way)
            raw = front.written(key) or raw
        try:
            check(header, key, raw, lambda *p: front.line_of(key, *p))
        except fields.FieldError as exc:
            for problem in exc.each():
                diags.error(Location(header.index_path, front.line_of(key, *problem.path)), f"{key}: {problem}")
            failed.add(key)
    for key, raw in data.items():
        if key in ("people", "reporters") and isinstance(raw, list):
            # ("[Jane Roe, Staff Writer]": the byline in brackets makes a person of the job)
            for number, (name, job) in _names_then_jobs(raw):
                diags.warning(Location(header.index_path, front.line_of(key, number)),
                              f"{key}: '{job}' reads as {name}'s job, not a name; {_where_a_job_goes(key, name, job)}")
        if key not in NAME_LISTS or not isinstance(raw, str):
            continue
        if key != "topics" and (with_job := _name_and_job(raw)):
            # ("Jane Roe, Staff Writer", as a byline gives it: not two names)
            name, job = with_job
            diags.warning(Location(header.index_path, front.line_of(key)),
                          f"{key}: '{raw}' is read as one name; {_where_a_job_goes(key, name, job)}")
        elif several := _several_names(raw):
            # (Pelican's "Tags: a, b" and "Authors: A, B" as they are moved: one name here)
            diags.warning(Location(header.index_path, front.line_of(key)),
                          f"{key}: '{raw}' is read as one name; several are written as a list: "
                          f"[{', '.join(several)}]")
    if "title" not in data:
        fields.report_missing_title(data, header.index_path, front.line_of, diags)
        failed.add("title")
    if "date" not in data and (dated := DATED_NAME.match(header.slug)):  # (Jekyll's post, its date in its name)
        diags.warning(Location(header.index_path, 1),
                      f"no date: the folder's name starts with one, as a Jekyll post's does, but the date is read "
                      f"from the front matter alone (write date: {dated.group(1)}; the folder may then be named "
                      f"{dated.group(2)}, with its old address in 'aliases')")
    summary = header.values.get("summary")
    if summary and "{" in summary and MARKS_IN_TEXT.search(summary):
        # (a summary is the lede the import copied: an edit made over the body and the front
        # matter alike, a find-and-replace, puts marks there, which lists showed as typed)
        header.values["summary"] = resolved = " ".join(accept_all(summary).split())
        diags.warning(Location(header.index_path, front.line_of("summary")),
                      f"summary: annotation marks are read only in the body; lists show it as "
                      f"'{resolved[:60]}{'…' if len(resolved) > 60 else ''}' (the marks taken out)")
    return failed


NAME_LISTS = ("people", "reporters", "topics")
# What may follow a person's name after a comma, the name still one ("Martin Luther King, Jr.").
# Written with its dots too ("Ph.D.", "M.D."), and a British one ("Jane Roe, MP", "…, KC", "…, OBE").
NAME_SUFFIX = re.compile(r"(?:jr|sr|i{1,3}|iv|v|ph\.?d|m\.?d|esq|ret|mp|msp|qc|kc|[okcm]be)\.?", re.IGNORECASE)


def _several_names(text: str) -> list[str]:
    """The names of a comma-separated text, or [] when it is one name (no comma, or a suffix
    after it)."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) < 2 or not all(parts) or any(NAME_SUFFIX.fullmatch(part) for part in parts[1:]):
        return []
    return parts


# The words a job ends with ("Staff Writer", "Political Correspondent", "Deputy Mayor"): after a
# name and its comma, what the person does, not a second name.
JOB_ENDINGS = frozenset({
    "writer", "reporter", "correspondent", "editor", "columnist", "photographer", "producer", "contributor",
    "critic", "journalist", "intern", "anchor", "presenter", "host", "analyst", "spokesperson", "spokesman",
    "spokeswoman", "director", "manager", "officer", "chair", "president", "mayor", "councillor", "councilor",
    "senator", "representative", "secretary", "minister", "leader", "chief", "head", "clerk", "commissioner"})


# The words before a job's last one in a job written alone, as a byline's second line or a list's
# item gives it ("Staff Writer", "Senior Political Correspondent", "Deputy Mayor"). A list's item
# that ends in a job's word but starts otherwise is a name ("Tom Head", "Ana Chief").
JOB_WORDS_BEFORE = frozenset({
    "staff", "senior", "chief", "deputy", "assistant", "associate", "contributing", "executive", "managing",
    "political", "foreign", "special", "investigative", "news", "city", "sports", "business", "features",
    "opinion", "science", "health", "education", "arts", "culture", "data", "photo", "video", "digital",
    "guest", "freelance", "local", "national", "international", "legal", "court", "crime", "vice", "prime",
    "general", "state", "press", "communications", "editorial", "economics", "environment", "technology"})


def _name_and_job(text: str) -> tuple[str, str] | None:
    """(name, job) of "Jane Roe, Staff Writer": one comma, and a job after it (see JOB_ENDINGS)."""
    name, _, job = (part.strip() for part in text.partition(","))
    if "," in job or not name or not job or job.split()[-1].lower().rstrip(".") not in JOB_ENDINGS:
        return None
    return name, job


def _names_then_jobs(items: list) -> list[tuple[int, tuple[str, str]]]:
    """(the job's place, (name, job)) of each list item that is a job written alone after a name:
    "[Jane Roe, Staff Writer]"."""
    return [(number, (before, item)) for number, (before, item) in enumerate(zip(items, items[1:]), start=1)
            if isinstance(item, str) and isinstance(before, str) and _a_job(item) and not _a_job(before)]


def _a_job(text: str) -> bool:
    *before, last = text.split() or [""]
    return last.lower().rstrip(".") in JOB_ENDINGS and all(word.lower() in JOB_WORDS_BEFORE for word in before)


def _where_a_job_goes(key: str, name: str, job: str) -> str:
    if key == "people":
        return f"a person's role in the article is written apart: [{{name: {name}, role: {job}}}]"
    return f"a writer's job is not kept here: write the name alone, [{name}]"


# A name that starts with a day, as Jekyll's posts' do: 2016-11-08-title.md.
DATED_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})-(.+)")

# The start of an annotation mark: a span's "]{" or a CriticMarkup mark's opening.
MARKS_IN_TEXT = re.compile(r"\]\{|\{(?:>>|~~|\+\+|--|==)")


def _set(check):
    def apply(header: ArticleHeader, key: str, raw, line_of) -> None:
        header.values[key] = check(raw)

    return apply


def _date(header, key, raw, line_of) -> None:
    if raw is None or raw == "":
        return
    try:
        header.values["date"] = PartialDate.parse(str(raw))
    except ValueError as exc:
        if isinstance(raw, (int, float)):
            # (YAML reads 0000 as 0, 0x7E0 as 2016 and "no" as false: the value is not what the line says)
            read = ("true" if raw else "false") if isinstance(raw, bool) else f"the number {raw}"
            raise fields.FieldError(f"YAML reads this as {read}, not a date: write it as YYYY, YYYY-MM "
                                    f"or YYYY-MM-DD") from None
        raise fields.FieldError(f"'{raw}' is not a valid date ({exc})") from None


def _date_origin(header, key, raw, line_of) -> None:
    value = fields.text(raw)
    if value not in DATE_ORIGINS:
        raise fields.FieldError(f"expected one of {', '.join(DATE_ORIGINS)}, got {value!r}{did_you_mean(value, DATE_ORIGINS)}")
    header.values[key] = value


def _source(header, key, raw, line_of) -> None:
    if isinstance(raw, str):
        raw = {"name": raw}
    if not isinstance(raw, dict):
        raise fields.FieldError("expected {name: ..., site: ..., url: ...}")
    for part in raw:
        if part not in ("name", "site", "url"):
            raise fields.FieldError(f"unknown key '{part}' (expected name, site, url)", (part,))
    values = {}
    for part in ("name", "site", "url"):
        check = fields.web_url if part == "url" else fields.text
        try:
            values[part] = check(raw.get(part) or "")
        except fields.FieldError as exc:
            raise fields.FieldError(f"{part}: {exc}", (part,)) from None
    header.values["source"] = Source(**values)


def _original(header, key, raw, line_of) -> None:
    if isinstance(raw, str):
        raw = {"file": raw}
    if not isinstance(raw, dict):
        raise fields.FieldError("expected {file: original.txt, sha256: ...}")
    header.values["original_file"] = fields.text(raw.get("file") or "")
    header.original_line = line_of()
    header.values["original_sha256"] = fields.text(raw.get("sha256") or "").lower()
    header.original_sha256_line = line_of("sha256")


def _name_refs(extra_key: str):
    """people / reporters / topics: a list of names, slugs or {name|id, role|station} mappings."""

    def apply(header: ArticleHeader, key: str, raw, line_of) -> None:
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list):
            raise fields.FieldError("expected a list")
        getattr(header, key).extend(fields.each_item(raw, lambda i, item: _name_ref(item, i, extra_key, line_of(i))))

    return apply


def _name_ref(item, i: int, extra_key: str, line: int | None) -> NameRef:
    if isinstance(item, dict):
        allowed = {"name", "id", extra_key} if extra_key else {"name", "id"}
        for part in item:
            if part not in allowed:
                raise fields.FieldError(f"item {i + 1}: unknown key '{part}' (expected {', '.join(sorted(allowed))})", (i, part))
        name = fields.text(item.get("name") or "")
        registry_id = fields.text(item.get("id") or "")
        if not name and not registry_id:
            raise fields.FieldError(f"item {i + 1}: needs a name (or an id from the registry)", (i,))
        extra = fields.text(item.get(extra_key) or "") if extra_key else ""
        return NameRef(name or registry_id, registry_id, extra, line)
    try:
        return NameRef(fields.required_text(item), line=line)
    except fields.FieldError as exc:
        raise fields.FieldError(f"item {i + 1}: {exc}", (i,)) from None


# Front matter keys without which the body cannot be checked: the names it may refer to (a
# mention of a person of a broken `people` list would be reported as unknown), and the title.
BODY_NEEDS = {"title", "people", "reporters", "topics"}

# Keys of Hugo's, Pelican's and Jekyll's front matter, with what says the same here: an archive
# moved from one of them brings them along, and "did you mean" finds no near spelling for them.
_TOPICS = "an article's topics are 'topics' here (topics: [topic-slug])"
_REPORTERS = "who wrote an article is 'reporters' here (reporters: [Name])"
_PUBLISHED = "when the story was published is 'date' here"
_CHANGED = "a change to the story is marked where it is made: a correction in its body (docs/annotations.md)"
_ADDRESS = "an article's address is its folder's name: rename the folder (and list the old address in 'aliases')"
_SUMMARY = "a sentence or two for listings and feeds is 'summary' here"
_TEMPLATE = "every article's page is made with the theme's article.html (docs/themes.md)"
_PICTURE = ("a picture is a file in the article's folder, shown where the body puts it "
            "(![caption](photo.jpg))")
OTHER_GENERATORS_KEYS = {
    "tags": _TOPICS, "categories": _TOPICS, "category": _TOPICS, "keywords": _TOPICS, "series": _TOPICS,
    "author": _REPORTERS, "authors": _REPORTERS,
    "description": _SUMMARY, "excerpt": _SUMMARY, "excerpt_separator": _SUMMARY,
    "slug": _ADDRESS, "permalink": _ADDRESS, "save_as": _ADDRESS,
    "url": "an article's address is its folder's name (rename the folder, and list the old address in 'aliases'); "
           "the original's is source's url",
    "lastmod": _CHANGED, "modified": _CHANGED, "last_modified_at": _CHANGED,
    "publishDate": _PUBLISHED, "pubdate": _PUBLISHED,
    "status": "an article is kept out of the site by 'draft: true' here",
    # (Jekyll's "published: false"; other generators' date of publication: "published: 2016-11-08")
    "published": "when the story was published is 'date' here, and an article is kept out of the site by "
                 "'draft: true'",
    "layout": _TEMPLATE, "template": _TEMPLATE, "type": _TEMPLATE,
    "images": _PICTURE, "image": _PICTURE, "featured_image": _PICTURE, "cover": _PICTURE,
    "weight": "articles are listed by their date here",
    "toc": "no table of contents is made for an article here",
    # (A warning whether or not the day has passed, unlike Pelican's and Jekyll's marks of a draft:
    # an error that comes with the day would make a build fail tomorrow that passes today, and an
    # incremental build, which replays the warnings of a front matter it does not read again,
    # differ from a clean one.)
    "expirydate": "Hugo takes a page down at its expiry date; an archive keeps its articles for good, and the "
                  "date is not read here: to keep this one out of the site, write 'draft: true'",
    "lang": "an article's language is 'language' here (language: fr)",
}

FRONT_MATTER = {
    "title": _set(fields.required_text),
    "title_derived": _set(fields.flag),
    "date": _date,
    "date_origin": _date_origin,
    "dateline": _set(fields.text),
    "source": _source,
    "reporters": _name_refs("station"),
    "people": _name_refs("role"),
    "topics": _name_refs(""),
    "summary": _set(fields.text),
    "language": _set(fields.language_tag),
    "draft": _set(fields.flag),
    "original": _original,
    "aliases": _set(fields.aliases),
}


def bundle_files_digest(header: ArticleHeader, listing: list | None = None) -> str:
    """What else in the bundle the article depends on: every other file's name (comments.yaml
    included) and a digest of its bytes.

    Bytes, not modification times: a fresh clone (a CI job restoring the last build's cache)
    gives every file a new time, and the whole archive would be rendered again for nothing.
    This runs only for bundles whose files the file system describes differently than at the
    last build (see ``scan_bundle``), so unchanged assets are not read on every build.
    ``listing``: the bundle as ``list_bundle`` gave it, when this build listed it already
    (else it is listed here)."""
    parts = []
    for rel, entry in _bundle_entries(header.folder) if listing is None else listing:
        if rel == INDEX_FILE or rel.endswith("/"):  # (a listing names the folders too)
            continue
        if entry.is_symlink() and not is_inside(Path(entry.path), header.folder):
            parts.append((rel, "outside"))  # never read: finishing the article reports it
        else:
            parts.append((rel, _file_digest(entry), entry.is_symlink()))
    return digest(parts)


def list_bundle(folder: Path | str) -> list[tuple[str, os.DirEntry]]:
    """(relative path, DirEntry) of every visible file and folder below the bundle's folder,
    as ``_bundle_entries`` gives them with ``folders``: one listing, for
    ``bundle_files_digest`` and then for ``files_seen``, rather than one each (``OSError`` if
    a folder cannot be listed)."""
    return list(_bundle_entries(folder, folders=True))


def files_seen(listing: list[tuple[str, os.DirEntry]]) -> str:
    """What finishing the article needs of a bundle listed while its header was read (see
    ``_assets``), packed into one string for the parent to hold until then: each path after
    a letter for what it is ("l" a link, "f" a regular file, "d" a folder, "o" anything
    else), joined with NULs (no file name holds one); not index.md, which is never published."""
    return "\0".join(("d" if rel.endswith("/") else "l" if entry.is_symlink() else "f" if entry.is_file() else "o") + rel
                     for rel, entry in listing if rel != INDEX_FILE)


def _seen_entries(folder: Path, seen: str):
    """(relative path, path, is a link, is a regular file or None) of each file ``files_seen``
    packed: what the listing's DirEntry said (None for a link: asked about now, as a DirEntry
    would be)."""
    if not seen:
        return
    for item in seen.split("\0"):
        kind, rel = item[0], item[1:]
        if kind != "d":
            yield rel, folder / rel, kind == "l", None if kind == "l" else kind == "f"


def _file_digest(entry: os.DirEntry) -> str | tuple:
    """The bytes' digest of a regular file; of anything else (a broken link, a named pipe,
    which opening would wait on for ever), what the file system says of it. Publishing such
    a file reports the problem, or leaves it out (``_assets``)."""
    try:
        if entry.is_file():
            return sha256_hex(entry.path)
    except OSError:
        pass
    info = entry.stat(follow_symlinks=False)
    return (info.st_size, info.st_mtime_ns)


class BundleScan:
    """What the file system says about a bundle's folders and files (see ``scan_bundle``),
    packed: their paths as one string, and per entry its size, modification and change times,
    inode and whether it is a link as one ``bytes``. The build cache keeps one per article and
    every build reads them all; as tuples they were a quarter of each record's objects (30,
    against 3 packed), and unpickling objects is most of loading the cache."""

    __slots__ = ("paths", "stats")

    _STAT = struct.Struct("<qqqQ?")

    def __init__(self, paths: str, stats: bytes):
        self.paths = paths  # NUL-joined: a folder's ends with "/", the bundle's own is ""
        self.stats = stats  # _STAT per path, in the same order

    @classmethod
    def of(cls, entries: list[tuple[str, os.stat_result]]) -> "BundleScan":
        return cls("\0".join(rel for rel, _ in entries), b"".join(packed_stat(info) for _, info in entries))

    def __reduce__(self):
        return BundleScan, (self.paths, self.stats)

    def __eq__(self, other) -> bool:
        return isinstance(other, BundleScan) and self.paths == other.paths and self.stats == other.stats

    def __hash__(self) -> int:
        return hash((self.paths, self.stats))

    def __repr__(self) -> str:
        return f"BundleScan({self.paths!r}, {self.stats!r})"

    def folder_stat(self) -> bytes:
        """The packed stat of the bundle's own folder (the first entry)."""
        return self.stats[: self._STAT.size]

    def still_as_scanned(self, folder: Path, rel: str) -> bool:
        """Whether the file system describes the file ``rel`` of the bundle at ``folder`` as
        this scan does (False if the scan has no such file)."""
        paths = self.paths.split("\0")
        if rel not in paths:
            return False
        size = self._STAT.size
        start = paths.index(rel) * size
        try:
            return packed_stat(os.lstat(folder / rel)) == self.stats[start : start + size]
        except OSError:
            return False

    def entries(self):
        """(path, packed stat) of each entry."""
        size = self._STAT.size
        for number, rel in enumerate(self.paths.split("\0")):
            yield rel, self.stats[number * size : (number + 1) * size]

    def times_and_links(self):
        """(modification time, change time, is a link) of each entry."""
        for _, mtime, ctime, _, is_link in self._STAT.iter_unpack(self.stats):
            yield mtime, ctime, is_link


def packed_stat(info: os.stat_result) -> bytes:
    """One entry of a ``BundleScan``, from its ``lstat`` (a bundle folder's compares with
    ``BundleScan.folder_stat``)."""
    return BundleScan._STAT.pack(info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, stat.S_ISLNK(info.st_mode))


def scan_bundle(folder: Path | str, before: BundleScan | None = None, folder_as_before: bool = False) -> BundleScan | None:
    """What the file system says about the bundle's folders and files, without reading one:
    path (a folder's ends with "/", the bundle's own is ""), size, modification and change
    times, inode, and whether it is a link. None if the folder cannot be listed (reading it
    will say why).

    ``before`` is the last build's scan of the same folder. If none of its folders changed,
    their listings are the same (adding, removing or renaming a file changes its folder's
    times, and the change time cannot be set back), so only the files it names are looked at
    again: listing a folder costs several times as much, and an archive has tens of thousands.
    ``folder_as_before``: the bundle's own folder was just found as in ``before`` (see
    load.find_bundles), so it is not looked at again."""
    if before:
        again = _scan_again(folder, before, folder_as_before)
        if again is not None:
            return again
    return scan_and_list(folder)[0]


def scan_and_list(folder: Path | str) -> tuple[BundleScan | None, list | None]:
    """``scan_bundle`` with no scan before, and the bundle's files as ``list_bundle`` gives
    them, from the same listing (None, None if the folder cannot be listed): a bundle that
    is read anyway is listed once, not once to be scanned and again to be digested."""
    try:
        info = os.lstat(folder)
        entries = list(_bundle_entries(folder, folders=True))
        scan = BundleScan.of([("", info)] + [(rel, entry.stat(follow_symlinks=False)) for rel, entry in entries])
    except OSError:
        return None, None
    return scan, entries


def _scan_again(folder: Path | str, before: BundleScan, folder_as_before: bool = False) -> BundleScan | None:
    """The scan, if no folder in ``before`` changed; else None (the bundle is listed anew).
    ``before`` itself when nothing changed, as for nearly every bundle of a rebuild: every
    bundle of the archive comes here on every build, and a new scan made only to be found
    equal to the old one was a fifth of this."""
    prefix = str(folder) + os.sep
    now = []
    changed = False
    for rel, old in before.entries():
        if rel == "" and folder_as_before:
            now.append(old)
            continue
        try:
            fresh = packed_stat(os.lstat(prefix + rel.rstrip("/") if rel else folder))
        except OSError:
            return None
        if fresh != old:
            if rel == "" or rel.endswith("/"):
                return None
            changed = True
        now.append(fresh)
    return BundleScan(before.paths, b"".join(now)) if changed else before


def scan_is_settled(scan: BundleScan | None, now_ns: int) -> bool:
    """Whether an identical scan at the next build proves the bytes are the same: nothing in
    it changed just now, and no link (a link's target can change without the link changing)."""
    return scan is not None and all(
        not is_link and is_settled(mtime, ctime, now_ns) for mtime, ctime, is_link in scan.times_and_links()
    )


def _bundle_entries(folder: Path | str, prefix: str = "", folders: bool = False):
    """(relative path, DirEntry) of every visible file below ``folder``, sorted; not into
    hidden folders, and not into linked folders (those are reported, never followed). With
    ``folders``, each folder below comes too, as "name/", before what it holds."""
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.name.startswith("."):
                continue
            rel = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                if folders:
                    yield rel + "/", entry
                yield from _bundle_entries(Path(entry.path), rel + "/", folders)
            else:
                yield rel, entry


def finish_article(header: ArticleHeader, people: list[PersonRole], reporters: list[Reporter], topics: list[str],
                   md, context: BodyContext, diags: Diagnostics, root: Path, fingerprint: str = "",
                   seen: str | None = None, code_before=None) -> Article:
    """Render the body, read the comments and list the assets: the article is complete.
    ``seen``: the bundle's files as this build listed them when it read the header (see
    ``files_seen``); None to list the bundle here. ``code_before``: see render_body."""
    assets, assets_as_text = _assets(header, diags, root, seen)
    _verify_original(header, assets, diags)
    if context.bundle_prefix:
        context = replace(context, bundle_files=frozenset(assets))
    body = render_body(md, header.body, context, code_before)
    for line, message in body.problems:
        diags.error(Location(header.index_path, header.body_first_line + line), message)
    for line, message in body.warnings:
        diags.warning(Location(header.index_path, header.body_first_line + line), message)
    comments_path = header.folder / COMMENTS_FILE
    comments = load_comments(comments_path, diags, root) if _has_comments(comments_path, seen) else CommentThread()
    values = dict(header.values)
    return Article(
        slug=header.slug,
        path=header.folder,
        people=tuple(people),
        reporters=tuple(reporters),
        topics=tuple(topics),
        body_html=body.html,
        code_blocks=body.code_blocks,
        annotations=body.annotations,
        mentioned_people=body.mentioned_people,
        comments=comments,
        comment_count=comments.shown_count,
        assets=assets,
        assets_as_text=assets_as_text,
        word_count=word_count(header.body),
        fingerprint=fingerprint,
        **values,
    )


def _registered_in_another_script(name: str, slug: str, finder) -> bool:
    """Whether the registry entry at ``slug``, the page address made from the name, which the
    registry does not know, has names of its own in the name's script: spelt in Latin letters,
    different names of another script may be one (王伟 and 汪伟 are both "wangwei"). (A registry
    that writes the name in Latin letters only takes it as theirs: "Vladimir Putin" for
    "Владимир Путин".)"""
    if finder.find(slug) != slug or not in_another_script(name):
        return False  # (most names: no entry at that address, or in Latin letters)
    return any(entry == slug and in_another_script(key) for key, entry in finder.by_key.items())


def _verify_original(header: ArticleHeader, assets: tuple[str, ...], diags: Diagnostics) -> None:
    """The capture must still be the bytes its recorded sha256 names: the archive publishes
    it as the text the article was made from, beside the checksum, and a capture changed
    since (by hand, by an editor's "fix") would be published as if it were the original.

    Read again only when the article is (its bundle changed since the last build: see
    bundle_files_digest), so a capture left as it is costs nothing; ``sitegen check`` reads
    every one. No sha256 recorded is for ``sitegen check`` to point out, not an error."""
    original, recorded = header.values.get("original_file"), header.values.get("original_sha256")
    if not original or not recorded or original not in assets:  # (a missing file is reported by _assets)
        return
    where = Location(header.index_path, header.original_sha256_line or header.original_line)
    if not SHA256_RE.fullmatch(recorded):
        diags.error(where, f"original: sha256 {recorded!r} is not 64 hexadecimal digits")
        return
    try:
        actual = sha256_hex(header.folder / original)
    except OSError as error:
        diags.error(Location(header.folder / original), f"cannot be read: {error.strerror}")
        return
    if actual != recorded:
        diags.error(where, f"original: {original} does not match this sha256: the file has {actual[:12]}…, "
                           f"recorded {recorded[:12]}… (the capture was changed since it was recorded; if that "
                           f"change is meant to be published, record its sha256: {actual})")


SHA256_RE = re.compile(r"[0-9a-f]{64}")


def word_count(text: str) -> int:
    """``len(text.split())``, without making a string of every word (a third of the time).

    Counted in the text's UTF-8 bytes, each made 0 if it is an ASCII space and 1 if not: a
    word starts at each 1 after a 0, and at the start. That holds when the text has no other
    spaces (no-break and the like, whose bytes are not ASCII): their bytes would count as
    letters, so a text with one is split as it is."""
    data = text.encode("utf-8", "surrogatepass")
    if not text.isascii():
        others = data.translate(None, _ASCII).decode("utf-8", "surrogatepass")  # (its few other characters)
        if any(map(str.isspace, others)):
            return len(text.split())
    marks = data.translate(_WORD_BYTES)
    return marks.count(b"\x00\x01") + marks.startswith(b"\x01")


_ASCII = bytes(range(128))
_WORD_BYTES = bytes(0 if byte < 128 and chr(byte).isspace() else 1 for byte in range(256))


def _has_comments(path: Path, seen: str | None) -> bool:
    """``path.exists()``, told by the listing ``seen`` (see finish_article) when it can be:
    a link is asked about now, since its target may be gone."""
    if seen is None:
        return path.exists()
    for item in seen.split("\0"):
        if item[1:] in (COMMENTS_FILE, COMMENTS_FILE + "/"):
            return item[0] in "fd" or path.exists()
    return False


def _assets(header: ArticleHeader, diags: Diagnostics, root: Path,
            seen: str | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Every other file in the bundle, published next to the page (original.txt included); and
    those of them published as text (see bundle_assets). ``seen``: see finish_article."""
    found, as_text = bundle_assets(header.folder, diags, root, seen)
    original = header.values.get("original_file")
    if original and original not in found:
        diags.error(Location(header.index_path, header.original_line), f"original: file '{original}' not found in the article folder")
    return found, as_text


def bundle_assets(folder: Path, diags: Diagnostics, root: Path, seen: str | None = None, kind: str = "article",
                  own: tuple[str, ...] = (INDEX_FILE, COMMENTS_FILE)) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The files of an article's or a page's (``kind``) bundle published next to its page, all
    but its ``own``; and those of them published as text, since a browser opening them could run
    script (see load/scripts.py). ``seen``: the bundle listed already (see finish_article)."""
    found, as_text = [], []
    if seen is None:
        entries = ((rel, Path(entry.path), entry.is_symlink(), None if entry.is_symlink() else entry.is_file())
                   for rel, entry in _bundle_entries(folder))
    else:
        entries = _seen_entries(folder, seen)
    for rel, path, is_link, is_file in entries:
        if rel in own:
            continue
        if is_link and (not is_inside(path, folder) or not is_inside(path, root)):
            diags.error(Location(path), f"links outside the {kind} folder; refusing to publish it")
            continue
        if not (path.is_file() if is_file is None else is_file):
            continue
        if always_text(rel):
            as_text.append(rel)
        elif needs_reading(rel):
            script = _script_in_file(path, diags)
            if script:
                line, what = script
                diags.warning(Location(path, line), f"{what} could run as script when the file is opened from the "
                                                    f"archive: it is published as text, as {rel}.txt")
                as_text.append(rel)
        found.append(rel)
    published = {}
    for rel in found:
        name = rel + ".txt" if rel in as_text else rel
        if name in published:
            diags.error(Location(folder / rel), f"would be published as '{name}', like '{published[name]}': "
                                                "rename one of them")
        published[name] = rel
    return tuple(found), tuple(as_text)


def _script_in_file(path: Path, diags: Diagnostics) -> tuple[int, str] | None:
    try:
        return script_in(path.read_bytes())
    except OSError as error:
        diags.error(Location(path), f"cannot be read: {error.strerror}")
        return None


def person_slug_for(ref: NameRef, finder, diags: Diagnostics, path: Path) -> str | None:
    """Registry slug for a name/id, else a slug made from the name (``finder``: a NameIndex)."""
    if ref.registry_id:
        slug = finder.find(ref.registry_id)
        if slug is None and not ref.name or (slug is None and ref.name == ref.registry_id):
            diags.error(Location(path, ref.line), f"id '{ref.registry_id}': not in the registry"
                                                  f"{did_you_mean(ref.registry_id, set(finder.by_key.values()))}")
            return None
        if slug:
            return slug
    slug = finder.find(ref.name)
    if slug is None:
        slug = slugify(ref.name)
        if slug and _registered_in_another_script(ref.name, slug, finder):
            diags.warning(Location(path, ref.line), f"name {ref.name!r} is taken as the registry's '{slug}', "
                          f"whose page address it spells, though the registry names them otherwise in its "
                          f"script: if they are one, add {ref.name!r} to that entry's aliases; if not, give this "
                          f"one a registry file of its own")
    if not slug:
        diags.error(Location(path, ref.line), f"name {ref.name!r} has no letters or digits to make a page address from")
        return None
    problem = slug_problem(slug)
    if problem:
        diags.error(Location(path, ref.line), f"name {ref.name[:40]!r}…: its page address {problem}")
        return None
    return slug
