"""The UI core: how every screen of an open diary lives (../shared/guide/architecture.md, "The UI core").

- `OpenDiary` (diary.py) is what a screen is given: `session`, `clock`, `events`, `host`, `app`, `timer`.
- Every write goes through `diary.run(lambda: service.write(...), problem=label)`: a validation problem is
  shown in `problem` and nothing is saved; otherwise `events.changed(Changes)` reaches every screen.
- A part that shows its own write from the returned value passes `origin=self` to `run`: every other part
  hears the change, the origin is not refreshed (Today adds the check-in it recorded without reading back).
- A screen part is a `PagePart` (page.py): it declares `interests` (the kinds of change it shows), reads the
  diary only in `refresh()`, and registers itself at the end of its constructor with `diary.host.add(self)`.
  The host refreshes it when a change meets its interests and it is visible, or marks it stale and
  refreshes it when it is next shown. A part never refreshes another part.
- `retranslate_ui()` only sets text, from what `refresh()` last read: it never reads the diary.
- `draft()` / `restore(draft)` keep unsaved input across a lock (by `draft_key`); `detach()` stops timers.
- Saving is the store's: `events.save_state_changed(SaveState)`; one banner and one retry dialog show a
  failure (save_banner.py); "Saved" is shown only once the bytes are on disk.
- App-wide requests (language, text size, locking, moving the diary, flare mode) go to `diary.app`.
- `standalone.standalone_diary(session)` gives an OpenDiary with no window, for tests and `python -m`.
"""
