"""The ``onrecord`` command line: a thin adapter over the Python API.

Each module in this package contributes its commands through a module-level
``commands`` list; they are registered on the ``main`` group here.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from typing import Any

import click

from onrecord import __version__

BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for `yes | head -1`


class _Main(click.Group):
    """The command group; a reader that stops early (``| head``) ends any command quietly."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()
            return result
        except BrokenPipeError:
            _drop_stdout()
            ctx.exit(BROKEN_PIPE)


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so that the unwritten rest is not flushed into the closed pipe at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (tests' captured output)
        pass


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="onrecord")
def main() -> None:
    """onrecord: who said what, citing whom, when, and in reply to whom."""


def _register_commands() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for command in getattr(module, "commands", []):
            main.add_command(command)


_register_commands()
