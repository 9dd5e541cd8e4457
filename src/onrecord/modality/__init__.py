"""Modality stage: how each statement is framed, read from the parse around its cue.

``statement_modality(doc, statement)`` gives a frozen ``records.Modality``: whether the cue is
negated ("did not say", "could not confirm"), hypothetical or conditional ("would say", "if
asked, he said"), future ("will say", "is expected to announce"), whether the content is a
question, and what kind of source speaks: ``speech`` (a person or organisation), ``finding``
(a poll, study, report or data), ``document`` (a letter's or filing's wording) or ``intent``
(a stated intent: "plans to", "wants to"). Pure: a parsed Doc and a Statement in, a record
out; spans are never changed. The words it reads are ``data/modality_words.tsv``.
"""

from __future__ import annotations

from onrecord.modality.lexicon import ModalityWords, load_modality_words
from onrecord.modality.reader import statement_modality, with_modality

__all__ = ["ModalityWords", "load_modality_words", "statement_modality", "with_modality"]
