import pytest

from onrecord.lexicons import CUE_CLASSES, load_lexicon


@pytest.mark.parametrize("lemma,cls", [
    ("say", "neutral"), ("add", "neutral"), ("tell", "neutral"), ("insist", "assertive"),
    ("stress", "assertive"), ("suggest", "tentative"), ("believe", "tentative"),
    ("claim", "contested"), ("allege", "contested"), ("deny", "denial"), ("dismiss", "denial"),
    ("rule out", "denial"), ("reject", "denial"), ("confirm", "confirmation"),
    ("acknowledge", "confirmation"), ("admit", "confirmation"), ("report", "report"),
    ("according to", "report"),
])
def test_issue_cue_classes(lemma, cls):
    assert load_lexicon().verbs[lemma].cls == cls


def test_every_entry_is_well_formed():
    lex = load_lexicon()
    assert all(v.cls in CUE_CLASSES for v in lex.verbs.values())
    assert all(o.kind in {"newspaper", "agency", "broadcaster", "magazine", "online"} for o in lex.outlets)
    assert all(len(o.country) == 2 for o in lex.outlets)
    assert set(lex.titles.values()) <= {"person", "organization", "media", "group"}


def test_outlet_short_names_and_aliases():
    lex = load_lexicon()
    table = lex.outlet_by_surface()
    assert table["the FT"].name == "Financial Times"
    assert table["the Financial Times"].name == "Financial Times"
    assert lex.canonical_name("Vladimir Zelensky") == "Volodymyr Zelensky"
    assert lex.canonical_name("Kiev") == "Kyiv"


def test_gender_words_are_m_or_f():
    words = load_lexicon().gender_words
    assert words["she"] == "f" and words["mr."] == "m" and set(words.values()) == {"m", "f"}


def test_reporting_nouns_have_known_classes():
    nouns = load_lexicon().nouns
    assert nouns["claim"].cls == "contested" and nouns["denial"].cls == "denial"
    assert all(n.cls in CUE_CLASSES for n in nouns.values())


def test_first_names_are_certain_and_rebuildable(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    names = load_lexicon().first_names
    assert names["Nancy"] == "f" and names["Mike"] == "m" and set(names.values()) == {"m", "f"}
    assert len(names) > 500
    script = Path(__file__).parents[2] / "scripts" / "build_first_names.py"
    shared = Path(__file__).parents[2].parent / "shared"
    assert (shared / "data" / "gap").is_dir(), f"the rebuild check reads {shared} (check it out beside the project)"
    # the shipped file is what the build script makes from ../shared
    shipped = Path(__file__).parents[2] / "src/onrecord/lexicons/first_names.tsv"
    rebuilt = tmp_path / "first_names.tsv"
    subprocess.run([sys.executable, str(script), "--shared", str(shared), "--out", str(rebuilt)],
                   check=True, capture_output=True)
    assert rebuilt.read_bytes() == shipped.read_bytes()


def test_speaker_kind_lexicons():
    lex = load_lexicon()
    assert lex.document_nouns["report"] is True and lex.document_nouns["poll"] is False
    assert "administration" in lex.institution_nouns and "official" not in lex.institution_nouns
    assert "spokeswoman" in lex.spokesperson_nouns and "democrats" in lex.party_members
    assert "university" in lex.organization_words
    assert "aide" in lex.staff_nouns and "aide" not in lex.spokesperson_nouns
    for words in (lex.institution_nouns, lex.spokesperson_nouns, lex.staff_nouns, lex.party_members,
                  lex.organization_words, set(lex.document_nouns)):
        assert all(w == w.lower() and " " not in w for w in words)
