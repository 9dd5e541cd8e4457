"""Whole responses kept in memory: the corpus is opened read-only, so a page asked for twice is
the same page (for ``ttl`` seconds, in case an ingest adds articles meanwhile)."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from onrecord.explorer.cache import DEFAULT_MAX_BYTES, drop_expired

Entry = tuple[float, int, list[tuple[bytes, bytes]], bytes]


class ResponseCache:
    """ASGI middleware caching successful GET responses by path and query, bounded in bytes."""

    def __init__(self, app: ASGIApp, ttl: float = 300.0, max_bytes: int = DEFAULT_MAX_BYTES,
                 max_body: int = 4 << 20, skip: tuple[str, ...] = ("/static/",)) -> None:
        self.app, self.ttl, self.max_bytes, self.max_body, self.skip = app, ttl, max_bytes, max_body, skip
        self._data: OrderedDict[tuple[str, bytes], Entry] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or self.ttl <= 0
                or scope["path"].startswith(self.skip)):
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        hit = self._get(key)
        if hit is not None:
            _, status, headers, body = hit
            await send({"type": "http.response.start", "status": status,
                        "headers": [*headers, (b"x-cache", b"hit")]})
            await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
            return
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        cacheable = True

        async def capture(message: Message) -> None:
            nonlocal start, size, cacheable
            if message["type"] == "http.response.start":
                start = message
                cacheable = message["status"] == 200
                message = {**message, "headers": [*message.get("headers", []), (b"x-cache", b"miss")]}
            elif message["type"] == "http.response.body" and cacheable:
                body = message.get("body", b"")
                size += len(body)
                if size > self.max_body:
                    cacheable = False
                    chunks.clear()
                else:
                    chunks.append(body)
                if not message.get("more_body", False) and cacheable and start is not None \
                        and scope["method"] == "GET":
                    self._put(key, start["status"], list(start.get("headers", [])), b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)

    def _get(self, key: tuple[str, bytes]) -> Entry | None:
        with self._lock:
            hit = self._data.get(key)
            if hit is None:
                return None
            if hit[0] < time.monotonic():
                self._drop(key)
                return None
            self._data.move_to_end(key)
            return hit

    def _put(self, key: tuple[str, bytes], status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        with self._lock:
            if key in self._data:
                self._drop(key)
            now = time.monotonic()
            drop_expired(self._data, now, self._drop)
            self._data[key] = (now + self.ttl, status, headers, body)
            self._bytes += _size(key, headers, body)
            while self._bytes > self.max_bytes and self._data:
                self._drop(next(iter(self._data)))

    def _drop(self, key: tuple[str, bytes]) -> None:
        entry = self._data.pop(key)
        self._bytes -= _size(key, entry[2], entry[3])

    @property
    def bytes(self) -> int:
        return self._bytes

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._bytes = 0


def _size(key: tuple[str, bytes], headers: list[tuple[bytes, bytes]], body: bytes) -> int:
    """Bytes an entry holds: its body, headers and key."""
    return len(body) + sum(len(k) + len(v) for k, v in headers) + len(key[0]) + len(key[1])
