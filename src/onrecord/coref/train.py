"""Train the pronoun ranker: GUM train + GAP development decisions -> gradient-boosted trees (JSON).

Needs the ``train`` extra (LightGBM); the shipped model is read back without it
(``onrecord.coref.trees``).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from onrecord.coref.features import FEATURES
from onrecord.coref.gap import read_gap
from onrecord.coref.gum import read_gum
from onrecord.coref.instances import Group, gap_groups, gum_groups
from onrecord.coref.trees import Tree, TreeEnsemble

SEED = 13
PARAMS = {"objective": "binary", "learning_rate": 0.05, "num_leaves": 15, "min_data_in_leaf": 20,
          "feature_fraction": 0.9, "bagging_fraction": 0.9, "bagging_freq": 1, "lambda_l2": 1.0,
          "seed": SEED, "deterministic": True, "num_threads": 1, "verbose": -1}
ROUNDS = 300


@dataclass(frozen=True)
class TrainReport:
    groups: int
    pairs: int
    seconds: float
    dev_pronoun_accuracy: float
    rounds: int


def _matrix(groups: list[Group]) -> tuple[np.ndarray, np.ndarray]:
    rows = [r for g in groups for r in g.rows]
    labels = [y for g in groups for y in g.labels]
    return np.asarray(rows, dtype=np.float64), np.asarray(labels, dtype=np.float64)


def ranking_accuracy(model: TreeEnsemble, groups: list[Group]) -> float:
    """Share of decisions with a right candidate where the best-scored candidate is right."""
    judged = [g for g in groups if 1 in g.labels]
    if not judged:
        return 0.0
    hits = sum(g.labels[int(model.probability(np.asarray(g.rows)).argmax())] for g in judged)
    return hits / len(judged)


def _flatten(node: dict, out: dict[str, list]) -> int:
    """LightGBM's nested ``tree_structure`` as flat arrays; returns the node's index."""
    i = len(out["feature"])
    for k in out:
        out[k].append(-1 if k in ("feature", "left", "right") else 0.0)
    if "leaf_value" in node:
        out["value"][i] = float(node["leaf_value"])
        return i
    if node.get("decision_type", "<=") != "<=":
        raise ValueError(f"unsupported split {node.get('decision_type')}")
    out["feature"][i] = int(node["split_feature"])
    out["threshold"][i] = float(node["threshold"])
    out["left"][i] = _flatten(node["left_child"], out)
    out["right"][i] = _flatten(node["right_child"], out)
    return i


def to_ensemble(booster, meta: dict, features: tuple[str, ...] = FEATURES) -> TreeEnsemble:
    dump = booster.dump_model()
    trees = []
    for info in dump["tree_info"]:
        out: dict[str, list] = {k: [] for k in ("feature", "threshold", "left", "right", "value")}
        _flatten(info["tree_structure"], out)
        trees.append(Tree(*(np.asarray(out[k], dtype=np.int64 if k in ("feature", "left", "right")
                                       else np.float64)
                            for k in ("feature", "threshold", "left", "right", "value"))))
    return TreeEnsemble(features, 0.0, tuple(trees), meta)


def collect(nlp, train_dir: Path, gap_file: Path | None) -> list[Group]:
    groups = list(gum_groups(nlp, read_gum(train_dir)))
    if gap_file is not None:
        groups += list(gap_groups(nlp, read_gap(gap_file)))
    return groups


def train(train_dir: Path, dev_dir: Path, out: Path, gap_file: Path | None = None,
          log=print) -> TrainReport:
    """Fit, pick the number of rounds on GUM dev, write the JSON model to ``out``."""
    import lightgbm as lgb

    from onrecord.pipeline import load_model

    started = time.time()
    nlp = load_model()
    groups = collect(nlp, train_dir, gap_file)
    dev = list(gum_groups(nlp, read_gum(dev_dir)))
    X, y = _matrix(groups)
    Xd, yd = _matrix(dev)
    log(f"{len(groups)} decisions, {len(y)} pairs ({int(y.sum())} positive); dev {len(dev)} decisions")
    booster = lgb.train(PARAMS, lgb.Dataset(X, y, feature_name=list(FEATURES)), ROUNDS,
                        valid_sets=[lgb.Dataset(Xd, yd)],
                        callbacks=[lgb.early_stopping(40, verbose=False)])
    rounds = booster.best_iteration or ROUNDS
    booster = lgb.train(PARAMS, lgb.Dataset(X, y, feature_name=list(FEATURES)), rounds)
    meta = {"trained_on": [str(train_dir), str(gap_file) if gap_file else None],
            "tuned_on": str(dev_dir), "rounds": rounds, "seed": SEED, "params": PARAMS,
            "decisions": len(groups), "pairs": int(len(y))}
    model = to_ensemble(booster, meta)
    accuracy = ranking_accuracy(model, dev)
    model.meta["dev_pronoun_accuracy"] = round(accuracy, 4)
    model.meta["importance_gain"] = {
        name: round(float(g), 1) for name, g in
        sorted(zip(FEATURES, booster.feature_importance("gain")), key=lambda t: -t[1])[:15]}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
    report = TrainReport(len(groups), int(len(y)), round(time.time() - started, 1), accuracy, rounds)
    log(f"rounds {rounds}; GUM dev ranking accuracy {accuracy:.3f}; {report.seconds} s -> {out}")
    return report
