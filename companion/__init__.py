"""Companion (Cydymaith): an offline, encrypted diary for living with persistent pain."""

__version__ = "0.1.0"
APP_NAME = "Companion"
# One id for the desktop entry, the AppStream component, the icons, autostart and the Windows AppUserModelID.
APP_ID = "cymru.companion.Companion"
