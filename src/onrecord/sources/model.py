"""What readers yield: a raw document to extract, or a record that could not be read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class DocMeta:
    """Everything known about a document besides its body."""

    ext_id: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    bias: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    topic: str | None = None  # a subject label the input gives (AllSides: its topic)
    authors: tuple[str, ...] = ()  # bylines as given, in order
    outlet_raw: str | None = None  # the outlet name as given, once ``outlet`` is the canonical one
    section: str | None = None  # the outlet's section (opinion, editorial, online, ...), see sources.outlets


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One document as read: plain ``text`` or ``html`` bytes still to be cleaned.

    ``source`` is the file (or ``-`` for stdin), ``locator`` where in it (line,
    row, record offset); ``pos`` the bytes of the input consumed so far.
    """

    source: str
    locator: str
    meta: DocMeta
    text: str | None = None
    html: bytes | None = None
    pos: int = 0


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """A record (or the rest of a file) that could not be read, and why."""

    source: str
    locator: str
    reason: str
    detail: str = ""
    raw: bytes = b""
    pos: int = 0


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record that is not an article (a WARC request, an image); counted, not stored."""

    source: str
    locator: str
    why: str
    pos: int = 0


ReadItem = RawDoc | ReadFailure | Skipped
