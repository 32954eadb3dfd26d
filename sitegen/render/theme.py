"""Themes: an ordered list of folders, the site's own theme first, the default theme last.

A site overrides any template or static file by putting a file with the same name in
``themes/<theme>/templates/`` or ``themes/<theme>/static/``.
"""

from __future__ import annotations

import re
import traceback
import types
from contextlib import suppress
from pathlib import Path

import jinja2
import jinja2.compiler
import jinja2.ext
import jinja2.nodes
import jinja2.runtime
from jinja2.idtracking import VAR_LOAD_RESOLVE
from jinja2.utils import internalcode
from markupsafe import Markup, escape

import sitegen

from ..diagnostics import Diagnostic, Diagnostics, Location
from ..escaping import escape_text
from ..paths import is_inside
from .recent import RecentlyUsed


def default_theme_dir() -> Path:
    """The built-in theme: package data in an installed wheel, ``themes/default`` in a checkout."""
    packaged = Path(sitegen.__file__).parent / "themes" / "default"
    if packaged.is_dir():
        return packaged
    return Path(sitegen.__file__).parent.parent / "themes" / "default"


def theme_dirs(root: Path, theme: str) -> list[Path]:
    """Folders to look in, most specific first (duplicates removed)."""
    candidates = [root / "themes" / theme, default_theme_dir()]
    if theme != "default":
        candidates.insert(1, root / "themes" / "default")
    seen, result = set(), []
    for folder in candidates:
        key = folder.resolve()
        if folder.is_dir() and key not in seen:
            seen.add(key)
            result.append(folder)
    return result


def create_environment(dirs: list[Path], compiled: Path | None = None) -> jinja2.Environment:
    """``compiled``: a folder where Jinja keeps the templates it compiled, so that a rebuild
    that renders a page or two does not compile every template it uses first (a fifth of a
    second for the default theme, in every worker). Each is checked against the template's
    source before use, and written whole by a rename, so workers can share the folder."""
    if compiled is not None:
        compiled.mkdir(parents=True, exist_ok=True)
    env = _Environment(
        loader=jinja2.FileSystemLoader([str(d / "templates") for d in dirs]),
        bytecode_cache=_CompiledTemplates(str(compiled)) if compiled is not None else None,
        autoescape=True,  # everything is escaped unless a template says |safe on our own HTML
        undefined=jinja2.StrictUndefined,  # a typo in a template is an error, not a blank
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=[Unindented, CachedFragments],
        # A build's templates do not change while it renders: without this, Jinja looked at
        # each template file's time again for every page that used it (nine stats a page).
        auto_reload=False,
        # Every template the theme has, kept in a plain dict: Jinja's default, a least recently
        # used list of 400 behind a lock, is asked for the page's template, its base, the
        # macros and each include, some five times a page, in Python.
        cache_size=-1,
        # Jinja's optimizer folds constant expressions ("a" ~ "b") while compiling, asked at
        # every expression of every template: 7 % of compiling the default theme, which has
        # no such expression (its compiled code is the same without: tests/
        # test_render_speedups.py), in every process that renders pages.
        optimized=False,
    )
    env.context_class = _QuickContext
    env.code_generator_class = _QuickEscapeCodeGenerator
    env.extend(escape_output=escape_output, escape_text=escape_text)
    return env


class _Environment(jinja2.Environment):
    """Jinja's environment, with each template's globals in a plain dict.

    Jinja gives every template a ChainMap of its own globals over the environment's, so that
    a later change to the environment's shows through. Python's ChainMap is written in Python,
    and each page made one into a dict, a set and a difference of sets, looking up every
    global by calling ChainMap's methods, once for the page, each ``{% include %}`` and each
    ``{% from ... import %}``: 5 % of the instructions of rendering an article page. Jinja
    asks that the globals not change once a template is loaded (``Renderer`` sets ours before
    it renders a page), so a copy made when the template is loaded holds the same."""

    def make_globals(self, d):
        return {**self.globals, **(d or {})}


def escape_output(value) -> str:
    """What ``{{ value }}`` prints in an autoescaped template: markupsafe's ``escape(value)``, as
    text. Jinja calls ``escape``, which makes every value a ``Markup`` (a Python ``__new__``
    that asks for ``__html__`` again, then copies the text) only for the page to join them:
    some 300 values an article page, 3 % of a build. Text is escaped as markupsafe escapes it
    (``escaping.escape_text``); a ``Markup`` (a macro's output, a cached fragment) is
    already safe and printed as it is; a whole number is its digits; anything else takes
    ``escape`` (``__html__``, or ``str`` then escaping; an undefined value still raises)."""
    kind = type(value)
    if kind is str:
        return escape_text(value)
    if kind is Markup:
        return value
    if kind is int:
        return str(value)
    return escape(value)


class _QuickEscapeCodeGenerator(jinja2.compiler.CodeGenerator):
    """Jinja's compiler, with ``{{ ... }}`` in autoescaped templates printed through
    ``escape_output`` instead of ``escape`` (the hook Jinja's own NativeCodeGenerator uses; a
    str escaped in place, below), ``a.b`` read with Python's getattr first, and a page's
    variables checked for being undefined once, where the code that reads them begins. Where
    autoescaping is decided while rendering (``{% autoescape expr %}``), Jinja's way."""

    def _output_child_pre(self, node, frame, finalize) -> None:
        if self._escaped_inline(frame, finalize):
            # A str, most of what a page prints, is escaped there and then: one call in C, not
            # one of escape_output in Python and then the C one (100,000 values in rendering
            # the 300-article site). ``_out`` holds the value (a name Jinja never gives a
            # template's variables: those begin ``l_`` or ``t_``); anything else, escape_output.
            self.write("(environment.escape_text(_out) if type(_out := ")
        elif frame.eval_ctx.autoescape and not frame.eval_ctx.volatile:
            self.write("environment.escape_output(")
            if finalize.src is not None:
                self.write(finalize.src)
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node, frame, finalize) -> None:
        if self._escaped_inline(frame, finalize):
            self.write(") is str else environment.escape_output(_out))")
        else:
            super()._output_child_post(node, frame, finalize)

    def enter_frame(self, frame) -> None:
        """A name a template reads from the page's variables or the globals (Jinja's symbol
        tables mark it VAR_LOAD_RESOLVE) is looked up where its code begins (a template, a
        block, a macro, a loop's body), as Jinja does, and there given Jinja's undefined value
        when the page has no such variable, instead of at each place it is read (visit_Name).
        The template may set it later; it is never ``missing`` again before its code ends.
        (tests/test_render_names.py: pages and errors as with Jinja's compiler.)"""
        super().enter_frame(frame)
        for target, (action, name) in frame.symbols.loads.items():
            if action == VAR_LOAD_RESOLVE:
                self.writeline(f"if {target} is missing: {target} = undefined(name={name!r})")

    def visit_Name(self, node, frame) -> None:
        """A name looked up where its code begins (enter_frame) is read as it is, where Jinja
        writes ``(undefined(name='urls') if l_0_urls is missing else l_0_urls)`` at each
        place: 300 such expressions in the default theme, which Python takes some 100,000
        instructions each to compile, in every process that renders pages. Any other name (a
        macro's argument, a loop's variable, a name set before it is read), Jinja's way."""
        if node.ctx == "load":
            ref = frame.symbols.ref(node.name)
            load = frame.symbols.find_load(ref)
            if load is not None and load[0] == VAR_LOAD_RESOLVE:
                self.write(ref)
                return
        super().visit_Name(node, frame)

    @staticmethod
    def _escaped_inline(frame, finalize) -> bool:
        return frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src is None

    @jinja2.compiler.optimizeconst  # (as Jinja's own: a constant expression is worked out once)
    def visit_Getattr(self, node, frame) -> None:
        """``a.b`` asks Python for the attribute itself, and only when there is none goes to
        ``environment.getattr``, which asks again and then tries ``a['b']`` (or makes the
        undefined value). Every ``a.b`` was a call of that Python method, 150,000 of them in
        rendering 300 articles' site; ``getattr`` with a default is one call in C. ``_of`` and
        ``_attr`` hold the object and the attribute for the fallback, so ``a`` is worked out
        once (names Jinja never gives a template's variables: those begin ``l_`` or ``t_``).
        An environment with a getattr of its own (a sandbox) keeps Jinja's way."""
        if self.environment.is_async or type(self.environment).getattr is not jinja2.Environment.getattr:
            super().visit_Getattr(node, frame)
            return
        self.write("(_attr if (_attr := getattr((_of := ")
        self.visit(node.node, frame)
        self.write(f"), {node.attr!r}, missing)) is not missing else environment.getattr(_of, {node.attr!r}))")


# Callables that Jinja's Context.call passes straight through unless they are marked to be
# given the context, eval context or environment (``jinja_pass_arg``).
_PLAIN_CALLABLES = frozenset({types.FunctionType, types.MethodType, types.BuiltinFunctionType,
                              types.MethodWrapperType, jinja2.runtime.Macro})


class _QuickContext(jinja2.runtime.Context):
    """Jinja's context with a shorter way to a plain function or a macro.

    Every call a template makes (a macro, ``urls.article(a)``, ``date.human()``) goes through
    ``Context.call``, a hundred-odd times a page. Jinja's looks twice for a ``jinja_pass_arg``
    mark with ``hasattr``, which raises and swallows an AttributeError each time, and once on
    a ``__call__`` it makes first: 6 to 9 % of rendering the pages. Here a function,
    method or macro is asked once, with a default, and called; anything else (a callable
    object, an undefined value) takes Jinja's own way."""

    @internalcode  # (hidden from template tracebacks, as Jinja's own call is)
    def call(__self, __obj, *args, **kwargs):
        kind = type(__obj)
        # (A bound method passes the question on to its function in a way that raises an
        # AttributeError, message formatted, for getattr to swallow: 1 % of a cold build's
        # instructions. Asked directly, the function just says it has no mark.)
        marked = __obj.__func__ if kind is types.MethodType else __obj
        if kind in _PLAIN_CALLABLES and getattr(marked, "jinja_pass_arg", None) is None:
            if kwargs:
                kwargs.pop("_block_vars", None)
                kwargs.pop("_loop_vars", None)
            try:
                # A macro given each of its arguments by place, and nothing else it would have
                # to sort out (keywords, a caller, extra arguments), is run as Macro.__call__
                # and Macro._invoke would run it after matching them: its function, its output
                # made Markup when autoescaping (its own: no eval context is passed, as above).
                # A macro is called per listing entry: 0.45 % of a cold build's instructions
                # (callgrind, 300 articles). Macro's attributes are Jinja's private ones: a
                # Jinja without _argument_count takes Jinja's own way.
                if kind is jinja2.runtime.Macro and not kwargs and len(args) == getattr(__obj, "_argument_count", -1) \
                        and not (__obj.caller or __obj.catch_kwargs or __obj.catch_varargs
                                 or __self.environment.is_async):
                    html = __obj._func(*args)
                    # (The macro's output is the str its function joined: made Markup as
                    # Markup(html) makes it, without Markup.__new__, a Python function that
                    # asks the str for __html__ first.)
                    return str.__new__(Markup, html) if __obj._default_autoescape else html
                return __obj(*args, **kwargs)
            except StopIteration:
                return __self.environment.undefined(
                    "value was undefined because a callable raised a StopIteration exception")
        return super().call(__obj, *args, **kwargs)


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Jinja's store of compiled templates, where a file that cannot be read back is a template
    to compile again (and so is written anew), and one that cannot be written (a full disk) is
    one compiled again next time, not a failed build: like the rest of the cache, it is only
    ever a shortcut."""

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        with suppress(OSError):  # (Jinja removes its half-written file before it raises)
            super().dump_bytecode(bucket)


class Unindented(jinja2.ext.Extension):
    """Templates are read without the indentation at the start of their lines.

    It makes them readable, not the pages: copied into every page, it came to about 370 bytes
    of each article page. Only the templates' own text loses it, never what they print (a
    note, a comment, a code block), and the lines stay where they were, so a template error
    still names the right line. HTML shows a run of spaces and line breaks as one space: the
    line break before the indentation still is one, so the pages look the same. Where that
    line break follows a block tag, ``trim_blocks`` drops it, so one space is kept there
    (between two inline elements, nothing at all would join them). A template's own ``<pre>``
    or ``<textarea>``, where whitespace shows, is left as it is.
    """

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return unindent(source)


class CachedFragments(jinja2.ext.Extension):
    """``{% cached key, ... %}...{% endcached %}``: a fragment rendered once per key and reused.

    Hugo's ``partialCached``. An article is listed on a page of each of its people and topics
    and of the archive, each time by the same macro with the same result: cached by the
    article's slug, the default theme's ``article_item`` is rendered once per worker process
    instead of once on each listing page that shows the article. The key must
    tell apart everything the fragment shows but the globals (``site``, ``config``, ``urls``,
    ...), which are the same for the whole build. Each block (its place: its template, and
    which block of it) keeps its fragments in a memo of its own, so two blocks never share
    an entry, whatever their keys. The fragments live as long as the environment: one build,
    in one process. Keys are hashable values (strings, numbers, tuples of them).
    """

    tags = {"cached"}
    # At most this many fragments of each block are kept, the least recently used forgotten
    # first (see recent.RecentlyUsed). A memo for each block, not one for all: the default
    # theme's article items come back on the people's pages and then on the topics', which
    # also list annotations (five times as many items), and a memo shared by both kinds had
    # forgotten the articles' by then once an archive outgrew it. At 10,000 articles each of
    # two workers uses 17,000 article and 52,000 annotation items (about 30 MB); at 100,000,
    # some 700,000 items in all, which would take each worker to 1.9 GB if all were kept.
    LIMIT = 80_000

    def __init__(self, environment: jinja2.Environment):
        super().__init__(environment)
        environment.extend(cached_fragments={})  # the block's place -> its RecentlyUsed

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        keys = [parser.parse_expression()]
        while parser.stream.skip_if("comma"):
            keys.append(parser.parse_expression())
        body = parser.parse_statements(("name:endcached",), drop_needle=True)
        # The block's place: its template, and which of the template's blocks it is (a free
        # name's number counts up from the start of each template, the same in every process).
        place = jinja2.nodes.Const((parser.name, parser.free_identifier(lineno).name))
        # The fragment is looked for before the body is given to a call as its caller: Jinja
        # makes a block's caller (a Macro) before the call, and made one for every fragment
        # found too. So the block becomes, with two names of the compiler's own:
        #   key = (place, (keys...)); html = _found(key)
        #   if html is none: _fragment(key) with the body as caller  else: html
        key, html = parser.free_identifier(lineno), parser.free_identifier(lineno)
        nodes = jinja2.nodes
        return [node.set_lineno(lineno) for node in (
            nodes.Assign(key, nodes.Tuple([place, nodes.Tuple(keys, "load")], "load")),
            nodes.Assign(html, self.call_method("_found", [key])),
            nodes.If(nodes.Test(html, "none", [], [], None, None),
                     [nodes.CallBlock(self.call_method("_fragment", [key]), [], [], body)], [],
                     [nodes.Output([html])]))]

    def _found(self, key: tuple) -> str | None:
        """The fragment kept for ``key`` ((place, keys)), or None."""
        place, keys = key
        try:
            return self._memo(place).recall(keys)
        except TypeError:
            kinds = ", ".join(sorted({type(k).__name__ for k in keys if not _hashable(k)}))
            raise jinja2.TemplateRuntimeError(f"cached: a key must be a string, a number or a tuple of them, "
                                              f"not a {kinds}") from None

    def _fragment(self, key: tuple, caller) -> str:
        """The block rendered (a fragment not found), kept for ``key``."""
        place, keys = key
        return self._memo(place).keep(keys, caller())

    def _memo(self, place: tuple) -> RecentlyUsed:
        """The fragments kept of the block at ``place``."""
        memos = self.environment.cached_fragments
        memo = memos.get(place)
        if memo is None:
            memo = memos[place] = RecentlyUsed(self.LIMIT)
        return memo


def _hashable(value) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


# A <pre> or <textarea> element, kept whole; the indentation of the first line, or of a line
# after a block or comment tag, which becomes one space; any other line's, which goes.
_INDENTATION = re.compile(r"(<(pre|textarea)\b.*?</\2\s*>)|(\A|[%#]\}\n)[ \t]+|(?<=\n)[ \t]+",
                          re.DOTALL | re.IGNORECASE)


def unindent(source: str) -> str:
    def replace(match: re.Match) -> str:
        if match.group(1):
            return match.group(1)
        return "" if match.group(3) is None else match.group(3) + " "
    return _INDENTATION.sub(replace, source)


def static_files(dirs: list[Path], diags: Diagnostics) -> dict[str, Path]:
    """``static/`` files of every theme folder; the first folder that has a name wins."""
    found: dict[str, Path] = {}
    for folder in dirs:
        static = folder / "static"
        if not static.is_dir():
            continue
        for path in sorted(static.rglob("*")):
            rel = path.relative_to(static).as_posix()
            hidden = any(p.startswith(".") for p in path.relative_to(static).parts)
            # A site's theme is content too: a link out of its folder is not published.
            if hidden or not path.is_file():
                continue
            if not is_inside(path, folder):
                diags.error(Location(path), "is a link to a file outside the theme folder; refusing to publish it")
                continue
            found.setdefault(rel, path)
    return dict(sorted(found.items()))


def template_problem(exc: Exception, making: str) -> Diagnostic | None:
    """A theme's template error, located like any other input error: ``path:line: message``;
    None for an error that did not happen in a template (a bug of sitegen's: let it show).

    A syntax error names its file and line. An error while rendering (an undefined name, a
    method called on the wrong kind of value, a loop over a value of another shape) does not,
    but Jinja rewrites the traceback so that its frames are the templates' own files and lines:
    the innermost one is where it went wrong. ``making`` names the unit being rendered
    (``article good``), for errors that depend on the data.
    """
    path, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if not path:
        frames = [f for f in traceback.extract_tb(exc.__traceback__)
                  if not f.filename.endswith(".py") and not f.filename.startswith("<")]
        if frames:
            path, line = frames[-1].filename, frames[-1].lineno
    if isinstance(exc, jinja2.TemplateNotFound):  # its message lists every search folder, installed ones too
        what = f"no template '{exc.name}' in the theme's templates/ folders"
    elif isinstance(exc, jinja2.TemplateError):
        what = exc.message or type(exc).__name__
    elif path:
        what = f"{type(exc).__name__}: {exc}"
    else:
        return None
    return Diagnostic("error", Location(Path(path), line) if path else None, f"template error: {what} (rendering {making})")
