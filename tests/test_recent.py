"""The render workers' memo (render.recent.RecentlyUsed): what it forgets when full."""

from sitegen.render.recent import RecentlyUsed


def test_a_full_memo_forgets_the_least_recently_used_entry_first():
    memo = RecentlyUsed(limit=2)
    made = []

    def entry(name: str) -> str:
        found = memo.recall(name)
        if found is None:
            made.append(name)
            found = memo.keep(name, f"<li>{name}</li>")
        return found

    for name in ("a", "b", "a", "c", "a", "b", "c"):
        assert entry(name) == f"<li>{name}</li>"
    # "b" went when "c" came ("a" had just been used again), "c" when "b" came back, and
    # "a" when "c" did: never more than two kept, and never all forgotten at once.
    assert made == ["a", "b", "c", "b", "c"]
    assert list(memo) == ["b", "c"]


def test_an_empty_fragment_is_kept_and_recalled_as_itself():
    memo = RecentlyUsed(limit=5)
    assert memo.recall(("place", ("key",))) is None
    assert memo.keep(("place", ("key",)), "") == ""
    assert memo.recall(("place", ("key",))) == ""
