"""The shipped role ranker: the best actor or recipient candidate for an event's trigger."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Token

from onrecord.coref.trees import ModelFileError, TreeEnsemble
from onrecord.roles.candidates import candidate_heads
from onrecord.roles.features import FEATURES, RuleContext, vector

MODEL_FILE = Path(__file__).parent / "model" / "role_ranker.json"
REBUILD = "onrecord train roles --out src/onrecord/roles/model/role_ranker.json"
MIN_PROBABILITY = {"actor": 0.2, "recipient": 0.2}
"""Below this, the role stays empty (the rules' answer is kept where they have one)."""


@dataclass(frozen=True)
class RoleRanker:
    actor: TreeEnsemble
    recipient: TreeEnsemble

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> "RoleRanker":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != "onrecord.roles/1":
                raise ValueError(f"format {data.get('format')!r}")
            models = {r: TreeEnsemble.from_json(data[r]) for r in ("actor", "recipient")}
        except FileNotFoundError:
            raise ModelFileError(f"model file {path} is missing; rebuild it with: {REBUILD}") from None
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise ModelFileError(f"model file {path} is corrupt ({err}); rebuild it with: {REBUILD}") from None
        if any(m.features != FEATURES for m in models.values()):
            raise ModelFileError(f"model file {path} was trained with other features; rebuild it with: {REBUILD}")
        return cls(**models)

    def rank(self, trigger: Token, event_type: str | None) -> dict[str, list[tuple[Token, float]]]:
        """Candidates of the trigger's sentence by role, most probable first."""
        candidates = candidate_heads(trigger.sent, trigger)
        if not candidates:
            return {"actor": [], "recipient": []}
        rules = RuleContext(trigger)
        X = np.asarray([vector(trigger, c, event_type, rules, candidates) for c in candidates])
        out = {}
        for role, model in (("actor", self.actor), ("recipient", self.recipient)):
            p = model.probability(X)
            out[role] = sorted(zip(candidates, p.tolist()), key=lambda t: -t[1])
        return out

    def roles(self, trigger: Token, event_type: str | None) -> tuple[Token | None, Token | None]:
        """(actor head, recipient head): each the most probable candidate above its threshold,
        the recipient never the actor's own phrase."""
        ranked = self.rank(trigger, event_type)
        actor = next((c for c, p in ranked["actor"] if p >= MIN_PROBABILITY["actor"]), None)
        taken = {t.i for t in actor.subtree} if actor is not None else set()
        recipient = next((c for c, p in ranked["recipient"]
                          if p >= MIN_PROBABILITY["recipient"] and c.i not in taken), None)
        return actor, recipient


@lru_cache(maxsize=1)
def default_ranker() -> RoleRanker:
    return RoleRanker.load()
