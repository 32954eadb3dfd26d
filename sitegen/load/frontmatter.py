"""Splitting ``index.md`` into front matter and body, keeping file line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostics
from ..yamlfile import YamlDocument, YamlSyntaxError, parse_yaml
from .files import read_text


class FrontMatterError(ValueError):
    def __init__(self, line: int | None, message: str):
        self.line = line
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class SplitDocument:
    front: YamlDocument
    body: str
    body_first_line: int  # 1-based file line where the body starts


# The line that closes the front matter: '---' or '...', then nothing but spaces (as str.rstrip
# strips them: the regular expression's \s is the same set of characters). Matched with the
# end of the line before it: a pattern that starts with a fixed character is looked for by
# that character alone, where one that starts with ^ is tried at every character of the text.
_CLOSING = re.compile(r"\n(?:---|\.\.\.)[^\S\n]*$", re.MULTILINE)


# Pelican's metadata header: its first line is one of its keys, a colon and a value ("Title: Vigil").
_PELICAN_METADATA = re.compile(r"(?i)(?:title|date|modified|category|tags|slug|authors?|summary|status|lang"
                               r"|translation|save_as|url|template):[^\S\n]+\S")


def split_front_matter(text: str) -> SplitDocument:
    """``---\\n<yaml>\\n---\\n<body>``: the YAML must come first, between two ``---`` lines.

    The text is cut where the lines are, not split into lines and joined again: the body
    is most of it, and this runs for every article of a cold build."""
    first_end = text.find("\n")
    first_line = (text if first_end < 0 else text[:first_end]).rstrip()
    if first_line == "+++":  # (Hugo's TOML front matter: an archive moved from Hugo has it)
        raise FrontMatterError(1, "front matter in TOML ('+++' lines, as Hugo writes it) is not read: write it as "
                                  "YAML between two '---' lines (key = \"value\" becomes key: value)")
    if first_line != "---":
        if _PELICAN_METADATA.match(first_line):  # ("Title: ..." lines, then a blank line: Pelican's)
            raise FrontMatterError(1, "metadata lines ('Title: …', as Pelican writes them) are front matter here: "
                                      "put a line '---' before them and one after, and write the keys in lower "
                                      "case (title:, date:)")
        raise FrontMatterError(1, "expected front matter: the file must start with a line '---', then YAML, then '---'")
    closing = _CLOSING.search(text, first_end) if first_end >= 0 else None
    if closing is None:
        raise FrontMatterError(1, "front matter is not closed: add a line '---' after the YAML")
    yaml_text = text[first_end + 1:max(first_end + 1, closing.start())]
    try:
        front = parse_yaml(yaml_text, first_line=2)
    except YamlSyntaxError as exc:
        raise FrontMatterError(exc.line, str(exc)) from None
    # (The body starts on the line after the closing one; its text after that line's end.)
    return SplitDocument(front, text[closing.end() + 1:], text.count("\n", 0, closing.start()) + 3)


def body_after_front_matter(text: str, body_first_line: int) -> str:
    """The body of a text that ``split_front_matter`` split before, without parsing it again."""
    start = 0
    for _ in range(body_first_line - 1):
        start = text.find("\n", start) + 1
        if start == 0:  # (fewer lines than that)
            return ""
    return text[start:]


def front_matter_line(index_path: Path, root: Path, *key: str) -> int | None:
    """The line of a front matter key (``"original", "sha256"`` for a nested one), read anew
    from the file: for a message about a loaded article, whose lines are not kept."""
    text = read_text(index_path, Diagnostics(), root)
    if text is None:
        return None
    try:
        return split_front_matter(text).front.line_of(*key)
    except FrontMatterError:
        return None
