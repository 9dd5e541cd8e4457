"""Rendering Articles for people (terminal table) and programs (JSON)."""

from onrecord.render.json_view import article_json
from onrecord.render.table import render_table

__all__ = ["article_json", "render_table"]
