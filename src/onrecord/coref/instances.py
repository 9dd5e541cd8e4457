"""Training and evaluation instances from GUM and GAP: documents parsed with onrecord's pipeline,
pronoun decisions observed with their candidates' features and gold labels."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from onrecord.attribution import find_frames, find_quotes
from onrecord.attribution.nesting import dedupe
from onrecord.coref.gum import GumDocument
from onrecord.doctext import doc_text
from onrecord.lexicons import load_lexicon
from onrecord.resolution.document import resolve_entities
from onrecord.resolution.entities import EntityIndex

_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", "%", ")", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m"}


@dataclass
class Group:
    """One pronoun decision: its candidates' feature rows and which of them are right."""

    source: str
    rows: list[list[float]]
    labels: list[int]


class _ZeroRanker:
    """Scores nothing: while collecting instances the observer decides."""

    def score(self, rows):
        import numpy as np
        return np.zeros(len(rows))


def gum_doc(nlp, gum: GumDocument) -> Doc:
    """A GUM document through the pipeline on GUM's own tokens and sentences."""
    words = list(gum.words)
    spaces = [i + 1 < len(words) and words[i + 1] not in _NO_SPACE_BEFORE for i in range(len(words))]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    starts = set(gum.sentence_starts)
    for tok in doc:
        tok.is_sent_start = tok.i in starts
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def token_entity(gum: GumDocument) -> dict[int, str]:
    """Each token's gold entity through the smallest gold mention that holds it."""
    best: dict[int, tuple[int, str]] = {}
    for m in gum.mentions:
        for i in range(m.start, m.end):
            if i not in best or m.end - m.start < best[i][0]:
                best[i] = (m.end - m.start, m.entity)
    return {i: e for i, (_, e) in best.items()}


def build_index(doc: Doc, *, learned: bool, ranker=None, observer=None) -> EntityIndex:
    lexicon = load_lexicon()
    quotes = find_quotes(doc_text(doc))
    frames = dedupe(find_frames(doc, quotes, lexicon))
    return resolve_entities(doc, lexicon, quotes, frames, learned=learned, ranker=ranker,
                            observer=observer)


def gum_groups(nlp, docs: list[GumDocument]) -> Iterator[Group]:
    """Every pronoun decision in GUM documents, labelled by the gold chains (teacher-forced)."""
    for gum in docs:
        doc = gum_doc(nlp, gum)
        gold = token_entity(gum)
        groups: list[Group] = []

        def observe(m, candidates, rows, gold=gold, groups=groups):
            want = gold.get(m.head)
            labels = [int(want is not None and any(gold.get(x.head) == want for x in e.mentions
                                                   if x.end <= m.start)) for e, _ in candidates]
            groups.append(Group(gum.name, rows, labels))
            return labels.index(1) if 1 in labels else None

        build_index(doc, learned=True, ranker=_ZeroRanker(), observer=observe)
        yield from groups


def gap_groups(nlp, examples) -> Iterator[Group]:
    """The GAP pronoun of each example with candidates that hold name A or B, labelled by GAP."""
    for ex in examples:
        doc = nlp(ex.text)
        groups: list[Group] = []
        spans = [(ex.a_offset, ex.a_offset + len(ex.a), ex.a_coref),
                 (ex.b_offset, ex.b_offset + len(ex.b), ex.b_coref)]

        def observe(m, candidates, rows, groups=groups, spans=spans):
            if m.start != ex.pronoun_offset:
                return None
            keep_rows, labels, forced = [], [], None
            for k, ((entity, _), row) in enumerate(zip(candidates, rows)):
                hit = [gold for s, e, gold in spans
                       if any(x.start < e and s < x.end for x in entity.mentions)]
                if hit:
                    keep_rows.append(row)
                    labels.append(int(hit[0]))
                    if hit[0] and forced is None:
                        forced = k
            if keep_rows:
                groups.append(Group(ex.id, keep_rows, labels))
            return forced

        build_index(doc, learned=True, ranker=_ZeroRanker(), observer=observe)
        yield from groups
