"""Several server processes for one corpus: uvicorn's ``workers`` start each process from an
import string, so the app's settings travel in an environment variable and each process builds
its own app (its own read-only connections and caches)."""

from __future__ import annotations

import json
import os

from fastapi import FastAPI

from onrecord.explorer.app import create_app

SETTINGS_ENV = "ONRECORD_SERVE_SETTINGS"
FACTORY = "onrecord.explorer.workers:app_from_environment"


def settings_environment(db: str, *, cache_ttl: float, allowed_hosts: list[str] | None,
                         base_url: str | None) -> dict[str, str]:
    """The environment entry ``app_from_environment`` reads."""
    return {SETTINGS_ENV: json.dumps({"db": db, "cache_ttl": cache_ttl, "allowed_hosts": allowed_hosts,
                                      "base_url": base_url})}


def app_from_environment() -> FastAPI:
    """``create_app`` with the settings ``onrecord serve --workers`` put in the environment."""
    raw = os.environ.get(SETTINGS_ENV)
    if not raw:
        raise RuntimeError(f"{SETTINGS_ENV} is not set; start the explorer with `onrecord serve --workers N`")
    s = json.loads(raw)
    return create_app(s["db"], cache_ttl=s["cache_ttl"], allowed_hosts=s["allowed_hosts"], base_url=s["base_url"])
