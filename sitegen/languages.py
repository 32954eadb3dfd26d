"""Language tags (BCP 47): the site's (``language`` in sitegen.yaml) and an article's own.

An archive may hold stories in several languages: a French article in an English archive keeps
the site's ``lang`` on its page, whose labels and menus are English, and carries its own on its
title, body and quotes, so that screen readers pronounce it as French, browsers hyphenate it
as French, and its structured data and citations say what language it is in.
"""

from __future__ import annotations

import re

# The common shape of a tag: a language ("fr", "haw"), then optionally a script ("Latn"), a
# region ("BR", "419") and variants ("pt-BR", "zh-Hant-TW", "de-CH-1996"). Private-use and
# extension subtags, which no browser or screen reader acts on, are not taken.
LANGUAGE_TAG = re.compile(r"(?P<language>[a-z]{2,3})(?:-(?P<script>[a-z]{4}))?(?:-(?P<region>[a-z]{2}|\d{3}))?"
                          r"(?P<variants>(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*)", re.IGNORECASE)


# What a language given as YAML's true or false is told: YAML reads an unquoted `no` (Norwegian)
# as false, and `yes`, `on`, `off` as booleans too.
BOOLEAN_LANGUAGE = "YAML reads this as true or false, not a language tag: put the tag in quotes, as in language: 'no'"


def normal_tag(text: str) -> str | None:
    """``text`` as a language tag in its usual case ("pt_br" -> "pt-BR"), or None if it is none."""
    found = LANGUAGE_TAG.fullmatch(text.strip().replace("_", "-"))
    if found is None:
        return None
    parts = [found["language"].lower()]
    if found["script"]:
        parts.append(found["script"].title())
    if found["region"]:
        parts.append(found["region"].upper())
    return "-".join(parts) + found["variants"].lower()


def primary(tag: str) -> str:
    """The language of a tag without its script, region and variants: "pt-BR" -> "pt"."""
    return tag.partition("-")[0].lower()


def own_language(article_language: str, site_language: str) -> str:
    """An article's language tag when it is not the site's, else '': what the elements holding
    its words (title, body, quotes) say in their ``lang``; the page says the site's."""
    return article_language if article_language and article_language.lower() != site_language.lower() else ""
