"""A test deadline: fail instead of hanging (SIGALRM; the main thread only)."""

from __future__ import annotations

import signal
from contextlib import contextmanager


@contextmanager
def deadline(seconds: int, what: str = "the call"):
    def _raise(*_):
        raise AssertionError(f"{what} took over {seconds} s")
    old = signal.signal(signal.SIGALRM, _raise)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
