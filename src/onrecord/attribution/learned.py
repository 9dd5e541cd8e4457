"""Frames from the learned tagger (accurate mode), with the rule engine kept for nesting.

The tagger's linked attributions become Frames like the rule engine's, so speaker
resolution, nesting, times, replies and own voice run unchanged on top of them.  PolNeAR,
the tagger's gold, annotates only outermost attributions; the rule engine's frames whose
cue lies inside a learned content are kept as their nested statements, and those whose cue
the tagger did not mark at all are kept as a fallback (measured: it adds recall on dev).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.cues import CueMatch
from onrecord.attribution.frame import Frame
from onrecord.lexicons import Lexicon, VerbEntry
from onrecord.tagger.linking import LinkedAttribution

DEFAULT_CLASS = "neutral"


def learned_frames(doc: Doc, linked: Sequence[LinkedAttribution], rule_frames: Sequence[Frame],
                   lexicon: Lexicon, tagged: Sequence[tuple[int, int]] = ()) -> list[Frame]:
    """One Frame per linked attribution, the rule frames nested in their contents, and the
    rule frames the tagger left alone (cue outside every ``tagged`` span): the fallback."""
    frames = [prefer_rule_spans(f, rule_frames) for a in linked
              if (f := _frame(doc, a, lexicon)) is not None and not is_reply_marker(f, lexicon)]
    return frames + nested_rule_frames(frames, rule_frames) + untouched_rule_frames(tagged, rule_frames)


def prefer_rule_spans(frame: Frame, rule_frames: Sequence[Frame]) -> Frame:
    """Where the parse found the same cue, its cue, content and (if it has one) source spans:
    measured on PolNeAR dev, the rules' boundaries are the more exact ones where both find an
    attribution, and the tagger's value is the attributions the rules miss."""
    rule = next((r for r in rule_frames
                 if r.cue.start < frame.cue.end and frame.cue.start < r.cue.end), None)
    if rule is None:
        return frame
    if rule.source is None:
        return replace(rule, source=frame.source, source_head=frame.source_head)
    return rule


def is_reply_marker(frame: Frame, lexicon: Lexicon) -> bool:
    """A participle of commenting that introduces another cue ("Commenting on the FT's claim,
    Zelensky insisted ..."): it says what a statement answers, and is no statement itself."""
    head = frame.cue.head
    if head.tag_ != "VBG" or head.dep_ not in ("advcl", "xcomp", "npadvmod", "prep"):
        return False
    preps = [c.lower_ for c in head.children if c.dep_ == "prep"]
    responding = lexicon.reply_markers.get("response_verb", frozenset())
    return any(f"{head.lemma_.lower()} {p}" in responding for p in preps) or head.lemma_.lower() in responding


def untouched_rule_frames(tagged: Sequence[tuple[int, int]], rule_frames: Sequence[Frame]) -> list[Frame]:
    """Rule frames whose cue overlaps no span the tagger marked (of any role)."""
    return [f for f in rule_frames
            if not any(f.cue.start < e and s < f.cue.end for s, e in tagged)]


def nested_rule_frames(learned: Sequence[Frame], rule_frames: Sequence[Frame]) -> list[Frame]:
    """Rule frames whose cue lies inside a learned content and touches no learned cue."""
    contents = [s for f in learned for s in (f.content, f.content2) if s]
    cues = [(f.cue.start, f.cue.end) for f in learned]
    return [f for f in rule_frames
            if any(s <= f.cue.start and f.cue.end <= e for s, e in contents)
            and not any(f.cue.start < e and s < f.cue.end for s, e in cues)]


def _frame(doc: Doc, a: LinkedAttribution, lexicon: Lexicon) -> Frame | None:
    cue_span = _span(doc, a.cue)
    if cue_span is None:
        return None
    head = cue_span.root
    particle = _particle(cue_span, head)
    cue = CueMatch(head, cue_entry(cue_span, head, particle, lexicon), a.cue[0], a.cue[1], particle)
    source = _span(doc, a.source) if a.source else None
    content = a.content[0]
    content2 = (a.content[1][0], a.content[-1][1]) if len(a.content) > 1 else None
    return Frame(cue, a.source if source is not None else None,
                 source.root if source is not None else None, content, content2)


def cue_entry(cue: Span, head: Token, particle: Token | None, lexicon: Lexicon) -> VerbEntry:
    """The lexicon's entry for a learned cue (its class), or a neutral one for a cue the
    lexicon does not list."""
    lemma = head.lemma_.lower()
    keys = [f"{lemma} {particle.lower_}"] if particle is not None else []
    keys += [cue.text.lower(), lemma]
    for key in keys:
        entry = lexicon.verbs.get(key) or lexicon.nouns.get(key)
        if entry is not None:
            return entry
    return VerbEntry(lemma or cue.text.lower(), DEFAULT_CLASS, "clause")


def _particle(cue: Span, head: Token) -> Token | None:
    for tok in cue:
        if tok.head.i == head.i and tok.dep_ in ("prt", "prep") and tok.i == head.i + 1:
            return tok
    return None


def _span(doc: Doc, fragment: tuple[int, int] | None) -> Span | None:
    if fragment is None:
        return None
    return doc.char_span(fragment[0], fragment[1], alignment_mode="expand")
