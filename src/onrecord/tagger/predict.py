"""The shipped tagger at prediction time: ONNX Runtime and tokenizers, no torch.

``AttributionTagger().spans(text)`` gives the role spans of a text;
``default_tagger()`` loads the shipped model once per process.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from onrecord.tagger.decode import RoleSpan, decode
from onrecord.tagger.errors import TaggerUnavailable
from onrecord.tagger.labels import LABELS
from onrecord.tagger.paths import CONFIG_FILE, INSTALL_HINT, MODEL_DIR, MODEL_FILE, REBUILD, TOKENIZER_FILE
from onrecord.tagger.windows import encode, windows, word_scores

BATCH = 16


class AttributionTagger:
    """Role spans (source, cue, content, content continuation) of a text."""

    def __init__(self, directory: Path = MODEL_DIR, threads: int | None = None) -> None:
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as err:
            raise TaggerUnavailable(f"accurate mode needs onnxruntime and tokenizers ({err}); "
                                    f"{INSTALL_HINT}") from None
        model, tok, cfg = (directory / MODEL_FILE.name, directory / TOKENIZER_FILE.name,
                           directory / CONFIG_FILE.name)
        for path in (model, tok, cfg):
            if not path.is_file():
                raise TaggerUnavailable(f"the tagger model file {path} is missing; {REBUILD}")
        try:
            self.config = json.loads(cfg.read_text(encoding="utf-8"))
            if tuple(self.config["labels"]) != LABELS:
                raise ValueError(f"labels {self.config['labels']} are not this version's {LABELS}")
            self.tokenizer = Tokenizer.from_file(str(tok))
            options = ort.SessionOptions()
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            if threads:
                options.intra_op_num_threads = threads
            self.session = ort.InferenceSession(str(model), options,
                                                providers=["CPUExecutionProvider"])
        except Exception as err:  # noqa: BLE001 - any corruption reads the same to a user
            raise TaggerUnavailable(f"the tagger model in {directory} is unreadable ({err}); "
                                    f"{REBUILD}") from None
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.cls_id = self.tokenizer.token_to_id("[CLS]")
        self.sep_id = self.tokenizer.token_to_id("[SEP]")

    def spans(self, text: str) -> list[RoleSpan]:
        """Decoded role spans of ``text``, offsets into it, in text order."""
        return self.spans_many([text])[0]

    def spans_many(self, texts: list[str]) -> list[list[RoleSpan]]:
        """Role spans of several texts; their windows share encoder batches."""
        encoded = [encode(self.tokenizer, t) for t in texts]
        wins = [windows(e, self.cls_id, self.sep_id, window=self.config["window"],
                        stride=self.config["stride"]) if len(e.ids) else [] for e in encoded]
        flat = [w for ws in wins for w in ws]
        probs = self._probabilities([w.ids for w in flat])
        out, k = [], 0
        for enc, ws in zip(encoded, wins):
            scores = probs[k:k + len(ws)]
            k += len(ws)
            out.append(decode(word_scores(ws, scores, len(enc.words)), enc.words) if ws else [])
        return out

    def _probabilities(self, inputs: list[np.ndarray]) -> list[np.ndarray]:
        """Softmax tag probabilities per window, batched by similar length."""
        order = sorted(range(len(inputs)), key=lambda i: len(inputs[i]))
        out: list[np.ndarray | None] = [None] * len(inputs)
        for b in range(0, len(order), BATCH):
            idx = order[b:b + BATCH]
            n = max(len(inputs[i]) for i in idx)
            ids = np.zeros((len(idx), n), dtype=np.int64)
            mask = np.zeros((len(idx), n), dtype=np.int64)
            for r, i in enumerate(idx):
                ids[r, :len(inputs[i])] = inputs[i]
                mask[r, :len(inputs[i])] = 1
            logits = self.session.run(["logits"], {"input_ids": ids, "attention_mask": mask})[0]
            logits = logits - logits.max(axis=-1, keepdims=True)
            p = np.exp(logits)
            p /= p.sum(axis=-1, keepdims=True)
            for r, i in enumerate(idx):
                out[i] = p[r, :len(inputs[i])]
        return out  # type: ignore[return-value]


@lru_cache(maxsize=1)
def default_tagger() -> AttributionTagger:
    """The shipped tagger, loaded once per process."""
    return AttributionTagger()
