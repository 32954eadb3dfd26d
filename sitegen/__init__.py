"""sitegen: a static site generator for annotated news archives.

The pipeline, one module per stage: ``importer`` (raw text -> bundle), ``load`` (content/ ->
Site), ``index`` (Site -> Index), ``render`` (Site + Index -> output files), ``write``
(output files -> public/). ``build.build`` runs them in order.
"""

__version__ = "0.1.0"
