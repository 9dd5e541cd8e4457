"""The ``onrecord`` command line: a thin adapter over the Python API.

Each module in this package contributes its commands through a module-level
``commands`` list; they are registered on the ``main`` group here.
"""

from __future__ import annotations

import importlib
import pkgutil

import click

from onrecord import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="onrecord")
def main() -> None:
    """onrecord: who said what, citing whom, when, and in reply to whom."""


def _register_commands() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for command in getattr(module, "commands", []):
            main.add_command(command)


_register_commands()
