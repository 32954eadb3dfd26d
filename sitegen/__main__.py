"""``python -m sitegen`` is the same as the ``sitegen`` command."""

from .cli import main

main()
