"""Language tags (BCP 47): the site's (``language`` in sitegen.yaml) and an article's own.

An archive may hold stories in several languages: a French article in an English archive keeps
the site's ``lang`` on its page, whose labels and menus are English, and carries its own on its
title, body and quotes, so that screen readers pronounce it as French, browsers hyphenate it
as French, and its structured data and citations say what language it is in.

A tag is read as browsers and validators read the common ones: a language, then optionally a
script, a region and variants. Its language is checked where a mistake is likely and can be
told: a two-letter one must be one of ISO 639-1's (the registry's, which have not changed in
years), so that a country's code ("jp", "cz") or a typo is an error at its line rather than a
wrong ``lang`` on every page; a three-letter one must not be a language's that has a two-letter
tag ("eng", "fre": BCP 47 takes "en", "fr"). Other three-letter languages (there are thousands:
"haw", "yue", "tok") are taken as given. A tag is written in its usual case, never rewritten
into another one.
"""

from __future__ import annotations

import re

# language, script, region, variants ("pt-BR", "zh-Hant-TW", "de-CH-1996", "es-419"). Private-use
# ("x-...") and extension subtags ("-u-ca-..."), which no browser or screen reader acts on, are
# not taken (the W3C validator refuses most of them).
LANGUAGE_TAG = re.compile(r"(?P<language>[a-z]{2,3})(?:-(?P<script>[a-z]{4}))?(?:-(?P<region>[a-z]{2}|\d{3}))?"
                          r"(?P<variants>(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*)", re.IGNORECASE)
LONGEST_TAG = 64  # (longer is no tag anyone writes: told as one, without reading it)

# The two-letter languages of the IANA language subtag registry (ISO 639-1).
TWO_LETTER = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da
de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz
ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln
lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi
pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn so sq sr ss st su sv sw ta te tg th
ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
""".split())
# ... which it once had: what to write instead.
DEPRECATED = {'in': 'id', 'iw': 'he', 'ji': 'yi', 'jw': 'jv', 'mo': 'ro'}
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
                        "rs": "sr", "vn": "vi", "il": "he", "ir": "fa"}

# What a language given as YAML's true or false is told: YAML reads an unquoted `no` (Norwegian)
# as false, and `yes`, `on`, `off` as booleans too.
BOOLEAN_LANGUAGE = "YAML reads this as true or false, not a language tag: put the tag in quotes, as in language: 'no'"


EXPECTED = "expected one like 'fr', 'de' or 'pt-BR'"


def normal_tag(text: str) -> str | None:
    """``text`` as a language tag in its usual case ("pt_br" -> "pt-BR"), or None if it is none
    (see the module's docstring for what is checked)."""
    given = text.strip().replace("_", "-")
    found = LANGUAGE_TAG.fullmatch(given) if len(given) <= LONGEST_TAG else None
    if found is None or _language_problem(found["language"].lower(), found["region"]):
        return None
    parts = [found["language"].lower()]
    if found["script"]:
        parts.append(found["script"].title())
    if found["region"]:
        parts.append(found["region"].upper())
    return "-".join(parts) + found["variants"].lower()


def not_a_tag(given: str) -> str:
    """What a value that is no language tag is told."""
    found = LANGUAGE_TAG.fullmatch(given.strip().replace("_", "-")) if len(given) <= LONGEST_TAG else None
    problem = found and _language_problem(found["language"].lower(), found["region"])
    shown = given if len(given) <= 40 else given[:39] + "…"
    return f"'{shown}' is not a language tag ({problem or EXPECTED})"


def _language_problem(language: str, region: str | None) -> str | None:
    """Why a tag of the right shape is none, or None."""
    if len(language) == 2 and language in DEPRECATED:
        return f"'{language}' is no longer used: write '{DEPRECATED[language]}'"
    if language in COUNTRY_FOR_LANGUAGE:
        return f"'{language}' is a country's code: did you mean '{COUNTRY_FOR_LANGUAGE[language]}'?"
    if len(language) == 2 and language not in TWO_LETTER:
        return f"no language's code is '{language}'"
    if language in THREE_LETTER:
        return f"the language '{language}' is written '{THREE_LETTER[language]}' in a tag"
    if region and region.upper() == "UK":
        return "the United Kingdom's region is 'GB', as in 'en-GB'"
    return None


def primary(tag: str) -> str:
    """The language of a tag without its script, region and variants: "pt-BR" -> "pt"."""
    return tag.partition("-")[0].lower()


def own_language(article_language: str, site_language: str) -> str:
    """An article's language tag when it is not the site's, else '': what the elements holding
    its words (title, body, quotes) say in their ``lang``; the page says the site's."""
    return article_language if article_language and article_language.lower() != site_language.lower() else ""
