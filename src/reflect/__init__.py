"""Reflect: a private, offline reflective journal for safeguarding practitioners."""

__version__ = "0.1.0"
APP_NAME = "Reflect"
