"""The consultation summary: build (pure data) -> html -> pdf (QtGui only)."""
