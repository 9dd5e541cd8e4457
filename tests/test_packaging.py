"""Every data file the package reads ships in the wheel (package-data covers it)."""

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "onrecord"


def test_package_data_covers_every_data_file():
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["onrecord"]
    data = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    missing = [f for f in data if not any(fnmatch.fnmatch(f, g) for g in globs)]
    assert data and not missing, f"add these to [tool.setuptools.package-data]: {missing}"
