"""Splitting ``index.md`` into front matter and body, keeping file line numbers."""

from __future__ import annotations

from dataclasses import dataclass

from ..yamlfile import YamlDocument, YamlSyntaxError, parse_yaml


class FrontMatterError(ValueError):
    def __init__(self, line: int | None, message: str):
        self.line = line
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class SplitDocument:
    front: YamlDocument
    body: str
    body_first_line: int  # 1-based file line where the body starts


def split_front_matter(text: str) -> SplitDocument:
    """``---\\n<yaml>\\n---\\n<body>``: the YAML must come first, between two ``---`` lines."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise FrontMatterError(1, "expected front matter: the file must start with a line '---', then YAML, then '---'")
    for end in range(1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            break
    else:
        raise FrontMatterError(1, "front matter is not closed: add a line '---' after the YAML")
    yaml_text = "\n".join(lines[1:end])
    try:
        front = parse_yaml(yaml_text, first_line=2)
    except YamlSyntaxError as exc:
        raise FrontMatterError(exc.line, str(exc)) from None
    return SplitDocument(front, _body(lines, end + 2), end + 2)


def body_after_front_matter(text: str, body_first_line: int) -> str:
    """The body of a text that ``split_front_matter`` split before, without parsing it again."""
    return _body(text.split("\n"), body_first_line)


def _body(lines: list[str], body_first_line: int) -> str:
    return "\n".join(lines[body_first_line - 1:])
