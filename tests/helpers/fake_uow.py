"""A dict-backed unit of work implementing companion.services.ports, so service logic is tested without a vault.

It keeps what the real repositories promise (tests/integration/test_repository_contract.py runs the same
checks on both): orderings, a tag's first spelling kept, merges keeping the higher rating, a unit of work
that counts only once committed. `FakeDiary` is the committed state; each `FakeUnitOfWork` works on a copy
and puts it back on `commit()`. `FakeDiary.commits` counts the commits (a service that writes must commit).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from types import TracebackType

from tests.helpers.fake_repositories import (
    FakeCheckins,
    FakeFlares,
    FakeGoals,
    FakeMeasures,
    FakeMedicines,
    FakePacing,
    FakeSettings,
    FakeStory,
    FakeTables,
    FakeTags,
)


class FakeDiary:
    """The committed state of a fake diary; `unit_of_work` is what a service takes as its factory."""

    def __init__(self) -> None:
        self.tables = FakeTables()
        self.commits = 0

    def unit_of_work(self) -> FakeUnitOfWork:
        return FakeUnitOfWork(self)

    @property
    def factory(self) -> Callable[[], FakeUnitOfWork]:
        return self.unit_of_work


class FakeUnitOfWork:
    """Works on a copy of the diary's tables; `commit()` puts the copy back, leaving without it drops it."""

    def __init__(self, diary: FakeDiary) -> None:
        self._diary = diary
        self._work: FakeTables | None = None

    def _tables(self) -> FakeTables:
        assert self._work is not None, "repositories exist only inside `with` (as with the real unit of work)"
        return self._work

    @property
    def checkins(self) -> FakeCheckins:
        return FakeCheckins(self._tables())

    @property
    def tags(self) -> FakeTags:
        return FakeTags(self._tables())

    @property
    def settings(self) -> FakeSettings:
        return FakeSettings(self._tables())

    @property
    def measures(self) -> FakeMeasures:
        return FakeMeasures(self._tables())

    @property
    def flares(self) -> FakeFlares:
        return FakeFlares(self._tables())

    @property
    def pacing(self) -> FakePacing:
        return FakePacing(self._tables())

    @property
    def goals(self) -> FakeGoals:
        return FakeGoals(self._tables())

    @property
    def medicines(self) -> FakeMedicines:
        return FakeMedicines(self._tables())

    @property
    def story(self) -> FakeStory:
        return FakeStory(self._tables())

    def __enter__(self) -> FakeUnitOfWork:
        self._work = copy.deepcopy(self._diary.tables)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._work = None  # anything not committed is dropped

    def commit(self) -> None:
        self._diary.tables = copy.deepcopy(self._tables())
        self._diary.commits += 1
