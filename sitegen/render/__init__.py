"""Render stage: the plan of units (``plan``) and the pages of each unit (``pages``)."""

from .feeds import has_sitemap
from .pages import OutputFile, Renderer, crawler_files, render_unit, unit_folder
from .plan import Unit, plan_units
from .theme import create_environment, static_files, theme_dirs
from .urls import Urls

__all__ = ["OutputFile", "Renderer", "crawler_files", "has_sitemap", "render_unit", "unit_folder", "Unit", "plan_units",
           "create_environment", "static_files", "theme_dirs", "Urls"]
