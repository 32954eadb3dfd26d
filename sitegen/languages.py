"""Language tags (BCP 47): the site's (``language`` in sitegen.yaml) and an article's own.

An archive may hold stories in several languages: a French article in an English archive keeps
the site's ``lang`` on its page, whose labels and menus are English, and carries its own on its
title, body and quotes, so that screen readers pronounce it as French, browsers hyphenate it
as French, and its structured data and citations say what language it is in.

A tag is read as browsers and validators read the common ones: a language, then optionally a
script, a region and variants, each of which must be in the IANA Language Subtag Registry
(language_subtags.txt, the registry reduced), as the W3C validator of `sitegen check` wants
them: a country's code ("jp", "cz"), a three-letter code of a language that has a two-letter
tag ("eng"), a language's own script ("en-Latn") or a typo is an error at its line, with what
to write instead when it can be told, rather than a wrong ``lang`` on every page. A tag is
written in its usual case, never rewritten into another one.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

# language, script, region, variants ("pt-BR", "zh-Hant-TW", "de-CH-1996", "es-419"), in ASCII
# ("es-４１９" is none). Private-use ("x-...") and extension subtags ("-u-ca-..."), which no
# browser or screen reader acts on, are not taken.
LANGUAGE_TAG = re.compile(r"(?P<language>[a-z]{2,3})(?:-(?P<script>[a-z]{4}))?(?:-(?P<region>[a-z]{2}|\d{3}))?"
                          r"(?P<variants>(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*)", re.IGNORECASE | re.ASCII)
# A language and one of its "extended" subtags ("zh-yue"), which the registry asks to write alone.
EXTENDED = re.compile(r"(?P<language>[a-z]{2,3})-(?P<extlang>[a-z]{3})(?:-.*)?", re.IGNORECASE | re.ASCII)
LONGEST_TAG = 64  # (longer is no tag anyone writes: told as one, without reading it)
REGISTRY = Path(__file__).with_name("language_subtags.txt")


@cache
def registry() -> dict[str, set[str] | dict[str, str]]:
    """The registry's subtags by kind (language, extlang, script, region), its variants with
    the prefixes each is for (a tuple of subtag tuples, empty for any), and its ``deprecated``
    and ``suppress`` pairs: read once, by the first build that checks a tag."""
    kinds: dict = {"variant": {}}
    for line in REGISTRY.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, *words = line.split()
            if kind in ("deprecated", "suppress"):
                kinds.setdefault(kind, {}).update(word.split("=") for word in words)
            elif kind == "variant":
                for word in words:
                    variant, _, prefixes = word.partition("=")
                    kinds["variant"][variant] = tuple(tuple(p.split("-")) for p in prefixes.split("|") if p)
            else:
                kinds.setdefault(kind, set()).update(words)
    return kinds


# The three-letter codes (ISO 639-2, both sets) of the languages that have a two-letter tag.
THREE_LETTER = {
    "aar": "aa", "abk": "ab", "afr": "af", "aka": "ak", "alb": "sq", "amh": "am", "ara": "ar",
    "arg": "an", "arm": "hy", "asm": "as", "ava": "av", "ave": "ae", "aym": "ay", "aze": "az",
    "bak": "ba", "bam": "bm", "baq": "eu", "bel": "be", "ben": "bn", "bih": "bh", "bis": "bi",
    "bod": "bo", "bos": "bs", "bre": "br", "bul": "bg", "bur": "my", "cat": "ca", "ces": "cs",
    "cha": "ch", "che": "ce", "chi": "zh", "chu": "cu", "chv": "cv", "cor": "kw", "cos": "co",
    "cre": "cr", "cym": "cy", "cze": "cs", "dan": "da", "deu": "de", "div": "dv", "dut": "nl",
    "dzo": "dz", "ell": "el", "eng": "en", "epo": "eo", "est": "et", "eus": "eu", "ewe": "ee",
    "fao": "fo", "fas": "fa", "fij": "fj", "fin": "fi", "fra": "fr", "fre": "fr", "fry": "fy",
    "ful": "ff", "geo": "ka", "ger": "de", "gla": "gd", "gle": "ga", "glg": "gl", "glv": "gv",
    "gre": "el", "grn": "gn", "guj": "gu", "hat": "ht", "hau": "ha", "hbs": "sh", "heb": "he",
    "her": "hz", "hin": "hi", "hmo": "ho", "hrv": "hr", "hun": "hu", "hye": "hy", "ibo": "ig",
    "ice": "is", "ido": "io", "iii": "ii", "iku": "iu", "ile": "ie", "ina": "ia", "ind": "id",
    "ipk": "ik", "isl": "is", "ita": "it", "jav": "jv", "jpn": "ja", "kal": "kl", "kan": "kn",
    "kas": "ks", "kat": "ka", "kau": "kr", "kaz": "kk", "khm": "km", "kik": "ki", "kin": "rw",
    "kir": "ky", "kom": "kv", "kon": "kg", "kor": "ko", "kua": "kj", "kur": "ku", "lao": "lo",
    "lat": "la", "lav": "lv", "lim": "li", "lin": "ln", "lit": "lt", "ltz": "lb", "lub": "lu",
    "lug": "lg", "mac": "mk", "mah": "mh", "mal": "ml", "mao": "mi", "mar": "mr", "may": "ms",
    "mkd": "mk", "mlg": "mg", "mlt": "mt", "mon": "mn", "mri": "mi", "msa": "ms", "mya": "my",
    "nau": "na", "nav": "nv", "nbl": "nr", "nde": "nd", "ndo": "ng", "nep": "ne", "nld": "nl",
    "nno": "nn", "nob": "nb", "nor": "no", "nya": "ny", "oci": "oc", "oji": "oj", "ori": "or",
    "orm": "om", "oss": "os", "pan": "pa", "per": "fa", "pli": "pi", "pol": "pl", "por": "pt",
    "pus": "ps", "que": "qu", "roh": "rm", "ron": "ro", "rum": "ro", "run": "rn", "rus": "ru",
    "sag": "sg", "san": "sa", "sin": "si", "slk": "sk", "slo": "sk", "slv": "sl", "sme": "se",
    "smo": "sm", "sna": "sn", "snd": "sd", "som": "so", "sot": "st", "spa": "es", "sqi": "sq",
    "srd": "sc", "srp": "sr", "ssw": "ss", "sun": "su", "swa": "sw", "swe": "sv", "tah": "ty",
    "tam": "ta", "tat": "tt", "tel": "te", "tgk": "tg", "tgl": "tl", "tha": "th", "tib": "bo",
    "tir": "ti", "ton": "to", "tsn": "tn", "tso": "ts", "tuk": "tk", "tur": "tr", "twi": "tw",
    "uig": "ug", "ukr": "uk", "urd": "ur", "uzb": "uz", "ven": "ve", "vie": "vi", "vol": "vo",
    "wel": "cy", "wln": "wa", "wol": "wo", "xho": "xh", "yid": "yi", "yor": "yo", "zha": "za",
    "zho": "zh", "zul": "zu"
}

# Countries' codes written for their languages' ("jp" for Japanese), which are no language's.
COUNTRY_FOR_LANGUAGE = {"jp": "ja", "cz": "cs", "dk": "da", "gr": "el", "cn": "zh", "ua": "uk", "al": "sq",
                        "rs": "sr", "vn": "vi", "il": "he", "ir": "fa"}  # (none a language's code)

# What a language given as YAML's true or false is told: YAML reads an unquoted `no` (Norwegian)
# as false, and `yes`, `on`, `off` as booleans too.
BOOLEAN_LANGUAGE = "YAML reads this as true or false, not a language tag: put the tag in quotes, as in language: 'no'"


EXPECTED = "expected one like 'fr', 'de' or 'pt-BR'"


def normal_tag(text: str) -> str | None:
    """``text`` as a language tag in its usual case ("pt_br" -> "pt-BR"), or None if it is none
    (see the module's docstring for what is checked)."""
    found = _read(text)
    if found is None or _problem(found):
        return None
    subtags = [part for part in (found["language"], found["script"], found["region"]) if part]
    return _usual_case(subtags) + found["variants"].lower()


def _read(text: str) -> re.Match | None:
    """``text`` read as a tag's subtags ("pt_br" as "pt-BR"), or None if it has not their shape."""
    given = text.strip().replace("_", "-")
    return LANGUAGE_TAG.fullmatch(given) if len(given) <= LONGEST_TAG else None


def _usual_case(subtags) -> str:
    """Subtags joined as tags are written: a language in lower case, a script with a capital,
    a region in capitals ("zh", "Hant", "TW")."""
    return "-".join(part.title() if len(part) == 4 and part.isalpha() and i else
                    part.upper() if len(part) == 2 and i else part.lower() for i, part in enumerate(subtags))


def not_a_tag(given: str) -> str:
    """What a value that is no language tag is told."""
    found = _read(given)
    text = given.strip().replace("_", "-")
    extended = EXTENDED.fullmatch(text) if found is None and len(text) <= LONGEST_TAG else None
    if found is not None:
        problem = _problem(found)
    elif extended is not None and extended["extlang"].lower() in registry()["extlang"]:
        problem = f"'{extended['language']}-{extended['extlang']}' is written '{extended['extlang'].lower()}'"
    else:
        problem = None
    shown = given if len(given) <= 40 else given[:39] + "…"
    return f"'{shown}' is not a language tag ({problem or EXPECTED})"


def _problem(found: re.Match) -> str | None:
    """Why a tag of the right shape is none (a subtag the registry does not have), or None."""
    known = registry()
    language = found["language"].lower()
    if language in known["deprecated"]:
        return f"'{language}' is no longer used: write '{known['deprecated'][language]}'"
    if language not in known["language"]:
        if language in COUNTRY_FOR_LANGUAGE:
            return f"'{language}' is a country's code: did you mean '{COUNTRY_FOR_LANGUAGE[language]}'?"
        if language in THREE_LETTER:
            return f"the language '{language}' is written '{THREE_LETTER[language]}' in a tag"
        return f"no language in the IANA subtag registry has the code '{language}'"
    script = (found["script"] or "").lower()
    if script and script not in known["script"]:
        return f"no script in the registry has the code '{found['script']}'"
    if script and known["suppress"].get(language) == script:
        return f"'{language}' is written in the script '{found['script']}' anyway: leave it out"
    region = (found["region"] or "").lower()
    if region == "uk":
        return "'UK' is no region's code: the United Kingdom's is 'GB'"
    if region and region not in known["region"]:
        return f"no region in the registry has the code '{found['region']}'"
    before = [language] + [part for part in (script, region) if part]
    for variant in found["variants"].lower().split("-")[1:]:
        if variant not in known["variant"]:
            return f"no variant in the registry is '{variant}'"
        # (a variant is registered for some languages: "1996" for German, "pinyin" for Chinese
        # and Tibetan in Latin script; each of a prefix's subtags comes before it in the tag)
        prefixes = known["variant"][variant]
        if prefixes and not any(set(prefix) <= set(before) for prefix in prefixes):
            return f"the variant '{variant}' is for {' or '.join(repr(_usual_case(p)) for p in prefixes)}"
        before.append(variant)
    return None


def primary(tag: str) -> str:
    """The language of a tag without its script, region and variants: "pt-BR" -> "pt"."""
    return tag.partition("-")[0].lower()


def own_language(article_language: str, site_language: str) -> str:
    """An article's language tag when it is not the site's, else '': what the elements holding
    its words (title, body, quotes) say in their ``lang``; the page says the site's."""
    return article_language if article_language and article_language.lower() != site_language.lower() else ""
