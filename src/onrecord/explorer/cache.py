"""A small thread-safe LRU cache with a time to live, bounded in entries and in bytes, for
answers from a read-only corpus."""

from __future__ import annotations

import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import fields, is_dataclass
from typing import Any

DEFAULT_MAX_BYTES = 64 << 20


class TTLCache:
    """At most ``size`` entries and about ``max_bytes`` of answers, each kept for ``ttl`` seconds
    (0 turns caching off); expired entries are dropped, an answer over a quarter of the bound is
    not kept."""

    def __init__(self, size: int = 4096, ttl: float = 300.0, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.size, self.ttl, self.max_bytes = size, ttl, max_bytes
        self._data: OrderedDict[Hashable, tuple[float, int, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0
        self.bytes = 0

    def get_or_compute(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        if self.ttl <= 0:
            return compute()
        now = time.monotonic()
        with self._lock:
            hit = self._data.get(key)
            if hit is not None and hit[0] > now:
                self._data.move_to_end(key)
                self.hits += 1
                return hit[2]
            self.misses += 1
        value = compute()
        self._put(key, value, now)
        return value

    def _put(self, key: Hashable, value: Any, now: float) -> None:
        size = approx_bytes(value)
        with self._lock:
            self._drop(key)
            drop_expired(self._data, now, self._drop)
            if size > self.max_bytes // 4:
                return
            self._data[key] = (now + self.ttl, size, value)
            self.bytes += size
            while len(self._data) > self.size or self.bytes > self.max_bytes:
                self._drop(next(iter(self._data)))

    def _drop(self, key: Hashable) -> None:
        entry = self._data.pop(key, None)
        if entry is not None:
            self.bytes -= entry[1]

    def __len__(self) -> int:
        return len(self._data)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self.bytes = 0


def drop_expired(data: OrderedDict, now: float, drop: Callable[[Any], None]) -> None:
    """Drop the entries (expiry time first in each) whose time is up."""
    for key in [k for k, entry in data.items() if entry[0] <= now]:
        drop(key)


def approx_bytes(value: Any) -> int:
    """About how much memory an answer holds: ``sys.getsizeof`` of it and everything in it."""
    total, stack = 0, [value]
    while stack:
        v = stack.pop()
        total += sys.getsizeof(v)
        if isinstance(v, dict):
            stack.extend(v.keys())
            stack.extend(v.values())
        elif isinstance(v, (list, tuple, set, frozenset)):
            stack.extend(v)
        elif is_dataclass(v) and not isinstance(v, type):
            stack.extend(getattr(v, f.name) for f in fields(v))
    return total
