"""sitegen.markup.semantic: the quick test that skips a paragraph never skips a mark."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.markup import BodyContext, create_markdown, semantic

MD = create_markdown()
CONTEXT = BodyContext(person_url="/people/{}/".format, topic_url="/topics/{}/".format,
                      person_names={"ada": "Ada Lovelace"}, topic_names={"tax": "Tax"}, auto_link_names=(("Ada", "ada"),))

# Spans, marks and stray braces, whole and broken, escaped and as entities ("&#123;" is "{"),
# in links, code, autolinks and footnotes, over one line or several.
PIECES = ["Ada", "a", " ", "\n", "\n\n", "[", "]", "]{.quote by=ada}", "]{.claim rating=false}", "]{person=ada}",
          "]{topic=tax}", "]{.quote", "{", "}", "{.quote}", "{person=", "\\{", "&#123;", "&lbrace;", "{++", "++}",
          "{--", "--}", "{==", "==}", "{>>", "<<}", "{~~", "~>", "~~}", "`", "](/x)", "<http://x.org/{a}>", "^[",
          "[^1]", "\n\n[^1]: ", "> ", "- ", "# ", "*"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=24).map("".join))
def test_every_mark_is_read_as_if_every_paragraph_were_read(text):
    quick_env, careful_env = {"sitegen": CONTEXT}, {"sitegen": CONTEXT}
    quick = MD.parse(text, quick_env)
    may_hold_marks = semantic._may_hold_marks
    semantic._may_hold_marks = lambda block: True  # (every paragraph read token by token)
    try:
        careful = MD.parse(text, careful_env)
    finally:
        semantic._may_hold_marks = may_hold_marks
    assert quick == careful
    assert quick_env == careful_env
