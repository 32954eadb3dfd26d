"""The annotated body: quotes and first mentions as attribute spans over the escaped lines."""

from __future__ import annotations

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
    a list (see markdown.list_lines) has a paragraph break before and after it."""
    listed = list_lines([(line.number, line.text) for line in lines])
    out: list[str] = []
    previous = None
    for index, line in enumerate(lines):
        in_list = index in listed
        breaks = previous is not None and (line.number != previous + 1 or in_list != (index - 1 in listed))
        if breaks and out[-1]:
            out.append("")
        line_spans = spans.get(line.number, [])
        out.append(render_list_line(line.text, listed[index], line_spans) if in_list
                   else render_line(line.text, line_spans))
        previous = line.number
    return "\n".join(out) + "\n" if out else ""
