"""How much of one record a reader may hold in memory: reading stops there, so a gzip bomb
(a few MB that inflate to GBs) costs megabytes and becomes a ``too-large`` failure."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

DEFAULT_MAX_CHARS = 1_000_000  # the article size limit (spaCy's default max_length)
MIN_RECORD_BYTES = 32 * 2**20
CHUNK = 2**20


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Byte limits: a plain-text article, one record (HTML page, JSON line, CSV row, WARC
    payload) and a whole JSON (not JSON Lines) file, which must be parsed at once."""

    text_bytes: int = 4 * DEFAULT_MAX_CHARS
    record_bytes: int = MIN_RECORD_BYTES
    json_file_bytes: int = 8 * MIN_RECORD_BYTES

    @classmethod
    def for_chars(cls, max_chars: int) -> "ReadLimits":
        """Limits that never refuse an article of ``max_chars`` characters (UTF-8: 4 bytes each)."""
        record = max(MIN_RECORD_BYTES, 6 * max_chars)  # JSON escapes take up to 6 bytes a character
        return cls(text_bytes=4 * max_chars, record_bytes=record, json_file_bytes=8 * record)


class TooLarge(Exception):
    """A record is over its byte limit; the message says which limit."""


def read_at_most(stream: BinaryIO, limit: int, what: str) -> bytes:
    """All of ``stream``, or TooLarge as soon as more than ``limit`` bytes come out of it."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(too_large(what, limit))
    return data


def too_large(what: str, limit: int) -> str:
    return f"{what} is over the {limit / 2**20:.1f} MB read limit; split it into smaller articles"


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Lines of ``stream``; ``None`` stands for a line over ``limit``, skipped in constant memory."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit:
            yield line
            continue
        if not line.endswith(b"\n"):
            while (rest := stream.readline(CHUNK)) and not rest.endswith(b"\n"):
                pass
        yield None
