"""`sitegen import`: raw article captures (plain text, saved HTML) -> article bundles.

analyse.py reads one capture into an Analysis (pure); document.py turns it into the bundle's
files; bundle.py writes them without ever losing a hand edit; command.py is the CLI.
"""

from .analyse import Analysis, NoArticle, analyse_text
from .command import import_command
from .segment import DecodeError

__all__ = ["Analysis", "DecodeError", "NoArticle", "analyse_text", "import_command"]
