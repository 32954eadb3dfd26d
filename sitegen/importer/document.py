"""An Analysis -> the bytes of index.md and comments.yaml (docs/content-format.md)."""

from __future__ import annotations

import datetime

from ..languages import primary
from .analyse import Analysis
from .bundle import dump_yaml, sha256
from .comments import Comment


def bundle_files(analysis: Analysis, raw: bytes, original_name: str, site_language: str = "en") -> dict[str, bytes]:
    """The files import writes into the bundle; the original is the input, byte for byte.
    ``site_language``: the site's language tag, which a story in another gets in its front matter."""
    files = {"index.md": index_md(analysis, original_name, sha256(raw), site_language).encode("utf-8")}
    if analysis.comments or analysis.reported_count is not None:
        files["comments.yaml"] = comments_yaml(analysis).encode("utf-8")
    files[original_name] = raw
    return files


def front_matter(analysis: Analysis, original_name: str, digest: str, site_language: str = "en") -> dict:
    """Front matter keys in the documented order; empty ones left out, and so is the story's
    language when it is the site's (as "en" is an "en-GB" site's)."""
    data: dict = {"title": analysis.title}
    if analysis.title_derived:
        data["title_derived"] = True
    if analysis.date:
        data["date"] = _date_value(analysis.date)
        data["date_origin"] = analysis.date_origin
    if analysis.dateline:
        data["dateline"] = analysis.dateline
    source = {key: value for key, value in (("name", analysis.source.name),
              ("site", analysis.source.site), ("url", analysis.source.url)) if value}
    if source:
        data["source"] = source
    if analysis.reporters:
        data["reporters"] = [{"name": r.name, "station": r.station} if r.station else r.name
                             for r in analysis.reporters]
    if analysis.people:
        data["people"] = [{"name": p.name, "role": p.role} if p.role else p.name
                          for p in analysis.people]
    if analysis.topics:
        data["topics"] = list(analysis.topics)
    if analysis.summary:
        data["summary"] = analysis.summary
    if analysis.language and primary(analysis.language) != primary(site_language):
        data["language"] = analysis.language
    data["original"] = {"file": original_name, "sha256": digest}
    return data


def index_md(analysis: Analysis, original_name: str, digest: str, site_language: str = "en") -> str:
    matter = dump_yaml(front_matter(analysis, original_name, digest, site_language))
    return f"---\n{matter}---\n{analysis.body}"


def comments_yaml(analysis: Analysis) -> str:
    data: dict = {}
    if analysis.reported_count is not None:
        data["reported_count"] = analysis.reported_count
    data["comments"] = [_comment(c) for c in analysis.comments]
    return dump_yaml(data)


def _comment(comment: Comment) -> dict:
    data: dict = {"id": comment.id, "author": comment.author, "text": comment.text}
    if comment.date:
        data["date"] = comment.date
    if comment.replies:
        data["replies"] = [_comment(r) for r in comment.replies]
    return data


def _date_value(date: str):
    """A full date is written as a YAML date (2016-12-18); YYYY-MM and YYYY stay text."""
    try:
        return datetime.date.fromisoformat(date)
    except ValueError:
        return date
