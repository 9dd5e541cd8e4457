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
from onrecord.sources.parquet import read_parquet
from onrecord.sources.text import read_text
from onrecord.sources.warc import read_warc

STDIN = "-"
READERS: dict[str, Callable[..., Iterator[ReadItem]]] = {
    "text": read_text, "html": read_html, "jsonl": read_jsonl, "json": read_json,
    "csv": read_csv, "tsv": partial(read_csv, delimiter="\t"), "warc": read_warc, "parquet": read_parquet,
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
    problem: str | None = None  # why it cannot be read at all (an unreadable folder): one failure


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
            planned += _expand(path)
        elif path.is_file():
            fmt, gz = format_from_name(path.name)
            planned.append(InputFile(str(path), path.stat().st_size, fmt, gz))
        elif path.exists():
            raise InputError(f"{p}: not a regular file or directory")
        else:
            raise InputError(f"{p}: no such file or directory (check the path, or use - for stdin)")
    return planned


def _expand(root: Path) -> list[InputFile]:
    """The files of known formats under ``root`` (hidden ones left out), sorted; a folder or file
    that cannot be listed or examined is an InputFile with a ``problem``."""
    found: list[InputFile] = []
    errors: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=errors.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            fmt, gz = format_from_name(name)
            if name.startswith(".") or fmt is None:
                continue
            child = Path(folder) / name
            try:
                if child.is_file():
                    found.append(InputFile(str(child), child.stat().st_size, fmt, gz))
            except OSError as err:
                errors.append(err)
    found += [InputFile(str(err.filename or root), 0, None, problem=_unlisted(err)) for err in errors]
    return sorted(found, key=lambda f: Path(f.path))


def _unlisted(err: OSError) -> str:
    return (f"{err.strerror or err}: cannot be listed or read, so none of its files were read; "
            "fix its permissions (e.g. chmod -R a+rX) and ingest again")


def read_input(inp: InputFile, limits: ReadLimits = ReadLimits()) -> Iterator[ReadItem]:
    """Every document in one input; damage becomes a ReadFailure, never an exception.

    No record is held in memory past ``limits``: a bigger one is a ``too-large`` failure.
    """
    if inp.problem is not None:
        yield ReadFailure(inp.path, "folder" if os.path.isdir(inp.path) else "file", "unreadable", inp.problem)
        return
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
