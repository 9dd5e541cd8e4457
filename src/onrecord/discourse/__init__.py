"""Discourse stage: which statement answers which, and what the outlet asserts in its own voice."""

from onrecord.discourse.own_voice import find_own_voice
from onrecord.discourse.replies import find_replies

__all__ = ["find_own_voice", "find_replies"]
