"""Field checkers shared by front matter and registries.

A checker takes the raw YAML value and returns the clean value, or raises ``FieldError`` with
a message that says what was expected. The caller adds the file and line.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..diagnostics import Diagnostics, Location, did_you_mean
from ..languages import BOOLEAN_LANGUAGE, normal_tag, not_a_tag
from ..model import Link


class FieldError(ValueError):
    def __init__(self, message: str, path: tuple = ()):
        self.path = path  # where inside the value, for the line number
        self.more: tuple[FieldError, ...] = ()  # the value's other problems (a list's other bad items)
        super().__init__(message)

    def each(self) -> list["FieldError"]:
        """This problem and the value's others: each is reported at its own line."""
        return [self, *self.more]


def checked_values(data: dict, spec: dict, path, line_of, diags: Diagnostics, unknown: str) -> tuple[dict, bool]:
    """Each value of a YAML mapping checked by its key's checker in ``spec`` (``line_of(*path)``:
    where a value is, for its errors): the clean values, and whether any had an error (each
    reported at its line). A key not in ``spec`` is warned about as an ``unknown`` one, with the
    key it may have been meant for, and left out."""
    values, failed = {}, False
    for key, raw in data.items():
        check = spec.get(key)
        if check is None:
            diags.warning(Location(path, line_of(key)), f"unknown {unknown} '{key}'{did_you_mean(key, spec)}")
            continue
        try:
            values[key] = check(raw)
        except FieldError as exc:
            for problem in exc.each():
                diags.error(Location(path, line_of(key, *problem.path)), f"{key}: {problem}")
            failed = True
    return values, failed


def each_item(items: list, check) -> list:
    """``check(index, item)`` of every item of a list: a list with several bad items has each
    of them reported at once, as a compiler does, rather than one a build."""
    checked, problems = [], []
    for i, item in enumerate(items):
        try:
            checked.append(check(i, item))
        except FieldError as exc:
            problems.append(exc)
    if problems:
        problems[0].more = tuple(problems[1:])
        raise problems[0]
    return checked


def text(value) -> str:
    if type(value) is str:  # (nearly every value: asked first)
        return value.strip()
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        raise FieldError(f"expected text, got {_describe(value)}")
    return str(value).strip()


def required_text(value) -> str:
    result = text(value)
    if not result:
        raise FieldError("must not be empty")
    return result


def flag(value) -> bool:
    if not isinstance(value, bool):
        raise FieldError(f"expected true or false, got {_describe(value)}")
    return value


def whole_number(value) -> int:
    """Any integer, negative too (a weight); not true or false, which YAML makes numbers of."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise FieldError(f"expected a whole number, got {_describe(value)}")
    return value


def text_list(value) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if not isinstance(value, list):
        raise FieldError(f"expected a list of names, got {_describe(value)}")
    return tuple(each_item(value, _list_name))


def _list_name(i: int, item) -> str:
    try:
        return required_text(item)
    except FieldError as exc:
        raise FieldError(f"item {i + 1}: {exc}", (i,)) from None


def web_url(value) -> str:
    url = text(value)
    if url and urlsplit(url).scheme not in ("http", "https"):
        raise FieldError(f"expected an http(s) address, got {url!r}")
    return url


def language_tag(value) -> str:
    """A language tag in its usual case ("pt-br" -> "pt-BR"), or '' when none is given."""
    if isinstance(value, bool):
        raise FieldError(BOOLEAN_LANGUAGE)
    given = text(value)
    tag = normal_tag(given) if given else ""
    if tag is None:
        raise FieldError(not_a_tag(given))
    return tag


def links(value) -> tuple[Link, ...]:
    if not isinstance(value, list):
        raise FieldError(f"expected a list of {{title, url}}, got {_describe(value)}")
    return tuple(each_item(value, _link))


def _link(i: int, item) -> Link:
    if isinstance(item, str):
        item = {"title": item, "url": item}
    if not isinstance(item, dict) or "url" not in item:
        raise FieldError(f"item {i + 1}: expected {{title: ..., url: ...}}", (i,))
    try:
        url = web_url(item["url"])
        title = text(item.get("title") or url)
    except FieldError as exc:
        raise FieldError(f"item {i + 1}: {exc}", (i,)) from None
    return Link(title, url)


def _describe(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(value)
