"""The shipped role ranker."""

import json

import pytest

from onrecord.coref.trees import ModelFileError
from onrecord.roles.predict import MODEL_FILE, RoleRanker, default_ranker

pytestmark = pytest.mark.slow


def test_roles_of_an_active_and_a_passive_clause(nlp):
    ranker = default_ranker()
    doc = nlp("Russian forces shelled the city of Kharkiv on Monday.")
    actor, recipient = ranker.roles(next(t for t in doc if t.text == "shelled"), "ASSAULT")
    assert actor.text == "forces" and recipient.text in ("city", "Kharkiv")
    doc = nlp("Two journalists were arrested by police in Minsk.")
    actor, recipient = ranker.roles(next(t for t in doc if t.text == "arrested"), "COERCE")
    assert actor.text == "police" and recipient.text == "journalists"


def test_a_missing_or_foreign_model_file_says_how_to_rebuild(tmp_path):
    with pytest.raises(ModelFileError, match="onrecord train roles"):
        RoleRanker.load(tmp_path / "none.json")
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    data["actor"]["features"] = data["actor"]["features"][:-1]
    (tmp_path / "old.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelFileError, match="other features"):
        RoleRanker.load(tmp_path / "old.json")
