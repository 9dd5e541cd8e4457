"""The engine: one parsed Doc in, one Article out (pure; no I/O).

Stages, each its own package: attribution (cues, sources, contents, quotes, nesting),
resolution (entities and speakers), temporal (statement times), discourse (replies,
own voice).
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from onrecord.doctext import doc_text
from onrecord.attribution import find_frames, find_quotes
from onrecord.attribution.frame import Frame
from onrecord.attribution.nesting import dedupe, parents_of
from onrecord.attribution.quotes import Quote
from onrecord.attribution.spans import statement_kind
from onrecord.discourse import find_own_voice, find_replies
from onrecord.lexicons import load_lexicon
from onrecord.modality import with_modality
from onrecord.records import Article, Cue, Entity, Speaker, Statement, TextSpan
from onrecord.resolution import EntityDraft
from onrecord.resolution.canonical import registry_names
from onrecord.resolution.document import resolve_entities
from onrecord.resolution.speakers import SpeakerChoice
from onrecord.resolution.statement_speakers import resolve_speakers
from onrecord.temporal.anchoring import statement_time

_CONTROL = {c: " " for c in range(32) if chr(c) not in "\n\t\r"} | {0x7F: " "}


def prepare_text(text: str) -> str:
    """Control characters become spaces (offsets are kept: one character for one)."""
    return text.translate(_CONTROL)


COREF = ("learned", "rules")
MODES = ("fast", "accurate")
"""fast: the rule engine finds the attributions; accurate: the learned tagger does too, the
rules' spans kept where the parse found the same cue (``onrecord.attribution.learned``,
``onrecord.tagger``, the accurate extra)."""
UNNAMED_TYPES = ("group", "document")  # speakers with no canonical name: 'officials', 'a new poll'


def article_from_doc(doc: Doc, meta, *, coref: str = "learned", mode: str = "fast",
                     events: bool = False) -> Article:
    """Every attribution in a parsed document, as an Article.

    ``coref`` picks the pronoun resolver: the shipped learned ranker or the rules.
    ``mode`` picks what finds the attributions (``MODES``). ``events`` codes PLOVER event
    records too (``onrecord.events``; the shipped event coder needs the accurate extra)."""
    if coref not in COREF:
        raise ValueError(f"coref must be one of {COREF}, not {coref!r}")
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    lexicon = load_lexicon()
    text = doc_text(doc)
    quotes = find_quotes(text)
    frames = dedupe(find_frames(doc, quotes, lexicon))
    if mode == "accurate":
        frames = dedupe(_learned_frames(doc, text, frames, lexicon))
    parents = parents_of(frames)
    index = resolve_entities(doc, lexicon, quotes, frames, learned=coref == "learned")
    speakers = resolve_speakers(index, frames, parents, lexicon)
    registry_names(index.entities)
    entity_ids = _entity_ids(index.entities)
    published = _parse_date(meta.published)
    statements = [
        _statement(i, frame, parents[i], speakers[i], entity_ids, text, quotes,
                   statement_time(doc, frame, published))
        for i, frame in enumerate(frames)]
    statements = with_modality(doc, statements)
    statements = find_replies(doc, statements, index, entity_ids, lexicon)
    article = Article(
        text=text, id=meta.id, title=meta.title, outlet=meta.outlet, published=meta.published,
        entities=_entities(index.entities, entity_ids),
        statements=tuple(statements),
        own_voice=tuple(find_own_voice(doc, statements)),
        mode=mode,
    )
    return _with_events(doc, article, published) if events else article


def _with_events(doc: Doc, article: Article, published: date | None) -> Article:
    from dataclasses import replace

    from onrecord.eventcoder.predict import default_coder
    from onrecord.events.coding import code_events

    return replace(article, events=code_events(doc, article, default_coder(), published))


def _learned_frames(doc: Doc, text: str, rule_frames: list[Frame], lexicon) -> list[Frame]:
    from onrecord.attribution.learned import learned_frames
    from onrecord.tagger.linking import link
    from onrecord.tagger.predict import default_tagger

    sentences = [(s.start_char, s.end_char) for s in doc.sents] if len(doc) else [(0, len(text))]
    spans = default_tagger().spans(text)
    hints = [((f.cue.start, f.cue.end), f.source) for f in rule_frames if f.source]
    return learned_frames(doc, link(spans, sentences, hints), rule_frames, lexicon,
                          [(s.start, s.end) for s in spans])


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _entity_ids(entities: list[EntityDraft]) -> dict[int, str]:
    ordered = sorted((e for e in entities if e.mentions), key=lambda e: min(m.start for m in e.mentions))
    return {id(e): f"e{n + 1}" for n, e in enumerate(ordered)}


def _entities(entities: list[EntityDraft], ids: dict[int, str]) -> tuple[Entity, ...]:
    out = []
    for entity in entities:
        if id(entity) not in ids:
            continue
        spans = sorted({(m.start, m.end, m.text) for m in entity.mentions})
        out.append(Entity(ids[id(entity)], entity.canonical(), entity.type,
                          tuple(TextSpan(s, e, t) for s, e, t in spans), entity.registry))
    return tuple(sorted(out, key=lambda e: int(e.id[1:])))


def _span(text: str, span: tuple[int, int] | None) -> TextSpan | None:
    if span is None:
        return None
    return TextSpan(span[0], span[1], text[span[0]:span[1]])


def _speaker(frame: Frame, choice: SpeakerChoice | None, ids: dict[int, str], text: str) -> Speaker | None:
    if frame.source is None:
        return None
    s, e = frame.source
    if choice is None or choice.entity is None:
        return Speaker(s, e, text[s:e])
    entity, how = choice.entity, choice.resolution
    name = None if entity.type in UNNAMED_TYPES else entity.canonical()
    method = how.method if how else None
    if method == "name" and entity.registry is not None and entity.registry_renamed:
        method = "registry"
    antecedent = _span(text, how.antecedent) if how and how.antecedent else None
    members = tuple(ids[id(m)] for m in choice.members if id(m) in ids)
    return Speaker(s, e, text[s:e], ids.get(id(entity)), name, method, antecedent,
                   how.confidence if how else None, members)


def _statement(i: int, frame: Frame, parent: int | None, speaker: SpeakerChoice | None,
               ids: dict[int, str], text: str, quotes: list[Quote], time) -> Statement:
    cue = frame.cue
    kind = statement_kind(frame.content, quotes, text)
    if frame.content2 is not None and kind == "indirect":
        kind = statement_kind(frame.content2, quotes, text)
    return Statement(
        id=f"s{i + 1}",
        speaker=_speaker(frame, speaker, ids, text),
        cue=Cue(cue.start, cue.end, text[cue.start:cue.end], cue.entry.lemma, cue.entry.cls),
        content=_span(text, frame.content),
        content2=_span(text, frame.content2),
        kind=kind,
        parent=f"s{parent + 1}" if parent is not None else None,
        time=time,
    )
