"""Topics of an article, suggested from the topics registry's names, aliases and keywords."""

from __future__ import annotations

import re

from .registry import Entry


def find_topics(text: str, topics: tuple[Entry, ...]) -> list[str]:
    """Slugs of the topics whose name, alias or keyword occurs in text, by first occurrence.

    Matching ignores case and allows a plural ("petition" finds "petitions"); a term must be a
    whole word or phrase ("vote" does not match "voters").
    """
    first: dict[str, int] = {}
    for topic in topics:
        positions = [m.start() for term in (topic.name, topic.slug.replace("-", " "),
                                            *topic.aliases, *topic.keywords)
                     for m in _term_regex(term).finditer(text)]
        if positions:
            first[topic.slug] = min(positions)
    return sorted(first, key=lambda slug: (first[slug], slug))


def _term_regex(term: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in term.split()]
    if not words:
        return re.compile(r"(?!x)x")
    phrase = r"[\s-]+".join(words)
    return re.compile(rf"(?<![\w-]){phrase}(?:e?s)?(?![\w-])", re.IGNORECASE)
