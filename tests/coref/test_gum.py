"""The GUM CoNLL coreference reader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from onrecord.coref.gum import GoldMention, GumDocument, read_gum

GUM_DEV = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "gum" / "dev" / "conll"


def conll(tmp_path: Path, body: str, name: str = "GUM_news_test", file: str | None = None) -> Path:
    path = tmp_path / (file or f"{name}.conll")
    path.write_text(f"# begin document {name}\n{body}# end document\n", "utf-8")
    return path


def rows(*tokens: tuple[str, str]) -> str:
    return "".join(f"{i}\t{word}\t{brackets}\n" for i, (word, brackets) in enumerate(tokens))


def spans(doc: GumDocument) -> set[tuple[int, int, str]]:
    return {(m.start, m.end, m.entity) for m in doc.mentions}


def test_single_and_multi_token_mentions(tmp_path: Path) -> None:
    path = conll(tmp_path, rows(("Kim", "(person-1)"), ("met", "_"), ("the", "(person-2"),
                                ("new", "_"), ("mayor", "person-2)"), (".", "_")))
    [doc] = read_gum(path)
    assert doc.name == "GUM_news_test" and doc.genre == "news"
    assert doc.words == ("Kim", "met", "the", "new", "mayor", ".")
    assert doc.mentions == (GoldMention(0, 1, "person-1", "person", None),
                            GoldMention(2, 5, "person-2", "person", None))


def test_nested_and_same_token_brackets(tmp_path: Path) -> None:
    # From GUM_academic_exposure: three mentions open on one token, four close on the next.
    path = conll(tmp_path, rows(("the", "(abstract-6"), ("processing", "_"), ("of", "_"),
                                ("L2", "(abstract-7(abstract-3)"),
                                ("grammar", "abstract-7)abstract-6)")))
    [doc] = read_gum(path)
    assert spans(doc) == {(0, 5, "abstract-6"), (3, 5, "abstract-7"), (3, 4, "abstract-3")}


def test_same_entity_nested_in_itself_closes_innermost_first(tmp_path: Path) -> None:
    # "(x (x) x)": a one-token mention inside a longer one of the same entity, then a
    # same-entity mention nested inside another that closes on the same token.
    path = conll(tmp_path, rows(("a", "(person-1"), ("b", "(person-1)"), ("c", "(person-1"),
                                ("d", "person-1)person-1)")))
    [doc] = read_gum(path)
    assert sorted((m.start, m.end) for m in doc.mentions) == [(0, 4), (1, 2), (2, 4)]
    assert doc.clusters() == [frozenset({(0, 4), (1, 2), (2, 4)})]


def test_wiki_titles_are_decoded_and_kept_per_mention(tmp_path: Path) -> None:
    path = conll(tmp_path, rows(("Leiden", "(organization-52-Leiden_University(place-53-Leiden)"),
                                ("University", "organization-52-Leiden_University)"),
                                ("Ghost", "(abstract-1-Ghost_in_the_Shell_%281995_film%29)"),
                                ("it", "(organization-52-Leiden_University)")))
    [doc] = read_gum(path)
    by_span = {(m.start, m.end): m for m in doc.mentions}
    assert by_span[0, 2] == GoldMention(0, 2, "organization-52", "organization", "Leiden_University")
    assert by_span[0, 1].wiki == "Leiden" and by_span[0, 1].entity == "place-53"
    assert by_span[2, 3].wiki == "Ghost_in_the_Shell_(1995_film)"
    assert doc.clusters() == [frozenset({(0, 1)}), frozenset({(0, 2), (3, 4)}), frozenset({(2, 3)})]


def test_two_sentences_by_blank_line_and_index_restart(tmp_path: Path) -> None:
    first = rows(("Rain", "(event-1)"), ("fell", "_"), (".", "_"))
    second = rows(("It", "(event-1)"), ("stopped", "_"))
    [doc] = read_gum(conll(tmp_path, first + "\n" + second))
    assert doc.sentence_starts == (0, 3)
    assert doc.clusters() == [frozenset({(0, 1), (3, 4)})]  # document token indices
    [doc] = read_gum(conll(tmp_path, first + second))  # the index restart alone
    assert doc.sentence_starts == (0, 3)
    continuous = first + "\n" + "3\tIt\t(event-1)\n4\tstopped\t_\n"  # index runs on after the break
    [doc] = read_gum(conll(tmp_path, continuous))
    assert doc.sentence_starts == (0, 3) and doc.mentions[-1].start == 3


def test_sentences_from_the_sibling_tsv(tmp_path: Path) -> None:
    (tmp_path / "conll").mkdir()
    (tmp_path / "tsv").mkdir()
    path = conll(tmp_path / "conll", "0\tHello\t_\n1\t.\t_\n2\tBye\t(person-1)\n")
    tsv = tmp_path / "tsv" / "GUM_news_test.tsv"
    tsv.write_text("#FORMAT=WebAnno TSV 3.2\n\n\n#Text=Hello .\n1-1\t0-5\tHello\t_\n1-2\t6-7\t.\t_\n\n"
                   "#Text=Bye\n2-1\t8-11\tBye\tperson[1]\n", "utf-8")
    assert read_gum(path)[0].sentence_starts == (0, 2)
    assert read_gum(path, tsv_sentences=False)[0].sentence_starts == (0,)
    tsv.write_text("#Text=Hello .\n1-1\t0-5\tHello\t_\n1-2\t6-7\t!\t_\n", "utf-8")
    with pytest.raises(ValueError, match="differ from the CoNLL document's at token 1"):
        read_gum(path)


def test_folder_is_read_in_file_name_order_with_several_documents_per_file(tmp_path: Path) -> None:
    conll(tmp_path, rows(("b", "_")), name="GUM_bio_b")
    path = conll(tmp_path, rows(("a", "_")), name="GUM_voyage_a")
    with path.open("a", encoding="utf-8") as f:
        f.write("# begin document GUM_whow_c\n0\tc\t_\n# end document\n")
    (tmp_path / "notes.txt").write_text("not conll", "utf-8")
    docs = read_gum(tmp_path)
    assert [d.name for d in docs] == ["GUM_bio_b", "GUM_voyage_a", "GUM_whow_c"]
    assert [d.genre for d in docs] == ["bio", "voyage", "whow"]
    assert GumDocument("other", ("x",), (0,), ()).genre == ""


@pytest.mark.parametrize(("body", "line", "message"), [
    ("0\tKim\tperson-1)\n", 2, "closes a mention of person-1 that is not open"),
    ("0\tKim\t(person-1\n1\tsaid\t_\n", 2, "opened here is not closed"),
    ("0\tKim\t(person-1\n1\tsaid\tperson-2)\n", 3, "closes a mention of person-2"),
    ("0\tKim\n", 2, "expected 3 tab-separated columns"),
    ("x\tKim\t_\n", 2, "token index 'x' is not an integer"),
    ("0\tKim\t_\n2\tsaid\t_\n", 3, "token index 2 follows 0"),
    ("0\tKim\t(1)\n", 2, "entity id '1' is not type-number"),
    ("0\tKim\tperson-1\n", 2, "malformed brackets"),
    ("0\tKim\t(person-1)()\n", 2, "malformed brackets"),
])
def test_malformed_input_names_file_and_line(tmp_path: Path, body: str, line: int,
                                             message: str) -> None:
    path = conll(tmp_path, body)
    with pytest.raises(ValueError, match=message) as error:
        read_gum(path)
    assert str(error.value).startswith(f"{path}:{line}: ")


def test_malformed_document_structure(tmp_path: Path) -> None:
    path = tmp_path / "bad.conll"
    path.write_text("0\tKim\t_\n", "utf-8")
    with pytest.raises(ValueError, match=rf"^{re.escape(str(path))}:1: token line outside a document"):
        read_gum(path)
    path.write_text("# begin document a\n0\tKim\t_\n", "utf-8")
    with pytest.raises(ValueError, match="has no '# end document'"):
        read_gum(path)
    path.write_text("# begin document a\n# begin document b\n", "utf-8")
    with pytest.raises(ValueError, match=rf"^{re.escape(str(path))}:2: document 'a' begins before"):
        read_gum(path)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ValueError, match="no .conll files"):
        read_gum(empty)


@pytest.mark.slow
def test_real_dev_folder() -> None:
    if not GUM_DEV.is_dir():
        pytest.fail(f"{GUM_DEV} is missing: this test reads GUM dev from ../shared/data/gum")
    docs = read_gum(GUM_DEV)
    assert len(docs) == 30
    assert [d.name for d in docs] == sorted(p.stem for p in GUM_DEV.glob("*.conll"))
    opening_brackets = sum(line.split("\t")[2].count("(")
                           for p in GUM_DEV.glob("*.conll")
                           for line in p.read_text("utf-8").splitlines()
                           if line and not line.startswith("#"))
    assert sum(len(d.mentions) for d in docs) == opening_brackets
    for doc in docs:
        n = len(doc.words)
        assert all(0 <= m.start < m.end <= n for m in doc.mentions), doc.name
        assert all(m.entity.startswith(f"{m.type}-") for m in doc.mentions), doc.name
        starts = doc.sentence_starts
        assert starts[0] == 0 and list(starts) == sorted(set(starts)) and starts[-1] < n, doc.name
        assert len(starts) > 1, f"{doc.name}: sentence breaks from the sibling TSV"
        assert sum(len(c) for c in doc.clusters()) == len({(m.start, m.end, m.entity)
                                                           for m in doc.mentions})
    assert {d.genre for d in docs} >= {"news", "interview", "bio", "academic", "fiction"}
    first = docs[0]
    assert first.name == "GUM_academic_exposure" and first.words[0] == "Introduction"
    assert first.sentence_starts[:2] == (0, 1)
    assert first.mentions[0] == GoldMention(0, 1, "abstract-1", "abstract", None)
