"""Explorer tests (a package, so that its conftest does not shadow tests/store/conftest.py)."""
