"""What the import found in one input, and what an editor should look at (compiler-style)."""

from __future__ import annotations

from ..languages import primary
from .analyse import Analysis
from .bundle import Outcome
from .comments import count
from .segment import CHROME

SHOWN_CHARS = 70              # dropped chrome lines are shown up to this length


def describe(display: str, target: str, analysis: Analysis, outcome: Outcome,
             located: bool = True, site_language: str = "en") -> list[str]:
    """The report for one input: a heading line, what was found, what needs attention."""
    lines = [f"{display} -> {target}: {outcome.status}"]
    lines += [f"  {key + ':':<11}{value}" for key, value in found(analysis, site_language) if value]
    lines += _chrome(analysis, located)
    attention = needs_attention(display, analysis, located)
    if attention:
        lines.append("  needs attention:")
        lines += [f"    {item}" for item in attention]
    for backup in outcome.backups:
        lines.append(f"  kept a backup: {target}/{backup}")
    return lines


def found(analysis: Analysis, site_language: str = "en") -> list[tuple[str, str]]:
    source = analysis.source
    language = analysis.language or ""  # (not shown when the text does not tell)
    if language:  # (written only when it is not the site's: see document.front_matter)
        language += (" (the site's: not written)" if primary(language) == primary(site_language)
                     else " (written in the front matter)")
    quotes = analysis.quotes
    comments = count(analysis.comments)
    reported = analysis.reported_count
    return [
        ("title", analysis.title + (" (derived from the lede)" if analysis.title_derived else "")),
        ("date", f"{analysis.date} (from the {analysis.date_origin})" if analysis.date else "none"),
        ("dateline", analysis.dateline or "none"),
        ("language", language),
        ("source", ", ".join(v for v in (source.name, source.site, source.url) if v) or "none"),
        ("reporters", "; ".join(f"{r.name} ({r.station})" if r.station else r.name
                                for r in analysis.reporters) or "none"),
        ("people", "; ".join(f"{p.name} ({p.role})" if p.role else p.name
                             for p in analysis.people) or "none"),
        ("topics", ", ".join(analysis.topics) or "none"),
        ("quotes", f"{len(quotes)}, {sum(1 for q in quotes if q.by)} with a named speaker"),
        ("comments", f"{comments} shown" + (f" of {reported} reported" if reported is not None
                                            else "")),
        ("undone", "; ".join(analysis.undone)),  # (empty, so not shown, for a browser's copy)
    ]


def _chrome(analysis: Analysis, located: bool) -> list[str]:
    dropped = analysis.segments.numbers(CHROME)
    lines = [f"  {'chrome:':<11}{len(dropped)} line{'s' * (len(dropped) != 1)} dropped"]
    for number in dropped:
        text = analysis.segments.lines[number - 1].strip()
        shown = text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS - 1] + "…"
        lines.append(f"    {str(analysis.capture_line(number)) + ': ' if located else ''}{shown}")
    return lines


def needs_attention(display: str, analysis: Analysis, located: bool = True) -> list[str]:
    """Compiler-style items: "path:line: message" (no line for saved pages)."""
    def at(line: int | None, message: str) -> str:
        line = analysis.capture_line(line)
        return f"{display}:{line}: {message}" if located and line else f"{display}: {message}"

    items = []
    if not analysis.date:
        items.append(at(None, "no date found (give a URL with a dated path, or add `date:`"
                              " by hand)"))
    if analysis.title_derived:
        items.append(at(None, "no headline in the text: title derived from the lede"))
    if not analysis.source.url:
        items.append(at(None, "no source URL (use --url, or a manifest.yaml beside the input)"))
    if analysis.unknown:
        items.append(at(None, "not in the people registry: " + ", ".join(analysis.unknown)))
    items += [at(line, message) for line, message in analysis.notes]
    items += [at(line, f"relative date '{hint}' (not used as the date)")
              for line, hint in analysis.hints]
    if analysis.reported_count is not None and analysis.reported_count != count(analysis.comments):
        items.append(at(None, f"the page reported {analysis.reported_count} comments,"
                              f" {count(analysis.comments)} were captured"))
    return items
