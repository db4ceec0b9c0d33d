"""Saving the chart on show as a picture where the person chooses, after saying it is not encrypted (the app's
one way of saving a file: dialogs.save_unencrypted). A name ending in .svg saves a picture that stays sharp at
any size; anything else a PNG. The picture shows the dates on screen, as zoomed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget

from companion.i18n import _
from companion.i18n.file_names import suggested_file_name
from companion.ui import dialogs
from companion.ui.trends.chart_panel import ChartPanel, apply_window
from companion.ui.trends.model import ChartData


def save_chart_picture(
    parent: QWidget, data: ChartData, panel: ChartPanel, *, title: str, today: dt.date, font_pt: float, status: QLabel
) -> None:
    """`title`: the chart's name in the interface language, for the suggested file name."""
    suggested = str(Path.home() / suggested_file_name("chart", today, chart=title, extension="png"))

    def chosen(path: str) -> None:
        fmt = "svg" if path.lower().endswith(".svg") else "png"
        target = path if path.lower().endswith(f".{fmt}") else f"{path}.{fmt}"
        _write(data, panel, target, fmt=fmt, font_pt=font_pt, status=status)

    dialogs.save_unencrypted(
        parent,
        warning=_(
            "A picture of a chart is not encrypted: anyone who has the file can see what it shows. Keep it "
            "somewhere safe and delete it when you no longer need it."
        ),
        title=_("Save the chart as a picture"),
        suggested=suggested,
        name_filter=_("Pictures (*.png *.svg)"),
        on_path=chosen,
        on_nothing=lambda: status.setText(_("Nothing was saved.")),
    )


def _write(data: ChartData, panel: ChartPanel, path: str, *, fmt: str, font_pt: float, status: QLabel) -> None:
    from companion.charts.export import figure_bytes
    from companion.domain.errors import CompanionError
    from companion.services.transfer import write_export

    figure = data.figure(dark=False, font_pt=font_pt, width=8.0, height=data.height * max(1.0, font_pt / 10))
    if data.dated and panel.data is data and panel.view_range is not None:
        apply_window(figure, *panel.view_range, font_pt)  # the dates shown, as zoomed
    try:
        write_export(Path(path), figure_bytes(figure, fmt))  # whole or nothing, mode 0600 like every export
    except CompanionError:
        status.setText(_("The picture could not be saved there. Check the folder and try again."))
        return
    status.setText(_("The chart was saved as {path}.").format(path=path))
