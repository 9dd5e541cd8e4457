"""Fine-tune MiniLM as the attribution tagger on PolNeAR train, choosing the epoch on dev.

Needs the ``train-accurate`` extra (torch, transformers); the shipped model is the int8
ONNX export (``onrecord.tagger.export``), read back without torch.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np

from onrecord.evaluation.brat import GoldDocument, read_polnear
from onrecord.tagger.data import Example, batches, document_examples
from onrecord.tagger.decode import decode
from onrecord.tagger.labels import LABELS, role_fragments
from onrecord.tagger.paths import base_model_dir
from onrecord.tagger.windows import word_scores

SEED = 13
EPOCHS = 3
BATCH = 16
LEARNING_RATE = 1e-4
WARMUP = 0.05
WEIGHT_DECAY = 0.01


def load_tokenizer(directory: Path):
    """The base model's fast tokenizer with truncation and padding off (windows do both)."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(directory / "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()
    return tok


def tag_f1(gold: list[GoldDocument], predicted: list[list]) -> dict[str, float]:
    """Exact F1 per role over distinct spans (a quick proxy of the PolNeAR scorer)."""
    out = {}
    for role in ("SRC", "CUE", "CON"):
        tp = n_gold = n_pred = 0
        for doc, spans in zip(gold, predicted):
            g = {f for r, f in role_fragments(doc.attributions) if r == role}
            p = {(s.start, s.end) for s in spans if s.role == role}
            tp, n_gold, n_pred = tp + len(g & p), n_gold + len(g), n_pred + len(p)
        out[role] = 2 * tp / (n_gold + n_pred) if n_gold + n_pred else 0.0
    return out


def predict_docs(model, tokenizer, docs: list[GoldDocument], cls_id: int, sep_id: int) -> list[list]:
    """Role spans of each article with the torch model (used for dev during training)."""
    import torch

    model.eval()
    out = []
    with torch.no_grad():
        for doc in docs:
            enc, wins, _ = document_examples(tokenizer, doc, cls_id, sep_id)
            scores = []
            for w in wins:
                logits = model(input_ids=torch.as_tensor(w.ids[None])).logits[0]
                scores.append(torch.softmax(logits, -1).numpy())
            out.append(decode(word_scores(wins, scores, len(enc.words)), enc.words))
    model.train()
    return out


def train(train_dir: Path, dev_dir: Path, out: Path, *, epochs: int = EPOCHS,
          limit: int | None = None, log: Callable[[str], None] = print) -> dict:
    """Fine-tune, keep a checkpoint per epoch under ``out/checkpoints``; returns the report
    (per-epoch dev scores, the chosen epoch, seconds)."""
    import torch
    from transformers import AutoModelForTokenClassification, get_linear_schedule_with_warmup

    started = time.time()
    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    base = base_model_dir()
    tok = load_tokenizer(base)
    cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    train_docs = read_polnear(train_dir, limit)
    dev_docs = read_polnear(dev_dir, limit and max(2, limit // 10))
    examples: list[Example] = [e for d in train_docs
                               for e in document_examples(tok, d, cls_id, sep_id)[2]]
    log(f"{len(train_docs)} train articles -> {len(examples)} windows, "
        f"{sum(len(e.ids) for e in examples)} pieces; label counts "
        f"{dict(Counter(LABELS[t] for e in examples for t in e.targets if t >= 0))}")
    model = AutoModelForTokenClassification.from_pretrained(
        str(base), num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
        label2id={label: i for i, label in enumerate(LABELS)})
    no_decay = ("bias", "LayerNorm.weight")
    groups = [{"params": [p for n, p in model.named_parameters() if not n.endswith(no_decay)],
               "weight_decay": WEIGHT_DECAY},
              {"params": [p for n, p in model.named_parameters() if n.endswith(no_decay)],
               "weight_decay": 0.0}]
    optim = torch.optim.AdamW(groups, lr=LEARNING_RATE)
    steps = epochs * ((len(examples) + BATCH - 1) // BATCH)
    sched = get_linear_schedule_with_warmup(optim, int(WARMUP * steps), steps)
    report: dict = {"seed": SEED, "epochs": [], "train_windows": len(examples)}
    step = 0
    for epoch in range(1, epochs + 1):
        model.train()
        t0, seen, total = time.time(), 0, 0.0
        for ids, mask, tg in batches(examples, BATCH, rng):
            loss = model(input_ids=torch.as_tensor(ids), attention_mask=torch.as_tensor(mask),
                         labels=torch.as_tensor(tg)).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            optim.zero_grad()
            step, seen, total = step + 1, seen + int(mask.sum()), total + float(loss.detach())
            if step % 50 == 0:
                log(f"epoch {epoch} step {step}/{steps} loss {total / 50:.4f} "
                    f"{seen / (time.time() - t0):.0f} pieces/s")
                total = 0.0
        ckpt = out / "checkpoints" / f"epoch-{epoch}"
        model.save_pretrained(str(ckpt))
        dev = tag_f1(dev_docs, predict_docs(model, tok, dev_docs, cls_id, sep_id))
        report["epochs"].append({"epoch": epoch, "dev_tag_f1": dev,
                                 "seconds": round(time.time() - t0, 1)})
        log(json.dumps(report["epochs"][-1]))
    best = max(report["epochs"], key=lambda e: sum(e["dev_tag_f1"].values()))
    report["best_epoch"] = best["epoch"]
    report["seconds"] = round(time.time() - started, 1)
    (out / "checkpoints" / "report.json").write_text(json.dumps(report, indent=2))
    return report
