"""A QTranslator that answers Qt's own strings (buttons, context menus) from our gettext catalog.

Qt ships no Welsh, so without this a Welsh screen would still say "Cancel" and "Select All".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QTranslator

from companion import i18n


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
        app.installTranslator(self._translator)
        i18n.add_listener(self._on_language_changed)

    def _on_language_changed(self, _lang: str) -> None:
        self._app.removeTranslator(self._translator)
        self._app.installTranslator(self._translator)
        # Deliver the LanguageChange events now, so the whole interface has switched when this returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def detach(self) -> None:
        i18n.remove_listener(self._on_language_changed)
        self._app.removeTranslator(self._translator)
