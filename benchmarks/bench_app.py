"""In-process benchmarks for benchmarks/run.py: unlock, save one edit, the 3-month summary PDF.

Each function takes a folder holding a made-up diary (benchmarks/make_vault.py) and returns medians of
interleaved samples (app, floor, app, floor, ...) so a busy moment on the machine touches both alike.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from companion.storage import body_encoding, key_slots
from companion.storage import vault_format as fmt

PASSPHRASE = "benchmark"  # as make_vault.py


def median_pair(app: Callable[[], float], floor: Callable[[], float], repeats: int) -> tuple[float, float]:
    """Medians of `repeats` interleaved samples; each callable returns its own measured seconds."""
    app_samples, floor_samples = [], []
    for _ in range(repeats):
        app_samples.append(app())
        floor_samples.append(floor())
    return statistics.median(app_samples), statistics.median(floor_samples)


def write_floor(scratch: Path, size: int) -> float:
    """The save benchmarks' floor: write `size` random bytes to `scratch` (beside the vault) and fsync them."""
    payload = os.urandom(size)
    start = time.perf_counter()
    with scratch.open("wb") as fh:
        fh.write(payload)
        fh.flush()
        os.fsync(fh.fileno())
    return time.perf_counter() - start


def figure(median_s: float, floor_s: float, target: float, **more: Any) -> dict[str, Any]:
    ratio = median_s / floor_s if floor_s > 0 else float("inf")
    return {
        "median_s": round(median_s, 4),
        "floor_s": round(floor_s, 4),
        "ratio": round(ratio, 2),
        "target": target,
        "pass": ratio <= target,
        **more,
    }


@contextmanager
def derived_keys_cached() -> Iterator[None]:
    """Leave key derivation out: the first unwrap of a slot runs Argon2id; later ones reuse its answer.

    Argon2id is slow on purpose (about 0.75 s with production costs), and it is the same whatever the
    size of the diary; everything after it (reading, decrypting, decompressing, loading, the schema check,
    the daily backup check, the window's pages) is what these benchmarks time."""
    real = key_slots.unwrap_slot
    cache: dict[tuple[int, bytes, bytes, bytes], bytes | None] = {}

    def cached(slot: key_slots.KeySlot, secret: bytes, vault_id: bytes) -> bytes | None:
        key = (slot.kind, slot.wrapped_key, secret, vault_id)
        if key not in cache:
            cache[key] = real(slot, secret, vault_id)
        return cache[key]

    key_slots.unwrap_slot = cached  # type: ignore[assignment]
    try:
        yield
    finally:
        key_slots.unwrap_slot = real  # type: ignore[assignment]


def data_key(vault: Path) -> tuple[bytes, fmt.Header]:
    blob = vault.read_bytes()
    header = fmt.parse_header(blob)
    slot = header.slot(fmt.SLOT_PASSPHRASE)
    assert slot is not None
    key = key_slots.unwrap_slot(slot, PASSPHRASE.encode(), header.vault_id)
    assert key is not None
    return key, header


# --- unlock --------------------------------------------------------------------------------------------


def today_queries(folder: Path) -> list[tuple[str, Any]]:
    """The SQL that Today runs when it is built on an open diary, as plain statements and parameters."""
    from sqlalchemy import event

    from companion.services.session import DiarySession
    from companion.ui.today.today_view import TodayView

    session = DiarySession.open(folder / "diary.vault", passphrase=PASSPHRASE)
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        seen.append((statement, parameters))

    event.listen(session.store.database.engine, "before_cursor_execute", record)
    from companion.ui.core.standalone import standalone_diary

    view = TodayView(standalone_diary(session))
    view.deleteLater()
    session.close()
    return seen


def bench_unlock(folder: Path, repeats: int) -> dict[str, Any]:
    """Passphrase accepted to Today's data ready, in the real window, key derivation left out; against
    reading the file, AES-GCM decrypt, decompress (the body's encoding), sqlite3 deserialize and Today's queries."""
    from PySide6.QtWidgets import QApplication

    from companion.services.app_context import AppContext
    from companion.ui.companion_window import CompanionWindow

    app = QApplication.instance() or QApplication([])
    vault = folder / "diary.vault"
    with derived_keys_cached():
        queries = today_queries(folder)
        key, _header = data_key(vault)
        window = CompanionWindow(AppContext.load(folder))
        window.show()
        app.processEvents()

        def unlock() -> float:
            assert window.stack.currentWidget() is window.unlock_view
            start = time.perf_counter()
            window.unlock_view.secret.setText(PASSPHRASE)
            window.unlock_view.unlock.click()
            app.processEvents()
            elapsed = time.perf_counter() - start
            assert window.main_view is not None and window.session is not None
            assert window.lock_now()
            app.processEvents()
            return elapsed

        def floor() -> float:
            start = time.perf_counter()
            blob = vault.read_bytes()
            header = fmt.parse_header(blob)
            plain = AESGCM(fmt.body_key(key, header.seed)).decrypt(
                header.body_nonce, blob[header.length :], blob[: header.length]
            )
            conn = sqlite3.connect(":memory:")
            conn.deserialize(body_encoding.decode(plain, header.encoding))
            for statement, parameters in queries:
                conn.execute(statement, parameters).fetchall()
            elapsed = time.perf_counter() - start
            conn.close()
            return elapsed

        unlock()  # warm-up: imports, the day's backup, fonts
        floor()
        median_s, floor_s = median_pair(unlock, floor, repeats)
        window.close()
        window.deleteLater()
        app.processEvents()
    return figure(median_s, floor_s, 3.0, today_queries=len(queries), vault_bytes=vault.stat().st_size)


# --- save ----------------------------------------------------------------------------------------------


def bench_save(folder: Path, repeats: int) -> dict[str, Any]:
    """One edit of a check-in (validate, commit, serialize, compress, encrypt, atomic durable write);
    against writing the same number of bytes to a file in the same folder and fsyncing it."""
    from companion.services.session import DiarySession

    with derived_keys_cached():
        session = DiarySession.open(folder / "diary.vault", passphrase=PASSPHRASE)
    entry = session.diary.last_checkin()
    assert entry is not None
    scratch = folder / "floor.bin"
    edits = iter(range(10**6))

    def save() -> float:
        given = entry.as_input()
        note = f"edited {next(edits)}"
        start = time.perf_counter()
        session.diary.update_checkin(entry.id, replace(given, note=note))
        return time.perf_counter() - start

    def floor() -> float:
        return write_floor(scratch, session.path.stat().st_size)

    try:
        save()
        floor()
        median_s, floor_s = median_pair(save, floor, repeats)
        size = session.path.stat().st_size
    finally:
        session.close()
        scratch.unlink(missing_ok=True)
    return figure(median_s, floor_s, 2.5, bytes_written=size)


# --- summary PDF ---------------------------------------------------------------------------------------


def bench_summary(folder: Path, repeats: int) -> dict[str, Any]:
    """A 3-month summary PDF, split by stage (data, charts, HTML, layout and printing), against
    QTextDocument printing the same final HTML and images alone to a QPdfWriter."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QUrl
    from PySide6.QtGui import QImage, QPageSize, QPdfWriter, QTextDocument

    from companion.reports import pdf
    from companion.reports.summary_charts import chart_images
    from companion.reports.summary_data import Audience, SummaryOptions, build_summary
    from companion.reports.summary_html import STYLE, summary_html, units
    from companion.reports.summary_pdf import footer_for, title_and_subject
    from companion.services.session import DiarySession

    pdf.ensure_gui_application()
    with derived_keys_cached():
        session = DiarySession.open(folder / "diary.vault", passphrase=PASSPHRASE)
    end = session.diary.today()
    options = SummaryOptions(end - dt.timedelta(days=90), end, Audience.GP, language="en")
    stages: dict[str, list[float]] = {"data": [], "charts": [], "html": [], "layout_print": []}
    final: dict[str, Any] = {}

    def app() -> float:
        t0 = time.perf_counter()
        data = build_summary(session, options)
        t1 = time.perf_counter()
        pngs = chart_images(data)
        t2 = time.perf_counter()
        names = {key: f"chart-{key}.png" for key in pngs}
        parts = units(data, names)
        t3 = time.perf_counter()
        images = {names[key]: png for key, png in pngs.items()}
        title, subject = title_and_subject(data)
        # the app's own printing from here: units kept whole, headings with what follows, the footer
        out = pdf.render_units(
            parts, STYLE, data.options.paper, title=title, subject=subject, images=images, footer=footer_for(data)
        )
        t4 = time.perf_counter()
        html = summary_html(data, names)
        for name, seconds in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            stages[name].append(seconds)
        final.update(html=html, images=images, pdf_bytes=len(out))
        return t4 - t0

    def floor() -> float:
        html, images = final["html"], final["images"]
        start = time.perf_counter()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        doc = QTextDocument()
        for name, png in images.items():
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), QImage.fromData(png))
        doc.setHtml(html)
        doc.print_(writer)
        del writer
        buffer.close()
        assert data.size() > 0
        return time.perf_counter() - start

    try:
        app()
        floor()
        for values in stages.values():
            values.clear()
        median_s, floor_s = median_pair(app, floor, repeats)
    finally:
        session.close()
    split = {name: round(statistics.median(values), 4) for name, values in stages.items()}
    return figure(median_s, floor_s, 3.0, stages_s=split, pdf_bytes=final["pdf_bytes"])
