"""Speaker census: every statement's speaker as the engine resolves it, over Docs parsed once
by ``benchmarks/parse_sample.py`` (spaCy DocBin files).

    python benchmarks/speaker_census.py /tmp/census/part*.spacy --out after.jsonl

One JSON line per statement: article id, outlet, speaker as written, canonical name, entity
type, registry id, resolution method. Run it with another checkout's ``src`` first on
PYTHONPATH to census an older engine; ``benchmarks/speaker_census_report.py`` compares two.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def census(paths: list[Path], out: Path) -> int:
    from spacy.tokens import DocBin

    from onrecord.engine import article_from_doc
    from onrecord.pipeline import ArticleMeta, load_model

    nlp = load_model()
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for path in paths:
            for doc in DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab):
                meta = ArticleMeta(id=doc.user_data.get("article_id"), outlet=doc.user_data.get("outlet"))
                article = article_from_doc(doc, meta)
                n += 1
                for row in rows(article, meta):
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return n


def rows(article, meta) -> list[dict]:
    entities = {e.id: e for e in article.entities}
    out = []
    for s in article.statements:
        sp = s.speaker
        entity = entities.get(sp.entity) if sp and sp.entity else None
        out.append({"article": meta.id, "outlet": meta.outlet, "text": sp.text if sp else None,
                    "name": sp.name if sp else None, "type": entity.type if entity else None,
                    "registry": getattr(entity, "registry", None),
                    "resolution": getattr(sp, "resolution", None) if sp else None})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docbins", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    print(f"{census(args.docbins, args.out)} articles -> {args.out}")


if __name__ == "__main__":
    main()
