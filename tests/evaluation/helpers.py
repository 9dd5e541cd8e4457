"""Builders for hand-made records used by the evaluation tests."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from onrecord.records import Article, Cue, Reply, Speaker, Statement, TextSpan, TimeRef


def at(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``phrase`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def span(text: str, phrase: str, nth: int = 0) -> TextSpan:
    s, e = at(text, phrase, nth)
    return TextSpan(s, e, phrase)


def statement(text: str, id: str, cue: str, content: str, *, speaker: str | None = None,
              name: str | None = None, parent: str | None = None, time: str | None = None,
              replies: tuple[Reply, ...] = (), content2: str | None = None) -> Statement:
    """A statement whose spans are the first occurrences of the given phrases."""
    spk = None
    if speaker is not None:
        s, e = at(text, speaker)
        spk = Speaker(s, e, speaker, entity=None, name=name)
    c_s, c_e = at(text, cue)
    return Statement(
        id=id, speaker=spk, cue=Cue(c_s, c_e, cue, cue, "neutral"),
        content=span(text, content), kind="indirect",
        content2=span(text, content2) if content2 else None, parent=parent,
        time=TimeRef("Monday", time, "day") if time else None, replies_to=replies)


class FakeExtractor:
    """Stands in for the spaCy-backed Extractor: one fixed statement per text."""

    def __init__(self, shorten: bool = False, mode: str = "fast") -> None:
        self.shorten = shorten
        self.mode = mode
        self.seen: list[str | None] = []

    def extract_many(self, items: Iterable[tuple[str, object]]) -> Iterator[Article]:
        for text, meta in items:
            self.seen.append(getattr(meta, "published", None))
            st = statement(text, "s1", "said", "it rained", speaker="Smith")
            yield Article(text=text[:-1] if self.shorten else text, statements=(st,))


def polnear_split(tmp_path: Path) -> Path:
    """A one-article PolNeAR split under tmp_path, with metadata.tsv beside it."""
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "a.txt").write_text("Smith said it rained.", "utf-8")
    (split / "attributions" / "a_x1.ann").write_text(
        "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 20\tit rained\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n", "utf-8")
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tpublisher\tpublication_date\ttitle\n"
        "dev\ta\tnyt\t2016-09-01\tA title\n", "utf-8")
    return split
