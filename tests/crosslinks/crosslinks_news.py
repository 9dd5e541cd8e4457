"""Fictional news for the cross-article tests: a report (k1), a rejection of it elsewhere (k2),
a speaker asserting the claim (k3), another denying it (k4), a third confirming it (k6), and an
unrelated story (k5)."""

from __future__ import annotations

import json
from pathlib import Path

NEWS = [
    {"id": "k1", "title": "Port sale plan", "outlet": "Harbour Gazette", "date": "2031-05-02", "bias": "center",
     "text": "The Velmar government is preparing to sell the northern port of Kessa to the Orlan Shipping "
             "consortium, according to the Harbour Gazette. Officials have drafted a contract worth 400 "
             "million crowns, the Harbour Gazette reported."},
    {"id": "k2", "title": "Minister denies port sale", "outlet": "Velmar Daily", "date": "2031-05-04",
     "bias": "left",
     "text": "Minister Ana Ruiz on Tuesday dismissed the Harbour Gazette report that the government would sell "
             "the port of Kessa to Orlan Shipping. \"There is no contract and there will be no sale of Kessa,\" "
             "Ruiz said."},
    {"id": "k3", "title": "Opposition on Kessa", "outlet": "Morning Courier", "date": "2031-05-03", "bias": "right",
     "text": "Opposition leader Tomas Brel said the Velmar government secretly agreed to sell the northern port "
             "of Kessa to the Orlan Shipping consortium for 400 million crowns. He called it a betrayal."},
    {"id": "k4", "title": "Kessa talks", "outlet": "Evening Star", "date": "2031-05-05", "bias": "center",
     "text": "Finance minister Lida Varn denied that the Velmar government had agreed to sell the northern "
             "harbour of Kessa to Orlan Shipping."},
    {"id": "k6", "title": "Deputy on Kessa", "outlet": "Velmar Daily", "date": "2031-05-06", "bias": "left",
     "text": "Deputy minister Mira Sol confirmed that the cabinet had agreed in April to sell the port of Kessa "
             "to the Orlan Shipping consortium, at a price still secret."},
    {"id": "k5", "title": "Orchard festival", "outlet": "Evening Star", "date": "2031-05-05", "bias": "center",
     "text": "The orchard festival opens on Friday, mayor Pia Holm said. \"We expect ten thousand visitors and "
             "the best cherries in years,\" Holm said."},
]


def write_news(path: Path, records: list[dict] = NEWS) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path
