"""Located problems, reported like a compiler: ``path:line: message``.

Every stage reports into one ``Diagnostics`` collector instead of raising at the first
problem, so a user fixes all their mistakes in one round instead of one per build.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable


@dataclass(frozen=True, slots=True)
class Location:
    path: Path
    line: int | None = None  # 1-based, counted from the top of the file

    def __str__(self) -> str:
        shown = display_path(self.path)
        return f"{shown}:{self.line}" if self.line else shown


@dataclass(frozen=True, slots=True)
class Diagnostic:
    severity: str  # "error" or "warning"
    location: Location | None
    message: str

    def __str__(self) -> str:
        prefix = f"{self.location}: " if self.location else ""
        tag = "warning: " if self.severity == "warning" else ""
        return f"{prefix}{tag}{self.message}"


class BuildError(Exception):
    """Raised once, after a stage, when any error was collected."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        super().__init__(f"{len(diagnostics)} error(s)")

    def __reduce__(self):
        # Raised in a render worker, it reaches the parent pickled: keep the diagnostics.
        return (type(self), (self.diagnostics,))


@dataclass
class Diagnostics:
    items: list[Diagnostic] = field(default_factory=list)
    # `sitegen build --strict`: a warning stops the build as an error does, before the
    # output changes (for a CI that should not publish what an editor has not looked at).
    strict: bool = False

    def error(self, location: Location | None, message: str) -> None:
        self.items.append(Diagnostic("error", location, message))

    def warning(self, location: Location | None, message: str) -> None:
        self.items.append(Diagnostic("warning", location, message))

    def extend(self, other: Iterable[Diagnostic]) -> None:
        self.items.extend(other)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "warning"]

    def raise_if_errors(self) -> None:
        if self.errors or (self.strict and self.warnings):
            raise BuildError(sorted_diagnostics(self.items if self.strict else self.errors))


def sorted_diagnostics(items: Iterable[Diagnostic]) -> list[Diagnostic]:
    """File order, then line order: the order a reader fixes them in."""

    def key(d: Diagnostic):
        loc = d.location
        return (str(loc.path) if loc else "", (loc.line or 0) if loc else 0, d.message)

    return sorted(items, key=key)


def display_path(path: Path) -> str:
    """Relative to the working directory when below it, so messages are short and clickable."""
    try:
        return os.path.relpath(path) if Path(path).is_absolute() and _is_below_cwd(path) else str(path)
    except ValueError:
        return str(path)


def os_problem(exc: OSError) -> str:
    """What the system said, on the file it said it of: ``public/x/index.html: No space left
    on device`` (a full disk, a folder that may not be written), without Python's traceback."""
    what = exc.strerror or str(exc)
    return f"{display_path(exc.filename)}: {what}" if exc.filename else what


def _is_below_cwd(path: Path) -> bool:
    try:
        Path(path).resolve().relative_to(Path.cwd().resolve())
        return True
    except ValueError:
        return False


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for a near miss, or an empty string."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.75)
    return f" (did you mean '{close[0]}'?)" if close else ""


def counted(n: int, one: str, many: str) -> str:
    """'1 article', '2 articles': a count for a message."""
    return f"{n} {one if n == 1 else many}"
