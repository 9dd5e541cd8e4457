"""Constants and helpers shared by the explorer tests (a uniquely named module: tests/store has a
conftest too, so test modules must not import from ``conftest``)."""

from __future__ import annotations

import json
from pathlib import Path

FAKE = str(Path(__file__).with_name("explorer_fake_engine.py")) + ":FakeExtractor"
ROOT = Path(__file__).resolve().parents[2]
ALLSIDES = ROOT.parent / "shared" / "data" / "allsides" / "articles.jsonl.gz"
ARTIFACTS = ROOT / "test-artifacts" / "explorer"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

HOSTILE_TEXT = ("Officially the council met. “<script>alert('xss')</script> We will never back down "
                "<img src=x onerror=alert(1)>,” Dana Cross said on Monday. "
                "“That is false and <b onmouseover=alert(2)>dangerous</b> talk,” Lee Park denied. "
                "Ana Ruiz wrote that Dana Cross said “the budget is <svg onload=alert(3)> settled”. "
                "“=HYPERLINK(\"http://evil.example\") must be fine,” Dana Cross claimed.")
HOSTILE = {"id": "hostile", "title": "<script>alert('title')</script> Council <i>row</i>",
           "outlet": "The <b>Bold</b> Times", "date": "2024-03-04", "bias": "left",
           "url": "javascript:alert('url')", "text": HOSTILE_TEXT}

ARTICLES = [
    {"id": "a1", "title": "Talks stall", "outlet": "Daily Planet", "date": "2024-03-01", "bias": "left",
     "text": "Officially the talks stalled. “We will never give up the city to anyone,” Dana Cross said. "
             "“There is no realistic basis for these reports,” Lee Park denied."},
    {"id": "a2", "title": "Talks resume", "outlet": "Morning Courier", "date": "2024-03-03", "bias": "right",
     "text": "The talks resumed. “We will never give up the city to anyone!” Dana Cross said on Monday. "
             "“The ceasefire must hold for the sake of everyone,” Dana Cross told."},
    {"id": "a3", "title": "Ceasefire", "outlet": "Daily Planet", "date": "2024-03-02", "bias": "left",
     "text": "A ceasefire was proposed. Ana Ruiz wrote that Lee Park said “nothing was agreed about the "
             "ceasefire today”. “The ceasefire is a trick,” Lee Park claimed."},
    {"id": "a4", "title": "Markets", "outlet": "Evening Star", "date": "2023-11-06", "bias": "center",
     "text": "Markets rose. “Growth will continue through the spring,” Janet Ruiz said."},
    HOSTILE,
    {"id": "a5", "title": "Harbour vote", "outlet": "Morning Courier", "date": "2024-03-05", "bias": "right",
     "text": "The harbour vote was delayed. “We will vote on the harbour plan soon,” Dana Cross said. "
             "“Nobody will stop the harbour vote,” she said. “The harbour plan is a giveaway,” Democrats said. "
             "“The harbour plan costs too much,” Democrats said. “The harbour plan must be dropped,” "
             "Democrats said. “Harbour traffic fell by a third,” Harbour Report said. "
             "“We agreed to wait for the harbour study,” Lee Park and Ana Ruiz said. "
             "“The harbour deal is lawful,” Bill Barr said."},
] + [
    {"id": f"g{i}", "title": f"Story {i}", "outlet": ["Daily Planet", "Morning Courier", "Evening Star"][i % 3],
     "date": f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}", "bias": ["left", "right", "center"][i % 3],
     "text": f"Story number {i}. “Figure {i} is the number we will report today,” Ana Ruiz said. "
             f"“Nothing about item {i} is settled yet, friends,” Bo Chan denied."}
    for i in range(60)
]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path
