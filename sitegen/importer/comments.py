"""Reader comments, separated from the article: numbered items, replies, authors, sign-offs.

A numbered line ("  1. ...") starts a comment; a deeper-indented number under it is a reply.
"Name says:" (and the other `comment_author` rules) names the author and starts a comment, and so
does a short line right above a date ("JohnQ" over "2 hours ago", as comment widgets show) or a
name on its own line opening a paragraph. Other lines continue the comment above them, so
sign-offs stay with their comment. A section with none of these is read as one comment per
paragraph. Replies: deeper indentation, "A → B", "In reply to B.", or a comment that opens with
an earlier commenter's name ("@B ...").
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .rules import HANDLE, LIST_BULLET, Rules, is_chrome, line_matches, name_phrase
from .textutil import ROW_SEPARATOR, next_text

MAX_AUTHOR_WORDS = 5
# "1. Frank Ostrowski — Easy to say ...": a numbered comment that opens with its author.
DASHED = re.compile(r"(?P<name>[^—–]{1,60}?)[ \u00a0]+[—–][ \u00a0]+(?P<text>.+)")
SIGN_OFF = re.compile(r"[—–-][ \u00a0]*(?P<name>[^,—–]{1,50})(?:,[^,]{1,60})?")  # "— Paula Gershon, Tillman Falls"
REPLY_ARROW = re.compile(r"[ \u00a0]*(?:→|➜|➦|↪|↳|⤷|▶|»)[ \u00a0]*")
# A reply's marker with its first words after a colon, on one line: "In reply to GerM: It's ..."
REPLY_AND_TEXT = re.compile(r"(?:in reply to|replying to) @?(?P<to>[^:]{1,60}?): +(?P<text>\S.*)", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?:]\s*$")  # (an initial's full stop: "Ed K.")
# A province or state after a town: ", NS", ", Ill.", ", Ontario".
REGION = re.compile(r",[ \u00a0]+(?:[A-Z]{2,3}|[A-Z][a-z]{1,12}\.?)[ \u00a0]*$")
TOWN = r"[A-Z][\w'’.-]*(?:[ \u00a0]+[A-Z][\w'’.-]*){0,2}"  # "Ashby", "Little Ashby", "St. Albans"
# What a comment's date line says before the date ("Posted on", and "le" and "am" as French and
# German write "on": "le 8 avril 2025 à 09h12", "am 8. April 2025 um 09:12 Uhr").
DATE_PREFIX = re.compile(r"^(?:[•·][ \u00a0]*)?(?:(?:posted|published)(?: on)?[ \u00a0]+|(?-i:le|am)[ \u00a0]+)?",
                         re.IGNORECASE)
# The indent a "level" line stands for (see _Reader._depth): any step deeper makes a reply.
LEVEL_INDENT = 2
# Lines of badges and a member's details between a commenter's name and the date, at most.
MAX_BADGE_LINES = 5
# A comment's text may end without a full stop; a line this long is not a name or a badge.
MIN_UNSTOPPED_WORDS = 8
# The verbs of an author line that may instead open a quotation of an earlier comment.
QUOTE_VERB = re.compile(r"\b(?:wrote|writes|said|posted)\b", re.IGNORECASE)
NUMBER = re.compile(r"(?P<indent>\s*)(?P<number>\d{1,4})[.)]\s+(?P<rest>.*)")


@dataclass(frozen=True, slots=True)
class Comment:
    id: str
    author: str | None
    text: str
    date: str | None = None
    replies: tuple[Comment, ...] = ()
    lines: tuple[int, ...] = ()          # input line numbers this comment was read from


@dataclass(slots=True)
class _Draft:
    indent: int
    author: str | None = None
    date: str | None = None
    paragraphs: list[list[str]] = field(default_factory=list)
    replies: list[_Draft] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    open_paragraph: bool = False
    closed: bool = False  # its author's signature line has been read: what follows is another
    counted: bool = False  # placed under the comment above by a count line ("2 replies")

    def add_quote(self, text: str, number: int) -> None:
        """A line of a quotation of another comment (or of the article), kept as "> text"."""
        if not self.paragraphs or not self.paragraphs[-1] or not self.paragraphs[-1][0].startswith("> "):
            self.paragraphs.append([])
        self.paragraphs[-1].append("> " + text)
        self.open_paragraph = False
        self.lines.append(number)

    def add_text(self, text: str, number: int) -> None:
        if text.startswith("> "):  # the commenter's own quotation, as link aggregators mark them
            self.add_quote(text[2:], number)
            return
        if not self.open_paragraph or not self.paragraphs:
            self.paragraphs.append([])
        self.paragraphs[-1].append(text)
        self.open_paragraph = True
        self.lines.append(number)


@dataclass(slots=True)
class _Quoting:
    draft: _Draft        # the comment the quotation is in
    words: str | None    # what the quoted commenter wrote above; None: unknown (a paragraph is quoted)


def parse_comments(numbered_lines: list[tuple[int, str | None]], rules: Rules,
                   button_dates: dict[int, str] | None = None) -> tuple[Comment, ...]:
    """Comments from the comment section's lines ((number, text); blank lines included, and
    chrome lines as None: they part comments as a blank line does, but a name line over a badge
    ("Top fan") still heads the text under it). ``button_dates``: the dates that chrome lines,
    rows of a comment's buttons, hold ("Like · Reply · 2d"), by line number."""
    chrome = {index for index, (_, text) in enumerate(numbered_lines) if text is None}
    numbered_lines = _signatures_first([(number, text or "") for number, text in numbered_lines], rules, chrome)
    reader = _Reader(numbered_lines, rules, chrome)
    for index, (number, text) in enumerate(numbered_lines):
        reader.read(index, number, text)
    for draft in _all_drafts(reader.roots):
        signed = _signed_author(draft, rules) if draft.author is None else None
        if signed:
            draft.author = _author(signed, rules)
    _dated_by_buttons(_all_drafts(reader.roots), button_dates or {})
    _thread_counted_replies_by_mentions(reader.roots)
    return tuple(_freeze(d, f"c{i}") for i, d in enumerate(_threaded_by_mentions(reader.roots), 1))


class _Reader:
    """Reads a comment section line by line into drafts: ``roots`` are the top-level comments,
    ``stack`` the chain from a root down to the comment being read."""

    def __init__(self, numbered_lines: list[tuple[int, str]], rules: Rules, chrome: set[int]):
        self.rules = rules
        self.dated_authors = _dated_authors(numbered_lines, rules, chrome)
        # A paragraph may also open with its author's name on a line of its own, as comment
        # plugins show it ("Ray Delgado" over the text, the buttons below it read as a blank).
        self.between = {between for between in self.dated_authors.values() if between is not None}
        self.headed = _named_paragraphs(numbered_lines, rules, chrome) - set(self.dated_authors) - self.between
        # A section with numbers or author lines keeps a comment open across blank lines (and
        # so does a list whose items open with their author's name: the text is the item's
        # next paragraph); without, each paragraph is a comment.
        self.structured = bool(self.dated_authors) or any(
            NUMBER.match(t) or line_matches(rules.comment_author, t) for _, t in numbered_lines) or any(
            _item_text_below(numbered_lines, index) is not None for index in self.headed)
        # A text with no blank lines (trafilatura's) writes each paragraph on a line of its own:
        # every line a sentence, no name over a comment's text among them.
        self.lines_are_paragraphs = not self.structured and _sentences_without_blanks(numbered_lines, chrome)
        self.badges = {index + 1 for index in self.headed if index + 1 in chrome} | {
            badge for index in self.dated_authors for badge in range(index + 1, index + 1 + MAX_BADGE_LINES)
            if all(line in chrome for line in range(index + 1, badge + 1))}  # passed over
        self.roots: list[_Draft] = []
        self.stack: list[_Draft] = []
        # Every comment in the order it was started, and the authors of all but the last: only
        # the comment being read is given an author, so theirs no longer change (see _others).
        self.started: list[_Draft] = []
        self.settled_authors: set[str] = set()
        self.expect_date = False
        self.answering: tuple[str, int] | None = None  # "Reply to X" above the next comment
        self.replies_below: tuple[_Draft, int] | None = None  # (the comment, how many) after "2 replies"
        self.texts = [text for _, text in numbered_lines]
        self.quoting: _Quoting | None = None  # after "Ben Adeyinka wrote:" in a comment
        self.level: int | None = None  # after "level 2": the depth of the next comment

    def read(self, index: int, number: int, text: str) -> None:
        if index in self.badges:
            return
        if self.lines_are_paragraphs and text.strip():
            self._blank()
        if index in self.dated_authors or index in self.headed:
            self._author_above(number, text, dated=index in self.dated_authors)
        elif index in self.between:
            self._between(number, text)
        elif text.strip() and (count := line_matches(self.rules.comment_replies_below, text)) and self._under_text():
            self._replies_below(number, int(count.group("count") or 1))
        elif text.strip() and (reply := line_matches(self.rules.comment_reply_to, text)):
            self._reply_marker(number, reply.group("to").strip())
        elif self.stack and not self.stack[-1].paragraphs and (reply := REPLY_AND_TEXT.match(text.strip())):
            # "In reply to Noel F.: Sorry to hear that": the marker and the comment's first words
            self._reply_marker(number, reply.group("to").strip())
            self._text(number, text[:len(text) - len(text.lstrip())] + reply.group("text"))
        elif text.strip() and (level := self.rules.comment_level.fullmatch(text.strip())):
            self.level = int(level.group("level"))
        elif not text.strip():
            self._blank()
        elif self.quoting and self._quoted(number, text):
            pass
        elif (quoted := self._quote_of(index)) is not None:
            self._start_quote(number, text, *quoted)
        elif not self._signature(number, text):
            self._text(number, text, own_line=self._dated_line_ending_a_paragraph(index, text))

    def _started(self, draft: _Draft) -> _Draft:
        if self.started and self.started[-1].author:
            self.settled_authors.add(self.started[-1].author)
        self.started.append(draft)
        return draft

    def _others(self, draft: _Draft) -> set[str]:
        """The authors of every comment but ``draft``. For the comment started last, the one
        being read, they are kept as comments start: walking the whole thread for each of
        3,000 comments' author lines took seconds."""
        if self.started and self.started[-1] is draft:
            return self.settled_authors
        return {d.author for d in _all_drafts(self.roots) if d is not draft and d.author}

    def _author_above(self, number: int, text: str, dated: bool) -> None:
        """A line that is only the author's name (above a date, or opening a paragraph)."""
        if not self.stack and self.roots:
            # (a blank line closed the comment above, in a section of plain paragraphs; a name
            # indented deeper than its author's still answers it, as a text browser shows a
            # comments plugin's replies)
            self.stack[:] = _path_to_latest(self.roots, lambda draft: True)
        draft = self._started(_start_by(self.roots, self.stack, self._depth(text), text.strip(), self.rules))
        draft.lines.append(number)
        self.expect_date = dated
        self._answer(draft)

    def _depth(self, text: str) -> int:
        """How deep the comment a line starts is nested: by the "level" line above it, else by
        the line's indent (the first comment of the thread is 0)."""
        level, self.level = self.level, None
        return (level - 1) * LEVEL_INDENT if level else _indent(text)

    def _between(self, number: int, text: str) -> None:
        """The line between an author and the date: "→ Mae" or "Replying to Mae" or "Mae Okonkwo"
        (the name of an earlier commenter) places the comment under Mae's."""
        draft = self.stack[-1]
        draft.lines.append(number)
        reply = line_matches(self.rules.comment_reply_to, text)
        if reply:
            _move_under(self.roots, self.stack, draft, reply.group("to").strip())
        elif REPLY_ARROW.match(text):
            _move_under(self.roots, self.stack, draft, REPLY_ARROW.sub("", text, count=1).strip())
        else:  # an earlier commenter's name, when it is one (not a town or a badge)
            _move_under(self.roots, self.stack, draft, text.strip())

    def _under_text(self) -> bool:
        """The latest comment has its text: a count line under it counts its replies (right
        under its author and date, "2 replies" is what the commenter wrote)."""
        latest = _all_drafts(self.roots)[-1:]
        return bool(latest and latest[0].paragraphs)

    def _replies_below(self, number: int, count: int) -> None:
        """"2 replies", "Hide 2 replies", "Replies (1)" under a comment: the next comments, as
        many as it says, answer that one."""
        latest = _all_drafts(self.roots)[-1:]  # (the stack is empty after a blank, in a plain section)
        for draft in latest:
            draft.lines.append(number)
            self.replies_below = (draft, count)

    def _reply_marker(self, number: int, to: str) -> None:
        """ "In reply to Ray.": under an author line it places that comment; above one, the next."""
        draft = self.stack[-1] if self.stack else None
        if draft and not draft.paragraphs:  # "ellen_m says:" / date / "In reply to Ray."
            _move_under(self.roots, self.stack, draft, to)
            draft.lines.append(number)
        else:
            self.answering = (to, number)

    def _answer(self, draft: _Draft) -> None:
        """Place a comment just started under the one a reply marker above it named."""
        if self.replies_below and self.replies_below[1] > 0:
            parent, count = self.replies_below
            if parent in self.stack[:-1]:  # indented under it already: indentation threads these
                self.replies_below = None
            else:
                self.replies_below = (parent, count - 1)
                _move_under_draft(self.roots, self.stack, draft, parent)
                draft.counted = True
        if self.answering:
            _move_under(self.roots, self.stack, draft, self.answering[0])
            draft.lines.append(self.answering[1])
            self.answering = None

    def _quote_of(self, index: int) -> tuple[str, str | None] | None:
        """(whom, their words) when the line opens a quotation in the comment being read:
        "Quote from Ben", or "Ben Adeyinka wrote:" over words of an earlier comment of Ben's
        (else it is the author line of a comment of Ben's own), or right under the comment's
        date. The words are None when Ben wrote nothing above: then the quotation is the
        paragraph under it."""
        draft = self.stack[-1] if self.stack else None
        if draft is None or draft.author is None or draft.closed:
            return None
        text = self.texts[index].strip()
        if marker := line_matches(self.rules.comment_quote_of, text):
            whom = marker.group("author").strip()
            return whom, self._words_of(whom)
        said = line_matches(self.rules.comment_author, text)
        if not said or not QUOTE_VERB.search(text) or said.groupdict().get("date"):
            return None
        whom = said.group("author").strip()
        words = self._words_of(whom)
        below = next((t.strip() for t in self.texts[index + 1:] if t.strip()), "")
        if words and (below in words or self._quote_of_line(below)):
            return whom, words
        if not draft.paragraphs and draft.date:  # right under the comment's date: the article's
            return whom, None                    # author quoted, say, whose words are not above
        return None

    def _quote_of_line(self, text: str) -> bool:
        """A "Tom wrote:" right under "Ange wrote:": a quotation inside a quotation."""
        said = line_matches(self.rules.comment_author, text) or line_matches(self.rules.comment_quote_of, text)
        return bool(said and self._words_of(said.group("author").strip()))

    def _words_of(self, author: str) -> str | None:
        """All that ``author``'s earlier comments say, as one string to look quotations up in."""
        current = self.stack[-1] if self.stack else None
        words = [line for d in _all_drafts(self.roots) if d.author == author and d is not current
                 for paragraph in d.paragraphs for line in paragraph]
        return " ".join(words) or None

    def _start_quote(self, number: int, text: str, whom: str, words: str | None) -> None:
        """The comment answers the one it quotes (the first quotation decides); the quotation
        is kept in its text as "> " lines."""
        draft = self.stack[-1]
        if self.quoting is None and len(self.stack) == 1 and words:
            _move_under(self.roots, self.stack, draft, whom)
        if self.quoting and self.quoting.draft is draft:  # a quotation inside one
            self.quoting.words = " ".join(filter(None, (self.quoting.words, words)))
        else:
            self.quoting = _Quoting(draft, words)
        draft.add_quote(text.strip(), number)

    def _quoted(self, number: int, text: str) -> bool:
        """A line of the quotation being read; False when the quotation is over."""
        quoting, line = self.quoting, text.strip()
        if quoting.draft is not (self.stack[-1] if self.stack else None):
            self.quoting = None
            return False
        if quoting.words is None or line in quoting.words:
            quoting.draft.add_quote(line, number)
            return True
        if self._quote_of_line(line):
            return False  # (read by _quote_of as the quotation inside)
        self.quoting = None
        return False

    def _signature(self, number: int, text: str) -> bool:
        """ "Posted by Della Marchbanks at 10:47 AM" ends the comment above and names its author."""
        signed = line_matches(self.rules.comment_signature, text) if self.stack else None
        if not (signed and self.stack[-1].paragraphs):
            return False
        draft = self.stack[-1]
        draft.author = draft.author or _author(signed.group("author"), self.rules)
        draft.lines.append(number)
        draft.closed = True
        return True

    def _blank(self) -> None:
        if self.quoting and self.quoting.words is None:
            self.quoting = None  # (a quotation of words not above ends with its paragraph)
        for draft in self.stack[-1:]:
            draft.open_paragraph = False
        if not self.structured:
            self.stack.clear()

    def _dated_line_ending_a_paragraph(self, index: int, text: str) -> bool:
        """A line shaped like a comment's header, a name or a word and the date or how long ago
        ("Schon vor 2 Jahren", "Déjà il y a 3 ans", "Already 2 years ago"), that goes on with the
        comment above, under its header or its text with no blank line between, and has nothing
        under it but the next comment: a line of that comment's own, where a header would have its
        text under it (after a blank line too: "Bob Stone 13 Mar 2024", blank, "I disagree.")."""
        draft = self.stack[-1] if self.stack else None
        above, below = (self.texts[i].strip() if 0 <= i < len(self.texts) else "" for i in (index - 1, index + 1))
        if not draft or draft.closed or not above or below or draft.paragraphs and not draft.open_paragraph:
            return False
        header = line_matches(self.rules.comment_author, text)
        return bool(header and header.groupdict().get("date")) and not self._text_under(index)

    def _text_under(self, index: int) -> bool:
        """The next line with words after line ``index`` is a comment's text: not the next
        comment's header ("Moni62 vor 5 Stunden", or a name over its date or a number), nor a
        button."""
        below = next((n for n in range(index + 1, len(self.texts)) if self.texts[n].strip()), None)
        if below is None:
            return False
        text = self.texts[below].strip()
        under = self.texts[below + 1].strip() if below + 1 < len(self.texts) else ""
        return not (line_matches(self.rules.comment_author, text) or NUMBER.match(text) or is_chrome(self.rules, text)
                    or line_matches(self.rules.comment_date, under))

    def _text(self, number: int, text: str, own_line: bool = False) -> None:
        """A numbered line, an author line ("Don says:"), a date, or the text of a comment (a
        line ``own_line`` is that whatever its shape)."""
        rules = self.rules
        # The date under its author's name is read as one before anything else: "8. April 2025"
        # is no item numbered 8, and "le 8 avril 2025" no comment by "le".
        dated = self.expect_date and line_matches(rules.comment_date, text) is not None
        numbered = None if dated or own_line else NUMBER.match(text)
        body = numbered.group("rest") if numbered else text.strip()
        author = None if dated or own_line else line_matches(rules.comment_author, body)
        if self.structured and not self.roots and not (numbered or author) and not SENTENCE_END.search(body):
            return  # a widget's title or the site's name above the first comment: not a comment
        if numbered or author or not self.stack or self.stack[-1].closed:
            draft = self._started(_start(self.roots, self.stack, self._depth(text)))
            self.expect_date = False
            self._answer(draft)
        else:
            draft = self.stack[-1]
        named = DASHED.fullmatch(body) if numbered and not author else None
        if named and _is_author_name(named.group("name"), rules):
            draft.author = _author(named.group("name"), rules)
            body = named.group("text")
        if author:
            draft.author = _author(author.group("author"), rules)
            draft.date = (author.groupdict().get("date") or "").strip() or None
            draft.lines.append(number)
            self.expect_date = draft.date is None
            to = (author.groupdict().get("to") or "").strip()  # "Jim Carvell replied to Pat D."
            if not to and draft.author and (answered := _earlier_author_at_end(draft.author, self._others(draft))):
                draft.author, to = draft.author[:-len(answered)].rstrip(), answered
            if to:
                _move_under(self.roots, self.stack, draft, to)
        elif dated:
            draft.date = DATE_PREFIX.sub("", body)  # ("• 4 years ago", "Posted 12 February 2024 - 08:51 AM")
            draft.lines.append(number)
            self.expect_date = False
        elif (footer := dated_buttons(body, rules)) is not None:
            draft.date = draft.date or footer
            draft.lines.append(number)
        else:
            if body.startswith("> ") and not draft.paragraphs and len(self.stack) == 1:
                parent = _comment_quoted(self.roots, draft, body[2:])
                if parent is not None:
                    _move_under_draft(self.roots, self.stack, draft, parent)
            draft.add_text(body, number)
            self.expect_date = False


# Fewer quoted words than this ("> Yes.") could be anyone's: they do not say whom a comment answers.
MIN_QUOTED_WORDS = 4


def _comment_quoted(roots: list[_Draft], draft: _Draft, quoted: str) -> _Draft | None:
    """The one earlier comment whose own words (not its quotations) hold the words a comment
    opens by quoting ("> 140 listeners for $48k ..."), word for word: the comment it answers,
    as a page that shows no nesting means it. None when no comment, or more than one, says them."""
    words = " ".join(quoted.split())
    if len(words.split()) < MIN_QUOTED_WORDS:
        return None
    saying = [d for d in _all_drafts(roots) if d is not draft and words in " ".join(
        line for paragraph in d.paragraphs for line in paragraph if not line.startswith("> "))]
    return saying[0] if len(saying) == 1 else None


def _dated_by_buttons(drafts: list[_Draft], button_dates: dict[int, str]) -> None:
    """A comment with no date of its own takes the one in the row of buttons under its text, a
    social widget's "Like · Reply · 1d" (the row is chrome, it stays the page's): the row
    belongs to the comment with the last line above it."""
    owners = sorted((line, index) for index, draft in enumerate(drafts) for line in draft.lines)
    for number, date in sorted(button_dates.items()):
        above = bisect_left(owners, (number, -1))
        if above:
            draft = drafts[owners[above - 1][1]]
            draft.date = draft.date or date


def dated_buttons(text: str, rules: Rules) -> str | None:
    """The date of a comment's row of its date and buttons, under its text, the date first or
    last ("12 March 2025 7:02am | Reply | 5 likes", a social widget's "Like · Reply · 2d");
    None for any other line."""
    parts = ROW_SEPARATOR.split(text.strip())
    for date, buttons in ((parts[0], parts[1:]), (parts[-1], parts[:-1])):
        if buttons and line_matches(rules.comment_date, date) and all(is_chrome(rules, b) for b in buttons):
            return DATE_PREFIX.sub("", date)
    return None


DATED_HEADER, NAME_OVER_DATE = "name and date", "name over date"


def header_shape(lines: tuple[str, ...], n: int, rules: Rules) -> str | None:
    """How line ``n`` opens a comment, with the comment's text under it: DATED_HEADER, the name
    and the date on one line ("Rosa Quint · 3h", "quarrylane 2h"), or NAME_OVER_DATE, a name or
    handle alone over a line of only the date ("Rosa Quint" / "3 hours ago"); None for any other
    line. A footer's links and a list of related stories, a headline over the time of each, have
    neither shape: a headline is no name, and it has another headline under its time, no text.
    (Each part under the one before it, a blank line at most between.)"""
    text = lines[n].strip()
    below = next_text(lines, n + 1, n + 3)
    if below is None:
        return None
    header = line_matches(rules.comment_author, text)
    if header is not None:
        dated = header.groupdict().get("date") and not _opens_comment(lines, below, rules)
        return DATED_HEADER if dated else None
    name = _is_author_name(text, rules) or (text.islower() and len(text.split()) == 1)
    text_below = next_text(lines, below + 1, below + 3)
    if (name and line_matches(rules.comment_date, lines[below]) and text_below is not None
            and not _opens_comment(lines, text_below, rules)):
        return NAME_OVER_DATE
    return None


def _opens_comment(lines: tuple[str, ...], n: int, rules: Rules) -> bool:
    """Line ``n`` is a date or a header itself, or a name over a date: no comment's text."""
    below = next_text(lines, n + 1, n + 3)
    return bool(line_matches(rules.comment_date, lines[n]) or line_matches(rules.comment_author, lines[n])
                or below is not None and line_matches(rules.comment_date, lines[below]))


def _threaded_by_mentions(roots: list[_Draft]) -> list[_Draft]:
    """A comment that opens by naming an earlier commenter ("@MargaretH Not on top of ...",
    "Ray Delgado the roundabout money ...", "Della, if you have ...") or speaks to one in its
    first sentence ("Thank you Pauline, ...", "Cheaper to build, Trevor, not ...") is a reply
    to that commenter's latest comment (the last of theirs in reading order), as pages that
    show no nesting mean it.

    A popular story has thousands of comments: each is matched against the few commenters
    whose first name begins one of its words (see _Commenters), not against every comment
    before it, which took 23 seconds for 3,000 comments."""
    threaded: list[_Draft] = []
    commenters = _Commenters()
    for draft in roots:
        text, first_sentence = _opening_words(draft)
        named = [author for author in commenters.who_may_be_named(text, first_sentence)
                 if _names(author, text, first_sentence)]
        place, answered = commenters.latest_of(named)
        if answered is not None and draft.author != answered.author:
            answered.replies.append(draft)
            commenters.add(draft, place + (len(answered.replies) - 1,))
        else:
            threaded.append(draft)
            commenters.add(draft, (len(threaded) - 1,))
    return threaded


def _thread_counted_replies_by_mentions(drafts: list[_Draft]) -> None:
    """Replies a count line put under a comment ("2 replies" over them) are the flat list the
    widget shows; one that opens by naming another commenter of that list ("@millpond_ann The
    bus lane ...", "Thanks Rosa, ...") answers that one's latest comment there, as
    _threaded_by_mentions places the top-level comments."""
    for draft in drafts:
        kept: list[_Draft] = []
        for reply in draft.replies:
            answered = _named_among(reply, kept) if reply.counted else None
            if answered is not None:
                reply.counted = False  # (placed by its mention: not moved again below)
            (answered.replies if answered is not None else kept).append(reply)
        draft.replies = kept
        _thread_counted_replies_by_mentions(kept)


def _named_among(draft: _Draft, earlier: list[_Draft]) -> _Draft | None:
    """The latest comment among ``earlier`` (and their replies) whose author ``draft`` opens
    by naming, not its own author's."""
    text, first_sentence = _opening_words(draft)
    return next((d for d in reversed(_all_drafts(earlier))
                 if d.author and d.author != draft.author and _names(d.author, text, first_sentence)), None)


def _opening_words(draft: _Draft) -> tuple[str, str]:
    """A comment's first line and its first sentence, where it names whom it answers."""
    text = draft.paragraphs[0][0] if draft.paragraphs and draft.paragraphs[0] else ""
    return text, re.match(r"[^.!?]*[.!?]?", text).group(0)


def _names(author: str, text: str, first_sentence: str) -> bool:
    """The comment opening with ``text`` answers ``author``: "@author ...", "Thanks Rosa, ..."."""
    return _opens_with(author, text) or _spoken_to(author.split()[0], first_sentence)


# The only characters outside ASCII that a case-insensitive regex matches with an ASCII
# letter: with these mapped, an ASCII name found in a lower-cased word is one the regex finds.
_ASCII_UNDER_IGNORECASE = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


class _Commenters:
    """The comments placed so far, by author: where each stands in the thread (its path of
    reply numbers from the top, which never changes once placed, since replies are only ever
    added after the others), and which authors' first names begin which words."""

    def __init__(self):
        self._latest: dict[str, tuple[tuple[int, ...], _Draft]] = {}  # author -> their last comment, in reading order
        self._by_first_name: dict[str, set[str]] = {}  # an ASCII first name, lower case -> authors
        self._others: set[str] = set()  # authors whose first name is not ASCII: always asked

    def add(self, draft: _Draft, place: tuple[int, ...]) -> None:
        """The comment and the replies it already has (nested by indentation)."""
        if draft.author:
            if draft.author not in self._latest or self._latest[draft.author][0] < place:
                self._latest[draft.author] = (place, draft)
            words = draft.author.split()
            first = words[0].translate(_ASCII_UNDER_IGNORECASE).lower() if words else ""
            if first.isascii() and first:
                self._by_first_name.setdefault(first, set()).add(draft.author)
            else:
                self._others.add(draft.author)
        for number, reply in enumerate(draft.replies):
            self.add(reply, place + (number,))

    def latest_of(self, authors: list[str]) -> tuple[tuple[int, ...] | None, _Draft | None]:
        """Of these authors' comments, the one that reads last, with its place; (None, None)
        for no authors."""
        return max((self._latest[author] for author in authors), key=lambda entry: entry[0], default=(None, None))

    def who_may_be_named(self, text: str, first_sentence: str) -> list[str]:
        """Every author _opens_with or _spoken_to can find, and maybe a few more: each finds a
        name only where a word begins (or after an "@" at the start), so it is found among
        the beginnings of the words. Sorted, so that the answer never depends on set order."""
        found = set(self._others)
        words = first_sentence.split() + text.split()[:1]
        for word in words:
            word = word.translate(_ASCII_UNDER_IGNORECASE).lower()
            for start in (0, 1) if word.startswith("@") else (0,):
                for end in range(start + 1, len(word) + 1):
                    found.update(self._by_first_name.get(word[start:end], ()))
        return sorted(found)


@functools.lru_cache(maxsize=4096)
def _opening(author: str) -> re.Pattern:
    # (the name ends where no letter follows it: a name may end with an initial's full stop,
    # "@Sheila M. Seasonal jobs ...")
    return re.compile(rf"@?{re.escape(author)}(?![\w’'])")


def _opens_with(author: str, text: str) -> bool:
    """The comment begins with the author's name (and goes on): "@MargaretH Not on top ...",
    "@Sheila M. Seasonal jobs ..."."""
    return bool((match := _opening(author).match(text)) and text[match.end():].strip())


@functools.lru_cache(maxsize=4096)
def _spoken_to_patterns(name: str) -> tuple[re.Pattern, ...]:
    name = re.escape(name)
    return (re.compile(rf"{name}[,!]"),
            re.compile(rf"(?:thanks|thank you|cheers|hi|hello|hey|dear|sorry|well said|agreed|exactly|true|"
                       rf"good point|fair point),? {name}\b", re.IGNORECASE),
            re.compile(rf"\S+ \S+, {name}(?:[,.!?]|$)"))


def _spoken_to(name: str, sentence: str) -> bool:
    """The sentence answers ``name``: "Della, if you ...", "Thanks Della", "... though, Della.".
    Not "Congratulations, Della!": one word of greeting before the name is said to the person
    a page or guestbook is about, who may have commented too."""
    at_start, greeting, at_end = _spoken_to_patterns(name)
    return bool(at_start.match(sentence) or greeting.match(sentence) or at_end.search(sentence))


def _earlier_author_at_end(author: str, others: set[str]) -> str | None:
    """The name of another commenter (``others``) that ends an author line's name, after
    another name: whom the comment answers, as a text browser writes a comment widget's header
    ("Pat Gallardo riverside_dad 4 hours ago", the parent's name with no arrow before it)."""
    words = author.split(" ")
    return next((name for start in range(1, len(words)) if (name := " ".join(words[start:])) in others
                 and len(author) > len(name) + 1), None)


def _all_drafts(drafts: list[_Draft]) -> list[_Draft]:
    """The comments and all their replies, in reading order."""
    return [d for draft in drafts for d in (draft, *_all_drafts(draft.replies))]


def _dated_authors(numbered_lines: list[tuple[int, str]], rules: Rules, chrome: set[int]) -> dict[int, int | None]:
    """The lines that name a comment's author by standing above its date: a name or a handle,
    short and without a full stop ("JohnQ" over "2 hours ago"). Index of each, with the index
    of a line between the name and the date when there is one: whom it answers ("→ Mae"), or
    where the commenter is or a badge ("Shivnagar", "Top fan"). Badges that are chrome
    ("Author", a forum member's "Joined: 03 Jun 2011") stand between them too, and are passed
    over (see _Reader.badges)."""
    found: dict[int, int | None] = {}
    texts = [text for _, text in numbered_lines]
    dates = [index for index, text in enumerate(texts)
             if index and text.strip() and line_matches(rules.comment_date, text)]
    # A section that shows name, town and date on three lines: a short line of capitalised
    # words over each date, under the name ("Mark and Julie Osterhaus" / "Dunmore Springs" /
    # "May 31, 2024").
    towns = sum(index >= 2 and _could_be_town(texts[index - 1]) and _could_be_author(texts[index - 2], rules)
                for index in dates) >= max(2, len(dates) / 2)
    authors: set[str] = set()  # the names found so far
    for index in dates:
        above = _over_a_blank(texts, index, chrome)
        while above > 0 and above in chrome and index - above <= MAX_BADGE_LINES:
            above -= 1  # badges: "Author"; a forum's "Member" / "Joined: 03 Jun 2011" / "Posts: 482" / "#2"
        name = _reply_line_over_a_blank(texts, above, rules)
        if name is not None and _is_author_name(texts[name], rules):
            author, between = name, above  # "Juniper Achebe-Lind" / "" / "Reply to Bram Vetterli" / "" / "4 months ago"
        elif above >= 1 and (towns and _could_be_town(texts[above]) and _could_be_author(texts[above - 1], rules)
                           or _between_author_and_date(texts[above], rules) and _is_author_name(texts[above - 1], rules)
                           # "Ray Dunphy" / "Barb Kessler" / "• 4 years ago": Ray answers Barb
                           or texts[above].strip() in authors and _is_author_name(texts[above - 1], rules)):
            author, between = above - 1, above
        elif _could_be_author(texts[above], rules):
            author, between = above, None
        else:
            continue
        found[author] = between
        authors.add(texts[author].strip())
    return found


def _signatures_first(numbered_lines: list[tuple[int, str]], rules: Rules,
                      chrome: set[int]) -> list[tuple[int, str]]:
    """A guestbook signs its entries below their text ("Her music made every Sunday special." /
    "Loretta Vance" / "November 24, 2025"): when the section opens with text above its first
    name and date, and nothing but chrome follows its last date, each name and date is moved
    above the text it signs, so that the comments read as a widget's do. Other sections are
    returned as they are."""
    groups = _author_and_date_lines(numbered_lines, rules, chrome)
    if len(groups) < 2:
        return numbered_lines
    texts = [text for _, text in numbered_lines]
    first, last = groups[0][0], groups[-1][1]
    opens_with_text = any(_reads_as_text(texts[i]) for i in range(first) if i not in chrome)
    ends_signed = not any(texts[i].strip() for i in range(last + 1, len(texts)) if i not in chrome)
    if not (opens_with_text and ends_signed):
        return numbered_lines
    moved, text_from = [], 0
    for start, end in groups:
        moved += numbered_lines[start:end + 1] + numbered_lines[text_from:start]
        text_from = end + 1
    return moved + numbered_lines[text_from:]


def _author_and_date_lines(numbered_lines: list[tuple[int, str]], rules: Rules,
                           chrome: set[int]) -> list[tuple[int, int]]:
    """(first, last) index of each name-and-date heading of a comment, in order."""
    texts = [text for _, text in numbered_lines]
    groups = []
    for author in sorted(_dated_authors(numbered_lines, rules, chrome)):
        date = next((i for i in range(author + 1, len(texts)) if texts[i].strip() and i not in chrome
                     and line_matches(rules.comment_date, texts[i])), None)
        if date is None or groups and author <= groups[-1][1]:
            return []
        groups.append((author, date))
    return groups


def _sentences_without_blanks(numbered_lines: list[tuple[int, str]], chrome: set[int]) -> bool:
    """Two or more lines of text, each a sentence, with no blank line between the first and last."""
    texts = [index for index, (_, text) in enumerate(numbered_lines) if text.strip() and index not in chrome]
    return len(texts) >= 2 and all(_reads_as_text(numbered_lines[index][1]) for index in texts) and all(
        numbered_lines[index][1].strip() or index in chrome for index in range(texts[0], texts[-1] + 1))


def _reply_line_over_a_blank(texts: list[str], index: int, rules: Rules) -> int | None:
    """The line of the name over the line at ``index`` naming whom the comment answers, a blank
    line between them ("Reply to Bram Vetterli" as wpDiscuz sets it between the name and the
    date, each a paragraph of its own); None when the line names no one answered."""
    if index < 2 or texts[index - 1].strip() or not texts[index - 2].strip():
        return None
    return index - 2 if line_matches(rules.comment_reply_to, texts[index]) else None


def _over_a_blank(texts: list[str], index: int, chrome: set[int]) -> int:
    """The line above the date at ``index``; or, when the name and the date are paragraphs of
    their own a blank line apart (a widget's blocks as a text browser or a browser's copy shows
    them: "RidgefieldRoar" / "" / "1 hour ago" / "" / the text), the name's line."""
    above = index - 1
    if above < 1 or texts[above].strip() or above in chrome:
        return above
    alone = above - 2 < 0 or not texts[above - 2].strip() or above - 2 in chrome
    ends_paragraph = index + 1 >= len(texts) or not texts[index + 1].strip()
    return above - 1 if alone and ends_paragraph and texts[above - 1].strip() else above


def _could_be_author(text: str, rules: Rules) -> bool:
    text = _without_item_marks(text)
    words = REPLY_ARROW.split(text)[0].split()  # ("Fatuma Hassan Dido ➦ Mzee Ole Sankale")
    return bool(words and len(words) <= MAX_AUTHOR_WORDS and not SENTENCE_END.search(text)
                and not NUMBER.match(text) and not line_matches(rules.comment_date, text)
                and not line_matches(rules.comment_author, text)
                and not line_matches(rules.comment_replies_below, text))  # ("Replies (1)")


def _could_be_town(text: str) -> bool:
    """One to three capitalised words and nothing else ("Pike River", "Cedar Hollow"), and maybe
    the province or state ("Cape Fennick, NS", "Galena, Ill.")."""
    words = REGION.sub("", text).split()
    return 0 < len(words) <= 3 and all(word[:1].isupper() and word.isalpha() for word in words)


def _between_author_and_date(text: str, rules: Rules) -> bool:
    """"→ Mae Okonkwo", "Replying to Realist1994", or a short line that is not a name itself
    ("Shivnagar", "Top fan")."""
    if REPLY_ARROW.match(text) and text.strip() not in ("→", "»") or line_matches(rules.comment_reply_to, text):
        return True
    return (0 < len(text.split()) <= 3 and not SENTENCE_END.search(text) and not _is_author_name(text, rules)
            and not line_matches(rules.comment_date, text))


def _named_paragraphs(numbered_lines: list[tuple[int, str]], rules: Rules, chrome: set[int]) -> set[int]:
    """Indexes of the first lines of paragraphs that are only a name (or "A → B"), with the
    text below (a line of chrome between them, a badge, is passed over)."""
    found = set()
    for index, (_, text) in enumerate(numbered_lines[:-1]):
        above = numbered_lines[index - 1][1] if index else ""
        starts = (not above.strip() or line_matches(rules.comment_reply_to, above) is not None
                  or line_matches(rules.comment_replies_below, above) is not None)
        name = REPLY_ARROW.split(LIST_BULLET.sub("", text))[0]
        below = index + 1
        badge = below in chrome and below + 1 < len(numbered_lines) and _reads_as_text(numbered_lines[below + 1][1])
        if badge:
            below += 1  # "Tommy Sauvé" / "Top fan" / "Wendell was right, ..."
        elif (item_text := _item_text_below(numbered_lines, index)) is not None:
            below = item_text  # "-   Ray Delgado" / "" / "    Wendell was right, ..."
        if (starts and numbered_lines[below][1].strip() and not NUMBER.match(text)
                and not line_matches(rules.comment_author, text)
                and (_is_author_name(name, rules) or badge and _could_be_author(text, rules))):
            found.add(index)  # (over a badge, any short name: "WKTB 12" / "Author")
    return found


def _item_text_below(numbered_lines: list[tuple[int, str]], index: int) -> int | None:
    """Where a list's item that opens with a line of its own goes on, a blank line below, as
    pandoc writes a comment plugin's list ("-   Ray Delgado", "", "    Wendell was right"): the
    index of that line, indented to the item's text; None when the line is no such item."""
    bullet = LIST_BULLET.match(numbered_lines[index][1])
    if bullet is None or index + 2 >= len(numbered_lines) or numbered_lines[index + 1][1].strip():
        return None
    below = numbered_lines[index + 2][1]
    return index + 2 if below.strip() and _indent(below) >= len(bullet.group(0)) else None


def _reads_as_text(text: str) -> bool:
    """A sentence, or a line long enough to be one without its full stop."""
    return bool(SENTENCE_END.search(text)) or len(text.split()) >= MIN_UNSTOPPED_WORDS


def _is_author_name(text: str, rules: Rules) -> bool:
    """A person's name ("Ray Delgado", "Keith O."), a handle ("guest_4471"), or "Anonymous"."""
    text = text.strip()
    if text.lower() in rules.anonymous_authors or HANDLE.fullmatch(text) or re.fullmatch(
            rf"{name_phrase(rules.name_particles, 1)}[ \u00a0][A-Z]", text):  # "Kagiso M"
        return True
    if re.fullmatch(rf"{name_phrase(rules.name_particles, 2)}[ \u00a0]+(?:from|in)[ \u00a0]+{TOWN}", text):
        return True  # "Maureen from Ashby", "Dave in Leeds", as British papers' readers sign
    return re.fullmatch(name_phrase(rules.name_particles, MAX_AUTHOR_WORDS), text) is not None and " " in text


def _author(text: str, rules: Rules) -> str | None:
    text = _without_item_marks(text)  # ("* Dana Whitlow", as a text browser lists comments)
    return None if text.lower() in rules.anonymous_authors else text


# What a text browser puts before a commenter's name in a list of comments: the item's bullet
# or number (w3m's "□" and "☆" for deeper lists, "1."), the avatar's picture by its file name
# glued to the name ("[g]Annie Roos"), or the comment above's buttons run onto the name's line
# ("Reply Respect Share Report quarry_road_mom", as lynx may show a widget's comments)
ITEM_MARKS = re.compile(r"\s*(?:[□☆][ \u00a0]+|\d{1,4}[.)][ \u00a0]+)?(?:\[[\w.-]{1,20}\](?=\S))?"
                        r"(?i:(?:(?:reply|like|report|share|respect|flag|recommend|quote|permalink)[ \u00a0]+){2,})?")


def _without_item_marks(text: str) -> str:
    text = LIST_BULLET.sub("", text)
    return text[ITEM_MARKS.match(text).end():].strip() or text.strip()


def _start_by(roots: list[_Draft], stack: list[_Draft], indent: int, author: str, rules: Rules) -> _Draft:
    """A comment opened by its author's line; "Ben Hollis → Mae Okonkwo" is a reply to Mae
    Okonkwo's latest comment when there is one, "Reply from Ellen Albrecht" a reply to the
    comment above."""
    name, to, above = author, "", None
    if arrow := REPLY_ARROW.search(author):
        name, to = author[:arrow.start()], author[arrow.end():].strip()
    elif reply := line_matches(rules.comment_reply_from, author):
        name, above = reply.group("author").strip(), (_all_drafts(roots) or [None])[-1]
    draft = _start(roots, stack, indent)
    draft.author = _author(_without_town(name, rules), rules)
    if to:
        _move_under(roots, stack, draft, to)
    elif above:
        _move_under_draft(roots, stack, draft, above)
    return draft


def _without_town(author: str, rules: Rules) -> str:
    """"HalloLad, Hallowmere" -> "HalloLad": a commenter's town after the name is not the name."""
    name, _, town = author.partition(", ")
    words = town.split()
    if town and _is_author_name(name, rules) and len(words) <= 4 and all(w[:1].isupper() for w in words):
        return name
    return author


def _move_under(roots: list[_Draft], stack: list[_Draft], draft: _Draft, author: str) -> None:
    """Make ``draft``, the comment being read (the last of ``stack``), a reply to the latest
    earlier comment by ``author``; nothing changes when there is none. A handle is the same
    with or without its "@" ("replying to @sam.rivera" answers "@sam.rivera", and the reply
    rules take the "@" off)."""
    name = author.removeprefix("@")
    _move_to(roots, stack, draft, _path_to_latest(roots, lambda d: d.author is not None
                                                  and d.author.removeprefix("@") == name))


def _move_under_draft(roots: list[_Draft], stack: list[_Draft], draft: _Draft, parent: _Draft) -> None:
    _move_to(roots, stack, draft, _path_to_latest(roots, lambda d: d is parent))


def _move_to(roots: list[_Draft], stack: list[_Draft], draft: _Draft, path: list[_Draft] | None) -> None:
    if not path or draft in path:
        return
    (stack[-2].replies if len(stack) > 1 else roots).remove(draft)
    path[-1].replies.append(draft)
    stack[:] = [*path, draft]
    draft.indent = max(draft.indent, path[-1].indent + 1)


def _path_to_latest(drafts: list[_Draft], wanted) -> list[_Draft] | None:
    """The chain of comments down to the latest one for which ``wanted`` is true."""
    for draft in reversed(drafts):
        below = _path_to_latest(draft.replies, wanted)
        if below:
            return [draft, *below]
        if wanted(draft):
            return [draft]
    return None


def _start(roots: list[_Draft], stack: list[_Draft], indent: int) -> _Draft:
    """A new comment, a reply to the nearest comment indented less than it."""
    while stack and stack[-1].indent >= indent:
        stack.pop()
    draft = _Draft(indent)
    (stack[-1].replies if stack else roots).append(draft)
    stack.append(draft)
    return draft


def _indent(text: str) -> int:
    prefix = text[:len(text) - len(text.lstrip())]
    return len(prefix.expandtabs(4))


def _signed_author(draft: _Draft, rules: Rules) -> str | None:
    """The name a comment without an author line is signed with ("— Paula Gershon, Tillman
    Falls"), when its last line is such a sign-off."""
    last = draft.paragraphs[-1][-1] if draft.paragraphs and draft.paragraphs[-1] else ""
    signed = SIGN_OFF.fullmatch(last)
    if not signed or len(draft.paragraphs) == 1 and len(draft.paragraphs[0]) == 1:
        return None
    name = signed.group("name").strip()
    return name if _is_author_name(name, rules) or name.lower().startswith("the ") else None


def _freeze(draft: _Draft, comment_id: str) -> Comment:
    replies = tuple(_freeze(r, f"{comment_id}-{i}") for i, r in enumerate(draft.replies, 1))
    text = "\n\n".join("\n".join(p) for p in draft.paragraphs)
    return Comment(comment_id, draft.author, text, draft.date, replies, tuple(draft.lines))


def count(comments: tuple[Comment, ...]) -> int:
    """Comments and replies, all levels."""
    return sum(1 + count(c.replies) for c in comments)


def all_lines(comments: tuple[Comment, ...]) -> set[int]:
    return {n for c in comments for n in (*c.lines, *all_lines(c.replies))}
