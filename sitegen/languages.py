"""Language tags (BCP 47): the site's (``language`` in sitegen.yaml) and an article's own.

An archive may hold stories in several languages: a French article in an English archive keeps
the site's ``lang`` on its page, whose labels and menus are English, and carries its own on its
title, body and quotes, so that screen readers pronounce it as French, browsers hyphenate it
as French, and its structured data and citations say what language it is in.
"""

from __future__ import annotations

import langcodes

# What a language given as YAML's true or false is told: YAML reads an unquoted `no` (Norwegian)
# as false, and `yes`, `on`, `off` as booleans too.
BOOLEAN_LANGUAGE = "YAML reads this as true or false, not a language tag: put the tag in quotes, as in language: 'no'"

# Countries' codes written for their languages' ("jp" for Japanese), which are no language's.
COUNTRY_FOR_LANGUAGE = {"jp": "ja", "cz": "cs", "dk": "da", "gr": "el", "cn": "zh", "ua": "uk", "kr": "ko",
                        "al": "sq", "ee": "et", "rs": "sr", "si": "sl", "vn": "vi", "il": "he", "ir": "fa"}


def normal_tag(text: str) -> str | None:
    """``text`` as a language tag, in its usual form ("pt_br" -> "pt-BR", "eng" -> "en",
    "en-UK" -> "en-GB"), or None if it is none. Every subtag must be in the IANA registry,
    which langcodes carries: "jp" or "xx" have the shape of a tag but are no language's, and
    would be published in every lang, structured data and citation of the article."""
    given = text.strip().replace("_", "-")
    try:
        return langcodes.standardize_tag(given) if given and langcodes.tag_is_valid(given) else None
    except (ValueError, LookupError):  # (what langcodes cannot parse at all)
        return None


def not_a_tag(given: str) -> str:
    """What a value that is no language tag is told."""
    hint = COUNTRY_FOR_LANGUAGE.get(given.strip().lower())
    return (f"'{given}' is not a language tag ("
            + (f"'{given.strip()}' is a country's code: did you mean '{hint}'?)" if hint
               else "expected one like 'fr', 'de' or 'pt-BR')"))


def primary(tag: str) -> str:
    """The language of a tag without its script, region and variants: "pt-BR" -> "pt"."""
    return tag.partition("-")[0].lower()


def own_language(article_language: str, site_language: str) -> str:
    """An article's language tag when it is not the site's, else '': what the elements holding
    its words (title, body, quotes) say in their ``lang``; the page says the site's."""
    return article_language if article_language and article_language.lower() != site_language.lower() else ""
