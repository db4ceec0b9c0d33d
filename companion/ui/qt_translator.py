"""A QTranslator that answers Qt's own strings (buttons, context menus) from our gettext catalog.

Qt ships no Welsh, so without this a Welsh screen would still say "Cancel" and "Select All". The bridge also
makes Welsh the default QLocale while the interface is Welsh, so Qt's calendar popups name the months and
weekdays in Welsh (from Qt's own CLDR data) unless a widget has chosen its own locale, and keeps Qt's
application display name (which X11 and Windows add to every window title, Qt's own dialogs included) in the
interface language: "Cydymaith" in Welsh.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from companion import APP_NAME, i18n


class GettextQtTranslator(QTranslator):
    def isEmpty(self) -> bool:
        return False

    def translate(self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        # None means "no translation here" (Qt then shows its source text); "" would blank the text.
        if i18n.current_language() == "en" or not source_text:
            return None
        translated = i18n.pgettext(context, source_text)
        if translated == source_text and context != "QShortcut":
            # Qt uses the same words in several contexts; fall back to the generic button context. Never for
            # key names ("Help", "Cancel", "Print" are keys too): they stay as printed on the keyboard.
            translated = i18n.pgettext("QPlatformTheme", source_text)
        return None if translated == source_text else translated


class TranslatorBridge:
    """Installs the translator and reinstalls it on every language switch, which makes Qt send
    LanguageChange to every widget so each one calls its retranslate_ui()."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translator = GettextQtTranslator(app)
        self._system_locale = QLocale()
        app.installTranslator(self._translator)
        i18n.add_listener(self._on_language_changed)
        self._apply_locale(i18n.current_language())
        self._apply_display_name()

    def _apply_locale(self, lang: str) -> None:
        """Welsh (UK) as Qt's default locale while the interface is Welsh; the system's otherwise. Windows that
        have not chosen a locale of their own (calendar popups included) take it at once."""
        wanted = QLocale(QLocale.Language.Welsh, QLocale.Country.UnitedKingdom) if lang == "cy" else self._system_locale
        if QLocale() == wanted:
            return
        QLocale.setDefault(wanted)
        if isinstance(self._app, QApplication):
            for window in QApplication.topLevelWidgets():
                if not window.testAttribute(Qt.WidgetAttribute.WA_SetLocale):
                    window.unsetLocale()

    def _apply_display_name(self) -> None:
        """Before the widgets retranslate, so the titles they set end with the name Qt would add."""
        if isinstance(self._app, QGuiApplication):
            QGuiApplication.setApplicationDisplayName(i18n._("Companion"))

    def _on_language_changed(self, lang: str) -> None:
        self._apply_locale(lang)
        self._apply_display_name()
        self._app.removeTranslator(self._translator)
        self._app.installTranslator(self._translator)
        # Deliver the LanguageChange events now, so the whole interface has switched when this returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def detach(self) -> None:
        i18n.remove_listener(self._on_language_changed)
        self._apply_locale("en")
        if isinstance(self._app, QGuiApplication):
            QGuiApplication.setApplicationDisplayName(APP_NAME)
        self._app.removeTranslator(self._translator)
