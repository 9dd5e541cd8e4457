"""Errors of corpus questions; each message says what to try instead."""

from __future__ import annotations


class QueryError(Exception):
    """The question has no answer in this corpus; the message says what to try."""


class FilterError(QueryError):
    """A filter value is malformed (a bad date, method or number): the question cannot be asked."""


class BadNumber(FilterError):
    """A number no id can be (2^63 or more, digits that are not ASCII): answered like a malformed
    request parameter (422 from the API)."""


class UnknownName(QueryError):
    """No entity goes by this name; ``suggestions`` holds close names as (entity id, name)."""

    def __init__(self, kind: str, name: str, suggestions: list[tuple[int, str]], hint: str) -> None:
        self.kind, self.name, self.suggestions = kind, name, suggestions
        if suggestions:
            message = f"{self.lead}; did you mean: {', '.join(n for _, n in suggestions)}?"
        else:
            message = f"{self.lead}; {hint}"
        super().__init__(message)

    @property
    def lead(self) -> str:
        """The message without its advice: "no speaker named X"."""
        return f"no {self.kind} named {self.name}"
