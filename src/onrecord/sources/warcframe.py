"""WARC records cut out of a (decompressed) stream by their headers, resynchronising after damage.

A record whose Content-Length is missing, negative, not a number or wrong (its block is not
followed by the blank lines that end a record) becomes a ``Frame`` with a ``problem``; reading
goes on at the next line that starts a WARC header, so the records after it are not lost.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from onrecord.sources.limits import CHUNK, too_large

HEADER_START = b"WARC/1."
MAX_HEADER_LINES = 256
RECORD_END = b"\r\n\r\n"


@dataclass(frozen=True, slots=True)
class Frame:
    """One record at byte ``offset`` of the uncompressed stream: its bytes, or why not."""

    offset: int
    data: bytes = b""
    problem: str | None = None
    reason: str = "corrupt-warc"


class _Scanner:
    """Lines and blocks of a stream, with bytes pushed back and the offset of what was consumed."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream, self.pending, self.offset = stream, b"", 0

    def readline(self) -> bytes:
        if self.pending:
            cut = self.pending.find(b"\n") + 1 or len(self.pending)
            line, self.pending = self.pending[:cut], self.pending[cut:]
        else:
            line = self.stream.readline(CHUNK)
        self.offset += len(line)
        return line

    def read(self, n: int) -> bytes:
        head, self.pending = self.pending[:n], self.pending[n:]
        data = head + (self.stream.read(n - len(head)) if len(head) < n else b"")
        self.offset += len(data)
        return data

    def skip(self, n: int) -> int:
        """Drop ``n`` bytes in constant memory; how many there were."""
        done = 0
        while done < n and (piece := self.read(min(CHUNK, n - done))):
            done += len(piece)
        return done

    def push_back(self, data: bytes) -> None:
        self.pending = data + self.pending
        self.offset -= len(data)


def frames(stream: BinaryIO, limit: int) -> Iterator[Frame]:
    """Every record of a WARC stream, in order; damage is a Frame with a problem, never an exception."""
    sc = _Scanner(stream)
    junk_at: int | None = None
    resyncing = False  # after a bad record, what precedes the next header is that record's
    while line := sc.readline():
        if not line.startswith(HEADER_START):
            if line.strip() and junk_at is None and not resyncing:
                junk_at = sc.offset - len(line)
            continue
        if junk_at is not None:
            yield Frame(junk_at, problem="bytes that belong to no record; skipped to the next record")
            junk_at = None
        frame = _record(sc, line, sc.offset - len(line), limit)
        resyncing = frame.problem is not None
        yield frame
    if junk_at is not None:
        yield Frame(junk_at, problem="no WARC record found from here to the end of the file")


def _record(sc: _Scanner, first: bytes, offset: int, limit: int) -> Frame:
    head = [first]
    while len(head) < MAX_HEADER_LINES and (line := sc.readline()) and line.strip():
        head.append(line)
    length = _content_length(head)
    if length is None or length < 0:
        return Frame(offset, problem="missing, negative or unreadable Content-Length; skipped to the next record")
    if length > limit:
        sc.skip(length)
        return Frame(offset, problem=too_large("the record", limit), reason="too-large")
    block = sc.read(length)
    end = sc.read(len(RECORD_END))
    if len(block) < length:
        return Frame(offset, problem=f"the file ends inside the record ({len(block)} of {length} bytes)")
    rest = end.lstrip(b"\r\n")
    if not HEADER_START.startswith(rest):
        sc.push_back(block + end)  # a wrong length: the next record may start inside this block
        return Frame(offset, problem=f"Content-Length {length} does not end the record; "
                                     "skipped to the next record")
    sc.push_back(rest)  # the start of the next header, when the blank lines were short
    return Frame(offset, b"".join(head) + b"\r\n" + block + RECORD_END)


def _content_length(head: list[bytes]) -> int | None:
    for line in head[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            try:
                return int(value.strip())
            except ValueError:
                return None
    return None
