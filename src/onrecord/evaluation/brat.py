"""Read PolNeAR attribution gold (brat standoff) into typed, frozen records.

Layout: ``DIR/text/<article>.txt`` and ``DIR/attributions/<article>_<annotator>.ann``.
Where an article has several annotator files, the first by sorted file name is used,
so every run reads the same gold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from onrecord.evaluation.spans import Fragment, Span, make_span

ROLE_LABELS = frozenset({"Source", "Cue", "Content"})
"""Text-bound labels that take part in attributions (``Discuss``/``Discard`` are ignored)."""
EVENT_LABELS = frozenset({"Attribution", "Attribution-no-source"})

_TEXTBOUND = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_EVENT = re.compile(r"^E\d+\t(\S+)((?: \S+:\S+)*)")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution relation; ``source`` is None for a no-source event."""

    source: Span | None
    cue: Span
    content: Span


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One article's text and the attributions of its chosen annotator file."""

    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    annotator: str | None = None
    skipped_events: int = 0
    """Events without a cue or a content (incomplete annotations), left out."""
    other_annotators: tuple[str, ...] = ()


def parse_fragments(offsets: str) -> Span:
    """``"10 20;25 40"`` -> ``((10, 20), (25, 40))``."""
    frags: list[Fragment] = []
    for part in offsets.split(";"):
        start, end = part.split()
        frags.append((int(start), int(end)))
    return make_span(frags)


def parse_ann(content: str) -> tuple[tuple[GoldAttribution, ...], int]:
    """Attributions in one ``.ann`` file's content, and the count of incomplete events.

    Event arguments may come in any order.  ``Content2`` (a second content part) is
    merged into the content span.  Events lacking a cue or a content are counted and
    left out.  Other lines (notes, continuation lines of multi-line span texts) are
    ignored.
    """
    spans: dict[str, Span] = {}
    events: list[list[tuple[str, str]]] = []
    for line in content.splitlines():
        if m := _TEXTBOUND.match(line):
            if m.group(2) in ROLE_LABELS:
                spans[m.group(1)] = parse_fragments(m.group(3).strip())
        elif m := _EVENT.match(line):
            if m.group(1).split(":", 1)[0] in EVENT_LABELS:
                args = [a.split(":", 1) for a in m.group(2).split()]
                events.append([(role, ref) for role, ref in args])
    out: list[GoldAttribution] = []
    skipped = 0
    for args in events:
        roles: dict[str, list[Fragment]] = {"Source": [], "Cue": [], "Content": []}
        for role, ref in args:
            role = "Content" if role.startswith("Content") else role
            if role in roles and ref in spans:
                roles[role].extend(spans[ref])
        if not roles["Cue"] or not roles["Content"]:
            skipped += 1
            continue
        out.append(GoldAttribution(source=make_span(roles["Source"]) or None,
                                   cue=make_span(roles["Cue"]),
                                   content=make_span(roles["Content"])))
    return tuple(out), skipped


def annotation_files(directory: Path) -> dict[str, list[Path]]:
    """Article name -> its ``.ann`` files in ``directory/attributions``, sorted by name."""
    files: dict[str, list[Path]] = {}
    for path in sorted((directory / "attributions").glob("*.ann")):
        files.setdefault(path.stem.rpartition("_")[0], []).append(path)
    return files


def read_text(path: Path) -> str:
    """An article text exactly as brat counts its offsets (no newline translation)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return fh.read()


def read_polnear(directory: str | Path, limit: int | None = None) -> list[GoldDocument]:
    """The articles of a PolNeAR split directory, sorted by name, with their gold."""
    directory = Path(directory)
    text_dir, ann_dir = directory / "text", directory / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise FileNotFoundError(
            f"{directory} is not a PolNeAR split (needs {text_dir} and {ann_dir}); "
            "pass a split directory such as ../shared/data/polnear/dev")
    anns = annotation_files(directory)
    docs: list[GoldDocument] = []
    for text_path in sorted(text_dir.glob("*.txt"))[:limit]:
        paths = anns.get(text_path.stem)
        if not paths:
            raise FileNotFoundError(f"no {text_path.stem}_<annotator>.ann in {ann_dir}")
        attributions, skipped = parse_ann(paths[0].read_text(encoding="utf-8"))
        docs.append(GoldDocument(
            name=text_path.stem, text=read_text(text_path), attributions=attributions,
            annotator=_annotator(paths[0]), skipped_events=skipped,
            other_annotators=tuple(_annotator(p) for p in paths[1:])))
    return docs


def _annotator(path: Path) -> str:
    return path.stem.rpartition("_")[2]
