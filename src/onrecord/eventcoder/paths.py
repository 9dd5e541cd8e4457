"""Where the shipped event coder lives, and what to say when it is missing."""

from __future__ import annotations

from pathlib import Path

MODEL_DIR = Path(__file__).parent / "model"
MODEL_FILE = MODEL_DIR / "coder.int8.onnx"
TOKENIZER_FILE = MODEL_DIR / "tokenizer.json"
CONFIG_FILE = MODEL_DIR / "config.json"
PLV_FILE = Path("../shared/data/plover/plv_train.csv")
INSTALL_HINT = "install the accurate extra: pip install -e '.[accurate]'"
REBUILD = ("rebuild it with `onrecord train events --out src/onrecord/eventcoder/model` "
           "(needs pip install -e '.[train-accurate]' and ../shared/data/plover)")
