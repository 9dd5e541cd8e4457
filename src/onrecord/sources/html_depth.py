"""Markup nested deeper than the HTML parser goes (libxml2 stops at 256 levels and the page's
text is lost): wrapper elements past a depth are dropped, their text kept."""

from __future__ import annotations

import re

MAX_DEPTH = 128
TAG = re.compile(rb"<(/?)([A-Za-z][\w:-]*)\b[^>]*?(/?)>")
VOID = frozenset(b"area base br col embed hr img input link meta param source track wbr".split())
WRAPPERS = frozenset(b"div span section article font b i u em strong center main aside header footer "
                     b"nav figure blockquote ul ol li dl dd dt table tbody thead tr td th form label "
                     b"small big sub sup abbr cite q s strike tt".split())


def depth_of(html: bytes) -> int:
    """The deepest element nesting of a page (a tag count, no parse)."""
    depth = deepest = 0
    for m in TAG.finditer(html):
        name = m.group(2).lower()
        if name in VOID or m.group(3):
            continue
        depth = max(0, depth - 1) if m.group(1) else depth + 1
        deepest = max(deepest, depth)
    return deepest


def flatten(html: bytes, max_depth: int = MAX_DEPTH) -> bytes:
    """The page with wrapper tags below ``max_depth`` removed (their content stays in place)."""
    out, last, stack = [], 0, []  # stack of (name, dropped)
    for m in TAG.finditer(html):
        name = m.group(2).lower()
        if name in VOID or m.group(3):
            continue
        if not m.group(1):
            drop = len(stack) >= max_depth and name in WRAPPERS
            stack.append((name, drop))
        else:
            drop = False
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == name:
                    drop = stack[k][1]
                    del stack[k:]
                    break
        if drop:
            out.append(html[last:m.start()])
            out.append(b" ")
            last = m.end()
    out.append(html[last:])
    return b"".join(out)
