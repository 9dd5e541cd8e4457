"""Which reader a path (or stdin) needs: by file name, else by sniffing the first bytes."""

from __future__ import annotations

GZIP_MAGIC = b"\x1f\x8b"
SUFFIXES = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv",
    ".warc": "warc", ".arc": "warc",
    ".parquet": "parquet", ".pq": "parquet",
}
FORMATS = ("text", "html", "jsonl", "json", "csv", "tsv", "warc", "parquet")


def format_from_name(name: str) -> tuple[str | None, bool]:
    """(format or None, gzip-compressed?) from a file name such as ``x.jsonl.gz``."""
    lower = name.lower()
    compressed = False
    for gz in (".gz", ".gzip"):
        if lower.endswith(gz):
            lower, compressed = lower[: -len(gz)], True
            break
    dot = lower.rfind(".")
    fmt = SUFFIXES.get(lower[dot:]) if dot >= 0 else None
    return fmt, compressed


def sniff(head: bytes) -> str:
    """Guess a format from the first bytes of an (uncompressed) stream."""
    if head.startswith(b"PAR1"):
        return "parquet"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"WARC/") or stripped[:30].count(b" ") >= 3 and stripped.startswith(b"filedesc://"):
        return "warc"
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"["):
        return "json"
    if stripped.startswith(b"<"):
        return "html"
    return "text"
