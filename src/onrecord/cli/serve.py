"""``onrecord serve``: the explorer web app and JSON API over a corpus, read-only."""

from __future__ import annotations

import ipaddress
import os

import click

from onrecord.store.db import DEFAULT_DB, DatabaseError

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.option("--db", "db", default=DEFAULT_DB, show_default=True, envvar="ONRECORD_DB",
              help="SQLite file or postgresql:// URL of the corpus (opened read-only).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback exposes the corpus to the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--cache-ttl", type=click.FloatRange(0), default=300.0, show_default=True,
              help="Seconds to keep answers in memory (0: no cache).")
@click.option("--base-url", default=None, metavar="URL",
              help="Public address of the explorer (https://example.org/onrecord) for the API's next "
                   "links; without it they are relative. Links never come from the Host header.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes (each with its own connections and answer cache); about one per core.")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              default="info", show_default=True)
def serve_command(db: str, host: str, port: int, cache_ttl: float, base_url: str | None,
                  workers: int, log_level: str) -> None:
    """Browse the corpus in a web browser: articles with highlighted attributions, speakers,
    quotes, outlets, search and a network view; JSON API with docs at /docs."""
    try:
        import uvicorn

        from onrecord.explorer import create_app
    except ImportError as err:  # pragma: no cover - dependencies of the package
        raise click.ClickException(f"the explorer needs {err.name}: pip install onrecord") from None
    loopback = is_loopback(host)
    allowed = list(LOOPBACK_NAMES) if loopback else None
    try:
        app = create_app(db, cache_ttl=cache_ttl, allowed_hosts=allowed, base_url=_checked_base(base_url))
    except DatabaseError as err:
        raise click.ClickException(str(err)) from None
    if not loopback:
        click.echo(f"warning: listening on {host}, not only this machine; the corpus is readable by "
                   "anyone who can reach it", err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"onrecord explorer on http://{shown}:{port}/ (read-only; API docs at /docs); Ctrl+C stops it",
               err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=log_level == "debug")
        return
    from onrecord.explorer.workers import FACTORY, settings_environment

    os.environ.update(settings_environment(db, cache_ttl=cache_ttl, allowed_hosts=allowed, base_url=base_url))
    uvicorn.run(FACTORY, factory=True, workers=workers, host=host, port=port, log_level=log_level,
                access_log=log_level == "debug")


def _checked_base(url: str | None) -> str | None:
    if url is not None and not url.startswith(("http://", "https://")):
        raise click.BadParameter(f"{url!r} is no http(s) URL; give e.g. https://example.org/onrecord",
                                 param_hint="--base-url")
    return url


commands = [serve_command]
