"""The modality words (``data/modality_words.tsv``), loaded once and validated."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

CATEGORIES = {
    "modal": {"hypothetical", "hypothetical/past-if-negated", "future"},
    "mark": {"conditional"},
    "governor": {"future"},
    "question": {"always", "wh"},
    "wh": {"question"},
    "volition": {"intent"},
    "source": {"finding", "document"},
    "cue": {"document"},
    "partitive": {"of"},
}


@dataclass(frozen=True, slots=True)
class ModalityWords:
    """Every word the modality rules read, by category: word -> value."""

    modal: dict[str, str]
    mark: dict[str, str]
    governor: dict[str, str]
    question: dict[str, str]
    wh: dict[str, str]
    volition: dict[str, str]
    source: dict[str, str]
    cue: dict[str, str]
    partitive: dict[str, str]


def parse_rows(text: str) -> dict[str, dict[str, str]]:
    """category -> {word: value} from the TSV text; ValueError names a bad row."""
    table: dict[str, dict[str, str]] = {c: {} for c in CATEGORIES}
    header_seen = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            header_seen = True
            if cells == ["word", "category", "value"]:
                continue
        if len(cells) != 3:
            raise ValueError(f"modality_words.tsv line {n}: expected word, category, value: {line!r}")
        word, category, value = cells
        if category not in CATEGORIES or value not in CATEGORIES[category]:
            raise ValueError(f"modality_words.tsv line {n}: bad category or value: {line!r}")
        if word in table[category]:
            raise ValueError(f"modality_words.tsv line {n}: {word!r} twice in {category}")
        table[category][word] = value
    return table


@lru_cache(maxsize=1)
def load_modality_words() -> ModalityWords:
    text = resources.files("onrecord.modality").joinpath("data/modality_words.tsv").read_text(encoding="utf-8")
    return ModalityWords(**parse_rows(text))
