"""Temporal stage: find English time expressions and resolve them against a publication date.

Pure and fast: the lexicon (``vocabulary.json``) is loaded and the regexes compiled once at
import; nothing here raises on arbitrary input.
"""

from onrecord.temporal.finder import find_expressions
from onrecord.temporal.resolver import Resolved, normalize, parse_published, resolve, time_ref

__all__ = ["Resolved", "find_expressions", "normalize", "parse_published", "resolve", "time_ref"]
