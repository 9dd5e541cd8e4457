"""The shipped event coder at prediction time: ONNX Runtime and tokenizers, no torch.

``EventCoder().probabilities(texts)`` gives PLOVER type probabilities per text;
``default_coder()`` loads the shipped model once per process.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from onrecord.eventcoder.features import encode
from onrecord.eventcoder.labels import TYPES
from onrecord.eventcoder.paths import CONFIG_FILE, INSTALL_HINT, MODEL_DIR, MODEL_FILE, REBUILD, TOKENIZER_FILE
from onrecord.tagger.errors import TaggerUnavailable

BATCH = 32


class CoderUnavailable(TaggerUnavailable):
    """The event coder cannot run: an extra is missing or the model files are."""


class EventCoder:
    """PLOVER root-type probabilities of sentences."""

    def __init__(self, directory: Path = MODEL_DIR, threads: int | None = None) -> None:
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as err:
            raise CoderUnavailable(f"event coding needs onnxruntime and tokenizers ({err}); "
                                   f"{INSTALL_HINT}") from None
        model, tok, cfg = (directory / MODEL_FILE.name, directory / TOKENIZER_FILE.name,
                           directory / CONFIG_FILE.name)
        for path in (model, tok, cfg):
            if not path.is_file():
                raise CoderUnavailable(f"the event coder's file {path} is missing; {REBUILD}")
        try:
            self.config = json.loads(cfg.read_text(encoding="utf-8"))
            if tuple(self.config["types"]) != TYPES:
                raise ValueError(f"types {self.config['types']} are not this version's {TYPES}")
            self.tokenizer = Tokenizer.from_file(str(tok))
            options = ort.SessionOptions()
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            if threads:
                options.intra_op_num_threads = threads
            self.session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        except Exception as err:  # noqa: BLE001 - any corruption reads the same to a user
            raise CoderUnavailable(f"the event coder in {directory} is unreadable ({err}); {REBUILD}") from None

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """One row of type probabilities (in ``TYPES`` order) per text."""
        if not texts:
            return np.zeros((0, len(TYPES)), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), len(TYPES)), dtype=np.float32)
        for b in range(0, len(order), BATCH):
            idx = order[b:b + BATCH]
            ids, masks = encode(self.tokenizer, [texts[i] for i in idx])
            logits = self.session.run(["logits"], {"input_ids": np.asarray(ids, dtype=np.int64),
                                                   "attention_mask": np.asarray(masks, dtype=np.int64)})[0]
            logits = logits - logits.max(axis=-1, keepdims=True)
            p = np.exp(logits)
            out[idx] = p / p.sum(axis=-1, keepdims=True)
        return out

    def predict(self, texts: list[str]) -> list[tuple[str, float]]:
        """(type, probability) of the most probable type per text."""
        probs = self.probabilities(texts)
        return [(TYPES[int(k)], float(row[k])) for row, k in zip(probs, probs.argmax(1))]


@lru_cache(maxsize=1)
def default_coder() -> EventCoder:
    """The shipped coder, loaded once per process."""
    return EventCoder()
