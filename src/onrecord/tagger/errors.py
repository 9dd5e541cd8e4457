"""The one error the accurate mode raises when it cannot run (kept free of heavy imports)."""


class TaggerUnavailable(RuntimeError):
    """The accurate mode cannot run: a dependency or the model file is missing or broken."""
