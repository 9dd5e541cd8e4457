"""Errors of corpus questions; each message says what to try instead."""

from __future__ import annotations


class QueryError(Exception):
    """The question has no answer in this corpus; the message says what to try."""


class FilterError(QueryError):
    """A filter value is malformed (a bad date, method or number): the question cannot be asked."""


class UnknownName(QueryError):
    """No entity goes by this name; ``suggestions`` holds close names as (entity id, name)."""

    def __init__(self, kind: str, name: str, suggestions: list[tuple[int, str]], hint: str) -> None:
        self.kind, self.name, self.suggestions = kind, name, suggestions
        if suggestions:
            message = f"no {kind} named {name}; did you mean: {', '.join(n for _, n in suggestions)}?"
        else:
            message = f"no {kind} named {name}; {hint}"
        super().__init__(message)
