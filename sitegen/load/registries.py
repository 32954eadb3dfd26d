"""People and topic registries: ``content/people/*.yaml`` and ``content/topics/*.yaml``.

A registry entry adds a description, links and aliases to a person or topic; it is optional,
since anyone named in an article's front matter gets a page anyway.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..diagnostics import Diagnostics, Location, did_you_mean
from ..model import Person, Topic, record
from ..slugs import name_key, slug_problem
from ..yamlfile import YamlSyntaxError, parse_yaml
from . import fields
from .files import is_settled, read_text

PERSON_FIELDS = {
    "name": fields.required_text,
    "aliases": fields.text_list,
    "description": fields.text,
    "links": fields.links,
}
TOPIC_FIELDS = {
    "name": fields.required_text,
    "aliases": fields.text_list,
    "keywords": fields.text_list,
    "description": fields.text,
    "related": fields.text_list,
}


@dataclass(frozen=True, slots=True)
class NameIndex:
    """Finds a registry slug from a slug, a name or an alias, ignoring case and spacing."""

    by_key: dict[str, str]

    @classmethod
    def build(cls, entries: dict) -> "NameIndex":
        by_key: dict[str, str] = {}
        for slug in sorted(entries):
            entry = entries[slug]
            for name in (slug, entry.name, *entry.aliases):
                by_key.setdefault(name_key(name), slug)
        return cls(by_key)

    def find(self, name: str) -> str | None:
        return self.by_key.get(name_key(name))


@record
class CheckedFile:
    """One registry file as a build checked it."""

    seen: tuple | None  # size, times and inode, when settled (see files.is_settled); else None
    text_digest: str
    values: dict | None  # None: the file has errors
    diagnostics: list


@dataclass
class CheckedEntries:
    """What the last build made of each registry file, by path.

    A large archive has thousands of registry files, and parsing YAML is slow (a fifth of a
    millisecond each): a file whose text is what it was is not parsed again, and one the file
    system describes as it did (size, times, inode) is not even read. Its checked values and
    its diagnostics are taken as they were, so a warning is still reported.
    """

    before: dict = field(default_factory=dict)  # path -> CheckedFile
    now: dict = field(default_factory=dict)  # the same, for the files of this build

    def values(self, where: str, info: os.stat_result, spec: dict, diags: Diagnostics, root: Path) -> dict | None:
        """The checked values of the registry file at ``where`` (``info``: its lstat). A string,
        made a ``Path`` only if the file is read: most are not, and there are thousands."""
        old = self.before.get(where)
        seen = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino) if stat.S_ISREG(info.st_mode) else None
        if old is None or seen is None or old.seen != seen:
            path = Path(where)
            text = read_text(path, diags, root)
            if text is None:
                return None
            text_digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            if old is None or old.text_digest != text_digest:
                local = Diagnostics()
                old = CheckedFile(None, text_digest, _checked_values(path, text, spec, local), local.items)
            settled = seen is not None and is_settled(seen[1], seen[2], time.time_ns())
            old = replace(old, seen=seen if settled else None)
        self.now[where] = old
        diags.extend(old.diagnostics)
        return old.values

    @property
    def changed(self) -> bool:
        return self.now != self.before


def load_people(content_dir: Path, diags: Diagnostics, checked: CheckedEntries | None = None) -> dict[str, Person]:
    people = {}
    for slug, values in _load_entries(content_dir / "people", PERSON_FIELDS, diags, checked):
        people[slug] = Person(slug=slug, in_registry=True, **values)
    return people


def load_topics(content_dir: Path, diags: Diagnostics, checked: CheckedEntries | None = None) -> dict[str, Topic]:
    topics = {}
    for slug, values in _load_entries(content_dir / "topics", TOPIC_FIELDS, diags, checked):
        topics[slug] = Topic(slug=slug, in_registry=True, **values)
    for topic in topics.values():
        for related in topic.related:
            if related not in topics:
                path = content_dir / "topics" / f"{topic.slug}.yaml"
                diags.error(Location(path, _line_naming(path, "related", related)),
                            f"related: no topic '{related}'{did_you_mean(related, topics)}")
    return topics


def _line_naming(path: Path, key: str, item: str) -> int | None:
    """The line of ``path`` where ``key``'s list names ``item`` (``key: [a, b]`` or a ``- b``
    line under it). Only for an error's message: the checked values keep no lines (they are
    cached, and errors are rare), so the file is read again."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    under = None
    for number, text in enumerate(lines, 1):
        if text.startswith(f"{key}:"):
            under = number
        elif text[:1] not in ("", " ", "-", "\t"):
            under = None  # another key
        if under is not None and item in text.split("#", 1)[0]:
            return number
    return None


def _load_entries(folder: Path, spec: dict, diags: Diagnostics, checked: CheckedEntries | None):
    """Yield (slug, checked values) for each valid ``*.yaml`` file in ``folder``."""
    if not folder.is_dir():
        return
    checked = checked or CheckedEntries()
    root = folder.parent.parent  # content/<kind>/x.yaml
    # os.scandir, not Path.iterdir and stat: a large archive has thousands of registry files.
    with os.scandir(folder) as listing:
        entries = sorted((e for e in listing if not e.name.startswith(".")), key=lambda e: e.name)
    for entry in entries:
        name, suffix = os.path.splitext(entry.name)
        if suffix not in (".yaml", ".yml") or not entry.is_file():
            continue
        problem = slug_problem(name)
        if problem:
            diags.error(Location(Path(entry.path)), f"file name '{name}' {problem}")
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError as exc:
            diags.error(Location(Path(entry.path)), f"cannot read file: {exc.strerror or exc}")
            continue
        values = checked.values(entry.path, info, spec, diags, root)
        if values is not None:
            yield name, values


def _checked_values(path: Path, text: str, spec: dict, diags: Diagnostics) -> dict | None:
    try:
        doc = parse_yaml(text)
    except YamlSyntaxError as exc:
        diags.error(Location(path, exc.line), str(exc))
        return None
    if not isinstance(doc.data, dict):
        diags.error(Location(path, 1), "expected a mapping with at least 'name:'")
        return None
    values, failed = fields.checked_values(doc.data, spec, path, doc.line_of, diags, "key")
    if "name" not in doc.data:
        diags.error(Location(path, 1), "missing 'name:' (every entry needs a name)")
        failed = True
    return None if failed else values
