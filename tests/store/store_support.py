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

# speaker evidence (see fake_engine.py): William Barr by name, "he" (pronoun) and "Barr" (surname);
# Bill Barr has William Barr's registry id; a group, a document; a compound speaker (Ana Lee and Bo
# Chan); Anna Leigh has Ana Lee's (fictional) registry id
EVIDENCE = [
    {"id": "v1", "title": "Inquiry", "outlet": "Daily Planet", "date": "2024-04-01", "bias": "left",
     "text": "The inquiry opened. “The inquiry will be fair and thorough,” William Barr said. "
             "“Nobody is above the law in this country,” he said. "
             "“The report is only a first draft,” Barr told."},
    {"id": "v2", "title": "Inquiry widens", "outlet": "Morning Courier", "date": "2024-04-02", "bias": "right",
     "text": "The inquiry widened. “We never saw the documents at all,” Bill Barr denied. "
             "“We will vote against the budget bill,” Democrats said. “We will vote against it again,” "
             "Democrats said. “We will never vote for it, ever,” Democrats said. “The bill hurts working "
             "families,” Democrats said. “The vote must wait for the inquiry,” Democrats said. "
             "“Support for the inquiry fell among voters,” Gallup Poll said. "
             "“We agreed to work together on the bill,” Ana Lee and Bo Chan said. "
             "“The second reading comes next week,” Anna Leigh said."},
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


def schema_2_corpus(target: str) -> None:
    """A corpus at schema 2 (migrations 1-2 only) holding one article, as an older onrecord wrote it:
    Zelensky said something, with no speaker evidence and no registry ids."""
    from unittest import mock

    from onrecord.store import connect
    from onrecord.store import migrate as mig

    shipped = mig.available
    with connect(target) as db:
        with mock.patch.object(mig, "available", lambda backend: shipped(backend)[:2]):
            assert mig.migrate(db) == [1, 2]
        eid = db.scalar("INSERT INTO entities (name, type, key) VALUES ('Volodymyr Zelensky', 'person', "
                        "'volodymyr zelensky') RETURNING id")
        db.execute("INSERT INTO entity_aliases VALUES ('volodymyr zelensky', 'Volodymyr Zelensky', ?, 'observed')",
                   (eid,))
        text = "Old story. “We stand firm on every front,” Volodymyr Zelensky said."
        aid = db.scalar("INSERT INTO articles (content_hash, title, outlet, published, words, n_statements, text, "
                        "ingested_at) VALUES ('old0', 'Old story', 'Daily Planet', '2023-01-05', 10, 1, ?, "
                        "'2023-01-05T00:00:00+00:00') RETURNING id", (text,))
        db.execute("INSERT INTO statements (article_id, local_id, speaker_text, speaker_name, speaker_entity_id, "
                   "cue, cue_start, cue_end, cue_class, kind, content) VALUES (?, 's1', 'Volodymyr Zelensky', "
                   "'Volodymyr Zelensky', ?, 'said', 62, 66, 'neutral', 'direct', 'We stand firm on every front')",
                   (aid, eid))
