"""What Trends read, kept: a service seen through the answers it gave during the last refresh().

The chart builders turn numbers into sentences in the current language as they go. To draw the same charts
again in another language without asking the diary again, Trends hands them the services wrapped in this:
inside `reading()` each call goes to the service and its answer is kept; outside it, only kept answers are
given, and a call that was not made while reading is a programming error (retranslate_ui must not read).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any


class NotReadError(LookupError):
    """A chart asked for something the last refresh() did not read."""


class KeptReads:
    def __init__(self, service: object) -> None:
        self._service = service
        self._answers: dict[Hashable, Any] = {}
        self._reading = False

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Calls made inside go to the service (once each: a repeated call gets the kept answer)."""
        self._reading = True
        try:
            yield
        finally:
            self._reading = False

    def forget(self) -> None:
        """Drop every kept answer (the diary has changed)."""
        self._answers.clear()

    def __getattr__(self, name: str) -> Callable[..., Any]:
        method = getattr(self._service, name)

        def call(*args: Hashable, **kwargs: Hashable) -> Any:
            key = (name, args, tuple(sorted(kwargs.items())))
            if key in self._answers:
                return self._answers[key]
            if not self._reading:
                raise NotReadError(f"{name}{args} was not read by refresh()")
            answer = method(*args, **kwargs)
            self._answers[key] = answer
            return answer

        return call
