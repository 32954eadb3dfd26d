"""The annotated body: quotes and first mentions as attribute spans over the escaped lines."""

from __future__ import annotations

import re

from .markdown import Span, list_lines, render_line, render_list_line
from .people import Cast
from .quotes import Quote
from .textutil import Line


def body_spans(cast: Cast, quotes: tuple[Quote, ...]) -> dict[int, list[Span]]:
    """Spans per line: every attributed quote, and each person's first mention outside quotes."""
    spans: dict[int, list[Span]] = {}
    for quote in quotes:
        attrs = f".quote by={quote.by}" if quote.by else ".quote"
        spans.setdefault(quote.line, []).append(Span(quote.start, quote.end, attrs))
    marked: set[str] = set()
    for occurrence in cast.occurrences:
        if occurrence.slug in marked:
            continue
        line_spans = spans.setdefault(occurrence.line, [])
        if any(s.start < occurrence.end and occurrence.start < s.end for s in line_spans):
            continue     # inside a quote: spans are not nested
        line_spans.append(Span(occurrence.start, occurrence.end, f"person={occurrence.slug}"))
        marked.add(occurrence.slug)
    return spans


def render_body(lines: list[Line], spans: dict[int, list[Span]]) -> str:
    """Body lines as Markdown; a gap in the line numbers (blank, chrome) ends a paragraph, and
    a list (see markdown.list_lines) has a paragraph break before and after it. Lines with no
    gap between them run on as one paragraph, unless they are lines of their own (see
    _line_breaks)."""
    listed = list_lines([(line.number, line.text) for line in lines])
    out: list[str] = []
    paragraph: list[str] = []  # the lines of the paragraph being read, not in a list

    def end_paragraph() -> None:
        out.extend(_line_breaks(paragraph))
        paragraph.clear()

    previous = None
    for index, line in enumerate(lines):
        in_list = index in listed
        if previous is not None and (line.number != previous + 1 or in_list != (index - 1 in listed)):
            end_paragraph()
            if out[-1]:
                out.append("")
        line_spans = spans.get(line.number, [])
        if in_list:
            out.append(render_list_line(line.text, listed[index], line_spans))
        else:
            paragraph.append(render_line(line.text, line_spans))
        previous = line.number
    end_paragraph()
    return "\n".join(out) + "\n" if out else ""


# Markdown's line break inside a paragraph: a backslash at the end of the line.
HARD_BREAK = "\\"
# A line that ends a sentence (its closing quotation marks and brackets after the stop), also
# inside an annotation span at its end ("... said: [“We wait.”]{.quote by=ann-lee}").
ENDS_A_SENTENCE = re.compile(r"[.!?:;][\"”’)]*(?:\]\{[^{}]*\})?$")
# The fewest lines, and the share of them ending a sentence, that make lines of their own.
MIN_OWN_LINES = 3
OWN_LINE_ENDS = 2 / 3
# A label among such lines ("Timeline", "What happens next") has at most this many words.
MAX_LABEL_WORDS = 4
# Text tools wrap lines at 72 to 100 characters: a longer line is a whole paragraph.
MAX_WRAPPED_LINE = 100
# A time alone on its line, over a live blog's entry: "10:32", "9.15am", "3:05 p.m. BST" (as
# Markdown: "9\.15am", the stop after a number opening a line escaped).
TIME_ALONE = re.compile(r"\d{1,2}\\?[:.]\d{2}(?:[ \u00a0]?[ap]\.?m\.?)?(?:[ \u00a0][A-Z]{2,5})?")


def _line_breaks(paragraph: list[str]) -> list[str]:
    """The Markdown lines of a run of lines with no gap between them.

    Text wrapped to a width breaks at the end of a sentence only now and then: its lines run
    on as one paragraph. But when most lines end a sentence (or are a short label), they are
    lines of their own (a timeline's "2019 – The county proposes a bypass." / "2021 – ...", or
    a page copied with one paragraph a line and no blank lines between), and each such end
    stays one: a paragraph break where a line is longer than text tools wrap (whole
    paragraphs), else a line break. Joined, they had run on as one paragraph."""
    ends = [ENDS_A_SENTENCE.search(line) is not None or len(line.split()) <= MAX_LABEL_WORDS
            for line in paragraph[:-1]]
    if len(paragraph) < MIN_OWN_LINES or sum(ends) < OWN_LINE_ENDS * len(ends):
        # (but a live blog's time over its entry is a line of its own: "10:32" / "The road is ...")
        return [line + HARD_BREAK if TIME_ALONE.fullmatch(line) else line for line in paragraph[:-1]] + paragraph[-1:]
    paragraphs = max(len(line) for line in paragraph) > MAX_WRAPPED_LINE
    out = []
    for line, ends_here in zip(paragraph, ends + [False]):
        if ends_here and paragraphs:
            out += [line, ""]
        else:
            out.append(line + HARD_BREAK if ends_here else line)
    return out
