"""People and topic registries: ``content/people/*.yaml`` and ``content/topics/*.yaml``.

A registry entry adds a description, links and aliases to a person or topic; it is optional,
since anyone named in an article's front matter gets a page anyway.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostics, Location, did_you_mean
from ..model import Person, Topic
from ..slugs import name_key, slug_problem
from ..yamlfile import YamlSyntaxError, parse_yaml
from . import fields
from .files import read_text, visible_entries

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


@dataclass
class CheckedEntries:
    """What the last build made of each registry file, by the file's text.

    A large archive has thousands of registry files and parsing YAML is slow (a fifth of a
    millisecond each): a file whose text is what it was is not parsed again. Its checked
    values and its diagnostics are taken as they were, so a warning is still reported.
    """

    before: dict = field(default_factory=dict)  # (path, digest of text) -> (values or None, diagnostics)
    now: dict = field(default_factory=dict)  # the same, for the files read by this build

    def check(self, path: Path, text: str, spec: dict, diags: Diagnostics) -> dict | None:
        key = (str(path), hashlib.sha256(text.encode("utf-8")).hexdigest())
        if key in self.before:
            self.now[key] = self.before[key]
        else:
            local = Diagnostics()
            self.now[key] = (_checked_values(path, text, spec, local), local.items)
        values, items = self.now[key]
        diags.extend(items)
        return values


def load_people(content_dir: Path, diags: Diagnostics, checked: CheckedEntries | None = None) -> dict[str, Person]:
    people = {}
    for slug, path, values in _load_entries(content_dir / "people", PERSON_FIELDS, diags, checked):
        people[slug] = Person(slug=slug, in_registry=True, **values)
    return people


def load_topics(content_dir: Path, diags: Diagnostics, checked: CheckedEntries | None = None) -> dict[str, Topic]:
    topics = {}
    for slug, path, values in _load_entries(content_dir / "topics", TOPIC_FIELDS, diags, checked):
        topics[slug] = Topic(slug=slug, in_registry=True, **values)
    for topic in topics.values():
        for related in topic.related:
            if related not in topics:
                path = content_dir / "topics" / f"{topic.slug}.yaml"
                diags.error(Location(path), f"related: no topic '{related}'{did_you_mean(related, topics)}")
    return topics


def _load_entries(folder: Path, spec: dict, diags: Diagnostics, checked: CheckedEntries | None):
    """Yield (slug, path, checked values) for each valid ``*.yaml`` file in ``folder``."""
    if not folder.is_dir():
        return
    checked = checked or CheckedEntries()
    for path in visible_entries(folder):
        if path.suffix not in (".yaml", ".yml") or not path.is_file():
            continue
        slug = path.stem
        problem = slug_problem(slug)
        if problem:
            diags.error(Location(path), f"file name '{slug}' {problem}")
            continue
        text = read_text(path, diags, root=path.parent.parent.parent)  # content/<kind>/x.yaml
        values = None if text is None else checked.check(path, text, spec, diags)
        if values is not None:
            yield slug, path, values


def _checked_values(path: Path, text: str, spec: dict, diags: Diagnostics) -> dict | None:
    try:
        doc = parse_yaml(text)
    except YamlSyntaxError as exc:
        diags.error(Location(path, exc.line), str(exc))
        return None
    if not isinstance(doc.data, dict):
        diags.error(Location(path, 1), "expected a mapping with at least 'name:'")
        return None
    ok = True
    values = {}
    for key, raw in doc.data.items():
        check = spec.get(key)
        if check is None:
            diags.warning(Location(path, doc.line_of(key)), f"unknown key '{key}'{did_you_mean(key, spec)}")
            continue
        try:
            values[key] = check(raw)
        except fields.FieldError as exc:
            diags.error(Location(path, doc.line_of(key, *exc.path)), f"{key}: {exc}")
            ok = False
    if "name" not in doc.data:
        diags.error(Location(path, 1), "missing 'name:' (every entry needs a name)")
        ok = False
    return values if ok else None
