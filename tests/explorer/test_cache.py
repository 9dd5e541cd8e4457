"""The answer caches are bounded in bytes and drop expired entries."""

from __future__ import annotations

import time

from onrecord.explorer.cache import TTLCache, approx_bytes
from onrecord.explorer.response_cache import ResponseCache


def test_answer_cache_is_bounded_in_bytes():
    cache = TTLCache(size=4096, ttl=60, max_bytes=1 << 20)
    for i in range(200):
        cache.get_or_compute(i, lambda: ["x" * 10_000])  # about 10 KB each, 2 MB in all
    assert cache.bytes <= 1 << 20 and 50 < len(cache) < 110
    assert cache.get_or_compute(199, lambda: "recomputed") != "recomputed"  # the newest stay
    cache.get_or_compute("huge", lambda: "y" * (1 << 19))  # over a quarter of the bound: not kept
    assert cache.get_or_compute("huge", lambda: "again") == "again"


def test_answer_cache_drops_expired_entries():
    cache = TTLCache(ttl=0.05)
    cache.get_or_compute("a", lambda: [1] * 1000)
    time.sleep(0.06)
    cache.get_or_compute("b", lambda: 2)
    assert len(cache) == 1 and cache.bytes == approx_bytes(2)


def test_response_cache_is_bounded_and_drops_expired_entries(client):
    cache = client.app.middleware_stack  # the cache is wrapped; find it on the app's stack
    while not isinstance(cache, ResponseCache):
        cache = cache.app
    cache.clear()
    old_ttl, old_max = cache.ttl, cache.max_bytes
    cache.max_bytes = 200_000
    try:
        for offset in range(60):
            assert client.get("/api/search", params={"limit": 60, "offset": offset, "format": "csv"}).status_code == 200
        assert 0 < cache.bytes <= 200_000
        cache.clear()
        cache.ttl = 0.01
        client.get("/api/search", params={"q": "figure"})
        time.sleep(0.02)
        client.get("/api/search", params={"q": "markets"})
        assert len(cache._data) == 1
    finally:
        cache.ttl, cache.max_bytes = old_ttl, old_max
        cache.clear()
