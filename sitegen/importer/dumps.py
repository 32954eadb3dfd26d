"""What the tools that turn a web page into text add to it, undone before the text is read.

A capture copied from a browser is a paragraph a line, as the readers that follow (segment,
metadata, people, comments) expect. Other tools write the page differently:

- text browsers (``lynx -dump``, ``w3m -dump``), converters (``pandoc``) and the text of a
  printed PDF wrap each paragraph at a fixed width, and lynx indents every line;
- lynx marks each link with its number ("[12]Home"), its buttons with "(BUTTON)", and lists
  the links' addresses at the end under "References";
- Markdown converters (``html2text``, ``pandoc -t markdown``, web clippers) write links as
  "[text](address)", headings with "#", emphasis with "*" and "_", escape punctuation
  ("don\\'t"), and pandoc adds fenced divs (":::") and attributes ("{#id .class}").

``undo_tool_marks`` takes these off and joins wrapped paragraphs, so a name or a sentence is
on one line again. Only what the tool added goes: a capture none of them wrote comes back as
it was. Each resulting line remembers the capture's line it starts on, for the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Callable

import yaml

from .markdown import TABLE_CELLS
from .textutil import FORM_FIELD, WEB_ADDRESS

# lynx: a link's number before its text, a form's button, the list of addresses at the end.
# (A number with no text after it is a link with none, an image or a form's field: "[15]".)
LYNX_MARK = re.compile(r"\[\d{1,4}\](?=\S|\s*$)")
LYNX_BUTTON = re.compile(r"\((?:BUTTON|RADIO|CHECKBOX|submit|reset)\) ?")
REFERENCES = re.compile(r"\s*(?:References|Visible links:?|Hidden links:?)\s*")
# (elinks writes an address as the page had it, spaces and all: "15. https://.../#share-copy link")
REFERENCE = re.compile(r"\s*\d{1,4}\.\s+[A-Za-z][\w+.-]*:\S.*")
MIN_LYNX_MARKS = 5
MIN_LYNX_BUTTONS = 2
MIN_ROW_LINKS = 3       # a line of only links, this many or more, is a menu's row
MAX_ROW_LINK_WORDS = 4

# Markdown as converters write it.
_LINK_TEXT = r"\[((?:[^\[\]\\]|\\.)*)\]"  # "[text]", escapes allowed inside
_LINK_TARGET = r"\((?:[^()\s]|\([^()\s]*\))*(?: \"[^\"]*\")?\)(?:\{[^{}]*\})?"  # "(address "title"){.attrs}"
MD_LINK = re.compile(rf"(?<![\\!]){_LINK_TEXT}{_LINK_TARGET}")
MD_IMAGE = re.compile(rf"!{_LINK_TEXT}{_LINK_TARGET}")
MD_REFERENCE_LINK = re.compile(r"(?<!\\)\[((?:[^\[\]\\]|\\.)+)\]\[[^\[\]]*\]")
MD_LINK_DEFINITION = re.compile(r"\s{0,3}\[[^\[\]]+\]:\s+\S+.*")
MD_TOP_HEADING = re.compile(r"\s{0,3}#\s+\S")
MD_HEADING = re.compile(r"(\s{0,3})#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
# A rule between sections ("* * *", "___", "---"): no text of the page.
MD_THEMATIC_BREAK = re.compile(r"[ ]{0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})")
MD_BLOCKQUOTE = re.compile(r"^[ ]{0,3}>[ ]?")  # (at the line's start only: "temperatures > 35C" is text)
MD_HASHES = re.compile(r"(\s{0,3})(#{1,6})\s+\S")
MD_SPAN = re.compile(r"(?<![\\!])\[((?:[^\[\]\\]|\\.)*)\]\{[^{}]*\}")
MD_ATTRIBUTES = re.compile(r"\s*\{(?:[#.][\w-]+\s*|[\w-]+=\S+\s*)+\}")
# (a fence may open a list's item: "1.  ::: {#comment-311}", as pandoc writes a comment list)
MD_OPEN_TEXT = re.compile(r"(?<!\\)\[(?:[^\[\]\\]|\\.)*$")  # a link's text not closed on its line: "[Share on"
MD_OPEN_ADDRESS = re.compile(r"\]\([^()\s]*$")  # a link's address not closed: "](https://.../ferry-"
MAX_LINK_LINES = 8  # (a row of links, each over two or three lines)
MD_FENCED_DIV = re.compile(r"\s*(?:\d{1,4}[.)]\s+|[*+-]\s+)?:{3,}.*")
MD_INLINE_TAG = re.compile(r"</?(?:a|span|div|small|strong|em|b|i|u|time|abbr|sup|sub|img|button|label|br|p)\b[^<>]*>")
MD_TAG_LINE = re.compile(r"\s*</?(?:div|span|section|article|aside|nav|header|footer|figure|figcaption)\b[^>]*>\s*")
MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
MD_EMPHASIS = re.compile(r"(?<![\w*\\])([*_])(?=\S)(.+?)(?<=[^\s\\])\1(?![\w*])")
MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!'\"$@<>|~^&])")
MIN_MARKDOWN_MARKS = 3
MIN_HEADING_WORDS = 3  # a lone "# " heading that makes a capture Markdown has at least these

# Wrapping: most long lines end within a few characters of one width.
MIN_WRAP_WIDTH = 28     # (a newspaper's column, printed, is 30 to 40 wide)
MAX_WRAP_WIDTH = 160
WIDTH_PERCENTILE = 0.95
MIN_WRAPPED_SHARE = 0.15
MIN_WRAPPED_LINES = 5
MIN_BROKEN_SENTENCES = 3
MIN_PROSE_WIDTH = 40    # narrower, and the lines must be seen to break phrases (see _wrap_width)
MID_PHRASE_SHARE = 0.1
# A line that breaks a phrase: it ends with a word that a phrase never ends with, or a word
# broken at a hyphen.
MID_PHRASE_END = re.compile(r"(?:\b(?i:the|a|an|to|of|in|on|at|by|for|from|with|and|or|that|was|were|is|are|has|"
                            r"had|have|its|their|his|her|our|this|these|into|than|as)|[^\W\d_]-)[ \t]*$")
MID_SENTENCE = re.compile(r"\s*[a-z0-9(‘“\"']")  # a line going on with a sentence: "in 2019", "said"
SENTENCE_END = tuple(".!?:;\"”’)")
LIST_ITEM = re.compile(r"\s*(?:[*•◦▪+-]|\d{1,3}[.)])\s")
PAGE_BREAK = "\f"
MAX_CAPTION_LINES = 4   # a caption wrapped under a paragraph has fewer lines than this


# A clipper's front matter ("---", lines of "key: value", "---") and the keys that declare what
# the importer reads: Markdown web clippers and trafilatura's command line write one. (Not
# "created": the clippers write there when the page was clipped, not when it was published.)
FRONT_MATTER_FENCE = "---"
FRONT_MATTER_ENTRY = re.compile(r"(?P<key>[A-Za-z_][\w-]*):(?:\s+(?P<value>.*))?")
MAX_FRONT_MATTER_LINES = 60
DECLARED = {"title": "title", "author": "author", "authors": "author", "byline": "author", "url": "url",
            "source": "url", "link": "url", "canonical": "url", "original_url": "url", "date": "date",
            "published": "date", "date_published": "date", "sitename": "site",
            "site": "site", "site_name": "site", "publisher": "site"}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
FRONT_MATTER_ITEM = re.compile(r"\s*-\s+(?P<item>\S.*)")
WIKI_LINK = re.compile(r"\[\[(?:[^\[\]|]*\|)?(?P<text>[^\[\]|]+)\]\]")  # "[[Page]]", "[[Page|text]]"


@dataclass(frozen=True, slots=True)
class Unmarked:
    lines: tuple[str, ...]
    origin: tuple[int, ...]   # the capture's 1-based line each of ``lines`` starts on
    undone: tuple[str, ...]   # what was taken off or joined, said in the report
    headline: str | None = None  # a Markdown capture's one "# " heading, taken out of ``lines``
    headline_at: int | None = None  # where it stood: the index in ``lines`` of the line under it
    # What a clipper's front matter declares: "title", "author", "date" (YYYY-MM-DD), "site", "url"
    declared: dict = field(default_factory=dict)
    # A Markdown capture's headings under its headline ("## What happens next"): (text, level)
    crossheads: tuple[tuple[str, int], ...] = ()
    # ... and the lines of its block quotes ("> To whoever finds this ..."), their "> " taken off:
    # their numbers in ``lines`` (1 for the first)
    blockquotes: tuple[int, ...] = ()
    # ... and of an interview's questions set in bold, their marks taken off (see INTERVIEW_QUESTION)
    questions: tuple[int, ...] = ()


def undo_tool_marks(lines: tuple[str, ...], stands_alone: Callable[[str], bool] = lambda line: False,
                    ends_alone: Callable[[str], bool] = lambda line: False) -> Unmarked:
    """The capture's lines without the marks a page-to-text tool added (see the module's doc).
    ``stands_alone(line)``: a line never joined to the paragraph above it (site chrome, which
    a dump may put right under a paragraph: "Tags: Hospitals, Health"); ``ends_alone(line)``:
    a line the one under it never goes on (a comment's header: "Pat Gallardo 4 hours ago"),
    asked of the line without lynx's link numbers."""
    numbered = _dedented([(n + 1, line.replace(PAGE_BREAK, "")) for n, line in enumerate(lines)])
    undone = []
    if _quoted_by_a_mail_program(numbered):
        numbered = [(n, MAIL_QUOTE.sub("", line, count=1)) for n, line in numbered]
        undone.append("the e-mail's quotation marks (\">\")")
    declared, numbered, ignored = _front_matter(numbered)
    if declared:
        undone.append("the front matter (" + ", ".join(sorted(declared)) + ")")
    if ignored:
        undone.append(f"the front matter's address {ignored!r} left out: not an http(s) address")
    markdown = _written_as_markdown(lines, clipped=bool(declared))
    if markdown:  # (a link or picture wrapped over lines is one, whatever its lines look like)
        numbered = _links_joined(numbered)
    # Joined first: the tool wrapped the lines with their marks in them.
    loose = any(PAGE_BREAK in line for line in lines)
    width = _wrap_width([line for _, line in numbered], loose)
    if width:
        numbered = _unwrapped(numbered, width, loose, stands_alone, ends_alone)
        undone.append(f"paragraphs wrapped at {width} characters joined")
    if _written_by_lynx(lines):
        numbered = _without_references(numbered)
        numbered = [(n, LYNX_BUTTON.sub("", _link_row(LYNX_MARK.split(line)) or LYNX_MARK.sub("", line)))
                    for n, line in numbered]
        undone.append("lynx's link numbers and list of addresses")
    headline = headline_at = None
    if markdown:
        # The page's one top heading is its headline, as a saved page's one <h1> is (html.py).
        tops = [at for at, (_, line) in enumerate(numbered) if MD_TOP_HEADING.match(line)]
        if len(tops) == 1:
            headline, headline_at = _plain(numbered.pop(tops[0])[1]).strip(), tops[0]
            headline, headline_at = _headline_under_page_title(headline, headline_at, numbered)
        kept = [not (MD_FENCED_DIV.fullmatch(line) or MD_TAG_LINE.fullmatch(line)
                     or MD_LINK_DEFINITION.fullmatch(line) or MD_THEMATIC_BREAK.fullmatch(line)) for _, line in numbered]
        if headline_at is not None:
            headline_at = sum(kept[:headline_at])
        numbered = [line for line, keep in zip(numbered, kept) if keep]
        crossheads = tuple((_plain(line).strip(), len(heading.group(2)))
                           for _, line in numbered if (heading := MD_HASHES.match(line)))
        # (a block quote's lines lose their "> ", and are said to be one by number: see Unmarked)
        blockquotes = tuple(at for at, (_, line) in enumerate(numbered, 1) if MD_BLOCKQUOTE.match(line))
        questions = tuple(at for at, (_, line) in enumerate(numbered, 1) if _question_in_bold(line))
        numbered = [(n, _plain(MD_BLOCKQUOTE.sub("", line, count=1))) for n, line in numbered]
        undone.append("Markdown's links, headings and emphasis")
    if not undone:
        return Unmarked(lines, tuple(range(1, len(lines) + 1)), ())
    return Unmarked(tuple(line for _, line in numbered), tuple(n for n, _ in numbered), tuple(undone),
                    headline or declared.get("title"), headline_at if headline else None, declared,
                    crossheads if markdown else (), blockquotes if markdown else (), questions if markdown else ())


# An interview's question, as the page sets it in bold over the answer: "Q: What happened next?",
# "Q. And then?", or a question alone ("Why did you close the pier?").
INTERVIEW_QUESTION = re.compile(r"(?:Q[.:][ \u00a0]+\S.*|.*\?[\"”’)]*)")


def _question_in_bold(line: str) -> bool:
    """The line is a paragraph in bold, the whole of it, that asks an interview's question
    ("**Q: What happened next?**"): the archive keeps it bold, so that the questions stand apart
    from the answers as on the page (a bold label run into the text, "**Q:** What ...", is not)."""
    strong = MD_STRONG.fullmatch(line.strip())
    return strong is not None and INTERVIEW_QUESTION.fullmatch(strong.group(2).strip()) is not None


# The site's name after the headline in a page's title: a separator between spaces, a few words.
PAGE_TITLE_SUFFIX = re.compile(r"\s+[-–—|·]\s+(?:\S+\s?){1,6}")
MAX_LINES_TO_HEADLINE = 40


def _headline_under_page_title(headline: str, at: int, numbered: list) -> tuple[str, int]:
    """A clipper's "# " heading may be the page's title, the site's name after the headline
    ("# Fernhill cleanup to cost more | Lowe River Valley Times"), with the page's own headline
    further down ("## Fernhill cleanup to cost more"): then that line is the headline, taken out
    like the "# " one, and what stands between them (an excerpt, the site's menus) is above it."""
    for index in range(at, min(at + MAX_LINES_TO_HEADLINE, len(numbered))):
        text = _plain(numbered[index][1]).strip()
        if text and headline.startswith(text) and PAGE_TITLE_SUFFIX.fullmatch(headline[len(text):]):
            numbered.pop(index)
            return text, index
    return headline, at


def _front_matter(numbered: list) -> tuple[dict, list, str | None]:
    """What a front matter at the top declares, the lines without it (and without the title
    repeated as the first line under it, as trafilatura writes it), and the first address it
    gave that is not a web page's ("javascript:...", left out: the article's source must be an
    http(s) address, or the site would not build); ({}, the lines, None) without one."""
    if not numbered or numbered[0][1].strip() != FRONT_MATTER_FENCE:
        return {}, numbered, None
    end = next((at for at in range(1, min(len(numbered), MAX_FRONT_MATTER_LINES))
                if numbered[at][1].strip() == FRONT_MATTER_FENCE), None)
    if end is None:
        return {}, numbered, None
    declared: dict = {}
    ignored = None
    items: dict[str, list[str]] = {}  # a list's items under a key with no value ("author:" / '  - "[[A]]"')
    key = None
    for _, entry in numbered[1:end]:
        match = FRONT_MATTER_ENTRY.fullmatch(entry.strip())
        if match is None:
            if entry.startswith((" ", "-")):
                if key and FRONT_MATTER_ITEM.fullmatch(entry):
                    items.setdefault(key, []).append(_unquoted(FRONT_MATTER_ITEM.fullmatch(entry)["item"]))
                continue  # (a list of a key not read: "tags:" / "  - ferries")
            return {}, numbered, None
        key, value = DECLARED.get(match["key"].lower()), _unquoted(match["value"] or "")
        if key == "date":
            value = ISO_DATE.search(value)[0] if ISO_DATE.search(value) else ""
        if key == "url" and value and not WEB_ADDRESS.fullmatch(value):
            ignored, value = ignored or value, ""
        if key and value:
            declared.setdefault(key, value)
    for key, listed in items.items():
        declared.setdefault(key, "; ".join(item for item in listed if item))
    rest = numbered[end + 1:]
    first = next((at for at, (_, line) in enumerate(rest) if line.strip()), None)
    if first is not None and declared.get("title") and rest[first][1].strip() == declared["title"]:
        rest = rest[:first] + rest[first + 1:]
    return declared, rest, ignored


def _unquoted(value: str) -> str:
    """A front matter's value as text: quotes off, a list's items joined ("['A', 'B']": "A; B"),
    a note-taking app's links as their text ("[[Ewan Castellane]]": "Ewan Castellane")."""
    value = WIKI_LINK.sub(lambda m: m["text"], value.strip())
    if value.startswith("[") and value.endswith("]"):
        return "; ".join(_unquoted(item) for item in value[1:-1].split(",") if item.strip())
    if len(value) > 1 and value[0] == value[-1] == '"':
        try:  # (its escapes read as YAML reads them: "Ada Quell\" onmouseover=..." is one quote mark)
            loaded = yaml.safe_load(value)
        except yaml.YAMLError:
            loaded = None
        return loaded if isinstance(loaded, str) else value[1:-1]
    return value[1:-1].replace("''", "'") if len(value) > 1 and value[0] == value[-1] == "'" else value


def _link_row(parts: list[str]) -> str | None:
    """A row of links ("[3]LBN [4]News [5]Sports", split at the marks: the text before the
    first, then each link's) as a browser's copy shows a menu, "LBN | News | Sports", which
    the chrome rules know; None when the line is not only links."""
    before, links = parts[0], [part.strip() for part in parts[1:]]
    if len(links) < MIN_ROW_LINKS or before.strip(" *•-|") or not all(
            link and len(link.split()) <= MAX_ROW_LINK_WORDS for link in links):
        return None
    return before + " | ".join(link.strip(" |·•") for link in links)


def _written_by_lynx(lines: tuple[str, ...]) -> bool:
    """Link numbers, its list of addresses, or (with -nolist, which writes neither) its marks
    on a form's buttons ("(BUTTON) Accept (BUTTON) Manage preferences"), which a page's own
    text does not write in capitals."""
    marks = sum(len(LYNX_MARK.findall(line)) for line in lines)
    buttons = sum(line.count("(BUTTON)") for line in lines)
    return marks >= MIN_LYNX_MARKS or buttons >= MIN_LYNX_BUTTONS or any(
        REFERENCES.fullmatch(line) and any(REFERENCE.fullmatch(after) for after in lines[n + 1:n + 4])
        for n, line in enumerate(lines))


def _without_references(numbered: list) -> list:
    """Up to the first of lynx's or elinks' headings ("References", "Visible links", "Hidden
    links") when only such headings and the numbered addresses follow it."""
    for at in range(len(numbered)):
        if REFERENCES.fullmatch(numbered[at][1]):
            rest = [line for _, line in numbered[at + 1:] if line.strip()]
            if rest and all(REFERENCE.fullmatch(line) or REFERENCES.fullmatch(line) for line in rest):
                return numbered[:at]
    return numbered


def _links_joined(numbered: list) -> list:
    """Each Markdown link or picture wrapped over lines ("[Share on" / "Facebook](https://...ferry-"
    / "fares/)") joined into one line: with a space inside its text, without one inside its
    address, which converters break only where it has a hyphen. A line that opens a link not
    closed within a few lines is left as it is."""
    out: list = []
    at = 0
    while at < len(numbered):
        n, line = numbered[at]
        end = at
        while end < min(at + MAX_LINK_LINES, len(numbered)) - 1 and _open_link(line):
            end += 1
            below = numbered[end][1].strip()
            if not below:
                break
            line = line.rstrip() + ("" if MD_OPEN_ADDRESS.search(line) else " ") + below
        if end > at and not _open_link(line):
            out.append((n, line))
            at = end + 1
        else:
            out.append(numbered[at])
            at += 1
    return out


def _open_link(line: str) -> bool:
    return bool(MD_OPEN_TEXT.search(line) or MD_OPEN_ADDRESS.search(line))


def _written_as_markdown(lines: tuple[str, ...], clipped: bool = False) -> bool:
    """Links, headings, fences, pictures and bold lines ("**Get the Chronicle**") are Markdown's
    marks; a few make a capture Markdown, and one is enough under a front matter (``clipped``),
    which Markdown clippers write (as trafilatura does over plain text, with none of the marks)."""
    marks = sum(len(MD_LINK.findall(line)) + len(MD_IMAGE.findall(line)) + bool(MD_HEADING.fullmatch(line))
                + bool(MD_FENCED_DIV.fullmatch(line)) + bool(MD_STRONG.fullmatch(line.strip())) for line in lines)
    return marks >= (1 if clipped else MIN_MARKDOWN_MARKS) or _one_top_heading(lines)


def _one_top_heading(lines: tuple[str, ...]) -> bool:
    """One "# " heading of a few capitalised words, a paragraph of its own, as a converter
    writes a page whose links had no addresses ("# Our town needs a library that opens on
    Sundays"): a plain text's "#" stands before a tag or a number, with no space after it."""
    tops = [n for n, line in enumerate(lines) if MD_TOP_HEADING.match(line)]
    if len(tops) != 1:
        return False
    n = tops[0]
    words = lines[n].strip()[1:].split()
    alone = (n == 0 or not lines[n - 1].strip()) and (n + 1 == len(lines) or not lines[n + 1].strip())
    # (the first word after an opening quotation mark: '# "I never wanted to be a chef": ...')
    return alone and MIN_HEADING_WORDS <= len(words) and words[0].lstrip("\"“”‘’'«»„¡¿([")[:1].isupper()


def _plain(line: str) -> str:
    """The line as the page showed it: link texts without addresses, no heading hashes, no
    emphasis marks, no escapes."""
    heading = MD_HEADING.fullmatch(line)
    if heading:
        line = heading.group(1) + heading.group(2)
    line = MD_IMAGE.sub("", line)
    row = MD_LINK.split(line)  # (the text around the links, and each link's text, in turn)
    links = row[1::2]
    if not "".join(row[0::2]).strip(" *•-|") and len(links) >= MIN_ROW_LINKS:
        line = _link_row(["", *links]) or line
    line = MD_LINK.sub(lambda m: m.group(1), line)
    line = MD_REFERENCE_LINK.sub(lambda m: m.group(1), line)
    line = MD_SPAN.sub(lambda m: m.group(1), line)
    line = MD_ATTRIBUTES.sub("", line)
    line = MD_INLINE_TAG.sub("", line)  # (pandoc keeps the tags it has no Markdown for)
    line = MD_STRONG.sub(lambda m: m.group(2), line)
    line = MD_EMPHASIS.sub(lambda m: m.group(2), line)
    if TABLE_CELLS.fullmatch(line):  # (a table's row: its escaped pipes are in its cells, and stay so)
        return MD_ESCAPE.sub(lambda m: m.group(0) if m.group(1) == "|" else m.group(1), line)
    return MD_ESCAPE.sub(r"\1", line)


# An e-mail program quoting a forwarded or replied-to message: "> " before each of its lines.
MAIL_QUOTE = re.compile(r"[ ]{0,3}>[ ]?")
MAIL_QUOTED_SHARE = 0.8


def _quoted_by_a_mail_program(numbered: list) -> bool:
    """Most lines of the capture open with "> ": a newsletter forwarded or answered as a quoted
    message (a Markdown capture's block quote is a few lines of it)."""
    texts = [line for _, line in numbered if line.strip()]
    return len(texts) >= MIN_WRAPPED_LINES and sum(1 for line in texts if MAIL_QUOTE.match(line)) >= MAIL_QUOTED_SHARE * len(texts)


def _dedented(numbered: list) -> list:
    """Without the indentation every line shares (lynx's margin of three spaces): what stays is
    the indentation that means something, a reply's under its comment."""
    indents = [len(line) - len(line.lstrip(" ")) for _, line in numbered if line.strip()]
    common = min(indents, default=0)
    return [(n, line[common:] if line.strip() else "") for n, line in numbered] if common else numbered


def _wrap_width(lines: list[str], loose: bool) -> int | None:
    """The width the tool wrapped paragraphs at, when it did: most long lines end near it, and
    many of them in the middle of a sentence, which the next line goes on with in lower case.
    A browser's copy has paragraphs of any length, each on a line of its own."""
    # (not lines with an address or a Markdown link in them: converters never break a link, so
    # such lines run past the width, and html2text's 78 was read as 88)
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip() and "://" not in line and "](" not in line)
    if not lengths:
        return None
    # (not the longest: a word or a row of buttons too long to wrap may overrun the width)
    width = lengths[int(WIDTH_PERCENTILE * (len(lengths) - 1))]
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return None
    near = [n for n, line in enumerate(lines) if width - _slack(width, loose) <= len(line.rstrip()) <= width + 2]
    broken = sum(1 for n in near if n + 1 < len(lines) and MID_SENTENCE.match(lines[n + 1])
                 and lines[n].rstrip()[-1:] not in SENTENCE_END)
    if width < MIN_PROSE_WIDTH and sum(1 for n in near if MID_PHRASE_END.search(lines[n])) < max(
            MIN_BROKEN_SENTENCES, MID_PHRASE_SHARE * len(near)):
        # Lines this short are a newspaper's column or verse, whose lines are a poem's own
        # ("The boats come in at evening" / "and the gulls go out to sea,"): a column breaks in
        # the middle of phrases too ("... on Monday night to" / "build a flood wall"), "coun-".
        return None
    return width if len(near) >= max(MIN_WRAPPED_LINES, MIN_WRAPPED_SHARE * len(lengths)) and \
        broken >= MIN_BROKEN_SENTENCES else None


def _slack(width: int, loose: bool) -> int:
    """How far short of the width a wrapped line may end: a word's length in a monospaced dump,
    more in a PDF's text, whose letters are of different widths."""
    return width // 5 if loose else 12


def _unwrapped(numbered: list, width: int, loose: bool, stands_alone: Callable[[str], bool],
               ends_alone: Callable[[str], bool]) -> list:
    """Each wrapped paragraph joined into its first line: a line is continued by the next when
    the next one's first word would not have fitted after it. A picture's caption printed right
    under a paragraph, no blank line between, is joined on its own: the sentence that starts a
    line there and runs to the blank line is chrome as a whole ("Swimmers crowd the pool on the
    last weekend of" / "August 2024. (Dev Anand/Courier)")."""
    out: list = []
    words = cache(lambda: _words_of(numbered))  # (only if a line ends with a broken word)
    physical = ""  # the last line read as the tool wrote it (out's last may be several joined)
    caption_end = -1  # while a caption is read: the index of its last line
    lines_in_last = 0  # how many of the tool's lines out's last holds
    for at, (n, line) in enumerate(numbered):
        if at <= caption_end:
            out[-1] = (out[-1][0], out[-1][1].rstrip() + " " + line.strip())
        elif out and (caption_end := _caption_end(numbered, at, physical, stands_alone)) >= at:
            out.append((n, line))
            lines_in_last = 0
        elif (out and _continues(physical, line, width, loose) and (not stands_alone(line) or _caption_ends(
                out[-1][1], line, lines_in_last, stands_alone))
                and not ends_alone(LYNX_MARK.sub("", physical)) and not _row_ends(physical, line)):
            before = out[-1][1].rstrip()
            # A word and its hyphen at the end of the line go on with the next word: a compound
            # the tool broke at its hyphen ("Whitlock-" / "Baird", "anti-" / "EU"); a dash has a
            # space before it ("the fares -" / "up 20%") and keeps the space after it.
            joiner = " "
            if _broken_word(before, line):
                joiner = "" if _hyphen_of_the_word(before, line, words()) else "-"
                before = before[:-1]
            out[-1] = (out[-1][0], before + joiner + line.strip())
        else:
            out.append((n, line))
            lines_in_last = 0
        lines_in_last += 1
        physical = line
    return out


def _hyphen_of_the_word(before: str, line: str, words: set[str]) -> bool:
    """Whether the hyphen at the end of ``before`` is one a printed page adds where it breaks a
    word ("coun-" / "cil"), not a compound's ("Whitlock-" / "Baird", "re-" / "elected"): when
    the capture has the word whole elsewhere ("council") and never with the hyphen. Without a
    dictionary, a word written once keeps its hyphen: "ac-cording" reads; "re-elected" made
    "reelected" would alter the text."""
    first, second = WORD_AT_END.search(before[:-1]), WORD_AT_START.match(line.lstrip())
    if first is None or second is None or first.group().lower() in PREFIXES:
        return False  # ("re-" / "sign": "re-sign" or "resign", a prefix's hyphen may be the word's)
    whole, hyphenated = (first.group() + second.group()).lower(), f"{first.group()}-{second.group()}".lower()
    return whole in words and hyphenated not in words


# Prefixes written with a hyphen before some words and without it before others.
PREFIXES = frozenset({"re", "pre", "co", "de", "ex", "non", "anti", "un", "sub", "self", "semi", "multi", "post",
                      "pro", "over", "under", "inter", "mid", "mini", "micro", "bi", "tri", "out", "up", "cross",
                      "counter", "neo", "pan", "vice", "extra", "ultra", "all", "well"})
WORD_AT_END = re.compile(r"[^\W\d_]+$")
WORD_AT_START = re.compile(r"[^\W\d_]+")
WORD_OR_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _words_of(numbered: list) -> set[str]:
    """The capture's words, and its compounds whole, in lower case."""
    return {word.lower() for _, line in numbered for word in WORD_OR_COMPOUND.findall(line)}


def _caption_ends(before: str, line: str, lines_before: int, stands_alone: Callable[[str], bool]) -> bool:
    """Whether ``line``, chrome on its own, is the end of a caption a tool wrapped, a paragraph
    of its own ("Students plant plugs Graduate students plant prairie dropseed on the" / "east
    lawn. (Photo by Lionel Brassard/Hollin Ridge University)"): joined, the caption is chrome as a
    whole, never half of it left in the body. Not a story's paragraph of more lines."""
    joined = before.rstrip() + " " + line.strip()
    return lines_before < MAX_CAPTION_LINES - 1 and not stands_alone(before) and stands_alone(joined)


def _row_ends(before: str, line: str) -> bool:
    """A row of links only ("[1]Ridgeway Post [2]News [3]Subscribe") is wrapped onto a line
    starting with a link, if at all: a line of text under it ("You have 2 free articles left.")
    is the page's next line, though its first word would not have fitted after the row."""
    return _link_row(LYNX_MARK.split(before)) is not None and not LYNX_MARK.match(line.strip())


def _caption_end(numbered: list, at: int, before: str, stands_alone: Callable[[str], bool]) -> int:
    """The index of the last line of a caption starting at ``at`` under the paragraph line
    ``before`` (or under a line of chrome: a gallery's "1 of 5"), -1 when there is none: a new
    sentence there whose lines, to the blank line under them, stand alone when joined."""
    if (not before.strip() or before.rstrip()[-1] not in SENTENCE_END and not stands_alone(before)
            or not numbered[at][1].lstrip()[:1].isupper()):
        return -1
    end = at
    while end + 1 < len(numbered) and numbered[end + 1][1].strip():
        end += 1
        if end - at == MAX_CAPTION_LINES:
            return -1  # (the rest of a paragraph, too long for a caption)
    joined = " ".join(line.strip() for _, line in numbered[at:end + 1])
    return end if end > at and stands_alone(joined) else -1


def _continues(before: str, line: str, width: int, loose: bool) -> bool:
    """Whether ``line`` goes on with the paragraph of the line ``before`` it."""
    if not before.strip() or not line.strip() or LIST_ITEM.match(line):
        return False
    if MD_FENCED_DIV.fullmatch(before) or MD_FENCED_DIV.fullmatch(line):
        return False  # (pandoc's fences stand on lines of their own, around the paragraphs)
    if FORM_FIELD.match(line.strip()):
        return False  # (a sign-up form's field under its pitch: "____________ Subscribe")
    if len(line) - len(line.lstrip(" ")) < len(before) - len(before.lstrip(" ")):
        return False  # (a paragraph's lines keep its indentation; a reply's may hang deeper)
    length = len(before.rstrip())
    if length > width + 2:
        return False  # longer than the tool wraps at: not wrapped by it (a row of links, a title)
    if _broken_word(before, line):
        # (a word that did not fit, broken at a hyphen the tool added, "coun-" / "cil": its
        # second part alone would have fitted)
        return length >= width - _slack(width, loose)
    return length + 1 + len(line.split()[0]) > width - (_slack(width, loose) if loose else 2)


def _broken_word(before: str, line: str) -> bool:
    """Whether ``before`` ends with a word and a hyphen that ``line`` goes on with."""
    before = before.rstrip()
    return before.endswith("-") and before[-2:-1].isalpha() and line.lstrip()[:1].isalpha()
