"""The shipped tagger: it loads without torch, finds a plain attribution, and says what to
do when its dependencies or files are missing."""

import json
import shutil
import sys

import pytest

from onrecord.tagger.errors import TaggerUnavailable
from onrecord.tagger.paths import CONFIG_FILE, MODEL_DIR, MODEL_FILE
from onrecord.tagger.predict import AttributionTagger, default_tagger


def test_the_shipped_model_is_int8_onnx_under_100_mb_and_matches_the_labels():
    from onrecord.tagger.labels import LABELS

    assert MODEL_FILE.stat().st_size < 100 * 2**20
    config = json.loads(CONFIG_FILE.read_text())
    assert tuple(config["labels"]) == LABELS
    assert config["training"]["seed"] == 13


def test_a_plain_reported_statement_gets_source_cue_and_content():
    text = "The mayor said on Monday that the strike would end soon."
    spans = {(s.role, text[s.start:s.end]) for s in default_tagger().spans(text)}
    assert ("CUE", "said") in spans or ("CUE", "said on Monday") in spans
    assert ("SRC", "The mayor") in spans
    assert any(role == "CON" and "the strike would end soon" in t for role, t in spans)


def test_texts_in_one_call_get_their_own_offsets():
    texts = ["", "Officials said the talks failed.", "Nothing here."]
    out = default_tagger().spans_many(texts)
    assert out[0] == [] and len(out) == 3
    assert all(0 <= s.start < s.end <= len(texts[1]) for s in out[1])


def test_a_long_text_is_read_in_windows_with_offsets_into_the_whole():
    sentence = "The senator said that the bill would pass. "
    text = sentence * 200
    spans = default_tagger().spans(text)
    cues = [s for s in spans if s.role == "CUE"]
    assert len(cues) >= 190
    assert all(text[s.start:s.end] == "said" for s in cues)


def test_a_missing_model_file_says_how_to_rebuild_it(tmp_path):
    for name in ("tokenizer.json", "config.json"):
        shutil.copy(MODEL_DIR / name, tmp_path / name)
    with pytest.raises(TaggerUnavailable, match="onrecord train attribution"):
        AttributionTagger(tmp_path)


def test_a_corrupt_model_file_says_how_to_rebuild_it(tmp_path):
    for name in ("tokenizer.json", "config.json"):
        shutil.copy(MODEL_DIR / name, tmp_path / name)
    (tmp_path / MODEL_FILE.name).write_bytes(b"not an onnx model")
    with pytest.raises(TaggerUnavailable, match="unreadable.*onrecord train attribution"):
        AttributionTagger(tmp_path)


def test_without_onnxruntime_it_says_which_extra_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    with pytest.raises(TaggerUnavailable, match=r"pip install -e '\.\[accurate\]'"):
        AttributionTagger()
