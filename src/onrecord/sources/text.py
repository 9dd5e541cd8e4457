"""Plain-text files: the whole file is one article."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import PurePath
from typing import BinaryIO

from onrecord.sources.limits import ReadLimits, TooLarge, read_at_most
from onrecord.sources.model import DocMeta, RawDoc, ReadFailure

ENCODINGS = ("utf-8-sig",)


def decode_text(data: bytes) -> str:
    """UTF-8 (BOM allowed) or UTF-16 with a BOM; UnicodeDecodeError otherwise."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def read_text(stream: BinaryIO, source: str, pos: Callable[[], int], *,
              limits: ReadLimits = ReadLimits()) -> Iterator[RawDoc | ReadFailure]:
    try:
        data = read_at_most(stream, limits.text_bytes, "the text")
    except TooLarge as err:
        yield ReadFailure(source, "file", "too-large", str(err), pos=pos())
        return
    try:
        text = decode_text(data)
    except UnicodeDecodeError as err:
        yield ReadFailure(source, "file", "bad-encoding",
                          f"not UTF-8 ({err.reason} at byte {err.start}); convert it with iconv",
                          raw=data, pos=pos())
        return
    stem = PurePath(source).name.split(".")[0] if source != "-" else None
    yield RawDoc(source, "file", DocMeta(ext_id=stem), text=text, pos=pos())
