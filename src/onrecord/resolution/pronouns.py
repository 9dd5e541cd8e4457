"""Pronoun antecedents: the rule (last person of the right gender) or the learned ranker."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from onrecord.coref.context import DiscourseContext
from onrecord.coref.features import Candidate, pair_features, pronoun_gender, sentence_numbers
from onrecord.resolution.evidence import Resolution

if TYPE_CHECKING:
    from onrecord.coref.ranker import PronounRanker
    from onrecord.resolution.entities import EntityDraft, EntityIndex
    from onrecord.resolution.mentions import Mention

WINDOW = 3000  # characters: how far back a pronoun looks
MAX_CANDIDATES = 8
RULE_CONFIDENCE = 0.6
CONTINUATION_CONFIDENCE = 0.9

# called with the pronoun, its candidates and their feature rows; may return the index of the
# candidate to follow instead of the model's choice (training follows the gold antecedent)
Observer = Callable[["Mention", list[tuple["EntityDraft", Candidate]], list[list[float]]], "int | None"]


class RulePronouns:
    """The last person known to match the pronoun's gender, else the last not known to clash."""

    def choose(self, index: "EntityIndex", m: "Mention") -> tuple["EntityDraft | None", Resolution | None]:
        gender = index.lexicon.gender_words.get(m.text.lower())
        unknown = None
        for entity in reversed(index.recent):
            if entity.type != "person":
                continue
            if m.start - entity.last_mention_before(m.start) > WINDOW:
                break
            if gender is None or entity.gender == gender:
                return entity, _via(entity, m.start, RULE_CONFIDENCE)
            if entity.gender is None and unknown is None:
                unknown = entity
        if unknown is not None:
            unknown.gender = gender
            return unknown, _via(unknown, m.start, RULE_CONFIDENCE / 2)
        return None, None


class LearnedPronouns:
    """Candidates scored by the gradient-boosted ranker (``onrecord.coref``); the best one wins."""

    def __init__(self, ranker: "PronounRanker", context: DiscourseContext,
                 observer: Observer | None = None) -> None:
        self.ranker = ranker
        self.context = context
        self.observer = observer
        self._sent_of: list[int] | None = None

    def choose(self, index: "EntityIndex", m: "Mention") -> tuple["EntityDraft | None", Resolution | None]:
        gender = pronoun_gender(m.text)
        candidates = [(e, c) for e, c in candidates_for(index, m) if c.gender in (None, gender)]
        if not candidates:
            return None, None
        if self._sent_of is None:
            self._sent_of = sentence_numbers(index.doc)
        pron = index.doc[m.head]
        rows = [pair_features(index.doc, self._sent_of, pron, c, self.context,
                              lambda tok, e=e: index.by_token.get(tok) is e)
                for e, c in candidates]
        probs = self.ranker.score(rows)
        best = int(probs.argmax())
        if self.observer is not None:
            forced = self.observer(m, candidates, rows)
            best = best if forced is None else forced
        continued = self._continued_speaker(index, m, pron, candidates)
        if continued is not None and self.observer is None:
            best = continued
        entity, cand = candidates[best]
        if entity.gender is None:
            entity.gender = index.name_gender(entity) or gender
        confidence = max(float(probs[best]), CONTINUATION_CONFIDENCE if best == continued else 0.0)
        return entity, Resolution("pronoun", (cand.start, cand.end), round(confidence, 3))

    def _continued_speaker(self, index: "EntityIndex", m: "Mention", pron,
                           candidates: list[tuple["EntityDraft", Candidate]]) -> int | None:
        """A pronoun that is a statement's source at a paragraph's start, or after a quote that
        opens its paragraph, continues the last speaker (the newswire convention)."""
        ctx = self.context
        if pron.i not in ctx.source_heads:
            return None
        para = ctx.paragraph_of(m.start)
        first_sentence = pron.sent.start_char <= ctx.paragraph_starts[para] + 1
        sites = [s for s in ctx.sources_before(m.start) if not s.nested]
        if not sites or para - ctx.paragraph_of(sites[-1].cue_start) > 2:
            return None
        if not (ctx.paragraph_opens_with_quote(m.start) or first_sentence
                or self._next_sentence(index, pron, sites[-1])):
            return None
        head = sites[-1].head
        speaker = index.by_token.get(head) or next(
            (index.by_token[c.i] for c in index.doc[head].children
             if c.dep_ == "appos" and c.i in index.by_token), None)  # 'the aide, Tom Bell'
        for k, (entity, _) in enumerate(candidates):
            if entity is speaker:
                return k
        if speaker is None:
            return _surname_match(index.doc[head].text, candidates)
        return None


    def _next_sentence(self, index: "EntityIndex", pron, site) -> bool:
        """The last statement's cue is in the sentence just before the pronoun's."""
        sent_of = self._sent_of or sentence_numbers(index.doc)
        cue = index.doc.char_span(site.cue_start, site.cue_end, alignment_mode="expand")
        return cue is not None and sent_of[pron.i] - sent_of[cue[0].i] == 1


def _surname_match(word: str, candidates: list[tuple["EntityDraft", Candidate]]) -> int | None:
    """The one candidate whose name ends with ``word`` (a surname the tagger did not mark)."""
    hits = [k for k, (e, _) in enumerate(candidates)
            if any(n.split()[-1] == word for n in e.names if n)]
    return hits[0] if len(hits) == 1 else None


def candidates_for(index: "EntityIndex", m: "Mention") -> list[tuple["EntityDraft", Candidate]]:
    """Recently mentioned people before the pronoun, most recent first (a candidate whose
    gender the text or the first-name lexicon states is dropped by the caller on a clash)."""
    found = []
    first_person = next((e for e in index.entities if e.type == "person"), None)
    for rank, entity in enumerate(reversed(index.recent)):
        if entity.type != "person":
            continue
        before = [x for x in entity.mentions if x.end <= m.start]
        if not before or m.start - before[-1].end > WINDOW:
            continue
        last, first = before[-1], before[0]
        found.append((entity, Candidate(
            start=last.start, end=last.end, head=last.head, kind=last.kind if last.kind in
            ("name", "description", "pronoun") else "name", first_head=first.head,
            mentions=len(before), gender=index.name_gender(entity) or entity.gender,
            rank=rank, is_person=True, has_full_name=any(len(n.split()) > 1 for n in entity.names),
            doc_first=entity is first_person)))
        if len(found) == MAX_CANDIDATES:
            break
    return found


def _via(entity: "EntityDraft", pos: int, confidence: float) -> Resolution:
    before = [x for x in entity.mentions if x.end <= pos]
    span = (before[-1].start, before[-1].end) if before else None
    return Resolution("pronoun", span, confidence)
