"""Article text with speakers, cues, contents, times and event sentences and triggers highlighted,
built from character offsets.

Every piece of article text is escaped on its own; the only markup is ``<span>`` elements
whose class names come from a fixed list.  Spans that cross are split so the markup nests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from onrecord.store.evidence import describe

ROLES = ("event", "content", "speaker", "cue", "time", "own", "trigger")  # outermost first on equal spans
_ROLE_ORDER = {r: i for i, r in enumerate(ROLES)}


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    role: str  # one of ROLES
    sid: str | None = None  # the statement's local id
    nested: bool = False  # the statement sits inside another one's content
    title: str = ""


def statement_spans(statements: Iterable[dict[str, Any]], own_voice: Iterable[dict[str, Any]] = ()) -> list[Span]:
    """Spans for the rows of ``queries.article()``'s statements and own-voice claims."""
    spans = []
    for st in statements:
        sid, nested = str(st["local_id"]), bool(st.get("parent_local_id"))
        who = st.get("speaker_entity") or st.get("speaker_name") or st.get("speaker_text") or "unknown speaker"
        title = f"{who} · {st['cue']} ({st.get('cue_class') or 'unclassified'})"
        if st.get("speaker_resolution"):
            title += " · " + describe(st["speaker_resolution"], st.get("speaker_confidence"),
                                      st.get("speaker_antecedent_text"))
        if st.get("time_value"):
            title += f" · {st['time_value']}"
        for role, prefix in (("content", "content"), ("content", "content2"), ("speaker", "speaker"),
                             ("cue", "cue"), ("time", "time")):
            start, end = st.get(f"{prefix}_start"), st.get(f"{prefix}_end")
            if isinstance(start, int) and isinstance(end, int):
                spans.append(Span(start, end, role, sid, nested, title))
    spans += [Span(o["start"], o["end"], "own", None, False, "the article's own voice") for o in own_voice]
    return spans


def event_spans(events: Iterable[dict[str, Any]]) -> list[Span]:
    """Spans for ``event_queries.article_events()``: each event's sentence and trigger, keyed by
    the event's local id (``ev1``) as statements are by theirs."""
    spans = []
    for ev in events:
        eid = str(ev["local_id"])
        title = f"{ev['type']} ({ev.get('quad') or 'no quad class'}): {ev.get('actors') or '?'} → " \
                f"{ev.get('recipients') or '?'} · “{ev.get('trigger')}”"
        for role, prefix in (("event", "sentence"), ("trigger", "trigger")):
            start, end = ev.get(f"{prefix}_start"), ev.get(f"{prefix}_end")
            if isinstance(start, int) and isinstance(end, int):
                spans.append(Span(start, end, role, eid, False, title))
    return spans


def highlight(text: str, spans: Sequence[Span]) -> Markup:
    """``text`` as escaped HTML with ``spans`` wrapped in nested ``<span class="hl ...">``."""
    n = len(text)
    valid = [s for s in spans if 0 <= s.start < s.end <= n and s.role in _ROLE_ORDER]
    starts: dict[int, list[Span]] = {}
    ends: dict[int, list[Span]] = {}
    for s in valid:
        starts.setdefault(s.start, []).append(s)
        ends.setdefault(s.end, []).append(s)
    points = sorted({0, n, *starts, *ends})
    out: list[str] = []
    stack: list[Span] = []
    for i, p in enumerate(points):
        closing = ends.get(p, [])
        if closing:
            ids = {id(s) for s in closing}
            lowest = min(k for k, s in enumerate(stack) if id(s) in ids)
            reopen = [s for s in stack[lowest:] if id(s) not in ids]
            for _ in stack[lowest:]:
                out.append("</span>")
            del stack[lowest:]
        else:
            reopen = []
        opening = sorted([*reopen, *starts.get(p, [])], key=lambda s: (-s.end, _ROLE_ORDER[s.role]))
        for s in opening:
            out.append(_open(s))
            stack.append(s)
        if i + 1 < len(points):
            out.append(str(escape(text[p:points[i + 1]])))
    out.extend("</span>" for _ in stack)
    return Markup("".join(out))


def _open(s: Span) -> str:
    cls = f"hl hl-{s.role}" + (" hl-nested" if s.nested else "")
    attrs = f' class="{cls}"'
    if s.sid is not None:
        attrs += f' data-sid="{escape(s.sid)}"'
    if s.title:
        attrs += f' title="{escape(s.title)}"'
    return f"<span{attrs}>"


def paragraphs(markup: Markup) -> list[Markup]:
    """Split highlighted text at blank lines (a span open across a break is closed and reopened)."""
    parts: list[Markup] = []
    buf: list[str] = []
    open_tags: list[str] = []
    pos, s = 0, str(markup)
    for m in _TOKENS.finditer(s):
        buf.append(s[pos:m.start()])
        pos = m.end()
        tok = m.group()
        if tok.startswith("<span"):
            open_tags.append(tok)
            buf.append(tok)
        elif tok == "</span>":
            open_tags.pop()
            buf.append(tok)
        else:  # a paragraph break
            buf.extend("</span>" for _ in open_tags)
            parts.append(Markup("".join(buf)))
            buf = list(open_tags)
    buf.append(s[pos:])
    parts.append(Markup("".join(buf)))
    return [p for p in parts if p.striptags().strip()]


_TOKENS = re.compile(r"<span[^>]*>|</span>|\n\s*\n")
