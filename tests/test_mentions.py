"""sitegen.markup.mentions: the quick tests that skip a paragraph, or a name not in the body,
never skip a first mention."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.markup import BodyContext, create_markdown, mentions

MD = create_markdown()
CONTEXT = BodyContext(person_url="/people/{}/".format, topic_url="/topics/{}/".format,
                      person_names={"ada": "Ada Lovelace", "bo": "Bo"}, topic_names={},
                      auto_link_names=(("Ada Lovelace", "ada"), ("Lovelace", "ada"), (" Bo", "bo"), ("Bo", "bo")))

# Names whole, in pieces, in words, escaped, as entities, in links, spans, marks, code and
# autolinks (whose text is decoded: %41 is "A").
PIECES = ["Ada", " ", "Lovelace", "Ada Lovelace", "Bo", "Bob", "\n", "\n\n", "*", "[", "](/Bo)", "]{person=bo}", "]",
          "{++", "++}", "{>>", "<<}", "`", "\\", "&#65;", "&amp;", "<http://x.org/%41da%20Lovelace>", "<Bo@x.org>",
          "![", "^[", "x", "\t", "\n\t", "> ", "- ", "    ", " Bo ", "\r\n"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_every_first_mention_is_linked_as_if_every_paragraph_were_read(text):
    quick_env, careful_env = {"sitegen": CONTEXT}, {"sitegen": CONTEXT}
    quick = MD.parse(text, quick_env)
    may_name, in_source = mentions._may_name, mentions._in_source
    # (Every name looked for, in every paragraph, token by token.)
    mentions._may_name = mentions._in_source = lambda *_: True
    try:
        careful = MD.parse(text, careful_env)
    finally:
        mentions._may_name, mentions._in_source = may_name, in_source
    assert quick == careful
    assert quick_env == careful_env
