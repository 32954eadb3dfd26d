"""Field checkers shared by front matter and registries.

A checker takes the raw YAML value and returns the clean value, or raises ``FieldError`` with
a message that says what was expected. The caller adds the file and line.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

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


def checked_values(data: dict, spec: dict, path, line_of, diags: Diagnostics, unknown: str,
                   hints: dict[str, str] | None = None) -> tuple[dict, bool]:
    """Each value of a YAML mapping checked by its key's checker in ``spec`` (``line_of(*path)``:
    where a value is, for its errors): the clean values, and whether any had an error (each
    reported at its line). A key not in ``spec`` is warned about as an ``unknown`` one, with
    what says the same here when ``hints`` has it (another generator's key, which no spelling
    of ours is near) or else the key it may have been meant for, and left out."""
    values, failed = {}, False
    for key, raw in data.items():
        check = spec.get(key)
        if check is None:
            failed |= report_unknown_key(key, raw, spec, hints, Location(path, line_of(key)), diags, unknown,
                                         drafted=data.get("draft") is True)
            continue
        try:
            values[key] = check(raw)
        except FieldError as exc:
            for problem in exc.each():
                diags.error(Location(path, line_of(key, *problem.path)), f"{key}: {problem}")
            failed = True
    return values, failed


def report_unknown_key(key, raw, spec: dict, hints: dict[str, str] | None, where: Location, diags: Diagnostics,
                       unknown: str = "front matter key", drafted: bool = False) -> bool:
    """A key not in ``spec``, warned about with what says the same here (``hints``: another
    generator's keys, looked up in lower case too, as Pelican writes them: 'Tags') or else the
    key it may have been meant for. Whether it is an error: in front matter (``hints`` given),
    a key that another generator reads as "do not publish this" (Pelican's 'Status: draft',
    Jekyll's 'published: false'), which left unread would publish it; not when the front matter
    says 'draft: true' too (``drafted``), as the error asks, which keeps it out: then it is
    warned about as any other generator's key."""
    if hints is not None and not drafted and (unpublished := _unpublished_elsewhere(key, raw)) is not None:
        diags.error(where, f"{key}: {unpublished}")
        return True
    hint = (hints or {}).get(key) or (hints or {}).get(key.lower())
    diags.warning(where, f"unknown {unknown} '{key}'{f': {hint}' if hint else did_you_mean(key, spec)}")
    return False


def _unpublished_elsewhere(key, raw) -> str | None:
    name = key.lower() if isinstance(key, str) else ""
    if name == "status" and isinstance(raw, str) and raw.strip().lower() in ("draft", "hidden", "skip"):
        return (f"'{raw}' is Pelican's way to keep it unpublished, which is not read here (it would be "
                f"published): write 'draft: true' instead")
    if name == "published" and raw is False:
        return ("'false' is Jekyll's way to keep it unpublished, which is not read here (it would be "
                "published): write 'draft: true' instead")
    return None


def report_missing_title(data: dict, path, line_of, diags: Diagnostics) -> None:
    """The error of a front matter without 'title': at the line of a key that is 'title' in
    other letters ('Title', as Pelican writes its keys), which keys are not here, else at the
    file's first line."""
    written = next((key for key in data if isinstance(key, str) and key.strip().lower() == "title"), None)
    if written is None:
        diags.error(Location(path, 1), "missing required key 'title'")
    else:
        diags.error(Location(path, line_of(written)), f"missing required key 'title': keys are written in lower "
                                                      f"case here ('{written}' is another key): write title:")


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
    return tuple(each_item(value, _numbered(required_text)))


def _numbered(check):
    """``check`` of one item of a list, for ``each_item``: its error says which item it is."""
    def checked(i: int, item):
        try:
            return check(item)
        except FieldError as exc:
            raise FieldError(f"item {i + 1}: {exc}", (i,)) from None

    return checked


def aliases(value) -> tuple[str, ...]:
    """An article's or page's old addresses, each a path from the site's root: written
    ``/2016/05/old-slug/``, ``old/path.html`` or ``/old-slug``, kept as ``2016/05/old-slug/``,
    ``old/path.html`` and ``old-slug/`` (a path with no extension is a folder, as a server
    answers ``/old-slug`` with ``/old-slug/``). Percent-escapes are decoded: the page is a file
    of that name."""
    if not isinstance(value, list):
        raise FieldError(f"expected a list of this page's old addresses (aliases: [/2016/05/old-slug/]), "
                         f"got {_describe(value)}")
    return tuple(each_item(value, _numbered(_alias_path)))


def _alias_path(item) -> str:
    if type(item) is not str:
        raise FieldError(f"expected a path such as /2016/05/old-slug/, got {_describe(item)}")
    written = item.strip()
    if not written:
        raise FieldError("must not be empty")
    parts = urlsplit(written)
    if parts.scheme or parts.netloc:
        raise FieldError(f"{written!r} is an address with a host: an alias is a path on this site "
                         f"(written {parts.path or '/'!r})")
    for mark, what in (("?", "a query"), ("#", "a fragment")):
        if mark in written:
            raise FieldError(f"{written!r} has {what} ({written[written.index(mark):]!r}): a static site serves a "
                             "page by its path alone, so no page can answer for it")
    path = unquote(written).lstrip("/")
    if any(ord(c) < 32 or c in "\\\x7f" for c in path):
        raise FieldError(f"{written!r} has a character no path on the site can hold")
    segments = path.split("/")
    if any(s.startswith(".") for s in segments):
        raise FieldError(f"{written!r} has a '..', '.' or hidden name in it: an alias is the whole path from the "
                         "site's root, as a browser asks for it")
    if "" in segments[:-1]:
        raise FieldError(f"{written!r} has an empty folder name ('//')")
    last = segments[-1]
    if last and "." in last and not last.endswith((".html", ".htm")):
        raise FieldError(f"{written!r} would be served as a '.{last.rsplit('.', 1)[1]}' file, not as a page: "
                         "an alias ends in '/' or '.html'")
    return path if not last or "." in last else path + "/"


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
