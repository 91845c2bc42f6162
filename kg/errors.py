"""Errors a user can act on: each names the file and, where there is one, the record."""
from __future__ import annotations

from pathlib import Path


class KgError(Exception):
    """Base class of errors that the CLI reports as one line and a non-zero exit."""


class CorpusError(KgError):
    """Bad input: the message names the file and, where known, the line or record."""

    def __init__(self, path: str | Path, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.reason = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")
