"""The shipped event coder: int8 ONNX, loads without torch, codes plain sentences."""

import json
import shutil

import pytest

from onrecord.eventcoder.labels import TYPES
from onrecord.eventcoder.paths import CONFIG_FILE, MODEL_DIR, MODEL_FILE
from onrecord.eventcoder.predict import CoderUnavailable, EventCoder, default_coder


def test_the_shipped_model_is_small_and_matches_the_types():
    assert MODEL_FILE.stat().st_size < 40 * 2**20
    config = json.loads(CONFIG_FILE.read_text())
    assert tuple(config["types"]) == TYPES
    assert config["training"]["seed"] == 13


@pytest.mark.parametrize("sentence, expected", [
    ("Police arrested dozens of opposition activists in the capital on Friday.", "COERCE"),
    ("Rebels attacked an army base with mortars, killing four soldiers.", "ASSAULT"),
    ("Thousands of workers marched through the city to demand higher wages.", "PROTEST"),
    ("The two governments agreed to hold peace talks next month.", "AGREE"),
])
def test_codes_plain_sentences(sentence: str, expected: str):
    (kind, p), = default_coder().predict([sentence])
    assert kind == expected and 0 < p <= 1


def test_probabilities_keep_input_order_and_sum_to_one():
    texts = ["A short one.", "Protesters clashed with police outside parliament for a second night."]
    probs = default_coder().probabilities(texts)
    assert probs.shape == (2, len(TYPES))
    assert abs(float(probs.sum(1)[0]) - 1) < 1e-4
    assert probs[1].argmax() == default_coder().probabilities(texts[1:])[0].argmax()
    assert default_coder().probabilities([]).shape == (0, len(TYPES))


def test_a_missing_model_file_says_how_to_rebuild(tmp_path):
    for name in ("tokenizer.json", "config.json"):
        shutil.copy(MODEL_DIR / name, tmp_path / name)
    with pytest.raises(CoderUnavailable, match="onrecord train events"):
        EventCoder(tmp_path)


def test_a_corrupt_model_file_says_how_to_rebuild(tmp_path):
    for name in ("tokenizer.json", "config.json"):
        shutil.copy(MODEL_DIR / name, tmp_path / name)
    (tmp_path / MODEL_FILE.name).write_bytes(b"not onnx")
    with pytest.raises(CoderUnavailable, match="unreadable"):
        EventCoder(tmp_path)
