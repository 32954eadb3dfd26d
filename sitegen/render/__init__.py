"""Render stage: pages from the site and its index (see ``pages.render_site``)."""

from .pages import OutputFile, render_site
from .theme import create_environment, static_files, theme_dirs
from .urls import Urls

__all__ = ["OutputFile", "render_site", "create_environment", "static_files", "theme_dirs", "Urls"]
