"""Small text helpers shared by the recognisers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .rules import NAME_TOKEN, WORD_START

SPACE = "[ \u00a0]"
# Between the parts of a row on one line: "Ashgrove | 13.11.2024 | 16:45", "7:02am · Reply · 5 likes"
ROW_SEPARATOR = re.compile(r"[ \u00a0]+[|·•][ \u00a0]+")
# A form's text field as a text browser draws it: "[          ]" (w3m, lynx) or "________" (links).
FORM_FIELD = re.compile(r"\[[ _]{3,}\]|_{5,}")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Line:
    number: int        # 1-based line number in the input
    text: str


def word_spans(text: str):
    """(start, end, word) for each capitalised word of the text."""
    for match in re.finditer(rf"{WORD_START}{NAME_TOKEN}(?![\w-])", text):
        yield match.start(), match.end(), match.group(0)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def at_sentence_start(text: str, start: int) -> bool:
    return re.search(r"(?:^|[.!?][\"”’)]*\s+)[\"“‘(]?$", text[:start]) is not None


@cache
def verbs_pattern(verbs: frozenset[str]) -> str:
    """An alternation of the speech verbs, longest first."""
    return "|".join(re.escape(v) for v in sorted(verbs, key=lambda v: (-len(v), v)))
