"""Tables as CSV downloads, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from typing import Any

from starlette.responses import Response

from onrecord.render.csv_cells import csv_cell as cell

_FILENAME = re.compile(r"[^A-Za-z0-9_.-]+")


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
