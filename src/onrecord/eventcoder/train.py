"""Fine-tune MiniLM as the PLOVER event-type coder on PLV train (less the fixed dev split).

Mean-pooled MiniLM with a linear layer over the 16 types, class-weighted cross-entropy, a
fixed number of epochs (no selection on dev, so the dev score is honest). Needs the
``train-accurate`` extra; the shipped model is the int8 ONNX export (``export``).
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np

from onrecord.eventcoder.data import CodedSentence
from onrecord.eventcoder.features import encode
from onrecord.eventcoder.labels import INDEX, TYPES
from onrecord.tagger.paths import base_model_dir

SEED = 13
EPOCHS = 12
BATCH = 16
LEARNING_RATE = 8e-5
WEIGHT_DECAY = 0.01
WARMUP = 0.06


def build_model(base: Path):
    """MiniLM + mean pooling + a linear layer; returns logits over TYPES."""
    import torch
    from transformers import AutoModel

    class Coder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(base))
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(TYPES))

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return self.head(self.dropout(pooled))

    return Coder()


def class_weights(rows: list[CodedSentence]) -> list[float]:
    """Inverse square-root frequency per type (types absent from training get the largest)."""
    counts = Counter(r.type for r in rows)
    top = max(counts.values())
    return [float(np.sqrt(top / counts[t])) if counts[t] else float(np.sqrt(top)) for t in TYPES]


def predict_proba(model, tokenizer, texts: list[str], batch: int = 64) -> np.ndarray:
    """Type probabilities with the torch model (used on dev while training)."""
    import torch

    model.eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(texts), batch):
            ids, masks = encode(tokenizer, texts[i:i + batch])
            logits = model(torch.as_tensor(ids), torch.as_tensor(masks))
            out.append(torch.softmax(logits, -1).numpy())
    model.train()
    return np.concatenate(out) if out else np.zeros((0, len(TYPES)))


def train(rows: list[CodedSentence], dev: list[CodedSentence], out: Path, *, epochs: int = EPOCHS,
          log: Callable[[str], None] = print) -> tuple[object, dict]:
    """Fine-tune on ``rows``; log dev accuracy and macro-F1 after every epoch; returns the
    model and a report (per-epoch dev scores, seconds)."""
    import torch
    from transformers import get_linear_schedule_with_warmup

    from onrecord.eventcoder.metrics import scores
    from onrecord.tagger.train import load_tokenizer

    started = time.time()
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    base = base_model_dir()
    tokenizer = load_tokenizer(base)
    model = build_model(base)
    order = list(range(len(rows)))
    steps = epochs * ((len(rows) + BATCH - 1) // BATCH)
    optimiser = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
    schedule = get_linear_schedule_with_warmup(optimiser, int(WARMUP * steps), steps)
    loss_fn = torch.nn.CrossEntropyLoss(weight=torch.tensor(class_weights(rows)))
    report: dict = {"epochs": [], "seed": SEED, "train_sentences": len(rows), "dev_sentences": len(dev)}
    model.train()
    for epoch in range(1, epochs + 1):
        random.shuffle(order)
        total = 0.0
        for i in range(0, len(order), BATCH):
            batch = [rows[j] for j in order[i:i + BATCH]]
            ids, masks = encode(tokenizer, [r.text for r in batch])
            logits = model(torch.as_tensor(ids), torch.as_tensor(masks))
            loss = loss_fn(logits, torch.as_tensor([INDEX[r.type] for r in batch]))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            total += float(loss)
        probs = predict_proba(model, tokenizer, [r.text for r in dev])
        dev_scores = scores([r.type for r in dev], [TYPES[int(k)] for k in probs.argmax(1)])
        report["epochs"].append({"epoch": epoch, "loss": round(total, 3)} | dev_scores)
        log(f"epoch {epoch}: loss {total:.2f} dev {dev_scores} ({time.time() - started:.0f}s)")
    out.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), out / "coder.pt")
    report["seconds"] = round(time.time() - started)
    return model, report
