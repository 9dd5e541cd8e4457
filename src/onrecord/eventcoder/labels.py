"""The PLOVER 2 event types the coder predicts, in a fixed order (the model's output order)."""

from __future__ import annotations

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
INDEX = {t: i for i, t in enumerate(TYPES)}
