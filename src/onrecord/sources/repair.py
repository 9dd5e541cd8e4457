"""Mojibake repair (``ftfy``): text that was UTF-8 decoded as Windows-1252 or Latin-1, once or
twice ("Ã¢â‚¬Å“" -> "“"), is decoded back. Only the encoding is fixed: quotes stay curly,
widths, ligatures and Unicode normalisation are left as written (offsets index what is stored)."""

from __future__ import annotations

from dataclasses import replace

import ftfy

from onrecord.sources.model import DocMeta, RawDoc

_MARKERS = ("Ã", "â€", "Â", "Å", "Ð", "Ñ")
"""Characters every double-decoded text contains: the cheap test before ftfy's full check."""


def repair(text: str | None) -> str | None:
    """The text with mojibake decoded back; unchanged when there is none."""
    if not text or not any(m in text for m in _MARKERS):
        return text
    return ftfy.fix_encoding(text)


def repair_meta(meta: DocMeta) -> DocMeta:
    """Title and outlet repaired."""
    title, outlet = repair(meta.title), repair(meta.outlet)
    if title == meta.title and outlet == meta.outlet:
        return meta
    return replace(meta, title=title, outlet=outlet)


def repair_doc(doc: RawDoc) -> RawDoc:
    """A document as read, its text (when it has text, not HTML) and metadata repaired."""
    text, meta = repair(doc.text), repair_meta(doc.meta)
    if text is doc.text and meta is doc.meta:
        return doc
    return replace(doc, text=text, meta=meta)
