"""Link types from cue class, modality and negation (pure functions over ``Row``).

- a reply to a report: ``rejects`` (a denial cue, or a negated content), ``confirms`` (a
  confirmation cue), else ``responds``; a negated verdict ("could not confirm") responds;
- two speakers on one claim: ``contradicts`` when their polarity differs, ``supports`` when
  it agrees.  Polarity: a contradicting cue ("denied that ...") and a negator in the content each
  flip it.  Hypothetical, question-like or negated-cue statements ("did not say") take no side.
"""

from __future__ import annotations

from onrecord.crosslinks.rows import Row
from onrecord.crosslinks.words import Bag

REPLY_TYPES = ("rejects", "confirms", "responds")
CLAIM_TYPES = ("contradicts", "supports")
LINK_TYPES = (*REPLY_TYPES, *CLAIM_TYPES)
# denial cues that say the content is false (not "refused to", "declined to")
CONTRADICTING_CUES = frozenset({"deny", "dismiss", "reject", "refute", "dispute", "rebut", "contradict",
                                "disagree", "rebuff", "repudiate", "counter", "disavow", "rule out",
                                "debunk", "challenge"})
# confirmation cues that say the content is true (not "apologized for")
# (not "endorsed", "backed": their object is mostly a candidate or a bill, not a claim)
BACKING_CUES = frozenset({"confirm", "acknowledge", "admit", "concede", "agree", "verify", "recognize",
                          "concur", "corroborate", "echo"})
VERDICT_CUES = CONTRADICTING_CUES | BACKING_CUES
SIDED_KINDS = frozenset({"speech", "finding", "document"})


def reply_type(row: Row, content: Bag) -> str:
    """The type of a reply by ``row`` to a report made elsewhere."""
    if row.negated and row.cue_class in ("denial", "confirmation"):
        return "responds"
    if row.cue_lemma in CONTRADICTING_CUES:
        return "rejects"
    if row.cue_lemma in BACKING_CUES:
        return "confirms"
    return "rejects" if content.negated else "responds"


def verdict_type(row: Row) -> str:
    """The type of a reply to a named report, from the cue alone: rejects, confirms or responds
    (a negated verdict, "could not confirm", responds)."""
    if row.negated:
        return "responds"
    if row.cue_lemma in CONTRADICTING_CUES:
        return "rejects"
    return "confirms" if row.cue_lemma in BACKING_CUES else "responds"


def takes_a_side(row: Row) -> bool:
    """Whether the statement asserts or denies something (so that it can agree or disagree)."""
    if row.hypothetical or row.question or row.negated or row.kind not in SIDED_KINDS:
        return False
    if row.cue_class == "denial" and row.cue_lemma not in CONTRADICTING_CUES:
        return False  # refused to, declined to
    return "?" not in row.content


def polarity(row: Row, content: Bag) -> int:
    """+1 when the statement asserts its content, -1 when it denies it."""
    p = -1 if row.cue_lemma in CONTRADICTING_CUES else 1
    return -p if content.negated else p


def claim_type(later: Row, later_bag: Bag, earlier: Row, earlier_bag: Bag) -> str | None:
    """contradicts or supports, or None when either statement takes no side."""
    if not (takes_a_side(later) and takes_a_side(earlier)):
        return None
    same = polarity(later, later_bag) == polarity(earlier, earlier_bag)
    return "supports" if same else "contradicts"


def polarity_words(row: Row, content: Bag) -> str:
    """The polarity in words, for the evidence: 'asserts', 'denies (cue)', 'negates'."""
    if row.cue_lemma in CONTRADICTING_CUES:
        return f"denies ({row.cue_lemma})" + (", content negated" if content.negated else "")
    return "asserts, content negated" if content.negated else "asserts"
