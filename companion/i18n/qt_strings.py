"""Qt's own user-visible strings, listed so they reach our catalog; the Qt bridge answers them.

Qt ships no Welsh translation. Each pair is (Qt translation context, Qt source text). The `qt_tr`
marker is extracted by pybabel with the context (keyword qt_tr:1c,2) and does nothing at run time.
"""

from __future__ import annotations


def qt_tr(context: str, text: str) -> tuple[str, str]:
    return (context, text)


QT_STRINGS: tuple[tuple[str, str], ...] = (
    # Standard dialog buttons (QPlatformTheme::defaultStandardButtonText)
    qt_tr("QPlatformTheme", "OK"),
    qt_tr("QPlatformTheme", "Save"),
    qt_tr("QPlatformTheme", "Save All"),
    qt_tr("QPlatformTheme", "Open"),
    qt_tr("QPlatformTheme", "&Yes"),
    qt_tr("QPlatformTheme", "Yes to &All"),
    qt_tr("QPlatformTheme", "&No"),
    qt_tr("QPlatformTheme", "N&o to All"),
    qt_tr("QPlatformTheme", "Abort"),
    qt_tr("QPlatformTheme", "Retry"),
    qt_tr("QPlatformTheme", "Ignore"),
    qt_tr("QPlatformTheme", "Close"),
    qt_tr("QPlatformTheme", "Cancel"),
    qt_tr("QPlatformTheme", "Discard"),
    qt_tr("QPlatformTheme", "Help"),
    qt_tr("QPlatformTheme", "Apply"),
    qt_tr("QPlatformTheme", "Reset"),
    qt_tr("QPlatformTheme", "Restore Defaults"),
    qt_tr("QPlatformTheme", "Don't Save"),
    qt_tr("QPlatformTheme", "Close without Saving"),
    # Line edit and text edit context menus
    qt_tr("QWidgetTextControl", "&Undo"),
    qt_tr("QWidgetTextControl", "&Redo"),
    qt_tr("QWidgetTextControl", "Cu&t"),
    qt_tr("QWidgetTextControl", "&Copy"),
    qt_tr("QWidgetTextControl", "&Paste"),
    qt_tr("QWidgetTextControl", "Delete"),
    qt_tr("QWidgetTextControl", "Select All"),
    qt_tr("QWidgetTextControl", "Copy &Link Location"),
    qt_tr("QLineEdit", "&Undo"),
    qt_tr("QLineEdit", "&Redo"),
    qt_tr("QLineEdit", "Cu&t"),
    qt_tr("QLineEdit", "&Copy"),
    qt_tr("QLineEdit", "&Paste"),
    qt_tr("QLineEdit", "Delete"),
    qt_tr("QLineEdit", "Select All"),
    # Spin boxes
    qt_tr("QAbstractSpinBox", "&Select All"),
    qt_tr("QAbstractSpinBox", "&Step up"),
    qt_tr("QAbstractSpinBox", "Step &down"),
    # Message boxes
    qt_tr("QMessageBox", "Show Details..."),
    qt_tr("QMessageBox", "Hide Details..."),
    qt_tr("QMessageBox", "OK"),
    qt_tr("QMessageBox", "<h3>About Qt</h3><p>This program uses Qt version %1.</p>"),
    # Dialogs
    qt_tr("QDialog", "What's This?"),
    qt_tr("QShortcut", "Ctrl"),
    qt_tr("QShortcut", "Shift"),
    qt_tr("QShortcut", "Alt"),
    qt_tr("QShortcut", "Enter"),
    qt_tr("QShortcut", "Return"),
    qt_tr("QShortcut", "Esc"),
)
