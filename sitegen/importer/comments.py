"""Reader comments, separated from the article: numbered items, replies, authors, sign-offs.

A numbered line ("  1. ...") starts a comment; a deeper-indented number under it is a reply.
"Name says:" names the author (and starts a comment when the page has no numbers). Other lines
continue the comment above them, so sign-offs stay with their comment. A section with neither
numbers nor author lines is read as one comment per paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .rules import Rules, line_matches

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

    def add_text(self, text: str, number: int) -> None:
        if not self.open_paragraph or not self.paragraphs:
            self.paragraphs.append([])
        self.paragraphs[-1].append(text)
        self.open_paragraph = True
        self.lines.append(number)


def parse_comments(numbered_lines: list[tuple[int, str]], rules: Rules) -> tuple[Comment, ...]:
    """Comments from the comment section's lines ((number, text); blank lines included)."""
    structured = any(NUMBER.match(t) or line_matches(rules.comment_author, t)
                     for _, t in numbered_lines)
    roots: list[_Draft] = []
    stack: list[_Draft] = []
    expect_date = False
    for number, text in numbered_lines:
        if not text.strip():
            for draft in stack[-1:]:
                draft.open_paragraph = False
            if not structured:
                stack.clear()
            continue
        indent = _indent(text)
        numbered = NUMBER.match(text)
        body = numbered.group("rest") if numbered else text.strip()
        author = line_matches(rules.comment_author, body)
        if numbered or author or not stack:
            draft = _start(roots, stack, indent)
            expect_date = False
        else:
            draft = stack[-1]
        if author:
            draft.author = author.group("author").strip()
            draft.date = (author.groupdict().get("date") or "").strip() or None
            draft.lines.append(number)
            expect_date = draft.date is None
        elif expect_date and line_matches(rules.comment_date, body):
            draft.date = body
            draft.lines.append(number)
            expect_date = False
        else:
            draft.add_text(body, number)
            expect_date = False
    return tuple(_freeze(d, f"c{i}") for i, d in enumerate(roots, 1))


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


def _freeze(draft: _Draft, comment_id: str) -> Comment:
    replies = tuple(_freeze(r, f"{comment_id}-{i}") for i, r in enumerate(draft.replies, 1))
    text = "\n\n".join("\n".join(p) for p in draft.paragraphs)
    return Comment(comment_id, draft.author, text, draft.date, replies, tuple(draft.lines))


def count(comments: tuple[Comment, ...]) -> int:
    """Comments and replies, all levels."""
    return sum(1 + count(c.replies) for c in comments)


def all_lines(comments: tuple[Comment, ...]) -> set[int]:
    return {n for c in comments for n in (*c.lines, *all_lines(c.replies))}
