"""Small text helpers shared by the recognisers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .rules import BULLET, NAME_TOKEN, WORD_START

SPACE = "[ \u00a0]"
# Between the parts of a row on one line: "Ashgrove | 13.11.2024 | 16:45", "7:02am · Reply · 5 likes"
ROW_SEPARATOR = re.compile(r"[ \u00a0]+[|·•][ \u00a0]+")
# A web page's address, as an article's source must be (see load/fields.web_url).
WEB_ADDRESS = re.compile(r"https?://[^\s/?#]+\S*", re.IGNORECASE)
# A form's text field as a text browser draws it: "[          ]" (w3m, lynx) or "________" (links).
FORM_FIELD = re.compile(r"\[[ _]{3,}\]|_{5,}")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
# Characters a reader never sees that pages put inside words: soft hyphens (where a word may
# break: German and Polish sites put them in long words and names), zero-width spaces (where a
# line may break), word joiners and zero-width no-break spaces. Copied with the text, they
# cut "Kowal\u00adczyk" into two words for every recogniser. Those that change how a script is
# written (the zero-width joiner and non-joiner, the marks of text direction) are not among them.
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))


def next_text(lines, start: int, stop: int | None = None) -> int | None:
    """The next line from ``start`` (before ``stop``) that is not blank."""
    return next((n for n in range(start, min(stop or len(lines), len(lines))) if lines[n].strip()), None)


def without_invisible(text: str) -> str:
    """``text`` as a reader sees it, without the INVISIBLE characters."""
    return text.translate(INVISIBLE)


@dataclass(frozen=True, slots=True)
class Line:
    number: int        # 1-based line number in the input
    text: str


# Quotation marks of other languages: German „…“ and French, Spanish, Italian «…» (with or
# without spaces inside), and the »…« of German books and many German newspapers.
LOW_HIGH_QUOTE = re.compile(r"„([^„“”\n]*)[“”]")
GUILLEMETS = re.compile(r"«([^«»\n]*)»")
REVERSED_GUILLEMETS = re.compile(r"»([^«»\n]*)«")


def with_english_quotation_marks(lines: list[Line]) -> list[Line]:
    """The lines with „…“, «…» and »…« written “…”, for the recognisers, whose patterns know
    English quotation marks (“Das ist gut“, sagte X). One character stands for one, so what
    they find is found at the same places in the lines as written, which keep their own marks."""
    def english(match: re.Match) -> str:
        return f"“{match.group(1)}”"

    def converted(text: str) -> str:
        text = LOW_HIGH_QUOTE.sub(english, text)
        guillemets = REVERSED_GUILLEMETS if guillemets_reversed(text) else GUILLEMETS
        return guillemets.sub(english, text)

    return [Line(line.number, converted(line.text)) if "„" in line.text or "«" in line.text else line
            for line in lines]


def guillemets_reversed(text: str) -> bool:
    """Whether the text's guillemets point inwards, as German sets them (»…«): only when they
    pair up that way, »…« after »…«. Not a Spanish quotation going on in a new paragraph, which
    opens with » ("»Ahora tenemos fecha», dijo ..."), nor a French line with a » between a
    section's name and the page's ("Actualités » Lyon : « Nous ... »")."""
    marks = "".join(GUILLEMET.findall(text))
    return bool(marks) and len(marks) % 2 == 0 and marks == "»«" * (len(marks) // 2)


GUILLEMET = re.compile("[«»]")


def word_spans(text: str):
    """(start, end, word) for each capitalised word of the text."""
    for match in re.finditer(rf"{WORD_START}{NAME_TOKEN}(?![\w-])", text):
        yield match.start(), match.end(), match.group(0)


# The abbreviations that stand before a name, and an initial: their full stop ends no sentence
# ("Nurses at St. Brigid's Hospital returned", "said Sen. Harriet Moss", "John F. Kennedy", and
# initials run together, "chairman R.T. Sewell").
BEFORE_A_NAME = re.compile(r"(?:^|(?<=[^\w.]))(?:Mr|Mrs|Ms|Dr|St|Sen|Gov|Rep|Gen|Col|Lt|Capt|Sgt|Prof|Rev|Det|Insp|Supt|"
                           r"Mt|Ft|(?:[A-Z]\.){0,2}[A-Z])\.$")


# ... and those before a number ("died Aug. 14", "ranked No. 2") or a bracket ("Harbor Foods
# Inc. (NYSE: HBF) said").
BEFORE_A_NUMBER = re.compile(r"(?:^|(?<=[^\w.]))(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Vol)\.$")
BEFORE_A_BRACKET = re.compile(r"(?:^|(?<=[^\w.]))(?:Inc|Corp|Co|Ltd|Bros|Cos)\.$")


def sentences(text: str) -> list[str]:
    found, begin = [], 0
    for stop in SENTENCE_END.finditer(text):
        before, after = text[max(0, stop.start() - 6):stop.start()], text[stop.end():stop.end() + 1]
        if not (BEFORE_A_NAME.search(before) or after.isdigit() and BEFORE_A_NUMBER.search(before)
                or after == "(" and BEFORE_A_BRACKET.search(before)):
            closing = len(stop.group()) - len(stop.group().lstrip("\"”’)"))  # (the sentence's own)
            found.append(text[begin:stop.start() + closing])
            begin = stop.end()
    found.append(text[begin:])
    return [s.strip() for s in found if s.strip()]


# What may come before a sentence's first word: the line's start, after its indentation (and a
# list item's marker: "• Others asked for lower fees.", or a dateline in capitals and its dash:
# "DALBY — Forecasters warned", "DALBY, Vic. (Wire) — "), or the end of the sentence before;
# then an opening mark.
_DATELINE = r"[A-Z][A-Z.'’ \u00a0-]{1,40}(?:,[^,—–()]{1,30}){0,2}(?:[ \u00a0]*\([^()]{1,40}\))?[ \u00a0]+(?:—|–|--|-)[ \u00a0]+"
BEFORE_A_SENTENCE = re.compile(rf"(?:^\s*(?:(?:{BULLET}|\d{{1,9}}[.)])[ \u00a0]+|{_DATELINE})?|[.!?][\"”’)]*\s+)[\"“‘(]?$")


def at_sentence_start(text: str, start: int) -> bool:
    return BEFORE_A_SENTENCE.search(text[:start]) is not None


@cache
def verbs_pattern(verbs: frozenset[str]) -> str:
    """An alternation of the speech verbs, longest first."""
    return "|".join(re.escape(v) for v in sorted(verbs, key=lambda v: (-len(v), v)))


def words_of(text: str) -> str:
    """The words of a text in lower case, one space between them: what a quote says, however
    it is punctuated."""
    return " ".join(re.findall(r"\w+", text.lower()))


# The fewest characters of words_of a quote said twice that make it a pull quote (a few words:
# "Yes." is repeated by chance).
MIN_PULL_QUOTE_CHARS = 20
