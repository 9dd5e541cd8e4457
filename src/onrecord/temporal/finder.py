"""Find time expressions in running text with the resolver's own patterns."""

from __future__ import annotations

import re

from onrecord.temporal.resolver import RULES, Rule
from onrecord.temporal.vocabulary import PREFIX, VOCAB

# A bare year is only taken as a time in this range ("in 2014", not "in 1500 cases").
_FIND_YEARS = range(1800, 2100)
# The longest key of each month number: "september", not "sept".
_FULL_MONTHS = frozenset(
    max((k for k, v in VOCAB.months.items() if v == n), key=len)
    for n in set(VOCAB.months.values()))


def _compile(rule: Rule) -> re.Pattern[str]:
    return re.compile(rf"\b(?P<prefix>{PREFIX})\b(?P<core>{rule.core})", re.IGNORECASE)


_PATTERNS: tuple[tuple[Rule, re.Pattern[str]], ...] = tuple(
    (rule, _compile(rule)) for rule in RULES if rule.findable)


def _plausible(rule: Rule, m: re.Match[str]) -> bool:
    """Filters that the regexes cannot express."""
    month = m.groupdict().get("month")
    if month and month.lower() in VOCAB.capitalized_months and not month[0].isupper():
        return False  # "may", "march": verbs/nouns unless capitalized
    if rule.needs_context and not m.group("prefix") and len(m.group("core").split()) < 2:
        return False  # a lone "May", "2014" or "weekend"
    if rule.name == "month" and month and month.lower() not in _FULL_MONTHS:
        return False  # a lone abbreviation: "in Jan" is more likely a name than January
    if rule.name == "year" and int(m.group("year")) not in _FIND_YEARS:
        return False
    return True


def _candidates(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for rule, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if m.end() > m.start() and _plausible(rule, m):
                spans.append((m.start(), m.end()))
    return spans


def find_expressions(text: str) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, text[start:end])`` of time expressions in ``text``.

    Spans include framing words ("on Monday", "since 2014", "earlier this year") so that
    :func:`resolve` accepts them as they are.  Overlaps are settled longest first (then
    leftmost); the result is in text order.  Never raises.
    """
    if not isinstance(text, str) or not text:
        return []
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(set(_candidates(text)), key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
    return [(s, e, text[s:e]) for s, e in sorted(chosen)]
