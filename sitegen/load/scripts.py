"""Which bundle files could run script if a reader opened them from the archive's address.

An article's bundle files are published next to its page, on the archive's own origin. A
saved page (an HTML capture's original.html) holds the source site's scripts; an SVG or XML
file can hold them too: a <script> element, an ``onload`` attribute, a ``javascript:`` link.
Shown as an image they are inert, but opened directly they run like any page of the archive.
Such files are published as text (see ``render/urls.published_name``), byte for byte, so
that nothing captured or pasted in can run there.

Some kinds are always published as text (``ALWAYS_SCRIPTED``). SVG and XML files are read
(``script_in``), because an SVG chart is a picture the article shows; they are published as
they are when they hold nothing that could run.
"""

from __future__ import annotations

import re
from xml.parsers import expat

ALWAYS_SCRIPTED = (".html", ".htm", ".xhtml", ".xht", ".shtml", ".mhtml", ".mht", ".js", ".mjs",
                   # XSLT can write script into the page it makes; a compressed SVG cannot be read here
                   ".xsl", ".xslt", ".svgz")
READ_FOR_SCRIPT = (".svg", ".xml")

# Elements that run script or load a page of their own, in any namespace (an XML file can
# hold XHTML's, and SVG has its own <script>); "handler" and "listener" are SVG Tiny's.
_RUNNING_ELEMENTS = {"script", "foreignobject", "iframe", "frame", "object", "embed", "handler", "listener",
                     "meta", "base", "form"}
# A URL that runs script, as a browser reads it: blanks and control characters inside the
# scheme are skipped.
_SCRIPT_URL = re.compile(r"^(?:[\x00-\x20]*)(?:j[\x00-\x20]*a[\x00-\x20]*v[\x00-\x20]*a|v[\x00-\x20]*b)"
                         r"[\x00-\x20]*s[\x00-\x20]*c[\x00-\x20]*r[\x00-\x20]*i[\x00-\x20]*p[\x00-\x20]*t"
                         r"[\x00-\x20]*:", re.IGNORECASE)


class _Found(Exception):
    """Raised from expat's handlers to stop at the first thing that could run."""

    def __init__(self, line: int, what: str):
        self.line, self.what = line, what


def always_text(name: str) -> bool:
    """Whether the bundle file ``name`` is a kind published as text whatever it holds."""
    return name.lower().endswith(ALWAYS_SCRIPTED)


def needs_reading(name: str) -> bool:
    """Whether the bundle file ``name`` is published as text only if it holds script (``script_in``)."""
    return name.lower().endswith(READ_FOR_SCRIPT)


def script_in(data: bytes) -> tuple[int, str] | None:
    """(line, what) of the first thing in this XML document (an SVG drawing, say) that could run
    script when a browser opens it; None when nothing could."""
    parser = expat.ParserCreate(namespace_separator=" ")

    def at(what: str) -> _Found:
        return _Found(parser.CurrentLineNumber, what)

    def start(tag: str, attributes: dict) -> None:
        local = tag.rsplit(" ", 1)[-1]
        if local.lower() in _RUNNING_ELEMENTS:
            raise at(f"<{local}> element")
        for attribute, value in attributes.items():
            attribute_local = attribute.rsplit(" ", 1)[-1]
            if attribute_local.lower().startswith("on"):
                raise at(f"{attribute_local} attribute on <{local}>")
            if _SCRIPT_URL.match(value):
                raise at(f"script URL in the {attribute_local} attribute of <{local}>")
            if local.lower() in ("set", "animate") and attribute_local == "attributeName" \
                    and (value.lower().startswith("on") or value.rsplit(":", 1)[-1] == "href"):
                raise at(f"<{local}> changing {value}")

    def instruction(target: str, content: str) -> None:
        # A CSS stylesheet cannot run script; an XSLT one writes the page the reader sees.
        if target == "xml-stylesheet" and not re.search(r"""type\s*=\s*["']text/css["']""", content):
            raise at("an XSLT stylesheet")

    def entity(name, *_ignored) -> None:
        # Entities are expanded by the browser, not by this check: what they hold is not read here.
        raise at(f"entity '{name}' declared")

    parser.StartElementHandler = start
    parser.ProcessingInstructionHandler = instruction
    parser.EntityDeclHandler = entity
    try:
        parser.Parse(data, True)
    except _Found as found:
        return found.line, found.what
    except expat.ExpatError as error:
        # A browser shows what it read up to the error, and runs it: not read, not vouched for.
        return error.lineno, f"not well-formed XML ({expat.ErrorString(error.code)})"
    return None
