"""Train the role ranker: PLV train decisions -> two gradient-boosted tree models (actor,
recipient) as JSON. Needs the ``train`` extra (LightGBM); the shipped model is read back
without it (``onrecord.coref.trees``)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np

from onrecord.coref.train import to_ensemble
from onrecord.eventcoder.data import CodedSentence
from onrecord.roles.features import FEATURES
from onrecord.roles.instances import ROLES, Group, groups

SEED = 13
PARAMS = {"objective": "binary", "learning_rate": 0.05, "num_leaves": 15, "min_data_in_leaf": 10,
          "feature_fraction": 0.9, "bagging_fraction": 0.9, "bagging_freq": 1, "lambda_l2": 1.0,
          "seed": SEED, "deterministic": True, "num_threads": 1, "verbose": -1}
ROUNDS = 200


def hit_rate(model, decisions: list[Group]) -> float:
    """Share of decisions whose best-scored candidate heads the gold phrase."""
    if not decisions:
        return 0.0
    return sum(g.labels[int(model.probability(np.asarray(g.rows)).argmax())] for g in decisions) / len(decisions)


def train(rows: list[CodedSentence], nlp, out: Path, log=print) -> dict:
    """Fit one model per role on ``rows`` (PLV train; the dev split stays unseen) and write
    ``{"format": "onrecord.roles/1", "actor": trees, "recipient": trees}`` to ``out``."""
    import lightgbm as lgb

    started = time.time()
    decisions = list(groups(rows, nlp.pipe([r.text for r in rows])))
    models, report = {}, {"sentences": len(rows), "seed": SEED, "rounds": ROUNDS, "params": PARAMS}
    for role in ROLES:
        mine = [g for g in decisions if g.role == role]
        X = np.asarray([r for g in mine for r in g.rows], dtype=np.float64)
        y = np.asarray([v for g in mine for v in g.labels], dtype=np.float64)
        booster = lgb.train(PARAMS, lgb.Dataset(X, y, feature_name=list(FEATURES)), ROUNDS)
        model = to_ensemble(booster, {"role": role, "decisions": len(mine)}, FEATURES)
        report[role] = {"decisions": len(mine), "pairs": int(len(y)), "train_hit_rate": round(hit_rate(model, mine), 4)}
        models[role] = model.to_json()
        log(f"{role}: {len(mine)} decisions, {len(y)} pairs, train hit rate {report[role]['train_hit_rate']}")
    report["seconds"] = round(time.time() - started, 1)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"format": "onrecord.roles/1", "meta": report, **models},
                              separators=(",", ":")) + "\n", encoding="utf-8")
    return report
