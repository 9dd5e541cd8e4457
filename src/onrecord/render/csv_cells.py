"""CSV cells safe to open in a spreadsheet: article text is untrusted."""

from __future__ import annotations

import json
import re
from typing import Any

_FORMULA = re.compile(r"^[=+\-@\t\r]")


def csv_cell(value: Any) -> Any:
    """A cell a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` first) gets a leading
    apostrophe; lists and objects (a compound speaker's members, metadata) are written as JSON."""
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return "" if value is None else value
