"""Expand paths into input files and read each with the right reader."""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import BinaryIO

from onrecord.sources.csvfile import read_csv
from onrecord.sources.formats import GZIP_MAGIC, format_from_name, sniff
from onrecord.sources.html import read_html
from onrecord.sources.jsonl import read_json, read_jsonl
from onrecord.sources.limits import ReadLimits
from onrecord.sources.model import ReadFailure, ReadItem
from onrecord.sources.text import read_text
from onrecord.sources.warc import read_warc

STDIN = "-"
READERS: dict[str, Callable[..., Iterator[ReadItem]]] = {
    "text": read_text, "html": read_html, "jsonl": read_jsonl, "json": read_json,
    "csv": read_csv, "tsv": partial(read_csv, delimiter="\t"), "warc": read_warc,
}


class InputError(Exception):
    """A path given on the command line cannot be used at all."""


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file to read (``-`` is stdin); ``fmt`` None means sniff the content."""

    path: str
    size: int | None
    fmt: str | None
    compressed: bool = False


def plan_inputs(paths: Iterable[str | os.PathLike[str]]) -> list[InputFile]:
    """Files to read, directories expanded recursively (known formats only, sorted)."""
    planned: list[InputFile] = []
    for p in paths:
        p = str(p)
        if p == STDIN:
            planned.append(InputFile(STDIN, None, None))
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not _hidden(child.relative_to(path)):
                    fmt, gz = format_from_name(child.name)
                    if fmt is not None:
                        planned.append(InputFile(str(child), child.stat().st_size, fmt, gz))
        elif path.is_file():
            fmt, gz = format_from_name(path.name)
            planned.append(InputFile(str(path), path.stat().st_size, fmt, gz))
        elif path.exists():
            raise InputError(f"{p}: not a regular file or directory")
        else:
            raise InputError(f"{p}: no such file or directory (check the path, or use - for stdin)")
    return planned


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def read_input(inp: InputFile, limits: ReadLimits = ReadLimits()) -> Iterator[ReadItem]:
    """Every document in one input; damage becomes a ReadFailure, never an exception.

    No record is held in memory past ``limits``: a bigger one is a ``too-large`` failure.
    """
    try:
        raw: BinaryIO = sys.stdin.buffer if inp.path == STDIN else open(inp.path, "rb")
    except OSError as err:
        yield ReadFailure(inp.path, "file", "unreadable", f"{err.strerror or err}")
        return
    pos = _position(raw, inp.path)
    try:
        stream, fmt = _open_stream(raw, inp)
        yield from READERS[fmt](stream, inp.path, pos, limits=limits)
    except (OSError, EOFError, zlib.error) as err:
        yield ReadFailure(inp.path, f"near byte {pos()}", "corrupt-file",
                          f"{type(err).__name__}: {err}; the rest of the file was not read",
                          pos=pos())
    finally:
        if inp.path != STDIN:
            raw.close()


def _open_stream(raw: BinaryIO, inp: InputFile) -> tuple[BinaryIO, str]:
    fmt, compressed = inp.fmt, inp.compressed
    stream: BinaryIO = raw
    if compressed or (fmt in (None, "warc") and _peek(raw, 2) == GZIP_MAGIC):
        # one member per WARC record or one for the whole file: GzipFile reads both
        stream = gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[assignment]
    if fmt is None:
        fmt = sniff(_peek(stream, 4096))
    return stream, fmt


def _peek(stream: BinaryIO, n: int) -> bytes:
    peek = getattr(stream, "peek", None)
    return peek(n)[:n] if peek else b""


def _position(raw: BinaryIO, path: str) -> Callable[[], int]:
    if path == STDIN:
        return lambda: 0

    def pos() -> int:
        try:
            return raw.tell()
        except (OSError, ValueError):
            return 0
    return pos
