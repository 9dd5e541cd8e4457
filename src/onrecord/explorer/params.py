"""Request parameters the database can hold: ids and offsets are 64-bit, digits are ASCII."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

MAX_INT = 2**63 - 1  # SQLite INTEGER and PostgreSQL BIGINT

Id = Annotated[int, Path(ge=0, le=MAX_INT, description="An id from another answer.")]


def as_id(value: str) -> int | None:
    """``value`` as an entity id when it is a number (ASCII digits only, 64-bit), else None.

    ValueError for digits that are no usable id (``²``, ``٣``, 2^63): a typo, not a name."""
    if not value.isdigit():
        return None
    if not value.isascii() or int(value) > MAX_INT:
        raise ValueError(f"{value!r} is not a usable id: use ASCII digits below 2^63, or a name")
    return int(value)
