"""One capture -> an Analysis: everything the bundle and the report need, computed purely.

The pipeline reads top to bottom: decode, find the outlet (for its chrome rules), split the
lines into roles, read the header, find people and quotes, annotate the body, read comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import metadata as meta
from .annotate import body_spans, line_spans, lines_as_read, render_body
from .comments import Comment, all_lines, dated_buttons, parse_comments
from .dumps import undo_tool_marks
from .metadata import Reporter
from .markdown import SECTION_BREAK
from .names import Matcher, slugify
from .people import Person, find_cast
from .quotes import Quote, find_quotes
from .registry import Registries
from .rules import Rules, generic_rules, is_chrome, line_matches
from .segment import (BODY, CHROME, COMMENT, HEADING, TITLE, Segments, decode, is_byline, is_lede, is_menu_row, repeated_copy,
                      segment, split_lines)
from .textutil import (MIN_PULL_QUOTE_CHARS, WEB_ADDRESS, Line, sentences, with_english_quotation_marks,
                       without_invisible, words_of)
from .webarchive import replay_toolbar
from .topics import find_topics

LEDE_WINDOW = 15              # body lines (bylines, dates, captions) searched for the lede
DATELINE_WINDOW = 40          # ... and for a dateline's, when none of those is a paragraph
HEADER_WORDS = 12             # a byline or date line under a standfirst has at most this many words


class NoArticle(ValueError):
    """The capture has no article text (empty, or only site chrome)."""


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What a saved HTML page declares about itself (all optional)."""
    title: str | None = None
    date: str | None = None
    site: str | None = None
    author: str | None = None
    title_at: int | None = None  # where the headline stood among the lines (taken out of them)
    # The headings under the headline (a saved page's <h2> to <h6>, a Markdown capture's "## "):
    # (text, level); a body line of such a text is a heading on the archive's page.
    crossheads: tuple[tuple[str, int], ...] = ()
    blockquotes: tuple[int, ...] = ()  # the numbers of the lines of block quotes (a Markdown capture's "> ")
    questions: tuple[int, ...] = ()  # ... and of an interview's questions in bold (a Markdown capture's "**Q: …?**")
    # Blocks of code (a saved page's <pre>): (the number of the line standing for it, its text as
    # written). Kept in the body as a fenced block, as it is; the recognisers do not read it.
    code: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    name: str | None
    site: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class Analysis:
    title: str
    title_derived: bool
    date: str | None
    date_origin: str | None
    dateline: str | None
    source: Source
    reporters: tuple[Reporter, ...]
    people: tuple[Person, ...]
    topics: tuple[str, ...]
    summary: str | None
    body: str
    comments: tuple[Comment, ...]
    reported_count: int | None
    quotes: tuple[Quote, ...]
    segments: Segments
    unknown: tuple[str, ...]                      # people and reporters not in the registry
    notes: tuple[tuple[int | None, str], ...]     # (line, message) needing an editor's attention
    hints: tuple[tuple[int, str], ...]            # relative date words, never used as the date
    # What a page-to-text tool had added and was taken off (see dumps.py); and then, for each
    # line read (``segments.lines``), the capture's line it starts on: lines are numbered so.
    undone: tuple[str, ...] = ()
    origin: tuple[int, ...] = ()
    language: str | None = None  # the story's language tag, when it is one the rules know and tag

    def capture_line(self, number: int | None) -> int | None:
        """The capture's line where line ``number`` of the text read starts."""
        return self.origin[number - 1] if number and self.origin else number


# No-break spaces (and the narrow and figure ones) read as spaces.
NO_BREAK_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007"), " ")


def analyse_text(raw: bytes, url: str | None, registries: Registries,
                 encoding: str = "utf-8") -> Analysis:
    """Analyse a plain-text capture. Raises DecodeError or NoArticle."""
    rules = generic_rules()
    unmarked = undo_tool_marks(split_lines(decode(raw, encoding)),
                               stands_alone=lambda line: is_chrome(rules, line),
                               # (nor is a menu run together on one line joined to the line under it:
                               # "Northgate Unit Investigations Data About Donate" / "Neglected: an investigation")
                               ends_alone=lambda line: _comment_header(line, rules) or is_menu_row(line.strip()))
    declared = unmarked.declared  # (a clipper's front matter)
    page = PageMeta(title=unmarked.headline, date=declared.get("date"), site=declared.get("site"),
                    author=declared.get("author"), title_at=unmarked.headline_at, crossheads=unmarked.crossheads,
                    blockquotes=unmarked.blockquotes, questions=unmarked.questions)
    analysis = analyse_lines(unmarked.lines, url or declared.get("url"), registries, page)
    return replace(analysis, undone=unmarked.undone, origin=unmarked.origin) if unmarked.undone else analysis


def analyse_lines(lines: tuple[str, ...], url: str | None, registries: Registries,
                  page: PageMeta, comment_lines: tuple[str, ...] = ()) -> Analysis:
    # (the text as a reader sees it: characters that cut names and words in two are left out;
    # the capture keeps them, and `sitegen check` reads it so too)
    lines, comment_lines = tuple(map(without_invisible, lines)), tuple(map(without_invisible, comment_lines))
    page = replace(page, title=page.title and without_invisible(page.title),
                   site=page.site and without_invisible(page.site),
                   author=page.author and without_invisible(page.author),
                   crossheads=tuple((without_invisible(text), level) for text, level in page.crossheads))
    replay = replay_toolbar(lines)  # a page copied from the Wayback Machine names its address
    url = url or (replay.original_url if replay and WEB_ADDRESS.fullmatch(replay.original_url) else None)
    probe = _probe_dateline(lines, generic_rules())
    publisher = registries.source_for(meta.url_host(url), probe.site if probe else page.site)
    rules = generic_rules().with_chrome(publisher.chrome) if publisher else generic_rules()
    # (a line opened by "Von" or "Door" is a German or Dutch byline, or an English headline in
    # title case: the language of the capture's sentences tells which, before the headline is looked for)
    rules = rules.written_in(meta.language_for_bylines(lines, rules))
    # (a web archive's toolbar, or an e-mail's headers and the mail program's line over them, are
    # above the page: chrome)
    email = _email_headers(lines)
    above_page = max(replay.toolbar_end if replay else 0, email[1] if email else 0)
    # (what the lines are, read with their no-break spaces as spaces: a date line "May 4, 2025"
    # written with one was the headline; the body keeps them)
    spaced = tuple(line.translate(NO_BREAK_SPACES) for line in lines)
    segments = replace(segment(spaced, rules, find_title=page.title is None, toolbar_end=above_page,
                               title_at=page.title_at), lines=lines)
    code = dict(page.code)
    body = [Line(n, lines[n - 1]) for n in segments.numbers(BODY) if n not in code]
    spaced_body = [Line(line.number, spaced[line.number - 1]) for line in body]
    quoted = set(segments.numbers(BODY)) & set(page.blockquotes)  # (see PageMeta.blockquotes)
    if not body:
        raise NoArticle(_no_article_message(segments))
    english = meta.written_in_english(body)
    if english:
        rules = rules.in_english()  # ("the fiscal year": no Spanish prosecutor)
    lede_index = _lede_index(body, rules)
    lede_line = body[lede_index].text.strip()  # (a text browser's margin before it)
    spaced_lede = spaced_body[lede_index].text.strip()  # (see `spaced`: as long as lede_line)
    dateline = meta.find_dateline(spaced_lede, rules)
    if dateline and _speakers_label(lede_line, dateline, [line.text.strip() for line in body]):
        dateline = None
    dateline = dateline or meta.place_and_full_stop(
        lede_line, {line.strip() for line in lines[:body[lede_index].number - 1]}, rules)
    # (or the lede opens with its date and a dash, and no place: "Friday, 14 March 2025 — ...")
    story_start = dateline.end if dateline else meta.date_before_dash(spaced_lede, rules) or 0
    lede = lede_line[story_start:]
    title_lines = segments.numbers(TITLE)  # (a headline wrapped over two lines: both)
    title = page.title or (meta.without_domain(" ".join(lines[n - 1].strip() for n in title_lines))
                           if title_lines else None)
    title = title and meta.without_live_badge(title)  # ("LIVE: Storm Dara batters the coast")
    # (a newsletter with no headline over its stories: its subject, which the report marks as
    # not the capture's headline, as a title derived from the lede is)
    subject = None if title else _email_subject(email[0] if email else {})
    reporters = _reporters(body, page, rules, english) or _tagline_writer(body, lede_index, rules)
    # (the dateline may carry the date: "BRANTFIELD, Mass., March 3, 2025 /PRWire Global/ --")
    in_dateline = [Line(body[lede_index].number, spaced_lede[:story_start])] if story_start else []
    date, origin = _date(url, page, spaced_body[:lede_index] + in_dateline, spaced_body, rules,
                         email[0] if email else {})
    # The byline and date lines above the story are read into the front matter; left in the
    # body too, the page would show them twice.
    header = _byline_and_date_lines(spaced_body[:lede_index], reporters, rules)
    furniture = {n for n in segments.numbers(CHROME) if not SECTION_BREAK.fullmatch(lines[n - 1])}
    credits = (header | _date_stamps(body[lede_index + 1:], rules) | _author_box(body, lede_index, header, reporters, rules)
               | _page_titles(body, title, furniture) | _credits_below(body[lede_index + 1:], reporters, rules)
               | _notes_set_apart(body[lede_index + 1:], rules)
               | _pull_quotes(body, rules, quoted))
    credits |= _writers_bio(body[lede_index + 1:], credits, reporters)
    # (a live blog's entries keep the names that sign them, though they are the reporters': under
    # each entry's time, they say who wrote which; see meta.live_entry_writers)
    credits -= {line.number for line in meta.live_entry_writers(body, rules)}
    lede_number = body[lede_index].number
    body = [line for line in body if line.number not in credits]
    breaks = _section_breaks(lines, segments, body, lede_number)
    # The same lines, for the recognisers (a quote wrapped over lines as one line).
    headings = _heading_levels(body, page.crossheads)
    read_lines = lines_as_read(body, headings, quoted)
    read = with_english_quotation_marks([read_line.line for read_line in read_lines])
    cast = find_cast(read, registries.people, _reporter_slugs(reporters, registries), rules,
                     dateline.place if dateline else None)
    quotes = find_quotes(read, cast, rules)
    comments, reported = _comments(segments, comment_lines, rules)
    segments = _with_role(_with_role(_unclaimed_as_chrome(segments, comments), credits, CHROME), breaks | set(code), BODY)
    site = (dateline.site if dateline else None) or page.site
    sentences = meta.sentence_words(body)  # (read once, for the language and for its tag)
    language = meta.language_of(sentences, rules)
    return Analysis(
        title=title or subject or meta.derive_title(lede),
        title_derived=title is None,
        date=date, date_origin=origin,
        dateline=dateline.place if dateline else None,
        source=Source(publisher.name if publisher else None, site, url),
        reporters=tuple(reporters),
        people=cast.people,
        topics=tuple(find_topics("\n".join([title or ""] + [b.text for b in body]),
                                 registries.topics)),
        summary=meta.summary_of(lede),
        body=render_body(sorted(body + [Line(n, lines[n - 1]) for n in breaks | set(code)], key=lambda line: line.number),
                         line_spans(read_lines, body_spans(cast, quotes)), headings, quoted, breaks, code,
                         set(segments.numbers(BODY)) & set(page.questions)),
        comments=comments, reported_count=reported,
        quotes=quotes, segments=segments,
        unknown=_unknown(cast, reporters, registries),
        notes=_copy_note(lines) + _language_note(language, rules) + tuple(cast.notes) + _quote_notes(quotes),
        hints=tuple(meta.date_hints(body, rules)),
        language=_language_tag(sentences, language, rules),
    )


def _copy_note(lines: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    """A capture copied twice (see segment.repeated_copy): where its second copy starts, which
    is left out of the body as chrome."""
    copy = repeated_copy(lines)
    if not copy:
        return ()
    return ((copy[0] + 1, f"the capture holds its text twice: lines {copy[0] + 1}-{copy[-1] + 1} repeat the"
                          " lines above them, and are left out"),)


def _quote_notes(quotes: tuple[Quote, ...]) -> tuple[tuple[int, str], ...]:
    """The quotes that only a pronoun attributes and that were given no one, though the rules
    for "she said" would have given them someone (quotes.py, _whom_it_can_be): an editor knows who."""
    return tuple((quote.line, f"quote left without a speaker: {quote.doubt}") for quote in quotes if quote.doubt)


def _language_tag(sentences: list[list[str]], language: str | None, rules: Rules) -> str | None:
    """The tag of the story's language for its front matter, published in its pages' lang:
    only when most of its lines of sentences read as that language too, not only most of its
    words. A story in two languages paragraph by paragraph, or an English one giving a long
    statement in French, is left to the editor (no tag: the site's language)."""
    tag = dict(rules.language_tags).get(language)
    if tag is None:
        return None
    by_line = meta.lines_in_language(sentences, rules)
    return tag if by_line[language] * 2 > sum(by_line.values()) else None


def _language_note(language: str | None, rules: Rules) -> tuple[tuple[None, str], ...]:
    """A note for a story in a language the rules are not written for (Dutch, Swedish ...):
    its people, quotes and dates were looked for with other languages' words."""
    if language is None or not rules.languages or language in rules.languages:
        return ()  # (rules that name no languages of their own say nothing of any)
    known = rules.languages
    known_list = ", ".join(known[:-1]) + " and " + known[-1] if len(known) > 1 else "".join(known)
    return ((None, f"the text reads as {language}, which the import rules do not know (they know "
                   f"{known_list}): check its people, quotes, dates and comments by hand"),)


def _section_breaks(lines: tuple[str, ...], segments: Segments, body: list[Line], lede_number: int) -> set[int]:
    """Numbers of the section breaks inside the story ("---", "* * *", "⁂" between two of its
    paragraphs after the lede, a blank line above and below), which segmenting made chrome, as
    it does every rule of a page's furniture: kept in the body, as Markdown's rule."""
    in_body = {line.number for line in body}
    found = set()
    for n in segments.numbers(CHROME):
        if n <= lede_number or not SECTION_BREAK.fullmatch(lines[n - 1]):
            continue
        above = next((m for m in range(n - 1, 0, -1) if lines[m - 1].strip()), None)
        below = next((m for m in range(n + 1, len(lines) + 1) if lines[m - 1].strip()), None)
        # (apart from both, by blank lines: "---" right under a line underlines a heading)
        if above in in_body and below in in_body and above < n - 1 and below > n + 1:
            found.add(n)
    return found


def _comment_header(line: str, rules: Rules) -> bool:
    """A line naming a comment's author and its date ("• Pat Gallardo 4 hours ago"): what is
    under it is the comment's text, never more of the header, however a tool wrapped it."""
    author = line_matches(rules.comment_author, line)
    return bool(author and author.groupdict().get("date"))


def _byline_and_date_lines(header: list[Line], reporters: list[Reporter], rules: Rules) -> set[int]:
    """Numbers of the lines before the lede that are a byline ("By Jane Roe", a reporter's name
    alone, the writer's job or outlet under it: "Senior Reporter"), say when the article was
    published ("Published March 6, 2024 at 9:05 AM", or relative to the day of the copy: "5 hours
    ago", "Today at 11:45") or how long it reads ("5–6 minutes"). The
    reporters' names alone, joined ("Priya Natarajan and Owen Castillo" over "Sentinel Staff
    Writers"), or with their job after them ("... / Sentinel Staff Writers"), are a byline too."""
    names = {reporter.name.lower() for reporter in reporters}
    # (a line of names alone that gave a reporter is a byline though the name lost the place run
    # on after it: "Agustín Larrañeta Ribalta" over the date, of a story from Ribalta)
    named_on = {reporter.line for reporter in reporters}
    found: set[int] = set()
    for index, line in enumerate(header):
        text = line.text.strip()
        after_byline = index > 0 and header[index - 1].number in found and meta.is_byline_line(
            header[index - 1].text, rules)
        below = header[index + 1].text if index + 1 < len(header) else None
        if (meta.byline_names(text, rules) or text.lower() in names or meta.dates(text, rules)
                or meta.READING_TIME.fullmatch(text) or meta.RELATIVE_STAMP.fullmatch(text)
                or meta.STAFF_CREDIT.fullmatch(text) or after_byline and meta.is_writers_credit(text, below, rules)
                or _name_and_job(text, names) or _reporters_alone(text, names, rules)
                or line.number in named_on and meta.only_names(text, rules)):
            found.add(line.number)
    return found


def _reporters_alone(text: str, names: set[str], rules: Rules) -> bool:
    """A line of two reporters' names or more and nothing else ("A, B and C"), or of the
    reporters' names and their job ("A and B / Sentinel Staff Writers")."""
    alone = meta.only_names(text, rules)
    if len(alone) > 1 and all(name.lower() in names for name in alone):
        return True
    credited = meta.writers_with_job(text, rules)
    return bool(credited) and all(name.lower() in names for name in credited)


def _name_and_job(text: str, names: set[str]) -> bool:
    """A reporter's name with the job after it, in capitals, as an AMP page's byline runs them
    together ("Rhiannon Tal-Evans Local Democracy Reporter"), or with a slash, a bar or a dash
    between them ("Priya Natarajan / Sentinel Staff Writer")."""
    return any(text.lower().startswith(name + " ") and meta.WRITER_JOB_AT.fullmatch(
        text[len(name):].strip().lstrip("–—-|/·").strip())
               for name in names)


# A note on the writer under the story: a name, then what the writer covers
# (or what the writer is: "Anouk Trevelyan-Mbeki is a photographer based in Bramblecote.", "Jane
# Roe is Political Editor of The Standard.", an op-ed's "Dana Finch is a professor of ... at ...",
# "John Smith and Mary Jones are staff writers for the Sun-Courier.")
WRITER_NOTE = re.compile(r"(?:\S+ ){1,8}(?:(?:covers|writes about|reports on) \S.{0,200}|(?:is|are) (?:an? |the |our )?"
                         r"[^.]{0,40}?\b(?i:photographer|photojournalist|reporter|writer|journalist|editor|correspondent"
                         r"|illustrator|filmmaker|columnist|contributor|professor|lecturer|author|fellow|researcher)s?\b"
                         r".{0,300})[.!]$")


# A live blog's entry: its time on a line of its own, its byline at most this many lines below.
ENTRY_TIME = re.compile(r"\d{1,2}[:.h]\d{2}(?: ?[ap]\.?m\.?)?", re.IGNORECASE)
ENTRY_LINES = 4


def _author_box(body: list[Line], lede_index: int, header: set[int], reporters: list[Reporter],
                rules: Rules) -> set[int]:
    """Numbers of the lines of the writer's box under the story: the byline again, word for word
    ("Zara Mbeki, Staff Reporter") or naming only the story's writers ("Written by Zara Mbeki"),
    and the line right under it when it opens with a reporter's name ("Zara Mbeki is a junior and
    in her second year on the staff."); and a line saying what a reporter covers or is ("Amos
    Whitfield-Beck covers agriculture for KMPR from our bureau.")."""
    bylines = {line.text.strip() for line in body[:lede_index]
               if line.number in header and meta.is_byline_line(line.text, rules)}
    names = tuple(reporter.name for reporter in reporters)
    found: set[int] = set()
    credits = []  # (the index of each byline under the story)
    for index in range(lede_index + 1, len(body)):
        note = _signed_off(body[index].text)
        if names and WRITER_NOTE.match(note) and _opens_with_one_of(note, names):
            found.add(body[index].number)  # "Amos Whitfield-Beck covers agriculture for KMPR from our bureau."
        credit = meta.byline_names(note, rules) if names else []
        # (or a byline naming only the story's writers in other words: "Written by Esmé Varga",
        # a blogging platform's box under the post, over the byline "Esmé Varga")
        if note in bylines or credit and all(name in names for name in credit):
            credits.append(index)
    # A writer's box is one, at the end; bylines under a live blog's entries, each under its time
    # ("14:52" / "Ferries cancelled" / ... / "Posted by Fergus Drummond"), are the entries' own:
    # they stay, saying who wrote which.
    entries = any(ENTRY_TIME.fullmatch(body[j].text.strip()) for index in credits
                  for j in range(max(lede_index, index - ENTRY_LINES), index))
    for index in credits if not entries else ():
        found.add(body[index].number)
        below = body[index + 1] if index + 1 < len(body) else None
        if below is not None and names and _opens_with_one_of(below.text, names):
            found.add(below.number)
    return found


# What the writer's note under the story says right after the writer's name, whatever the job
# is called ("Harriet Quenneville-Ash is a retired schoolteacher ...", "... is chair of the
# Pellham Historical Society.", "... writes on gardening ...", "... lives in Pellham.")
BIO_AFTER_NAME = re.compile(r" (?:is (?:an?|the) |is [^.,]{1,60}? (?:at|of|for) |(?:writes|covers|lives in) )\S")


def _writers_bio(lines: list[Line], credits: set[int], reporters: list[Reporter]) -> set[int]:
    """The number of the story's last paragraph (``lines``: the body under the lede, less the
    ``credits`` found under it) when it is the note on its writer: it opens with a reporter's
    name, whole, and says what the writer is, writes, covers or where she lives. Only the last:
    a paragraph above it opening so is the story's, as is a last one on someone else."""
    story = [line for line in lines if line.number not in credits]
    if not story:
        return set()
    note = _signed_off(story[-1].text)
    names = tuple(reporter.name for reporter in reporters)
    opens = any(note.startswith(name) and BIO_AFTER_NAME.match(note, len(name)) for name in names)
    return {story[-1].number} if opens and note.endswith(".") else set()


def _opens_with_one_of(text: str, names: tuple[str, ...]) -> bool:
    """Whether the text opens with one of the names, whole ("Ann Lee is ...", not "Ann Leeming")."""
    text = text.strip()
    return any(text.startswith(name) and not text[len(name):len(name) + 1].isalnum() for name in names)


# What follows the headline in a page's title: a separator and the site's name, a few words.
_SITE_SUFFIX = re.compile(r"\s+[-–—|·:]\s+(?:\S+\s?){1,6}")


def _page_titles(lines: list[Line], title: str | None, chrome: set[int]) -> set[int]:
    """Numbers of the lines that are the page's title, the headline and the site's name
    ("Harbour wall to be rebuilt - The Quay Courier"), as converters and printed pages give it
    above the page: furniture, not the story. And the headline alone again as the last line,
    right under a line of furniture (a box under the story: "Share this article:" over it);
    ``chrome``: the numbers of the capture's lines of furniture."""
    head = (title or "").strip()
    if not head:
        return set()
    found = set()
    for line in lines:
        text = line.text.strip()
        # (the headline's own length in the line: lower() may change a string's length)
        if text[:len(head)].lower() == head.lower() and _SITE_SUFFIX.fullmatch(text[len(head):]):
            found.add(line.number)
    if lines and lines[-1].text.strip() == head and lines[-1].number - 1 in chrome:
        found.add(lines[-1].number)
    return found


def _credits_below(lines: list[Line], reporters: list[Reporter], rules: Rules) -> set[int]:
    """Numbers of the lines below the lede that credit the writers as a wire story's end does
    ("Reporting by A and B in Chicago; Editing by C", "Associated Press writer A in Leeds
    contributed to this report."): bylines that the chrome rules know, and lines of nothing but
    credits that named a reporter. They name the reporters (read before this) and are not the
    story: in the body, the writers would be annotated as people the story names. (Segmenting
    keeps every byline out of the chrome, since above the story one may look like a row of
    links.)"""
    credited = {reporter.line for reporter in reporters}
    # (a credit naming the byline's writers again is one too: "A reported from Quillhaven; B ...",
    # also by the family name alone, as wire stories write it: "Fortescue-Lyle reported from Denver.")
    names = tuple(reporter.name for reporter in reporters) + tuple(
        reporter.name.split()[-1] for reporter in reporters if len(reporter.name.split()) > 1)
    return {line.number for line in lines
            if is_byline(credit := _signed_off(line.text), rules) and is_chrome(rules, credit)
            or (line.number in credited or _opens_with_one_of(credit, names)) and _only_contributions(credit)}


def _notes_set_apart(lines: list[Line], rules: Rules) -> set[int]:
    """Numbers of the lines below the lede that are the writer's note in italics or after a
    dash ("_Nadia Ferreira-Holm is the Herald's education reporter._"), which the chrome rules
    know without the marks: the same note, with a byline over the story or without one."""
    return {line.number for line in lines
            if (note := _signed_off(line.text)) != line.text.strip() and WRITER_NOTE.match(note) and is_chrome(rules, note)}


# The dash an essay's or a wire story's last line may open with, setting the writer's note or the
# credits apart from the story: "— Mirabel Quayle-Sutton is a writer in Halifax.", "— Reporting by
# A; editing by B". (A space after it: Spanish dialogue opens "—Es un desastre".)
SIGN_OFF = re.compile(r"^(?:—|–|--)[ \u00a0]+(?=\S)")
# ... or the italics or bold it may be set in instead, the whole line ("*Mirabel Quayle-Sutton is a
# writer in Halifax.*", as a capture keeps Markdown's marks)
SET_APART = re.compile(r"(?P<mark>\*{1,2}|_{1,2})(?=\S)(?P<words>[^*_]+?)(?<=\S)(?P=mark)")


def _signed_off(text: str) -> str:
    """A line under the story as the note or credit it sets apart says it: without the dash it
    opens with, or the emphasis marks around it."""
    text = text.strip()
    apart = SET_APART.fullmatch(text)
    return SIGN_OFF.sub("", apart.group("words").strip() if apart else text)


# A sentence that says who contributed to the story: "Kofi Mensah in Leeds contributed to this
# report.", "Staff writers A and B contributed reporting.", "C contributed from Paris."
# (or several between semicolons, and "reported from": "A reported from Quillhaven; B reported
# from Ostervale.")
_CREDIT = (r"[^\"“”;]{3,250}?[ \u00a0](?:contributed(?:[ \u00a0]+reporting)?(?:[ \u00a0]+to[ \u00a0]+this"
           r"[ \u00a0]+(?:report|story|article)|[ \u00a0]+from[ \u00a0]+[^.;\"“”]{1,60})?"
           r"|reported[ \u00a0]+from[ \u00a0]+[^.;\"“”]{1,60})")
CONTRIBUTION = re.compile(rf"{_CREDIT}(?:;[ \u00a0]+{_CREDIT})*\.")


def _only_contributions(text: str) -> bool:
    """Whether every sentence of the line is a contributor's credit (not "The mayor resigned.
    Ann Roe contributed to this report.", whose first sentence is the story's)."""
    return all(CONTRIBUTION.fullmatch(sentence) for sentence in sentences(text.strip()))


BLOCKQUOTE = re.compile(r"\s*>")


def _pull_quotes(lines: list[Line], rules: Rules, in_block_quotes: set[int] = frozenset()) -> set[int]:
    """Numbers of the lines of a pull quote: a block of quoted lines (a Markdown capture's "> ",
    taken off and said in ``in_block_quotes``, as Markdown keeps a page's <blockquote>) whose
    words the story says elsewhere, with the speaker's name under them ("> --- Kaspar Nilsen,
    trails supervisor"). A quoted passage the story does not repeat (a letter, a statement)
    stays."""
    blocks: list[list[Line]] = []
    previous_quoted = False
    for line in lines:
        quoted = BLOCKQUOTE.match(line.text) is not None or line.number in in_block_quotes
        if quoted and previous_quoted:
            blocks[-1].append(line)
        elif quoted:
            blocks.append([line])
        previous_quoted = quoted
    story = f" {words_of(' '.join(line.text for line in lines if not BLOCKQUOTE.match(line.text) and line.number not in in_block_quotes))} "
    found: set[int] = set()
    for block in blocks:
        quoted = [BLOCKQUOTE.sub("", line.text, count=1).strip() for line in block]
        said = words_of(" ".join(text for text in quoted if not text.startswith(("-", "—", "–"))))  # (the name)
        if len(said) >= MIN_PULL_QUOTE_CHARS and f" {said} " in story:
            found.update(line.number for line in block)
    return found | _unmarked_pull_quotes(lines, rules)


# The speaker's name under a pull quote: "— Hattie Lormer", "– Ana Ruiz, potter"
ATTRIBUTION = re.compile(r"\s*(?:—|–|--)\s*(?P<who>[^\W\d_][^,]{1,60}?)(?:,[^.]{1,80})?\s*")


def _unmarked_pull_quotes(lines: list[Line], rules: Rules) -> set[int]:
    """Numbers of the lines of a pull quote without quote marks, as a text browser or a printed
    page shows one: the speaker's name under a dash ("— Hattie Lormer") below lines whose words
    the story says elsewhere (the lines above it, as far up as that stays so). A passage the
    story does not repeat (an epigraph, a letter) stays, and so does its name."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        who = ATTRIBUTION.fullmatch(line.text)
        if not who or not meta.names_in(who.group("who"), rules):
            continue
        top = index
        while top > 0 and _said_elsewhere(lines, top - 1, index):
            top -= 1
        if top < index and len(words_of(" ".join(l.text for l in lines[top:index]))) >= MIN_PULL_QUOTE_CHARS:
            found.update(l.number for l in lines[top:index + 1])
    return found


def _said_elsewhere(lines: list[Line], start: int, end: int) -> bool:
    """The words of ``lines[start:end]`` stand in the story outside them."""
    said = words_of(" ".join(line.text for line in lines[start:end]))
    rest = words_of(" ".join(line.text for line in lines[:start] + lines[end + 1:]))
    return bool(said) and f" {said} " in f" {rest} "


def _date_stamps(lines: list[Line], rules: Rules) -> set[int]:
    """Numbers of the lines below the lede that only say when the article was published or
    updated ("First published on: 13-11-2024 at 21:40 IST"), as some pages print under it, or
    are a printed page's running head between its paragraphs ("THE HARBOR GAZETTE  •  Page 4  •
    Tuesday, October 14, 2025")."""
    return {line.number for line in lines
            if rules.published_line.match(line.text.strip()) and meta.says_when_published(line.text.strip(), rules)
            or meta.dated_row(line.text, rules)}


def _reporter_slugs(reporters: list[Reporter], registries: Registries) -> dict[str, str]:
    """Reporters' person slugs: their registry slug when the registry knows them."""
    matcher = Matcher(registries.people)
    slugs = {}
    for reporter in reporters:
        known = matcher.lookup(reporter.name)
        slugs[reporter.name] = next(iter(known)) if len(known) == 1 else slugify(reporter.name)
    return slugs


def _unknown(cast, reporters: list[Reporter], registries: Registries) -> tuple[str, ...]:
    known = {form.lower() for e in registries.people for form in (e.name, *e.aliases)}
    names = [p.name for p in cast.people if not p.known] + [r.name for r in reporters]
    return tuple(dict.fromkeys(n for n in names if n.lower() not in known))


def _probe_dateline(lines: tuple[str, ...], rules: Rules) -> meta.Dateline | None:
    """The dateline, looked for before chrome removal: its outlet decides the chrome rules."""
    texts = [line.strip() for line in lines if line.strip()]
    for text in texts[:15]:
        found = meta.find_dateline(text, rules)
        if found and not _speakers_label(text, found, texts):
            return found
    return None


def _speakers_label(text: str, dateline: meta.Dateline, texts: list[str]) -> bool:
    """A "PLACE:" dateline that opens two or more paragraphs is an interview's or a transcript's
    speaker ("SLB: What did you think the job would be?", "EQ: I thought it would be lonely."):
    a dateline opens one."""
    label = text[:dateline.end].rstrip()
    return label.endswith(":") and sum(other.startswith(label) for other in texts) >= 2


def _lede_index(body: list[Line], rules: Rules) -> int:
    """The first paragraph of the story: the dateline's line, else the first long line."""
    texts = [line.text.strip() for line in body]
    for index, line in enumerate(body[:LEDE_WINDOW]):
        if (found := meta.find_dateline(texts[index], rules)) and not _speakers_label(texts[index], found, texts):
            return index
    for index, line in enumerate(body[:LEDE_WINDOW]):
        if is_lede(line.text, rules):
            return _below_the_standfirst(body, index, rules)
    # A box of short lines between the header and the story (a court report's "Case at a glance":
    # "Case", "State v. Mott", "Judge", ...) may push the dateline's paragraph further down: it is
    # the lede when nothing above it reads as a paragraph.
    for index in range(LEDE_WINDOW, min(len(body), DATELINE_WINDOW)):
        if (found := meta.find_dateline(texts[index], rules)) and not _speakers_label(texts[index], found, texts):
            return index
        if is_lede(texts[index], rules):
            break
    # A story of short paragraphs only (a brief, a phone's copy, a language whose words are
    # long): the first line under the byline and date lines that ends a sentence, so that those
    # lines are read as the header and leave the body.
    top = 0
    while top < min(len(body), LEDE_WINDOW) and _header_line(texts[top], rules):
        top += 1
    if top and top < len(body) and texts[top].rstrip("\"”’')»")[-1:] in ".!?":
        return top
    return 0


def _below_the_standfirst(body: list[Line], index: int, rules: Rules) -> int:
    """A long summary right above the byline or date lines (a magazine's standfirst: "For two
    centuries, a hollow in the hills fired the stoneware ... Now three potters are trying to
    keep the fire lit.") is not the lede: the lede is the first long paragraph under those lines.
    (The summary stays in the body; the lines under it are read as the header.) Not when the
    byline or date stands above it: a live page's entries have their times under the intro."""
    end = min(len(body), LEDE_WINDOW)
    if any(_header_line(line.text.strip(), rules) for line in body[:index]):
        return index
    after = index + 1
    while after < end and (_header_line(body[after].text.strip(), rules) or after + 1 < end and meta.writers_above(
            body[after].text.strip(), body[after + 1].text.strip(), rules)):  # (a name alone over the date)
        after += 1
    if after == index + 1:
        return index
    return next((later for later in range(after, end) if is_lede(body[later].text, rules)), index)


def _header_line(text: str, rules: Rules) -> bool:
    """A short byline, date or reading-time line ("May 2025 Issue · Published April 22, 2025 ·
    14 min read", "By Jane Roe")."""
    return len(text.split()) <= HEADER_WORDS and bool(
        meta.dates(text, rules) or meta.byline_names(text, rules) or meta.READING_TIME.fullmatch(text))


def _reporters(body: list[Line], page: PageMeta, rules: Rules, english: bool) -> list[Reporter]:
    found = meta.find_reporters(body, rules, english)
    author = meta.without_byline_word(page.author, english)
    # (a page's author may be its byline that names no one: "Staff report")
    if not found and author and not meta.STAFF_CREDIT.fullmatch(author.strip()):
        # ("Noor Haddadin; Felix Amsel", "Rhiannon Pryce; Transport Correspondent")
        found = [Reporter(name, None, 0) for name in meta.names_in(author, rules) or [author]]
    return found


# A newsroom's tagline, one sentence: the writer's name, the beat and the outlet in capitals
# ("Nadia Ferreira-Holm covers schools and youth sports for the Herald.")
TAGLINE = re.compile(r"(?P<name>\S+(?: \S+){1,3}) covers [^.,;:]{3,80}? for (?:the )?"
                     r"[A-Z][\w'’&-]*(?: [A-Z][\w'’&-]*){0,4}\.")


def _tagline_writer(body: list[Line], lede_index: int, rules: Rules) -> list[Reporter]:
    """The writer a story with no byline names in the tagline that is its last line, plain or
    set apart ("_Nadia Ferreira-Holm covers schools ... for the Herald._"); read then as the
    reporter, the line leaves the body as the writer's note does. Not when the story names her
    above it: "covers ... for ..." may be what it says of someone it is about."""
    if len(body) <= lede_index + 1:
        return []
    tagline = TAGLINE.fullmatch(_signed_off(body[-1].text))
    name = tagline.group("name") if tagline else None
    if not name or meta.only_names(name, rules) != [name]:
        return []
    family_name = re.compile(rf"(?<![\w-]){re.escape(name.split()[-1])}(?![\w-])")
    if any(family_name.search(line.text) for line in body[:-1]):
        return []
    return [Reporter(name, None, body[-1].number)]


def _heading_levels(body: list[Line], crossheads: tuple[tuple[str, int], ...]) -> dict[int, int]:
    """The body lines that are the story's headings (line number -> level), each heading given
    to the first line of its text after the one before it ("### Ann Lee", later "## Ann Lee")."""
    levels: dict[str, list[int]] = {}
    for text, level in crossheads:
        levels.setdefault(text, []).append(level)
    return {line.number: levels[line.text.strip()].pop(0) for line in body if levels.get(line.text.strip())}


def _date(url, page, header, body, rules, email_headers: dict[str, str]) -> tuple[str | None, str | None]:
    """The article's date and where it came from; (None, None) rather than a guess."""
    if day := meta.url_date(url):
        # (the page's own date, or its text's, when it says the same day and its time too)
        if page.date and page.date.startswith(day + "T"):
            return page.date, "metadata"
        found = meta.text_date(header, body, rules)
        if found and found[0].startswith(day + "T"):
            return found[0], "text"
        return day, "url"
    if page.date:
        return page.date, "metadata"
    found = meta.text_date(header, body, rules)
    if found:
        return found[0], "text"
    sent = _email_sent(email_headers, rules)
    return (sent, "metadata") if sent else (None, None)


# A story saved from one's inbox, as a newsletter carried it: the e-mail's headers above it,
# forwarded or not ("From: Ridgeway Post <newsletter@...>", "Date: Thu, Oct 9, 2025 at 6:02
# AM", "Subject: ...", "To: ...").
EMAIL_HEADER = re.compile(r"(?P<key>from|date|sent|subject|to|cc|reply-to):[ \t]+(?P<value>\S.*)", re.IGNORECASE)
MAX_LINES_OVER_HEADERS = 1  # (a mail program's "---------- Forwarded message ---------")
MAX_NOTE_OVER_FORWARD = 2   # (the forwarder's note over that line: "Hi all, see below.")
FORWARDED = re.compile(r"-*[ \t]*(?:forwarded message|begin forwarded message:?|original message)[ \t]*-*", re.IGNORECASE)
MIN_EMAIL_HEADERS = 3


def _email_headers(lines: tuple[str, ...]) -> tuple[dict[str, str], int] | None:
    """The headers of the e-mail at the top of the capture, if they are there (not an e-mail
    that a story quotes), and the index of the line under them."""
    texts = [(n, line.strip()) for n, line in enumerate(lines) if line.strip()]
    forward = next((at for at, (_, text) in enumerate(texts[:MAX_NOTE_OVER_FORWARD + 1]) if FORWARDED.fullmatch(text)), None)
    above = MAX_LINES_OVER_HEADERS if forward is None else forward + 1
    first = next((at for at, (_, text) in enumerate(texts[:above + 1]) if EMAIL_HEADER.fullmatch(text)), None)
    if first is None:
        return None
    headers, end = {}, 0
    for n, text in texts[first:]:
        if not (match := EMAIL_HEADER.fullmatch(text)):
            break
        headers.setdefault(match.group("key").lower(), match.group("value"))
        end = n + 1
    if len(headers) < MIN_EMAIL_HEADERS or "from" not in headers:
        return None
    return headers, end


def _email_subject(headers: dict[str, str]) -> str | None:
    """The e-mail's subject, less a forward's or a reply's mark and a tag: the title of a
    newsletter whose text has no headline over its stories (rather than one derived from the
    first story). Not a subject that names no story: the sender's, an issue's or a day's
    ("Your daily briefing", "Newsletter #45", "The Quay Daily: Thursday, October 9"), nor one
    in lower case (a forwarder's note: "thought you'd want this for the archive")."""
    subject = SUBJECT_MARKS.sub("", headers.get("subject", "")).strip()
    sender = re.sub(r"[ \u00a0]*<[^>]*>", "", headers.get("from", "")).strip(' "')
    if (not subject or not subject[:1].isupper() or GENERIC_SUBJECT.search(subject)
            or sender and sender.lower() in subject.lower()):
        return None
    return subject


SUBJECT_MARKS = re.compile(r"^(?:(?:\[[^\]]{1,20}\]|(?:fwd?|re|aw|wg|tr|rv|rif|res|enc|sv|vs|r|i)[ \u00a0]*:)[ \u00a0]*)+",
                           re.IGNORECASE)
GENERIC_SUBJECT = re.compile(r"\b(?:newsletter|briefing|digest|roundup|round-up|edition|issue|bulletin|weekly|daily|"
                             r"mon|tues|wednes|thurs|fri|satur|sun)(?:day)?\b|#[ \u00a0]?\d|\b\d{1,2}[/.]\d{1,2}\b",
                             re.IGNORECASE)


def _email_sent(headers: dict[str, str], rules: Rules) -> str | None:
    """When the e-mail at the top of the capture was sent, by its headers (see _email_headers):
    its "Date:", or Outlook's "Sent:". A newsletter's story is published as it is sent."""
    sent = headers.get("date") or headers.get("sent")
    dated = meta.text_date([Line(0, sent)], [], rules) if sent else None
    return dated[0] if dated else None


def _comments(segments: Segments, extra: tuple[str, ...], rules: Rules):
    """The comment section of the capture, or the comments a page extractor found."""
    if extra:
        return _extracted_comments(extra, rules)
    # (from under the heading; comments with none over them start at their first line)
    heading, in_comments = segments.numbers(HEADING), segments.numbers(COMMENT)
    start = heading[0] + 1 if heading else in_comments[0] if in_comments else None
    if start is None:
        return (), None
    # (a commenter's picture, copied as its alternative text, "Avatar" over the name, is the
    # widget's: no author, no line of a comment; in the story, "Avatar" may be a film's title)
    numbered = [(n, segments.lines[n - 1] if segments.roles[n - 1] == COMMENT
                 and not AVATAR.fullmatch(segments.lines[n - 1])
                 else None if segments.roles[n - 1] in (CHROME, COMMENT) else "")
                for n in range(start, len(segments.lines) + 1)]
    # (a social widget's row of buttons under a comment holds its date: "Like · Reply · 1d")
    button_dates = {n: date for n, text in numbered if text is None
                    and (date := dated_buttons(segments.lines[n - 1], rules)) is not None}
    return parse_comments(numbered, rules, button_dates), segments.reported_count


AVATAR = re.compile(r"\s*avatar\s*", re.IGNORECASE)


def _with_role(segments: Segments, numbers: set[int], role: str) -> Segments:
    """The segments with the lines ``numbers`` given ``role`` (credits made chrome, section
    breaks back in the body)."""
    roles = tuple(role if n in numbers else was for n, was in enumerate(segments.roles, 1))
    return replace(segments, roles=roles) if roles != segments.roles else segments


def _unclaimed_as_chrome(segments: Segments, comments: tuple[Comment, ...]) -> Segments:
    """Comment-section lines that no comment took (a widget's title above the first comment)
    are chrome, so that every line still has exactly one role."""
    return _with_role(segments, set(segments.numbers(COMMENT)) - all_lines(comments), CHROME)


def _extracted_comments(lines: tuple[str, ...], rules: Rules):
    first = line_matches(rules.comments_heading, lines[0]) if lines else None
    count = first.groupdict().get("count") if first else None
    rest = lines[1:] if first else lines
    numbered = [(n, text) for n, text in enumerate(rest, 1)
                if not text.strip() or not is_chrome(rules, text)]
    return parse_comments(numbered, rules), int(count) if count else None


def _no_article_message(segments: Segments) -> str:
    if not segments.lines:
        return "empty file: no article text"
    dropped = len(segments.numbers("chrome"))
    return f"no article text ({len(segments.lines)} lines, {dropped} of them site chrome)"
