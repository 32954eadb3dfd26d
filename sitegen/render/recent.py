"""What a render worker keeps of what it made, for the pages after: the most recently used."""

from __future__ import annotations

from collections import OrderedDict


class RecentlyUsed(OrderedDict):
    """A dict of at most ``limit`` entries that, when full, forgets the one used longest ago.

    A render worker makes some things once and shows them on many pages: an article's item in
    the listings of each of its people and topics, an annotation's in the lists of fact-checks
    and notes, an article's entry in its people's and topics' feeds. Those pages come in slug
    order, so an entry's uses are spread over the whole render stage. A memo that forgot
    everything at once when full made most entries again once an archive outgrew it (at
    10,000 articles, 110,000 listing items in each of two workers where 70,000 were different);
    this one forgets only the least recently used, and only when full."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit

    def recall(self, key):
        """The entry kept for ``key``, now the most recently used; None if there is none."""
        value = self.get(key)
        if value is not None:
            self.move_to_end(key)
        return value

    def keep(self, key, value):
        """Keep ``value`` for ``key`` (forgetting the least recently used if full); returns it."""
        self[key] = value
        if len(self) > self.limit:
            self.popitem(last=False)
        return value
