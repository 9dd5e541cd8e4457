"""Shared fixtures: one loaded parser for the whole session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from onrecord.pipeline import ArticleMeta, Extractor
from onrecord.records import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def extract(extractor: Extractor) -> Callable[..., Article]:
    """extract(text, published=None) -> Article, with the session's parser."""

    def run(text: str, published: str | None = None) -> Article:
        return extractor.extract(text, ArticleMeta(published=published))

    return run


def by_cue(article: Article, cue: str):
    """The statement whose cue text is ``cue`` (exactly one expected)."""
    found = [s for s in article.statements if s.cue.text == cue]
    assert len(found) == 1, f"{len(found)} statements with cue {cue!r}: {[s.cue.text for s in article.statements]}"
    return found[0]


def seed_path(name: str) -> Path:
    path = SHARED / "seed" / name
    if not path.exists():
        pytest.fail(f"{path} is missing: the tests read the seed article from ../shared (CI provides it)")
    return path


def write_gzip_bomb(path: Path, head: bytes, fill: bytes, tail: bytes = b"", mb: int = 100) -> Path:
    """``head``, ``mb`` MB of ``fill``, ``tail``, gzipped (about 200:1), written in constant memory."""
    import gzip

    with gzip.open(path, "wb", compresslevel=1) as f:
        f.write(head)
        chunk = fill * (2**20 // len(fill))
        for _ in range(mb):
            f.write(chunk)
        f.write(tail)
    return path


@pytest.fixture
def gzip_bombs(tmp_path: Path) -> Callable[..., Path]:
    """gzip_bombs(mb, good_line) -> a folder of a .txt.gz, a .jsonl.gz (a huge line, then good_line)
    and a .csv.gz (a header, then a huge row), each inflating to ``mb`` MB."""

    def make(mb: int, good_line: bytes) -> Path:
        folder = tmp_path / "bombs"
        folder.mkdir()
        write_gzip_bomb(folder / "a.txt.gz", b"", b"\0", mb=mb)
        write_gzip_bomb(folder / "b.jsonl.gz", b'{"text": "', b"a", b'"}\n' + good_line + b"\n", mb=mb)
        write_gzip_bomb(folder / "c.csv.gz", b"text\n", b"a", mb=mb)
        return folder

    return make


@pytest.fixture(scope="session")
def pg_base_url() -> str:
    """The machine's PostgreSQL (127.0.0.1:5432, database test, user root or postgres)."""
    import psycopg

    for user in ("root", "postgres"):
        url = f"postgresql://{user}@127.0.0.1:5432/test"
        try:
            psycopg.connect(url, connect_timeout=3).close()
            return url
        except psycopg.Error:
            continue
    pytest.fail("PostgreSQL is not reachable at 127.0.0.1:5432 (database test): start it, e.g. "
                "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start")
