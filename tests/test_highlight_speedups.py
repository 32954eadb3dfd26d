"""The fast RegexLexer (sitegen.markup.lexing) gives exactly Pygments' own tokens and HTML.

Its loop mirrors Pygments' private ``RegexLexer.get_tokens_unprocessed`` and matches runs of
rules with one combined regex: these tests lex many random and realistic inputs with both and
compare, for the benchmark's languages, a fixed list of lexers using every kind of rule
(callbacks, ``using``, ``bygroups``, ``default``, ``words``, ``include``, ``combined``,
``inherit``, inline flags) and a seeded sample of all the others.
"""

from __future__ import annotations

import html
import random
import re
import zlib

import pytest
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import RegexLexer, bygroups, combined, default, include, inherit, this, using, words
from pygments.lexers import find_lexer_class_by_name, get_all_lexers
from pygments.token import Keyword, Name, Number, Punctuation, String, Text

from sitegen.markup import highlight as highlighting
from sitegen.markup import lexing
from sitegen.markup.highlight import highlight_code

BENCHMARK = ["python", "json", "yaml", "sql", "text"]
# Chosen for their rules: callbacks, using(this)/using(Other), bygroups, default(), words(),
# include, combined(), inherit, (?i)/(?x) inline flags, back-references, deep state stacks.
VARIED = [
    "c", "cpp", "java", "javascript", "typescript", "rust", "go", "ruby", "perl", "php",
    "bash", "html", "xml", "css", "scss", "markdown", "rst", "ini", "toml", "diff",
    "lua", "haskell", "scala", "kotlin", "swift", "csharp", "objective-c", "erlang", "elixir",
    "clojure", "lisp", "tex", "make", "docker", "nginx", "vim", "powershell", "r", "julia",
    "groovy", "dart", "ocaml", "fortran", "ada", "pascal", "d", "nim", "zig", "tcl", "coffeescript",
    "graphql", "protobuf", "sparql", "mysql", "postgresql", "ipython3", "cython", "jinja", "django",
]

FRAGMENTS = [
    "def ", "class ", "return ", "if ", "else", "for ", "while ", "import ", "from ", "fn ",
    "let ", "var ", "const ", "SELECT ", "FROM ", "WHERE ", "<div class=\"x\">", "</div>", "<?php ",
    "?>", "{{ ", " }}", "{% ", " %}", "#", "//", "/*", "*/", "--", "<!--", "-->", "\"", "'", "'''",
    '"""', "`", "${", "}", "{", "[", "]", "(", ")", ";", ":", ",", ".", "=", "==", "=>", "->",
    "+", "-", "*", "/", "\\", "\\n", "%", "@", "$", "&", "|", "^", "~", "!", "?", "<", ">",
    "0x1F", "3.14e-10", "42", "0b101", "1_000", "f\"", "r'", "b\"", "u'", "rb'", "\n", "\n\n",
    "\t", "    ", " ", "  - ", "key: ", "---", "...", "\u00e9t\u00e9", "\u65e5\u672c", "\U0001F600",
    "\u00a0", "\r\n", "x", "foo_bar", "Baz", "TRUE", "null", "None", "self", "this", "@decorator",
    "#include <stdio.h>", "#!/bin/sh", "%%", "\\begin{x}", "$x", "@{", "#{", "<<EOF", "EOF",
]

SNIPPETS = [
    'def f(x, *args, **kw):\n    """Doc."""\n    return {k: v for k, v in kw.items() if v}\n',
    'print(f"{votes[\'yes\'] / total:.0%} in favor {x!r:>{w}}")\n',
    "class A(B, metaclass=M):\n    async def g(self):\n        await h()  # comment\n",
    '{\n  "agency": "library",\n  "year": 1999,\n  "ok": [true, false, null, 1.5e3]\n}\n',
    "meeting: 2024-01-01\nbody: council\nitems:\n  - a\n  - budget amendment 7\n  key: |\n    text\n",
    "SELECT district, COUNT(*) AS n FROM t WHERE year = 2020 AND c = 'x' GROUP BY d ORDER BY n DESC;\n",
    "#include <stdio.h>\nint main(void) { printf(\"%d\\n\", 1 << 3); return 0; }\n",
    "<html><body onload=\"f()\"><script>var x = `a${b}c`;</script><style>p{color:red}</style></body></html>\n",
    "fn main() { let v: Vec<u8> = vec![1, 2]; println!(\"{:?}\", v); } // r#\"raw\"#\n",
    "#!/bin/bash\nfor f in *.txt; do echo \"$f ${f%.txt}\"; done <<EOF\nhere\nEOF\n",
    "---\ntitle: x\n---\n# Heading\n\n* item `code` **bold** [link](http://x)\n\n```py\nx = 1\n```\n",
    "<?php echo $a['b'] . \"c{$d}\"; ?>\n{% if x %}{{ y|upper }}{% endif %}\n",
]


def _random_text(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.05:
        return ""
    if kind < 0.3:
        text = rng.choice(SNIPPETS)
        cut = sorted(rng.sample(range(len(text) + 1), 2))
        return text[: cut[0]] + "".join(rng.choices(FRAGMENTS, k=rng.randint(0, 5))) + text[cut[1] :]
    pieces = rng.choices(FRAGMENTS + SNIPPETS, k=rng.randint(1, 40))
    text = "".join(pieces)
    return text if rng.random() < 0.5 else text.rstrip("\n")


def _inputs(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return SNIPPETS + [_random_text(rng) for _ in range(count)]


def _same_tokens(fast, slow, texts):
    for text in texts:
        assert list(fast.get_tokens_unprocessed(text)) == list(slow.get_tokens_unprocessed(text)), text
        assert list(fast.get_tokens(text)) == list(slow.get_tokens(text)), text


def _pair(alias):
    cls = find_lexer_class_by_name(alias)
    return lexing.fast_lexer(cls), cls()


@pytest.mark.parametrize("alias", BENCHMARK + VARIED)
def test_tokens_equal_pygments(alias):
    fast, slow = _pair(alias)
    inputs = _inputs(zlib.crc32(alias.encode()), 150)  # (the same inputs in every run)
    if fast is None:
        # Not a plain RegexLexer: Pygments' own lexer is used, and the page's HTML is its own.
        assert type(highlighting._lexer(alias)) is type(slow)
        for text in inputs[:40]:
            assert highlight_code(text, alias, "") == _pygments_block(text, alias), text
        return
    _same_tokens(fast, slow, inputs)


def test_sample_of_all_lexers():
    """A seeded sample of every lexer the fast path takes: same tokens as Pygments."""
    aliases = sorted(aliases[0] for _name, aliases, *_rest in get_all_lexers() if aliases)
    taken = [alias for alias in aliases if lexing.fast_lexer(find_lexer_class_by_name(alias))]
    assert len(taken) > 300  # most of Pygments' lexers are plain RegexLexers
    for alias in random.Random(39).sample(taken, 40):
        fast, slow = _pair(alias)
        _same_tokens(fast, slow, _inputs(len(alias), 20))


def test_benchmark_languages_take_the_fast_path_with_combined_runs():
    """Python and SQL (the benchmark's) are lexed by the fast loop with combined regexes."""
    for alias in ("python", "sql"):
        fast, _slow = _pair(alias)
        assert fast is not None
        list(fast.get_tokens(SNIPPETS[0] + SNIPPETS[1] + SNIPPETS[5]))
        runs = fast._runs["root"]
        assert runs and all(run_match is not None for run_match, _rules in runs)
    # ExtendedRegexLexer (YAML) and custom lexers (JSON) keep Pygments' own
    assert lexing.fast_lexer(find_lexer_class_by_name("yaml")) is None
    assert lexing.fast_lexer(find_lexer_class_by_name("json")) is None


class _Tricky(RegexLexer):
    """Rules whose order matters, every kind of state change, and rules that cannot be combined."""

    name = "tricky"
    flags = re.MULTILINE
    tokens = {
        "root": [
            (r"(?i)select\b", Keyword),  # global inline flag, scoped inside the combined regex
            (r"sel\w*", Name.Function),  # must lose to the rule above on "select"
            (r"(['\"])(.*?)(\1)", bygroups(String, String.Double, String)),  # back-reference
            (r"(\w+)(\s*)(=)", bygroups(Name.Variable, Text, Punctuation)),
            (r"\d+", Number),
            (r"\w+", Name),
            (r"\(", Punctuation, "paren"),
            (r"\[", Punctuation, ("bracket", "bracket")),
            (r"\{", Punctuation, combined("inner", "paren")),
            (r"<", Punctuation, "#push"),
            (r">", Punctuation, "#pop"),
            (r"[ \t]+", Text),
            (r"(@)(\w+)", bygroups(Punctuation, using(this, state="paren"))),
        ],
        "paren": [
            (r"\)", Punctuation, "#pop"),
            (r"\]\]", Punctuation, "#pop:2"),
            (r"(?x) \# [^\n]*  # a comment in verbose mode", String.Doc),
            (words(("and", "or", "not"), suffix=r"\b"), Keyword),
            include("inner"),
            default("#pop"),
        ],
        "bracket": [
            (r"\]", Punctuation, "#pop"),
            include("inner"),
        ],
        "inner": [
            (r"(?P<word>\w+)(?P=word)", Keyword.Pseudo),  # named back-reference: not combinable
            (r"\w+", Name.Other),
            (r"[ \t]+", Text),
            (r"\}", Punctuation, "#pop:1"),
        ],
    }


class _TrickyChild(_Tricky):
    tokens = {"root": [(r"!+", Keyword.Reserved), inherit]}


TRICKY_TEXT = [
    "select Selection selx 'a' \"b' c\" x = 1 (a and b ]] aa bb) [[x] y] {z} <a <b> c> @q)",
    "(((\n)))\n<<<>>>>>>\n[[[[\n{{{{}}}}\n)\n@(x\n'unclosed\n\u00e9\n",
]


@pytest.mark.parametrize("cls", [_Tricky, _TrickyChild])
def test_tricky_lexer(cls):
    fast, slow = lexing.fast_lexer(cls), cls()
    rng = random.Random(7)
    alphabet = list("selctSELCT xyab'\"()[]{}<>@!=0123 \n\t#]]") + ["and ", "or", "select", "aa", "]]"]
    texts = TRICKY_TEXT + ["".join(rng.choices(alphabet, k=rng.randint(0, 60))) for _ in range(1500)]
    _same_tokens(fast, slow, texts)
    # runs with back-references are tried rule by rule, the others combined
    assert fast._included_runs["inner"][0] is None
    assert fast._runs["root"][0][0] is None  # the quote's back-reference
    assert fast._runs["paren"][0][0] is not None


def test_combined_regex_picks_the_first_rule_in_order():
    """The combined run keeps Pygments' rule order: 'select' is a keyword, not a name."""
    fast = lexing.fast_lexer(_Tricky)
    assert list(fast.get_tokens("(select")) == list(_Tricky().get_tokens("(select"))
    tokens = list(lexing.fast_lexer(find_lexer_class_by_name("python")).get_tokens("def lambda_ None"))
    assert tokens == list(find_lexer_class_by_name("python")().get_tokens("def lambda_ None"))


@pytest.mark.parametrize("lang", BENCHMARK + ["c", "html", "rust", "bash", "nosuchlang", ""])
def test_highlight_code_html_equals_pygments(lang):
    for text in _inputs(len(lang) + 100, 60):
        assert highlight_code(text, lang, "") == _pygments_block(text, lang), text


def _pygments_block(text: str, lang: str) -> str:
    """The block as Pygments' own lexer and HtmlFormatter make it (escaped text alone for no
    language or one Pygments does not know)."""
    if lang and lang != "nosuchlang":
        body = highlight(text, find_lexer_class_by_name(lang)(), HtmlFormatter(nowrap=True))
    else:
        body = html.escape(text)
    lang_class = f' class="language-{lang}"' if lang else ""
    return f'<pre class="highlight"><code{lang_class}>{body}</code></pre>\n'


def test_format_html_equals_html_formatter():
    """Random token streams: same bytes as HtmlFormatter(nowrap=True), including token types
    Pygments has no short class for (their parents' classes are added) and plain Text."""
    from pygments import format as pygments_format
    from pygments.token import Comment, Error, Generic, Operator, Token, Whitespace

    from sitegen.markup.highlight import _format_html

    types = [
        Text, Whitespace, Token, Keyword, Keyword.Constant, Name, Name.Function.Magic, Name.Made.Up,
        Token.Brand.New, String.Double, String.Escape.Deeper, Number.Integer, Comment.Single,
        Operator, Punctuation, Error, Generic.Inserted, Text.Whitespace,
    ]
    values = ["", "\n", "\n\n", "x", "a b", "<&>\"'", "<a\n&b>\n", "line\n", "\nline", "a\nb\nc", "  ", "\u00e9\U0001F600", "\r\n"]
    formatter = HtmlFormatter(nowrap=True)
    rng = random.Random(5)
    for _ in range(3000):
        tokens = [(rng.choice(types), rng.choice(values)) for _ in range(rng.randint(0, 12))]
        assert _format_html(tokens) == pygments_format(tokens, formatter), tokens
