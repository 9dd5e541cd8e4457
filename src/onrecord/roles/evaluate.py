"""The role ranker against the parse rules it replaces: on each gold decision (a sentence whose
gold actor or recipient phrase heads a candidate), is the chosen candidate the gold head?"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from onrecord.eventcoder.data import CodedSentence
from onrecord.roles.features import FEATURES
from onrecord.roles.instances import ROLES, groups
from onrecord.roles.predict import RoleRanker

_RULE_FLAG = {"actor": FEATURES.index("rule_actor"), "recipient": FEATURES.index("rule_recipient")}


def compare(rows: Sequence[CodedSentence], nlp, ranker: RoleRanker) -> dict[str, dict[str, float]]:
    """Per role: decisions, the ranker's and the rules' head accuracy."""
    decisions = list(groups(rows, nlp.pipe([r.text for r in rows])))
    out = {}
    for role in ROLES:
        mine = [g for g in decisions if g.role == role]
        model = getattr(ranker, role)
        hits = sum(g.labels[int(model.probability(np.asarray(g.rows)).argmax())] for g in mine)
        flag = _RULE_FLAG[role]
        rule_hits = sum(g.labels[next(i for i, r in enumerate(g.rows) if r[flag])]
                        for g in mine if any(r[flag] for r in g.rows))
        n = len(mine) or 1
        out[role] = {"decisions": len(mine), "ranker": round(hits / n, 4), "rules": round(rule_hits / n, 4)}
    return out
