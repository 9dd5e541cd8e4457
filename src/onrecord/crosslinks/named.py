"""Replies to a report the sentence names: "X dismissed the FT report that ...",
"X denied Smith's claim", "X rejected a report by Reuters", "Responding to Smith's remarks, X said",
"X fired back at Smith".

``named_reports`` reads the words around a verdict cue (pure: text in, names out); the linking
resolves each name to a corpus entity and looks for that entity's statements elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from onrecord.crosslinks.rows import Row

_NAME = r"(?:[A-Z][\w.&’'-]*\s+){0,4}?[A-Z][\w.&-]*"
_NAME_AFTER = r"[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4}"
_LINK = r"(?:\s+(?:and|of|for|de)\s+[A-Z][\w.&-]*)*"


@dataclass(frozen=True, slots=True)
class NamedReport:
    """A report named near a cue: the name as written, the noun, where the phrase lies in the window."""

    name: str
    noun: str
    start: int
    end: int

    @property
    def retort(self) -> bool:
        """A retort aimed at the source ("fired back at Smith"): itself the evidence of a reply."""
        return self.noun.endswith(" back")


MARKERS_FILE = Path(__file__).parents[1] / "lexicons" / "crosslink_markers.tsv"
RETORT = "retort"


@lru_cache(maxsize=1)
def _markers() -> dict[str, frozenset[str]]:
    """``lexicons/crosslink_markers.tsv``: word -> kind (claim_noun, retort)."""
    kinds: dict[str, set[str]] = {}
    for line in MARKERS_FILE.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) != 2 or cells == ["word", "kind"]:
            continue
        kinds.setdefault(cells[1].strip(), set()).add(cells[0].strip())
    return {k: frozenset(v) for k, v in kinds.items()}


@lru_cache(maxsize=1)
def claim_nouns() -> frozenset[str]:
    """Nouns that name a statement answered (``lexicons/reply_markers.tsv`` and
    ``lexicons/crosslink_markers.tsv``, kind claim_noun)."""
    from onrecord.lexicons import load_lexicon

    return (frozenset(load_lexicon().reply_markers.get("claim_noun", ())) | _markers().get("claim_noun", frozenset())
            | {"reporting"})


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    nouns = "|".join(sorted((re.escape(n) for n in claim_nouns()), key=len, reverse=True))
    noun = rf"(?P<noun>(?:{nouns})s?)\b"
    retorts = "|".join(_inflected(v) for v in sorted(_markers().get(RETORT, ())))
    return (
        re.compile(rf"\b(?P<name>{_NAME}{_LINK})(?:'s|’s|'|’)\s+(?:[a-z]+\s+){{0,2}}?{noun}"),
        re.compile(rf"\b(?:the|a|an|this|that)\s+(?:[a-z]+\s+)?(?P<name>{_NAME}{_LINK})\s+{noun}"),
        re.compile(rf"\b{noun}\s+(?:by|from|in)\s+(?:the\s+)?(?P<name>{_NAME_AFTER}{_LINK})"),
        re.compile(rf"\b(?P<noun>(?:{retorts})\s+back)\s+(?:at|against|on)\s+(?:the\s+)?"
                   rf"(?P<name>{_NAME_AFTER}{_LINK})"),
    )


_IRREGULAR = {"shoot": "shoot|shoots|shooting|shot", "strike": "strike|strikes|striking|struck",
              "hit": "hit|hits|hitting", "fire": "fire|fires|fired|firing"}


def _inflected(verb: str) -> str:
    if verb in _IRREGULAR:
        return f"(?:{_IRREGULAR[verb]})"
    if verb.endswith("y"):
        return rf"{verb[:-1]}(?:y|ies|ied|ying)"
    if verb.endswith("e"):
        return rf"{verb[:-1]}(?:e|es|ed|ing)"
    return rf"{verb}(?:s|es|ed|ing)?"


@lru_cache(maxsize=1)
def _response_marker() -> re.Pattern[str]:
    """A response phrase just before a named report: "responding to", "in response to", "asked about"
    (``lexicons/reply_markers.tsv``, kind response_verb)."""
    from onrecord.lexicons import load_lexicon

    phrases = []
    for phrase in sorted(load_lexicon().reply_markers.get("response_verb", ())):
        verb, *rest = phrase.split()
        phrases.append(r"\s+".join([_inflected(verb), *map(re.escape, rest)]))
    phrases += [r"in\s+(?:response|reply|reaction)\s+to", r"(?:responses?|reactions?|replies|reply)\s+to"]
    return re.compile(rf"\b(?:{'|'.join(phrases)})\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)


def answered_by_marker(window: str, report: NamedReport) -> bool:
    """Whether a response phrase introduces the report ("Responding to Smith's claim, ...")."""
    head = window[max(0, report.start - 40):report.start]
    return bool(_response_marker().search(head))


def named_reports(window: str) -> list[NamedReport]:
    """The reports a piece of text names, in text order (a name at most once)."""
    found: dict[str, NamedReport] = {}
    for pattern in _patterns():
        for m in pattern.finditer(window):
            name = m.group("name").strip().rstrip(".,;:")
            if name.split()[0] in ("The", "A", "An", "This", "That", "His", "Her", "Their", "Its", "In"):
                name = " ".join(name.split()[1:])
            if name and name not in found:
                found[name] = NamedReport(name, " ".join(m.group("noun").lower().split()), m.start(), m.end())
    return sorted(found.values(), key=lambda r: r.start)


def sentence_window(text: str, row: Row, *, before: int = 300, after: int = 0) -> tuple[int, int]:
    """The span of the sentence a statement lies in: back to the previous sentence end, forward
    to its contents' end (and, with ``after``, on to the end of the next sentence, at most
    ``after`` characters further)."""
    start = max(0, row.start - before)
    head = text[start:row.start]
    cut = max(head.rfind(". "), head.rfind("\n"), head.rfind("? "), head.rfind("! "))
    if cut >= 0:
        start += cut + 1
    end = min(len(text), max(row.end, row.start) + 1)
    if after:
        base = max(0, end - 1)  # a period right at the contents' end closes their sentence
        tail = text[base:end + after]
        first = _SENTENCE_END.search(tail)
        second = _SENTENCE_END.search(tail, first.end()) if first else None
        end = base + (second.start() + 1 if second else len(tail))
    return start, end


_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")


def names_speaker(window: str, speaker: str, written: str | None = None) -> bool:
    """Whether a piece of text names a speaker: the last word of the canonical name ("McConnell"
    for Mitch McConnell), or the name as written."""
    words = [w for w in re.findall(r"[A-Z][\w’'-]+", speaker or "")]
    options = [words[-1]] if words else []
    if written and written[:1].isupper() and len(written) > 2:
        options.append(written)
    return any(re.search(rf"\b{re.escape(o)}", window) for o in options)


def context(text: str, start: int, end: int, chars: int = 400) -> str:
    """The words around a named report, without the report phrase itself: where the matter it
    answers is told (the sentences before and after, up to ``chars`` each way)."""
    return text[max(0, start - chars):start] + " " + text[end:end + chars]
