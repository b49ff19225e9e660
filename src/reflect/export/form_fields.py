"""Fillable form fields placed where the pack's text is: the supervisor's side of the session.

A supervisor opens the pack in whatever reader they have, types their comments, the actions agreed,
the next date and their sign-off, saves, and sends it back; the journal reads the values by field
name (`reply_reader`). So the names are part of the file format: stable, meaningful, and never
reused for something else. They are flat (one name per field, no parent fields) because a partial
field name may not contain a period and readers differ in how they rebuild field hierarchies;
underscores separate the parts instead.

Each field is a Flowable that, when drawn, asks reportlab's `canvas.acroForm` for a widget at the
spot it was laid out (`relative=True`). What the page itself draws (faint ruled lines, a label) is
page content; the field and whatever is typed into it live in an annotation, so filling the pack
never changes a page's content stream — which is what `reply_reader.page_fingerprints` relies on.

Choices every reader handles: text fields without a length limit (reportlab's default `/MaxLen`
is 100) and with scrolling allowed (no `doNotScroll`), so a long comment always fits; a checkbox
for the sign-off (radio buttons lose their values in some readers). The fields' font is the
embedded DejaVu Sans (`form_font`), not the Helvetica reportlab would name.

A field may start with a value (a later pack of a session the supervisor signed off carries their
name, role and date, and the sign-off ticked): it is the field's value like any typed one, so a
supervisor who saves the pack again sends it back unchanged, and the page content is the same.
"""

from __future__ import annotations

from reportlab.lib.colors import Color, white
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from reflect.export import fonts, form_font

FIELD_FONT_SIZE = 10
SMALLEST_FONT_SIZE = 6  # a pre-filled value is made to fit its field down to this size

FIELD_PREFIX = "reflect_"  # every field of ours; a reader may add others, which are ignored
OVERALL = "reflect_overall"
NEXT_SESSION = "reflect_next_session"
SUPERVISOR_NAME = "reflect_supervisor_name"
SUPERVISOR_ROLE = "reflect_supervisor_role"
SUPERVISOR_DATE = "reflect_supervisor_date"
SIGNOFF = "reflect_signoff"
COMMENT_PREFIX = "reflect_comment_"
ACTION_PREFIX = "reflect_action_"
ACTION_PARTS = ("what", "who", "due")
#: the value a checked checkbox has (its "on" appearance state), as reportlab writes it
CHECKED = "Yes"


def comment_field(entry_key: str) -> str:
    """The name of the comments field under a reflection (`entry_key` is its `ReportEntry.key`,
    e.g. ``entry-12``, so the name is ``reflect_comment_entry-12``)."""
    return f"{COMMENT_PREFIX}{entry_key}"


def action_field(row: int, part: str) -> str:
    """The name of one cell of the actions agreed: `row` from 1, `part` one of ACTION_PARTS."""
    if part not in ACTION_PARTS:
        raise ValueError(f"unknown action part {part!r}")
    return f"{ACTION_PREFIX}{row}_{part}"


class TextField(Flowable):
    """A text field as wide as the frame (or table cell) it is placed in.

    Its height is `least`, or, with `fill=True`, as much of the page as is left above `reserve`
    up to `most` (the comments under a reflection take the rest of its last page). When `gap` is
    set, faint ruled lines are drawn on the page beneath the field, so an empty pack printed and
    written on by hand looks as it always did. `value` is what the field holds to begin with.
    """

    def __init__(self, name: str, tooltip: str, *, least: float, most: float | None = None,
                 fill: bool = False, reserve: float = 0, multiline: bool = True,
                 gap: float | None = None, rule: Color | None = None, border: Color | None = None,
                 text: Color | None = None, value: str = "") -> None:
        super().__init__()
        self.name, self.tooltip, self.value = name, tooltip, value
        self.least, self.most = least, most if most is not None else least
        self.fill, self.reserve, self.multiline = fill, reserve, multiline
        self.gap, self.rule, self.border, self.text = gap, rule, border, text
        self.height = least

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        height = self.least
        if self.fill:
            height = max(self.least, min(self.most, availHeight - self.reserve))
        self.height = height
        return availWidth, height

    def draw(self) -> None:
        canv = self.canv
        if self.gap and self.rule is not None:
            canv.saveState()
            canv.setStrokeColor(self.rule)
            canv.setLineWidth(0.5)
            y = self.gap
            while y < self.height - 2:
                canv.line(0, y, self.width, y)
                y += self.gap
            canv.restoreState()
        form_font.install(canv).textfield(
            value=self.value, name=self.name, tooltip=self.tooltip, x=0, y=0, width=self.width,
            height=self.height,
            relative=True, maxlen=None, fieldFlags="multiline" if self.multiline else "",
            fontName="DejaVuSans", fontSize=self._font_size(), borderWidth=0.6 if self.border else 0,
            borderColor=self.border, fillColor=None, textColor=self.text, annotationFlags="print",
        )


    def _font_size(self) -> float:
        """The usual size, or for a one-line field starting with a value too long for it, the
        size (down to `SMALLEST_FONT_SIZE`) at which the value fits; the reader scrolls the rest."""
        if self.multiline or not self.value:
            return FIELD_FONT_SIZE
        wide = stringWidth(self.value, fonts.REGULAR, FIELD_FONT_SIZE)
        room = self.width - 6  # the reader's margins inside the border
        return FIELD_FONT_SIZE if wide <= room else max(SMALLEST_FONT_SIZE,
                                                        int(FIELD_FONT_SIZE * room / wide * 2) / 2)


class CheckBox(Flowable):
    """A checkbox with its label to the right, the label being ordinary page text; `checked`
    ticks it to begin with."""

    def __init__(self, name: str, tooltip: str, label: Paragraph, *, size: float = 13,
                 border: Color | None = None, tick: Color | None = None, space: float = 6,
                 checked: bool = False) -> None:
        super().__init__()
        self.name, self.tooltip, self.label, self.size = name, tooltip, label, size
        self.checked = checked
        self.border, self.tick, self.space = border, tick, space

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        _, label_height = self.label.wrap(availWidth - self.size - self.space, availHeight)
        self.height = max(self.size, label_height)
        return availWidth, self.height

    def draw(self) -> None:
        canv = self.canv
        _, label_height = self.label.wrap(self.width - self.size - self.space, self.height)
        box_y = self.height - self.size
        form_font.install(canv).checkbox(
            name=self.name, tooltip=self.tooltip, x=0, y=box_y, size=self.size, relative=True,
            checked=self.checked, buttonStyle="check", shape="square", borderWidth=0.8,
            borderColor=self.border, fillColor=white, textColor=self.tick, fieldFlags="",
            annotationFlags="print",
        )
        label_y = self.height - label_height - max(0.0, (self.size - label_height) / 2)
        self.label.drawOn(canv, self.size + self.space, label_y)
