"""The annotated body: quotes and first mentions as attribute spans over the escaped lines."""

from __future__ import annotations

from .markdown import Span, render_line
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
    """Body lines as Markdown; a gap in the line numbers (blank, chrome) ends a paragraph."""
    out: list[str] = []
    previous = None
    for line in lines:
        if previous is not None and line.number != previous + 1:
            out.append("")
        out.append(render_line(line.text, spans.get(line.number, [])))
        previous = line.number
    return "\n".join(out) + "\n" if out else ""
