"""``cross_links`` rebuilt whole in one transaction: re-running gives the same table."""

from __future__ import annotations

from collections.abc import Sequence

from onrecord.crosslinks.evidence import Link
from onrecord.store.db import Database


def write_links(db: Database, links: Sequence[Link]) -> int:
    """Replace every cross-article link by ``links``; returns how many were written."""
    with db.transaction():
        db.execute("DELETE FROM cross_links")
        db.executemany(
            "INSERT INTO cross_links (from_statement_id, to_statement_id, type, basis, evidence_kind, "
            "evidence, score) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(l.from_id, l.to_id, l.type, l.basis, l.evidence_kind, l.evidence, l.score) for l in links])
    return len(links)
