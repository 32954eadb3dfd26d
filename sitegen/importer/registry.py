"""The registries the importer matches against: content/people, content/topics, content/sources.

Only what the importer needs is read (names, aliases, keywords, sites, domains and the sources'
`chrome` patterns); problems come back as located messages, never as exceptions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .rules import compile_line_pattern


@dataclass(frozen=True, slots=True)
class Entry:
    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    chrome: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True, slots=True)
class Registries:
    people: tuple[Entry, ...] = ()
    topics: tuple[Entry, ...] = ()
    sources: tuple[Entry, ...] = ()

    def source_for(self, domain: str | None = None, site: str | None = None) -> Entry | None:
        """The publisher whose domains hold this host, or else whose sites name this site."""
        host = (domain or "").lower().removeprefix("www.")
        for source in self.sources:
            if host and any(host == d or host.endswith("." + d) for d in source.domains):
                return source
        wanted = (site or "").lower()
        for source in self.sources:
            if wanted and wanted in (s.lower() for s in source.sites):
                return source
        return None


def load_registries(root: Path) -> tuple[Registries, tuple[str, ...]]:
    """The registries under root/content, and the problems found reading them."""
    errors: list[str] = []
    kinds = {kind: _load_kind(root / "content" / kind, errors) for kind in (
        "people", "topics", "sources")}
    return Registries(**kinds), tuple(errors)


def _load_kind(folder: Path, errors: list[str]) -> tuple[Entry, ...]:
    if not folder.is_dir():
        return ()
    entries = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name.startswith("."):
            continue
        entry = _load_entry(path, errors)
        if entry is not None:
            entries.append(entry)
    return tuple(entries)


def _load_entry(path: Path, errors: list[str]) -> Entry | None:
    try:
        node = yaml.compose(path.read_text("utf-8-sig"))
        data = yaml.safe_load(path.read_text("utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        errors.append(f"{path}: cannot read registry file: {error}".replace("\n", " "))
        return None
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        errors.append(f"{path}:1: a registry entry needs a 'name'")
        return None
    return Entry(
        slug=path.stem,
        name=data["name"].strip(),
        aliases=_strings(data.get("aliases")),
        keywords=_strings(data.get("keywords")),
        sites=_strings(data.get("sites")),
        domains=tuple(d.lower().removeprefix("www.") for d in _strings(data.get("domains"))),
        chrome=_chrome(path, node, data.get("chrome"), errors),
    )


def _strings(value) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(v).strip() for v in value if isinstance(v, (str, int)) and str(v).strip())
    return ()


def _chrome(path, node, value, errors) -> tuple[re.Pattern[str], ...]:
    """An outlet's chrome lines: text (the whole line) or {re: pattern}; bad ones reported."""
    if value is None:
        return ()
    items = _value_nodes(node, "chrome")
    if not isinstance(value, list):
        errors.append(f"{path}:{_line(node, 'chrome')}: chrome must be a list of lines")
        return ()
    patterns = []
    for index, item in enumerate(value):
        line = items[index].start_mark.line + 1 if index < len(items) else 1
        try:
            patterns.append(chrome_pattern(item))
        except (re.error, ValueError) as error:
            errors.append(f"{path}:{line}: chrome entry {item!r}: {error}")
    return tuple(patterns)


def chrome_pattern(item) -> re.Pattern[str]:
    """A plain line of text matches that whole line (case and runs of spaces ignored);
    {re: PATTERN} is a regular expression searched for in the line (case ignored)."""
    if isinstance(item, (str, int, float)):
        words = str(item).split()
        if not words:
            raise ValueError("an empty line")
        return compile_line_pattern(r"\s+".join(re.escape(w) for w in words))
    if isinstance(item, dict) and set(item) == {"re"} and isinstance(item["re"], str):
        return compile_line_pattern(rf"(?:.*?)(?:{item['re']}).*")
    raise ValueError("expected a line of text or {re: pattern}")


def _value_nodes(node, key: str) -> list:
    for key_node, value_node in getattr(node, "value", []) or []:
        if getattr(key_node, "value", None) == key and isinstance(value_node.value, list):
            return value_node.value
    return []


def _line(node, key: str) -> int:
    for key_node, _ in getattr(node, "value", []) or []:
        if getattr(key_node, "value", None) == key:
            return key_node.start_mark.line + 1
    return 1
