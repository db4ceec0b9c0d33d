"""Companion (Cydymaith): an offline, encrypted diary for living with persistent pain."""

__version__ = "0.1.0"
APP_NAME = "Companion"
