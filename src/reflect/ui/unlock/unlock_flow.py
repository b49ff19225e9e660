"""From the passphrase to an open journal, with a way out of every problem.

A new journal then asks for the practitioner's name and role (for the covers of their packs).
A wrong passphrase asks again (no lockout, nothing touched). A damaged journal — or one the right
passphrase will not open while its newest backup will — offers that backup. A journal open
elsewhere, from a newer version, or in a folder that cannot be written gets a plain message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from reflect import APP_NAME
from reflect.domain.errors import JournalDamaged, ReflectError, WrongPassphrase
from reflect.paths import AppPaths
from reflect.services.opening import (
    OpeningJournal,
    journal_exists,
    newest_backup_opening_with,
    open_copy,
    recover_from_backup,
)
from reflect.services.passphrase import read_passphrase_file
from reflect.settings import Settings
from reflect.store import Journal
from reflect.ui.common.dialogs import confirm

log = logging.getLogger(__name__)


class OfferRecovery:
    @classmethod
    def ask(cls, when: str, parent: QWidget | None = None) -> bool:
        from PySide6.QtWidgets import QMessageBox

        return confirm(
            parent, "Your journal looks damaged",
            "Reflect cannot read your journal file, although your passphrase is right: the file "
            f"looks damaged.\n\nThere is a good backup from {when}. Open it instead? The damaged "
            "file is kept beside it, renamed, in case IT can recover more from it.",
            no=QMessageBox.StandardButton.No, default=QMessageBox.StandardButton.Yes)


def _show_problem(message: str) -> None:
    # imported here, as in every module the window's start-up imports: PySide builds a Qt class's
    # Python type (and its enums) when its name is first imported, and a start-up without a
    # problem never shows a message box
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, APP_NAME, message)


def describe(backup) -> str:
    when = backup.taken_at.astimezone()
    return f"{when.strftime('%a')} {when.day} {when.strftime('%B %Y at %H:%M')}"


def try_recovery(paths: AppPaths, settings: Settings, passphrase: str) -> Journal | None:
    backup = newest_backup_opening_with(paths, passphrase, settings)
    if backup is None or not OfferRecovery.ask(describe(backup)):
        return None
    return recover_from_backup(paths, passphrase, backup.path, settings)


def unlock(paths: AppPaths, settings: Settings, passphrase_file: str | None, *,
           opening: OpeningJournal | None = None,
           while_opening: Callable[[], None] | None = None,
           then: Callable[[Journal], object] | None = None) -> Journal | int:
    """Ask for the passphrase until the journal opens; otherwise the exit code (0: user quit).

    The journal opens on a worker thread (`OpeningJournal`); `while_opening` runs once on this
    thread meanwhile (the app loads the main window's code), and `then(journal)` on the worker once
    it is open (the app reads its first screen). `opening` is one already started with the
    passphrase from `passphrase_file`.
    """
    first_run = opening.create if opening is not None else not journal_exists(paths)
    from_file = bool(passphrase_file)
    # Read once: `opening` already holds it, and a pipe gives its passphrase only once.
    given = read_passphrase_file(passphrase_file) if from_file and opening is None else None
    error = ""
    while True:
        if opening is None:
            passphrase = given if from_file else _ask(first_run, paths, error)
            if passphrase is None:
                return 0
            if not isinstance(passphrase, str):  # OpenCopy: set up from a copy, not this journal
                opened = open_copy(paths, passphrase.path, passphrase.passphrase, settings)
                if isinstance(opened, Journal):
                    if not (settings.practitioner_name or settings.practitioner_role):
                        ask_about_you(paths, settings)  # a new computer: its settings are new too
                    return opened
                error = opened
                continue
            opening = OpeningJournal(paths, passphrase, create=first_run, settings=settings, then=then)
        if while_opening is not None:
            while_opening()
            while_opening = None
        passphrase, started, opening = opening.passphrase, opening, None
        try:
            journal = started.result()
        except (WrongPassphrase, JournalDamaged) as exc:
            recovered = None if first_run else try_recovery(paths, settings, passphrase)
            if recovered is not None:
                return recovered
            if isinstance(exc, JournalDamaged) or from_file:
                _show_problem(exc.message)
                return exc.exit_code
            error = exc.message
        except ReflectError as exc:
            _show_problem(exc.message)
            return exc.exit_code
        else:
            if first_run and not from_file:  # a started script, or IT, has no one to ask
                ask_about_you(paths, settings)
            return journal


def ask_about_you(paths: AppPaths, settings: Settings) -> None:
    """First run: the name and role for the covers of supervision packs, kept in the settings
    file at once (skipping leaves them as they were)."""
    from reflect.ui.common.about_you import AboutYou, AboutYouDialog

    about = AboutYouDialog.ask(AboutYou(settings.practitioner_name, settings.practitioner_role))
    if about is None:
        return
    settings.practitioner_name, settings.practitioner_role = about.name, about.role
    try:
        settings.save(paths.settings_file)
    except OSError:  # kept for this run; Settings saves them again on quitting
        log.warning("settings could not be saved")


def _ask(first_run: bool, paths: AppPaths, error: str):
    """The passphrase typed, an OpenCopy choice, or None if the user quit."""
    from reflect.ui.unlock.passphrase_dialog import PassphraseDialog  # not needed with a passphrase file

    return PassphraseDialog.ask(first_run=first_run, folder=str(paths.data_dir), error=error)
