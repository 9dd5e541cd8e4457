"""Reading article text at the edge: bytes to str, with errors that say what to do."""

from __future__ import annotations

import sys
from pathlib import Path


class InputError(ValueError):
    """Input that cannot be read as an article; the message tells the user what to do."""


_BINARY_SHARE = 0.05  # share of control bytes above which a file is taken for binary


def decode_text(data: bytes, name: str = "input") -> str:
    """UTF-8 text from bytes (a BOM is dropped), or an InputError naming the problem."""
    if b"\x00" in data[:65536] or _control_share(data[:65536]) > _BINARY_SHARE:
        raise InputError(f"{name}: looks like a binary file, not text; pass a plain-text (UTF-8) article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
            f"convert it first, e.g. `iconv -f latin1 -t utf-8 {name}`") from None
    return text.removeprefix("\ufeff")


def read_article(path: str) -> str:
    """The text of a file, or of standard input for '-'."""
    if path == "-":
        return decode_text(sys.stdin.buffer.read(), "stdin")
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory; pass article files (or use `onrecord ingest` for folders)")
    try:
        return decode_text(p.read_bytes(), path)
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None


def _control_share(data: bytes) -> float:
    if not data:
        return 0.0
    control = sum(1 for b in data if b < 32 and b not in (9, 10, 13, 12))
    return control / len(data)
