"""The Parquet tables of a run: rows from extraction outcomes, and outcomes back from rows.

Every row carries ``shard`` and ``pos`` (its place in the plan), so the corpus-wide order is
the order the inputs were read in, whichever worker extracted them.  ``articles.article``
holds the full ``onrecord.article/1`` JSON: the load rebuilds exactly what the engine returned.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

import pyarrow as pa

from onrecord.records import Article
from onrecord.sources import DocMeta, RawDoc
from onrecord.store.copies import CopyItem, clean_meta
from onrecord.store.normalise import name_key, quote_hash, quote_id, quote_text, quote_words
from onrecord.store.sanitise import clean_json, clean_text
from onrecord.store.worker import Extracted, Failed, Outcome, WorkItem

S, I, F, B = pa.string(), pa.int64(), pa.float64(), pa.binary()
_PLACE = [("shard", I), ("pos", I)]
SCHEMAS: dict[str, pa.Schema] = {
    "inputs": pa.schema(_PLACE + [("input_key", S), ("source", S), ("locator", S), ("meta", S),
                                  ("text", pa.large_string()), ("html", pa.large_binary())]),
    "copies": pa.schema(_PLACE + [("content_hash", S), ("source", S), ("locator", S), ("meta", S)]),
    "articles": pa.schema(_PLACE + [
        ("input_key", S), ("content_hash", S), ("source", S), ("locator", S), ("ext_id", S), ("title", S),
        ("outlet", S), ("published", S), ("url", S), ("bias", S), ("meta", S), ("words", I),
        ("n_statements", I), ("text", pa.large_string()), ("article", pa.large_string()),
        ("outlet_raw", S), ("section", S), ("topic", S), ("authors", S)]),  # schema 9 metadata; authors: JSON list
    "statements": pa.schema(_PLACE + [
        ("content_hash", S), ("local_id", S), ("speaker_text", S), ("speaker_name", S), ("speaker_entity", S),
        ("speaker_resolution", S), ("speaker_confidence", F), ("cue", S), ("cue_lemma", S), ("cue_class", S),
        ("kind", S), ("content", S), ("content2", S), ("parent", S), ("time_value", S), ("quote_id", S)]),
    "entity_mentions": pa.schema(_PLACE + [
        ("content_hash", S), ("local_id", S), ("name", S), ("name_key", S), ("type", S), ("registry", S),
        ("n_mentions", I)]),
    "quotes": pa.schema(_PLACE + [("content_hash", S), ("statement", S), ("quote_id", S), ("hash", S),
                                  ("text", S), ("words", I)]),
    "failures": pa.schema(_PLACE + [("input_key", S), ("source", S), ("locator", S), ("reason", S),
                                    ("detail", S), ("words", I)]),
}


def table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])


def meta_json(meta: DocMeta) -> str:
    m = clean_meta(meta)
    return json.dumps({**asdict(m), "extra": clean_json(m.extra)}, ensure_ascii=False)


def meta_of(text: str) -> DocMeta:
    return DocMeta(**json.loads(text))


# -- inputs ----------------------------------------------------------------------------------
def input_row(shard: int, pos: int, item: WorkItem) -> dict[str, Any]:
    d = item.doc
    return {"shard": shard, "pos": pos, "input_key": item.input_key, "source": clean_text(d.source),
            "locator": clean_text(d.locator), "meta": meta_json(d.meta), "text": d.text, "html": d.html}


def work_item(row: dict[str, Any]) -> WorkItem:
    doc = RawDoc(row["source"] or "", row["locator"] or "", meta_of(row["meta"]), row["text"], row["html"])
    return WorkItem(row["input_key"], doc)


def copy_row(shard: int, pos: int, item: CopyItem) -> dict[str, Any]:
    return {"shard": shard, "pos": pos, "content_hash": item.content_hash, "source": clean_text(item.source),
            "locator": clean_text(item.locator), "meta": meta_json(item.meta)}


def copy_item(row: dict[str, Any]) -> CopyItem:
    return CopyItem(row["content_hash"], row["source"] or "", row["locator"] or "", meta_of(row["meta"]))


# -- outcomes ----------------------------------------------------------------------------------
def failure_row(shard: int, pos: int, f: Failed) -> dict[str, Any]:
    return {"shard": shard, "pos": pos, "input_key": f.input_key, "source": clean_text(f.source),
            "locator": clean_text(f.locator), "reason": f.reason, "detail": clean_text(f.detail), "words": f.words}


def failed(row: dict[str, Any]) -> Failed:
    return Failed(row["input_key"], row["source"] or "", row["locator"] or "", row["reason"],
                  row["detail"] or "", row["words"] or 0)


def outcome_rows(shard: int, pos: int, outcome: Outcome) -> dict[str, list[dict[str, Any]]]:
    """The rows of one outcome, by table."""
    if isinstance(outcome, Failed):
        return {"failures": [failure_row(shard, pos, outcome)]}
    ex, art = outcome, outcome.article
    m, h = clean_meta(ex.doc.meta), ex.content_hash
    place = {"shard": shard, "pos": pos, "content_hash": h}
    rows: dict[str, list[dict[str, Any]]] = {"articles": [{
        "shard": shard, "pos": pos, "input_key": ex.input_key, "content_hash": h,
        "source": clean_text(ex.doc.source), "locator": clean_text(ex.doc.locator), "ext_id": m.ext_id,
        "title": m.title, "outlet": m.outlet, "published": m.published, "url": m.url, "bias": m.bias,
        "meta": json.dumps(clean_json(m.extra), ensure_ascii=False), "words": ex.words,
        "n_statements": len(art.statements), "text": art.text,
        "article": json.dumps(art.to_dict(), ensure_ascii=False), "outlet_raw": m.outlet_raw,
        "section": m.section, "topic": m.topic, "authors": json.dumps(list(m.authors), ensure_ascii=False)}]}
    rows["entity_mentions"] = [{**place, "local_id": e.id, "name": e.name, "name_key": name_key(e.name),
                                "type": e.type, "registry": e.registry, "n_mentions": len(e.mentions)}
                               for e in art.entities]
    rows["statements"], rows["quotes"] = [], []
    for st in art.statements:
        sp, qtext = st.speaker, quote_text(st.content.text, st.kind)
        qid = quote_id(quote_hash(qtext)) if qtext else None
        rows["statements"].append({
            **place, "local_id": st.id, "speaker_text": sp.text if sp else None,
            "speaker_name": sp.name if sp else None, "speaker_entity": sp.entity if sp else None,
            "speaker_resolution": sp.resolution if sp else None, "speaker_confidence": sp.confidence if sp else None,
            "cue": st.cue.text, "cue_lemma": st.cue.lemma, "cue_class": st.cue.cls, "kind": st.kind,
            "content": st.content.text, "content2": st.content2.text if st.content2 else None,
            "parent": st.parent, "time_value": st.time.value if st.time else None, "quote_id": qid})
        if qtext:
            rows["quotes"].append({**place, "statement": st.id, "quote_id": qid, "hash": quote_hash(qtext),
                                   "text": qtext, "words": len(quote_words(qtext))})
    return rows


def extracted(row: dict[str, Any]) -> Extracted:
    """An ``articles`` row back as the outcome the store's writer takes (runs written before the
    metadata columns read them as absent)."""
    meta = DocMeta(ext_id=row["ext_id"], title=row["title"], outlet=row["outlet"], published=row["published"],
                   url=row["url"], bias=row["bias"], extra=json.loads(row["meta"] or "{}"),
                   outlet_raw=row.get("outlet_raw"), section=row.get("section"), topic=row.get("topic"),
                   authors=tuple(json.loads(row.get("authors") or "[]")))
    doc = RawDoc(row["source"] or "", row["locator"] or "", meta, row["text"])
    return Extracted(row["input_key"], row["content_hash"], doc, Article.from_dict(json.loads(row["article"])),
                     row["words"])
