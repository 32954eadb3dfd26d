"""The annotated body: quotes and first mentions as attribute spans over the escaped lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .markdown import (ListLine, Span, list_lines, render_heading, render_line, render_list_line, render_strong,
                       render_table_line, table_lines)
from .people import Cast
from .quotes import Quote
from .textutil import Line, guillemets_reversed


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


def render_body(lines: list[Line], spans: dict[int, list[Span]], headings: dict[int, int] | None = None,
                quoted: set[int] | None = None, breaks: set[int] | None = None,
                code: dict[int, str] | None = None, questions: set[int] | None = None) -> str:
    """Body lines as Markdown; a gap in the line numbers (blank, chrome) ends a paragraph, and
    a list (see markdown.list_lines), a table, a heading (``headings``: line number -> level),
    a block quote (``quoted``: line numbers), a section break (``breaks``: line numbers, each
    Markdown's rule), a block of code (``code``: line number -> its text, a fenced block of
    it as it is) and an interview's question in bold (``questions``: line numbers, each a
    paragraph in bold) have a paragraph break before and after them. Lines with no gap between
    them run on as one paragraph, unless they are lines of their own (see _line_breaks)."""
    headings, code = headings or {}, code or {}
    listed = list_lines([(line.number, line.text) for line in lines])
    out: list[str] = []
    for kind, group in _blocks(lines, listed, headings, quoted or set(), breaks or set(), set(code), questions or set()):
        if out and out[-1]:
            out.append("")
        texts = [lines[i].text for i in group]
        marked = [spans.get(lines[i].number, []) for i in group]
        if kind == BREAK:
            out += [SECTION_RULE for _ in group]
        elif kind == CODE:
            for count, i in enumerate(group):
                out += [""] * (count > 0) + fenced(code[lines[i].number])
        elif kind == HEADING:
            out += [render_heading(text, headings[lines[i].number], on_line)
                    for i, text, on_line in zip(group, texts, marked)]
        elif kind == QUESTION:
            out += [line for count, (text, on_line) in enumerate(zip(texts, marked))
                    for line in [""] * (count > 0) + [render_strong(text, on_line)]]
        elif kind == TABLE:
            out += [render_table_line(text, on_line) for text, on_line in zip(texts, marked)]
        elif kind == LIST:
            out += [render_list_line(text, listed[i], on_line) for i, text, on_line in zip(group, texts, marked)]
        else:
            paragraph = _line_breaks([render_line(text, on_line) for text, on_line in zip(texts, marked)], texts)
            out += ["> " + line for line in paragraph] if kind == QUOTE else paragraph
    return "\n".join(out) + "\n" if out else ""


# The kinds of block the body's lines make (see _blocks).
PARAGRAPH, LIST, TABLE, HEADING, QUOTE, BREAK, CODE, QUESTION = ("paragraph", "list", "table", "heading", "quote", "break",
                                                                 "code", "question")


def fenced(text: str) -> list[str]:
    """A block of code as Markdown's fenced block, its lines as they are: a fence of backticks
    longer than any run of them in the text (and three at least)."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence, *text.split("\n"), fence]

# A section break as the body writes it, whatever the capture's was ("---", "* * *", "⁂"):
# Markdown's rule, which no line of text next to it can turn into a heading (as "---" would).
SECTION_RULE = "* * *"


def _blocks(lines: list[Line], listed: dict[int, ListLine], headings: dict[int, int],
            quoted: set[int], breaks: set[int], code: frozenset[int] | set[int] = frozenset(),
            questions: frozenset[int] | set[int] = frozenset()) -> Iterator[tuple[str, list[int]]]:
    """The lines, by index, in runs with no gap in their numbers, each of one kind: a block
    quote's lines, headings, a table's rows, a list's lines (``listed``), section breaks
    (``breaks``), blocks of code (``code``), an interview's questions in bold (``questions``), or
    a paragraph's."""
    tables = table_lines([(line.number, line.text) for line in lines])

    def kind(index: int) -> str:
        number = lines[index].number
        return (CODE if number in code else BREAK if number in breaks else QUOTE if number in quoted
                else HEADING if number in headings else QUESTION if number in questions
                else TABLE if index in tables
                else LIST if index in listed else PARAGRAPH)

    run: list[int] = []
    for index, line in enumerate(lines):
        if run and (line.number != lines[index - 1].number + 1 or kind(index) != kind(index - 1)):
            yield kind(run[0]), run
            run = []
        run.append(index)
    if run:
        yield kind(run[0]), run


@dataclass(frozen=True, slots=True)
class ReadLine:
    """One line as the recognisers read it, ``line``: most often a body line as it is, else the
    ``lines`` of a paragraph over which a quote is wrapped, joined and numbered as the first
    (see lines_as_read). Line ``lines[i]``'s text from ``leads[i]`` on starts at ``starts[i]``
    in ``line.text``."""
    line: Line
    lines: tuple[Line, ...]
    starts: tuple[int, ...]
    leads: tuple[int, ...]


def lines_as_read(lines: list[Line], headings: dict[int, int] | None = None,
                  quoted: set[int] | None = None) -> list[ReadLine]:
    """The body lines as the recognisers read them: each on its own, but, in a paragraph that
    Markdown runs on (see _line_breaks), the lines a quote is wrapped over as one, with the line
    before them: the quote is then found whole, and what attributes it with it ("Ana Ruiz said
    the plan was" / "“too expensive for a town" / "of this size,” ...).

    Not the whole paragraph as one line: lines keep what their being lines says (a letter's
    signature under its last sentence, "Rashid al-Amin, Ardenmoor", names its writer), and the
    recognisers, reading a line's text before each name and quote, would take time growing
    with the square of a long paragraph's length (a capture with no blank lines at all)."""
    listed = list_lines([(line.number, line.text) for line in lines])
    read = []
    for kind, group in _blocks(lines, listed, headings or {}, quoted or set(), set()):
        run = [lines[i] for i in group]
        if len(run) > 1 and kind in (PARAGRAPH, QUOTE) and _runs_on([line.text for line in run]):
            read += [_joined(run[start:end]) for start, end in _quoted_stretches(_quote_open([line.text for line in run]))]
        else:
            read += [ReadLine(line, (line,), (0,), (0,)) for line in run]
    return read


# The most lines a quote is read over: a mark left open for longer is a stray one.
MAX_QUOTE_LINES = 12


def _quoted_stretches(open_at_ends: list[bool]) -> list[tuple[int, int]]:
    """The lines of a run (by their quotes open at each one's end, see _quote_open) in stretches
    read as one, (start, end): a quote's lines with the line before them, each other line alone."""
    stretches: list[tuple[int, int]] = []
    index = 0
    while index < len(open_at_ends):
        end = index
        while end < len(open_at_ends) - 1 and open_at_ends[end] and end - index < MAX_QUOTE_LINES:
            end += 1
        if end > index and not open_at_ends[end]:
            start = index
            if stretches and stretches[-1] == (index - 1, index):
                start = stretches.pop()[0]  # (the line before the quote's first, alone so far)
            stretches.append((start, end + 1))
            index = end + 1
        else:
            stretches.append((index, index + 1))
            index += 1
    return stretches


def _quote_open(texts: list[str]) -> list[bool]:
    """Whether a quotation is open at the end of each of these lines, read one after the other.
    (Not the single marks: ’ is also an apostrophe.)"""
    english = german = french = straight = 0
    # The first guillemet says which way they point: «…», or German's »…«.
    opening_guillemet = "»" if guillemets_reversed("".join(texts)) else "«"
    open_at_ends = []
    for text in texts:
        previous = ""
        for char in text:
            if char == "„":
                german += 1
            elif char == "“":  # (German „…“ closes with English's opening mark)
                if german:
                    german -= 1
                else:
                    english += 1
            elif char == "”":
                english = max(english - 1, 0)
            elif char == opening_guillemet:
                french += 1
            elif char in "«»":
                french = max(french - 1, 0)
            elif char == '"' and not previous.isdigit():  # (not an inch mark: "a 12" pipe")
                straight ^= 1
            previous = char
        open_at_ends.append(bool(english or german or french or straight))
    return open_at_ends


def _joined(run: list[Line]) -> ReadLine:
    """One line of the run's lines, a space between each and the next: as Markdown renders them
    (the first line's own spaces before its text kept, so that it is read where it stands)."""
    parts, starts, leads, at = [], [], [], 0
    for index, line in enumerate(run):
        lead = 0 if index == 0 else len(line.text) - len(line.text.lstrip())
        part = line.text[lead:].rstrip()
        parts.append(part)
        starts.append(at)
        leads.append(lead)
        at += len(part) + 1
    return ReadLine(Line(run[0].number, " ".join(parts)), tuple(run), tuple(starts), tuple(leads))


def line_spans(read: list[ReadLine], spans: dict[int, list[Span]]) -> dict[int, list[Span]]:
    """The spans found in the lines as read (see lines_as_read), placed on the lines they cover:
    a span over two lines opens on the first and closes on the second (Markdown reads it whole)."""
    placed: dict[int, list[Span]] = {}
    for read_line in read:
        found = spans.get(read_line.line.number)
        if not found:
            continue
        if len(read_line.lines) == 1:
            placed[read_line.line.number] = found
            continue
        for span in found:
            for line, start, lead in zip(read_line.lines, read_line.starts, read_line.leads):
                length = len(line.text[lead:].rstrip())
                if span.start >= start + length or span.end <= start:
                    continue  # (also the space between two lines)
                opens, closes = span.start >= start, span.end <= start + length
                if opens or closes:  # (a line wholly inside it needs nothing)
                    placed.setdefault(line.number, []).append(Span(
                        max(span.start, start) - start + lead, min(span.end, start + length) - start + lead,
                        span.attrs, opens, closes))
    return placed


# Markdown's line break inside a paragraph: a backslash at the end of the line.
HARD_BREAK = "\\"
# A line that ends a sentence (its closing quotation marks and brackets after the stop: also
# German's “ or «, French »  after a space, a British ').
ENDS_A_SENTENCE = re.compile(r"[.!?:;](?:[ \u00a0]?»|[\"”’“«')'])*$")
# The fewest lines, and the share of them ending a sentence, that make lines of their own.
MIN_OWN_LINES = 3
OWN_LINE_ENDS = 2 / 3
# A label among such lines ("Timeline", "What happens next") has at most this many words.
MAX_LABEL_WORDS = 4
# Text tools wrap lines at 72 to 100 characters: a longer line is a whole paragraph.
MAX_WRAPPED_LINE = 100
# ... and no wrapped line but a paragraph's last is shorter than this.
MIN_WRAPPED_LINE = 40
# A time alone on its line, over a live blog's entry: "10:32", "9.15am", "3:05 p.m. BST" (as
# Markdown: "9\.15am", the stop after a number opening a line escaped).
TIME_ALONE = re.compile(r"\d{1,2}\\?[:.]\d{2}(?:[ \u00a0]?[ap]\.?m\.?)?(?:[ \u00a0][A-Z]{2,5})?")


def _line_breaks(paragraph: list[str], texts: list[str]) -> list[str]:
    """The Markdown lines of a run of lines with no gap between them, ``paragraph`` (the lines
    as Markdown) of ``texts`` (as captured).

    Text wrapped to a width breaks at the end of a sentence only now and then: its lines run
    on as one paragraph. But when most lines end a sentence (or are a short label), they are
    lines of their own (a timeline's "2019 – The county proposes a bypass." / "2021 – ...", or
    a page copied with one paragraph a line and no blank lines between), and each such end
    stays one: a paragraph break where a line is longer than text tools wrap (whole
    paragraphs), else a line break. Joined, they had run on as one paragraph."""
    if _unwrapped(texts):
        # (a line longer than text tools wrap: the text was not wrapped to a width, and each line
        # is a paragraph of its own, a heading over a letter too: "The bypass is long overdue" /
        # "Your correspondent last week claimed ...")
        return [part for line in paragraph[:-1] for part in (line, "")] + paragraph[-1:]
    if not _own_lines(texts):
        # (but a live blog's time over its entry is a line of its own: "10:32" / "The road is ...")
        return [line + HARD_BREAK if _time_alone(text) else line
                for line, text in zip(paragraph[:-1], texts)] + paragraph[-1:]
    paragraphs = max(len(text.strip()) for text in texts) > MAX_WRAPPED_LINE
    out = []
    for line, ends_here in zip(paragraph, _sentence_ends(texts) + [False]):
        if ends_here and paragraphs:
            out += [line, ""]
        else:
            out.append(line + HARD_BREAK if ends_here else line)
    return out


def _runs_on(texts: list[str]) -> bool:
    """Whether Markdown renders these lines (see _line_breaks) as one paragraph, without a break."""
    return not _own_lines(texts) and not _unwrapped(texts) and not any(_time_alone(text) for text in texts[:-1])


def _unwrapped(texts: list[str]) -> bool:
    """Lines of which one is longer than text tools wrap, and one too short to be a wrapped
    line's (a heading, a signature): each its own paragraph."""
    return (len(texts) > 1 and max(len(text.strip()) for text in texts) > MAX_WRAPPED_LINE
            and any(len(text.strip()) < MIN_WRAPPED_LINE and not GOES_ON.search(text) for text in texts[:-1]))


# The end of a line that the next goes on from: a dateline's dash, a comma, a colon
# ("KYIV, March 14 (Reuters) -" / "Ukraine's air force said ...").
GOES_ON = re.compile(r"[-–—,:;][ \u00a0]*$")


def _own_lines(texts: list[str]) -> bool:
    ends = _sentence_ends(texts)
    return len(texts) >= MIN_OWN_LINES and sum(ends) >= OWN_LINE_ENDS * len(ends)


def _sentence_ends(texts: list[str]) -> list[bool]:
    """Whether each line but the last ends a sentence or is a short label."""
    return [ENDS_A_SENTENCE.search(text.rstrip()) is not None or len(text.split()) <= MAX_LABEL_WORDS
            for text in texts[:-1]]


def _time_alone(text: str) -> bool:
    return TIME_ALONE.fullmatch(text.strip()) is not None
