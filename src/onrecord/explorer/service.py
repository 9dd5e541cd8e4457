"""The explorer's data service: read-only queries, answered from a cache when asked before."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from onrecord.explorer import crosslink_queries, event_queries, metadata_filters, queries, search_queries
from onrecord.explorer import share_queries, speaker_queries, statement_queries
from onrecord.explorer.cache import TTLCache
from onrecord.explorer.connection import ReadOnlyCorpus
from onrecord.store.errors import UnknownName
from onrecord.store.evidence import evidence_filter
from onrecord.store.modality import modality_filter

# the modules whose functions ``Explorer.ask`` answers
QUESTIONS = (queries, event_queries, crosslink_queries, metadata_filters,
             search_queries, statement_queries, share_queries, speaker_queries)


class Explorer:
    """One corpus (read-only) and a cache of answers; safe to share between threads."""

    def __init__(self, target: str, *, cache_ttl: float = 300.0, cache_size: int = 4096) -> None:
        self.corpus = ReadOnlyCorpus(target)
        self.cache = TTLCache(cache_size, cache_ttl)

    @property
    def backend(self) -> str:
        return self.corpus.backend

    def ask(self, question: str, *args: Any, **kwargs: Any) -> Any:
        """``<module>.<question>(db, *args, **kwargs)`` from the first of ``QUESTIONS`` that has it,
        cached by its arguments."""
        fn = next(getattr(m, question) for m in QUESTIONS if hasattr(m, question))
        key = (question, args, tuple(sorted(kwargs.items())))
        return self.cache.get_or_compute(key, lambda: fn(self.corpus.db(), *args, **kwargs))

    def filters(self, *, q: str = "", speaker: str | None = None, outlet: str | None = None,
                bias: str | None = None, since: str | None = None, until: str | None = None,
                cue_class: str | None = None, resolution: str | None = None,
                min_confidence: str | None = None, named_only: str | None = None, kind: str | None = None,
                modality: str | None = None, without: str | None = None, topic: str | None = None,
                author: str | None = None, section: str | None = None) -> queries.Filters:
        """Filters from request parameters, validated (``FilterError``); names of speakers and
        outlets become entity ids (``UnknownName`` with suggestions when a speaker has none)."""
        evidence = evidence_filter(resolution, min_confidence, named_only)
        f = queries.Filters(
            q=q or "", bias=bias, since=since, until=until, cue_class=cue_class, evidence=evidence,
            modality=modality_filter(kind, modality, without), topic=topic, author=author, section=section)
        f = queries.check_filters(f)
        try:
            speakers = self.ask("resolve_entities", speaker, kind="speaker")
        except UnknownName as err:
            raise UnknownName("speaker", err.name, self.ask("speaker_suggestions", err.name),
                              queries.SPEAKER_HINT) from None
        return replace(f, speaker=speakers, outlet=self.ask("resolve_entities", outlet, kind="outlet"))

    def speaker_summary(self, speaker_id: int) -> dict[str, Any]:
        return self.ask("speaker_summary", speaker_id)

    def speaker_timeline(self, speaker_id: int) -> list[tuple]:
        return self.ask("speaker_timeline", speaker_id)

    def speaker_outlets(self, speaker_id: int, *, limit: int = 50, offset: int = 0) -> queries.Page:
        return queries.outlets_pivot(self.ask("speaker_outlet_rows", speaker_id), limit=limit, offset=offset)

    def profile_shares(self, outlet_id: int) -> dict[str, dict[str, float]]:
        """Cue-class shares of this outlet, the corpus and each bias group."""
        self.ask("outlet_summary", outlet_id)  # QueryError when it is no outlet
        groups = {"this outlet": self.ask("cue_class_counts", outlet_id=outlet_id),
                  "corpus": self.ask("cue_class_counts")}
        for b in queries.BIASES:
            groups[f"{b} outlets"] = self.ask("cue_class_counts", bias=b)
        return {name: _shares(counts) for name, counts in groups.items()}

    def close(self) -> None:
        self.corpus.close()


def _shares(counts: dict[str, int]) -> dict[str, float]:
    total = sum(counts.values()) or 1
    return {c: round(n / total, 4) for c, n in counts.items()}
