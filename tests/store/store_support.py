"""Shared helpers of the store tests: the fake engine's spec and small fictional corpora."""

from __future__ import annotations

import json
from pathlib import Path

FAKE = str(Path(__file__).with_name("fake_engine.py")) + ":FakeExtractor"

ARTICLES = [
    {"id": "a1", "title": "Talks stall", "outlet": "Daily Planet", "date": "2024-03-01", "bias": "left",
     "text": "Officially the talks stalled. “We will never give up Kyiv to anyone,” Zelensky said. "
             "“There is no realistic basis for these reports,” Peskov denied."},
    {"id": "a2", "title": "Talks resume", "outlet": "Morning Courier", "date": "2024-03-03", "bias": "right",
     "text": "The talks resumed in Kiev. “We will never give up Kyiv to anyone!” Zelenskyy said. "
             "“The ceasefire must hold for the sake of everyone,” Volodymyr Zelensky told."},
    {"id": "a3", "title": "Ceasefire", "outlet": "Daily Planet", "date": "2024-03-02", "bias": "left",
     "text": "A ceasefire was proposed. “WE WILL NEVER GIVE UP KYIV TO ANYONE,” Zelenskyy claimed. "
             "“Nothing was agreed about the ceasefire today,” Dmitry Peskov said."},
    {"id": "a4", "title": "Markets", "source": "New York Times - News", "date": "9/6/17", "bias": "left",
     "topic": "economy", "text": "Markets rose. “Growth will continue through the spring,” Janet Ruiz said."},
]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def generated(n: int, offset: int = 0) -> list[dict]:
    """n distinct fictional articles with two statements each."""
    out = []
    for i in range(offset, offset + n):
        out.append({"id": f"g{i}", "outlet": ["Daily Planet", "Morning Courier", "Evening Star"][i % 3],
                    "date": f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}", "bias": ["left", "center", "right"][i % 3],
                    "text": f"Story number {i}. “Figure {i} is the number we will report today,” Ana Lee said. "
                            f"“Nothing about item {i} is settled yet, friends,” Bo Chan denied."})
    return out
