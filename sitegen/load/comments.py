"""``comments.yaml``: the reader comments of one article, as a thread."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostics, Location
from ..model import Comment, CommentThread
from ..yamlfile import YamlDocument, YamlSyntaxError, parse_yaml
from .files import read_text

COMMENT_KEYS = {"id", "author", "text", "date", "replies"}


def load_comments(path: Path, diags: Diagnostics, root: Path) -> CommentThread:
    text = read_text(path, diags, root)
    if text is None:
        return CommentThread()
    try:
        doc = parse_yaml(text, lines=False)  # (its lines are wanted only for a problem)
    except YamlSyntaxError as exc:
        diags.error(Location(path, exc.line), str(exc))
        return CommentThread()
    data = doc.data
    if data is None:
        return CommentThread()
    if not isinstance(data, dict):
        diags.error(Location(path, 1), "expected a mapping with 'comments:' (and optionally 'reported_count:')")
        return CommentThread()
    for key in data:
        if key not in ("comments", "reported_count"):
            diags.warning(Location(path, doc.line_of(key)), f"unknown key '{key}' (expected comments, reported_count)")
    reported = data.get("reported_count")
    if reported is not None and (not isinstance(reported, int) or isinstance(reported, bool) or reported < 0):
        diags.error(Location(path, doc.line_of("reported_count")), f"reported_count: expected a whole number, got {reported!r}")
        reported = None
    seen: set[str] = set()
    comments = _comment_list(data.get("comments") or [], ("comments",), path, doc, diags, seen)
    return CommentThread(comments, reported)


def _comment_list(items, where: tuple, path: Path, doc: YamlDocument, diags: Diagnostics, seen: set) -> tuple[Comment, ...]:
    if not isinstance(items, list):
        diags.error(Location(path, doc.line_of(*where)), f"{where[-1]}: expected a list of comments")
        return ()
    result = []
    for i, item in enumerate(items):
        comment = _comment(item, where + (i,), path, doc, diags, seen)
        if comment is not None:
            result.append(comment)
    return tuple(result)


def _comment(item, where: tuple, path: Path, doc: YamlDocument, diags: Diagnostics, seen: set) -> Comment | None:
    # (The comment's line is looked up only for a problem: most comments have none.)
    if not isinstance(item, dict):
        diags.error(Location(path, doc.line_of(*where)), "expected a comment: a mapping with id, author and text")
        return None
    for key in item:
        if key not in COMMENT_KEYS:
            diags.warning(Location(path, doc.line_of(*where, key)), f"unknown comment key '{key}'")
    cid = item.get("id")
    text = item.get("text")
    author = item.get("author")
    ok = True
    if not isinstance(cid, (str, int)) or isinstance(cid, bool) or str(cid).strip() == "":
        diags.error(Location(path, doc.line_of(*where)), "comment without an id (every comment needs a unique id)")
        ok = False
    elif str(cid) in seen:
        diags.error(Location(path, doc.line_of(*where, "id")), f"duplicate comment id '{cid}'")
        ok = False
    if not isinstance(text, str):
        diags.error(Location(path, doc.line_of(*where, "text")), "comment text: expected text")
        ok = False
    if author is not None and not isinstance(author, str):
        diags.error(Location(path, doc.line_of(*where, "author")), "author: expected a name or null")
        ok = False
    replies = _comment_list(item.get("replies") or [], where + ("replies",), path, doc, diags, seen)
    if not ok:
        return None
    seen.add(str(cid))
    date = item.get("date")
    return Comment(str(cid), author.strip() if author else None, text.strip("\n"), str(date) if date else "", replies)
