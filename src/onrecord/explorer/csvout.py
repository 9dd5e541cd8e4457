"""Tables as CSV downloads, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from typing import Any

from starlette.responses import Response

_FORMULA = re.compile(r"^[=+\-@\t\r]")
_FILENAME = re.compile(r"[^A-Za-z0-9_.-]+")


def cell(value: Any) -> Any:
    """Article text is untrusted: a cell that a spreadsheet would run as a formula gets a leading '.
    Lists (a compound speaker's members) are written as JSON."""
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return "" if value is None else value


def csv_text(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    w.writerows([cell(v) for v in r] for r in rows)
    return buf.getvalue()


def csv_response(columns: Sequence[str], rows: Sequence[Sequence[Any]], filename: str) -> Response:
    name = _FILENAME.sub("-", filename).strip("-") or "table"
    return Response(csv_text(columns, rows), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{name}.csv"'})
