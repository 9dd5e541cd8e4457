"""The registry's data files: well-formed, reproducible from the kb, and unambiguous."""

import importlib.util
import re
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pytest

from onrecord.registry import load_registry
from onrecord.registry.actors import TYPES
from onrecord.registry.lookup import DATA_FILES, parse_tsv, read_actors
from onrecord.registry.names import name_key, strict_key, surname_key

ROOT = Path(__file__).resolve().parents[2]
KB = ROOT.parent / "shared" / "data" / "kb"
DATA = resources.files("onrecord.registry").joinpath("data")
COLUMNS = {
    "kb_people.tsv": ["id", "name", "type", "gender", "aliases", "offices", "party", "country", "wikipedia"],
    "kb_newspapers.tsv": ["id", "name", "type", "aliases", "country", "state", "wikipedia"],
    "curated.tsv": ["id", "name", "type", "gender", "aliases", "offices", "party", "country", "wikipedia"],
}
ID = re.compile(r"Q[0-9]+|bioguide:[A-Z][0-9]{6}|govtrack:[0-9]+|onrecord:[a-z0-9]+(?:-[a-z0-9]+)*")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# keys that name two real actors on purpose: namesakes the sources themselves give
SHARED_ON_PURPOSE = {
    "george bush": {"Q207", "bioguide:B001166"},
    "john adams": {"bioguide:A000039", "bioguide:A000041"},
    "john kennedy": {"bioguide:K000107", "Q6250211"},
}


def text(name: str) -> str:
    return DATA.joinpath(name).read_text(encoding="utf-8")


def rows(name: str) -> list[dict[str, str]]:
    return parse_tsv(text(name), name)


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.fixture(scope="module")
def curated_ids() -> set[str]:
    return {a.id for a in read_actors(text("curated.tsv"))}


@pytest.mark.parametrize("name", DATA_FILES)
def test_header_and_columns(name):
    lines = text(name).splitlines()
    assert lines[0].startswith("# ")
    header = next(line for line in lines if not line.startswith("#"))
    assert header.split("\t") == COLUMNS[name]
    body = [line for line in lines if not line.startswith("#")][1:]
    assert body and all(line.count("\t") == len(COLUMNS[name]) - 1 for line in body)


@pytest.mark.parametrize("name", ["kb_people.tsv", "kb_newspapers.tsv"])
def test_kb_files_name_their_source_and_are_sorted(name):
    first = text(name).splitlines()[0]
    assert re.match(r"# source: github \S+ commit [0-9a-f]{7,40} .*; licence CC0", first), first
    ids = [r["id"] for r in rows(name)]
    assert ids == sorted(ids)


@pytest.mark.parametrize("name", DATA_FILES)
def test_fields(name):
    seen = set()
    for row in rows(name):
        assert ID.fullmatch(row["id"]), row["id"]
        assert row["id"] not in seen, row["id"]
        seen.add(row["id"])
        if row["id"].startswith("Q"):
            assert re.fullmatch(r"Q[0-9]+", row["id"])
        assert row["name"] and row["name"] == row["name"].strip()
        assert row["type"] in TYPES
        assert row.get("gender", "") in ("", "m", "f")
        assert row["type"] == "person" or not row.get("gender")
        aliases = row["aliases"].split("|") if row["aliases"] else []
        assert all(a and a == a.strip() and a != row["name"] for a in aliases), row["id"]
        for office in filter(None, row.get("offices", "").split(";")):
            role, where, start, end = office.split(":")
            assert role and (not start or DATE.fullmatch(start)) and (not end or DATE.fullmatch(end)), office
            assert not (start and end) or start <= end, office
        assert not row["country"] or re.fullmatch(r"[A-Z]{2}", row["country"]), row["country"]


def test_sizes_and_counts():
    assert sum(len(text(n).encode()) for n in DATA_FILES) < 2_000_000
    assert len(rows("kb_people.tsv")) > 600
    assert len(rows("kb_newspapers.tsv")) > 2000
    curated = rows("curated.tsv")
    assert len(curated) >= 150
    assert {r["type"] for r in curated} == set(TYPES)


def test_every_qid_is_well_formed(registry):
    for actor in registry:
        assert actor.wikidata is None or re.fullmatch(r"Q[0-9]+", actor.wikidata)
        assert (actor.wikidata is not None) == actor.id.startswith("Q")


def test_every_alias_names_one_actor_or_is_shared_on_purpose(registry, curated_ids):
    by_key: dict[str, set[str]] = defaultdict(set)
    for actor in registry:
        for form in actor.names:
            by_key[name_key(form)].add(actor.id)
    shared = {k: ids for k, ids in by_key.items() if len(ids) > 1}
    # same-named local newspapers (e.g. several 'The Daily News') are real namesakes
    papers = {k for k, ids in shared.items()
              if all(registry.by_id(i).type == "media" and i not in curated_ids for i in ids)}
    assert {k: ids for k, ids in shared.items() if k not in papers} == SHARED_ON_PURPOSE


def test_middle_initials_separate_the_namesakes(registry):
    strict: dict[str, set[str]] = defaultdict(set)
    for actor in registry:
        for form in actor.names:
            strict[strict_key(form)].add(actor.id)
    assert strict["george w bush"] == {"Q207"}
    assert strict["george h w bush"] == {"bioguide:B001166"}


def test_no_alias_is_a_shared_bare_surname(registry):
    surnames: dict[str, set[str]] = defaultdict(set)
    for actor in registry:
        if actor.type == "person":
            for form in actor.names:
                if surname := surname_key(form):
                    surnames[surname].add(actor.id)
    for actor in registry:
        if actor.type != "person":
            continue
        for alias in actor.aliases:
            key = name_key(alias)
            if " " not in key and not key.startswith("@"):
                assert not surnames.get(key, set()) - {actor.id}, (actor.id, alias)
    for bare in ("Trump", "Sanders", "Clinton", "Obama", "Bush", "Biden"):
        assert all(name_key(bare) != name_key(a) for actor in registry for a in actor.names), bare


def load_build_script():
    spec = importlib.util.spec_from_file_location("build_registry", ROOT / "scripts" / "build_registry.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.skipif(not KB.is_dir(), reason="needs the CC0 seed data in shared/data/kb")
def test_build_script_reproduces_the_kb_files(tmp_path):
    pytest.importorskip("yaml")
    load_build_script().main(KB, tmp_path)
    for name in ("kb_people.tsv", "kb_newspapers.tsv"):
        assert (tmp_path / name).read_bytes() == DATA.joinpath(name).read_bytes(), name
