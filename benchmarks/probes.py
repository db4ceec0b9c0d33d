"""Child processes for benchmarks/run.py: start-up time and peak memory, each beside its bare floor.

    python benchmarks/probes.py startup app FOLDER   # the app on FOLDER's diary: lock screen shown, then quit
    python benchmarks/probes.py startup bare         # a bare PySide6 window shown, then quit
    python benchmarks/probes.py memory app FOLDER    # unlock FOLDER's diary, show Trends, report peak memory
    python benchmarks/probes.py memory bare          # PySide6 + matplotlib, one figure drawn, peak memory

Each prints one JSON line: `shown` (time.monotonic() when the window had been shown and its first events
handled; the parent started its clock just before starting the process) or `peak_kib` (VmHWM). Run with
QT_QPA_PLATFORM=offscreen (run.py sets it), so no display is needed. Imports are kept inside the modes so
that a probe loads only what it measures.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PASSPHRASE = "benchmark"  # as make_vault.py


def peak_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def say(**values: Any) -> None:
    print(json.dumps(values), flush=True)


def run_app(folder: str, when_shown: Any) -> int:
    """The real `companion --data-dir FOLDER`; `when_shown(window)` runs once the window is shown."""
    import companion.app as companion_app

    real = companion_app._quit_cleanly_on_signals

    def hooked(app: Any) -> dict[int, object]:
        from PySide6.QtCore import QTimer

        previous = real(app)
        QTimer.singleShot(0, lambda: _after_show(app, when_shown))
        return previous

    companion_app._quit_cleanly_on_signals = hooked
    return companion_app.main(["--data-dir", folder])


def _after_show(app: Any, when_shown: Any) -> None:
    from companion.ui.companion_window import CompanionWindow

    app.processEvents()
    try:
        window = next(w for w in app.topLevelWidgets() if isinstance(w, CompanionWindow) and w.isVisible())
        when_shown(window)
    except BaseException:  # a probe that fails must end, not leave the app running
        import traceback

        traceback.print_exc()
        app.exit(1)
        return
    app.quit()


def startup_app(folder: str) -> None:
    def shown(window: Any) -> None:
        assert window.stack.currentWidget() is window.unlock_view, "not on the lock screen"
        say(shown=time.monotonic())

    run_app(folder, shown)


def startup_bare() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(1000, 720)
    window.show()

    def shown() -> None:
        app.processEvents()
        say(shown=time.monotonic())
        app.quit()

    QTimer.singleShot(0, shown)
    app.exec()


def memory_app(folder: str) -> None:
    from PySide6.QtWidgets import QApplication

    def shown(window: Any) -> None:
        window.unlock_view.secret.setText(PASSPHRASE)
        window.unlock_view.unlock.click()
        main = window.main_view
        assert main is not None, "did not unlock"
        main.show_page("trends")
        trends = main.trends
        deadline = time.monotonic() + 60
        while not (trends.charts and trends.panel.canvas is not None) and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)
        for _ in range(20):  # let the canvas paint
            QApplication.processEvents()
        assert trends.charts and trends.panel.canvas is not None, "Trends did not draw"
        say(peak_kib=peak_kib(), entries=main.session.diary.entry_count())

    run_app(folder, shown)


def memory_bare() -> None:
    import numpy as np
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    figure = Figure(figsize=(8, 4.2), layout="constrained")
    axes = figure.subplots()
    x = np.arange(3650, dtype=float)
    axes.plot(x, 5 + 2 * np.sin(x / 90), linewidth=0.6)
    canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
    canvas.resize(1000, 720)
    canvas.show()
    canvas.draw()
    for _ in range(20):
        app.processEvents()
    say(peak_kib=peak_kib())


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    kind, mode, *rest = argv
    if kind == "startup":
        startup_app(rest[0]) if mode == "app" else startup_bare()
    elif kind == "memory":
        memory_app(rest[0]) if mode == "app" else memory_bare()
    else:
        raise SystemExit(f"unknown probe {kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
