import pytest

from onrecord.events.modes import choose_contexts, choose_modes
from onrecord.events.ontology import contexts, event_type, event_types, is_verbal, quad_class

QUADS = {"verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}


def test_sixteen_types_with_quads_and_cued_modes():
    types = event_types()
    assert len(types) == 16 and {t.quad for t in types.values()} == QUADS
    assert all(cues for t in types.values() for cues in t.modes.values())
    assert all(cues for cues in contexts().values())
    assert quad_class("ASSAULT") == "material conflict" and is_verbal("REJECT") and not is_verbal("PROTEST")


def test_unknown_type_names_the_known_ones():
    with pytest.raises(ValueError, match="known: AGREE"):
        event_type("FIGHT")


def test_modes_and_contexts_from_cue_words():
    assert choose_modes("REJECT", "without any bargaining over sovereignty or trading territories")[0] == "yield"
    assert choose_modes("COERCE", "Police arrested the editor", ["police", "arrest", "the", "editor"]) == ("arrest",)
    assert "aerial" in choose_modes("ASSAULT", "an airstrike on the market")
    assert choose_modes("AGREE", "anything") == ()
    assert "territory" in choose_contexts("a dispute over sovereignty and the border")
    assert choose_contexts("nothing here") == ()
