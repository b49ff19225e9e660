"""Who the practitioner is, for the covers of their supervision packs: a name and a role.

Asked once when a journal is created (so a pack's cover never has a blank "Supervisee"), offered
again by Export when a pack would still have one, and edited in Settings. Both are optional. They
are preferences kept in the settings file on this computer, printed on the covers of exported packs
and nowhere else: never in a reflection, so never in the text the practitioner keeps anonymised.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from reflect.ui.common.dialogs import ok_cancel_buttons, run_modal
from reflect.ui.common.widgets import wrapped_label

MAX_LENGTH = 120  # a name or a job title, on one line of a cover
WHY = ("Printed on the cover of the supervision packs you export, so your supervisor knows whose "
       "pack it is. Both are optional. They are kept in Reflect’s settings on this computer and never "
       "go into your reflections, whose text you keep anonymised.")
FIRST_RUN = ("Your journal is ready. One more thing, which you can skip: how your supervision packs "
             "should name you. File → Settings changes it later.")
BEFORE_EXPORT = ("The cover of a supervision pack names the supervisee, and Reflect does not know your "
                 "name yet. Add it now and it is kept for your next packs too (File → Settings "
                 "changes it).")


@dataclass(frozen=True)
class AboutYou:
    name: str = ""
    role: str = ""

    @property
    def empty(self) -> bool:
        return not (self.name or self.role)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class AboutYouFields(QWidget):
    """"Your name (as your supervisor knows you)" and "Your role", each with its caption (Alt+N,
    Alt+R) and a line saying where they are printed."""

    def __init__(self, about: AboutYou, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit(about.name)
        self.name.setPlaceholderText("e.g. Sam Taylor")
        self.name.setAccessibleName("Your name (as your supervisor knows you)")
        self.role = QLineEdit(about.role)
        self.role.setPlaceholderText("e.g. Social worker, Children’s Services")
        self.role.setAccessibleName("Your role")
        for edit in (self.name, self.role):
            edit.setMaxLength(MAX_LENGTH)
            edit.setClearButtonEnabled(True)
        form.addRow("Your &name (as your supervisor knows you):", self.name)
        form.addRow("Your &role:", self.role)
        self.why = wrapped_label(WHY)
        form.addRow(self.why)

    def value(self) -> AboutYou:
        return AboutYou(_one_line(self.name.text()), _one_line(self.role.text()))


class AboutYouDialog(QDialog):
    def __init__(self, about: AboutYou, *, intro: str, ok_text: str, skip_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About you — Reflect")
        layout = QVBoxLayout(self)
        self.intro = wrapped_label(intro)
        layout.addWidget(self.intro)
        self.fields = AboutYouFields(about)
        layout.addWidget(self.fields)
        self.buttons, self.ok = ok_cancel_buttons(self, ok_text, cancel_text=skip_text)
        layout.addWidget(self.buttons)
        self.fields.name.setFocus()
        layout.setSpacing(12)
        self.setMinimumWidth(580)

    @classmethod
    def ask(cls, about: AboutYou, *, before_export: bool = False,
            parent: QWidget | None = None) -> AboutYou | None:
        """The name and role given, or None if the user skipped (nothing to change)."""
        if before_export:
            dialog = cls(about, intro=BEFORE_EXPORT, ok_text="Save and continue",
                         skip_text="Continue without", parent=parent)
        else:
            dialog = cls(about, intro=FIRST_RUN, ok_text="Continue", skip_text="Skip", parent=parent)
        return run_modal(dialog, dialog.fields.value)
