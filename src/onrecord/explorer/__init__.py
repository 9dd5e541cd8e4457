"""The explorer: a read-only web app and JSON API over an onrecord corpus (``onrecord serve``)."""

from onrecord.explorer.app import create_app

__all__ = ["create_app"]
