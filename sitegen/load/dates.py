"""Articles dated after tomorrow: a warning at the date's line.

An article's date is when its source published it, so a date in the future is a typo (2204
for 2024, 2062 for 2026) that would put the article at the top of every list until then.
Checked over the loaded articles at every build, not with the warnings of a front matter read
(which the cache keeps while the file is unchanged): today moves, the file does not.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from pathlib import Path

from ..diagnostics import Diagnostics, Location
from ..model import Article
from .frontmatter import front_matter_line


def warn_of_dates_ahead(articles: Iterable[Article], root: Path, diags: Diagnostics,
                        today: datetime.date | None = None) -> None:
    today = today or datetime.date.today()
    # (a day's grace: where the source is, a zone ahead of this machine's, it may be tomorrow)
    latest = today + datetime.timedelta(days=1)
    for article in articles:
        date = article.date
        if date is None or (date.year, date.month or 1, date.day or 1) <= (latest.year, latest.month, latest.day):
            continue
        index_path = article.path / "index.md"
        diags.warning(Location(index_path, front_matter_line(index_path, root, "date")),
                      f"date: {date.day_iso()} is after today ({today.isoformat()}): an article's date is when "
                      "its source published it (a typo?)")
