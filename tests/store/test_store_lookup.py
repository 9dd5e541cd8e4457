"""Names as typed -> corpus entities through every alias (the corpus's and the registry's), and
"did you mean" suggestions from the registry and from the corpus's speakers."""

from __future__ import annotations

import pytest
from store_support import write_jsonl

from onrecord.store import IngestOptions, connect, ingest
from onrecord.store.entities import EntityResolver
from onrecord.store.errors import UnknownName
from onrecord.store.lookup import find_entities, find_speakers, namesakes, suggest

TEXTS = ["One. “The budget will pass this week,” Nancy Pelosi said.",
         "Two. “We will block the budget bill,” Dana Cross said.",
         "Three. “The bill is dead on arrival,” Bernie Sanders said. “The bill is fine,” Sarah Sanders said."]


@pytest.fixture
def db(tmp_path, fake):
    path = str(tmp_path / "l.db")
    src = write_jsonl(tmp_path / "l.jsonl", [{"id": str(i), "text": t} for i, t in enumerate(TEXTS)])
    ingest([str(src)], path, IngestOptions(workers=0, extractor=fake))
    with connect(path) as con:
        yield con


def names(found) -> list[str]:
    return sorted(f[1] for f in found)


def test_registry_names_find_an_entity_without_a_registry_id(db):
    bill = EntityResolver(db).resolve("Bill Barr", "person")
    for typed in ("William Barr", "William P. Barr", "Bill Barr", "bill barr"):
        assert [f[0] for f in find_entities(db, typed)] == [bill], typed


def test_registry_id_finds_the_entity_under_any_registry_name(db):
    r = EntityResolver(db)
    barr = r.resolve("William Barr", "person", registry="onrecord:william-barr")
    db.execute("DELETE FROM entity_aliases WHERE origin = 'registry'")  # as if seeded before the registry knew
    assert [f[0] for f in find_entities(db, "William Pelham Barr")] == [barr]
    other = r.resolve("Bill Barr", "person", registry="Q123")  # another registry id: not him
    assert [f[0] for f in find_entities(db, "William Barr")] == [barr]
    # typed "Bill Barr" is both: the corpus's Bill Barr (Q123) and the registry's William Barr
    assert [f[0] for f in find_entities(db, "Bill Barr")] == sorted([barr, other])


def test_a_bare_surname_the_corpus_knows_stays_its_own(db):
    assert names(find_entities(db, "Sanders")) == ["Bernie Sanders", "Sarah Sanders"]  # both: no exact alias
    bernie = find_entities(db, "Bernie Sanders")[0][0]
    db.execute("INSERT INTO entity_aliases VALUES ('sanders', 'Sanders', ?, 'surname')", (bernie,))
    assert names(find_entities(db, "Sanders")) == ["Bernie Sanders"]


def test_suggestions_come_from_the_registry_and_the_corpus(db):
    assert [n for _, n in suggest(db, "Pelossi")] == ["Nancy Pelosi"]  # registry surname, in the corpus
    assert [n for _, n in suggest(db, "Dana Crass")] == ["Dana Cross"]  # difflib over corpus speakers
    assert [n for _, n in suggest(db, "Mitch McConnell")] == []  # the registry knows him; the corpus does not
    EntityResolver(db).resolve("Dana Crossing", "person")  # an entity that never speaks
    assert [n for _, n in suggest(db, "Dana Crossin")] == ["Dana Cross"]


def test_unknown_speaker_error_lists_the_suggestions(db):
    with pytest.raises(UnknownName) as err:
        find_speakers(db, "Nancy Pelossi")
    assert str(err.value) == "no speaker named Nancy Pelossi; did you mean: Nancy Pelosi?"
    assert [n for _, n in err.value.suggestions] == ["Nancy Pelosi"]
    with pytest.raises(UnknownName, match="no speaker named Zzyzx; list speakers with `onrecord speakers`"):
        find_speakers(db, "Zzyzx")


def test_a_bare_surname_also_means_the_one_person_who_made_most_of_its_statements(tmp_path, fake):
    from onrecord.store.queries import said

    texts = ["“We will appeal,” William Barr said.", "“The inquiry goes on,” William Barr said.",
             "“Fine,” Barr said.", "“No,” Nathaniel Barr said."] + [
                 f"“Statement {i},” William Barr said." for i in range(10)]
    path = str(tmp_path / "b.db")
    src = write_jsonl(tmp_path / "b.jsonl", [{"id": str(i), "text": t} for i, t in enumerate(texts)])
    ingest([str(src)], path, IngestOptions(workers=0, extractor=fake))
    with connect(path) as db:
        assert "William Barr" in names(find_speakers(db, "Barr"))  # 12 of 13 full-name statements
        table = said(db, "Barr", limit=100)
        assert "Nathaniel Barr" in table.title  # the namesake is named, not mixed in
        assert all(r[table.columns.index("speaker")] != "Nathaniel Barr" for r in table.rows)


def test_a_shared_surname_stays_apart_and_names_the_namesakes(db):
    from onrecord.store.queries import said

    table = said(db, "Bernie Sanders")
    assert "also named" not in table.title
    assert [n for _, n, _ in namesakes(db, "sanders")] == ["Bernie Sanders", "Sarah Sanders"]
