"""Every text on a screen, with the colours it is drawn in (no tests here).

WCAG 1.4.3: text needs 4.5:1 against what is behind it, large text (18 pt, or 14 pt bold) 3:1.
Text in a disabled control is exempt (an "inactive user interface component"); a disabled label is
not a control, so it is measured.

Colours come from what is drawn, not from what the code meant:
- a standard widget's text is drawn in its palette's colour for its role and state, after the
  style sheet has been applied to that palette; the background is read from the rendered screen
  (see contrast_pixels);
- a rich-text label or document: each fragment in its own colour (links in the Link colour);
- text the app paints itself (delegates, dashboard tiles, list placeholders) is recorded as it
  is painted: every `QPainter.drawText` from Python and every text document a delegate draws, with
  the pen or palette it used; the background again from the screen.
Text is drawn without anti-aliasing while measuring (the app font's NoAntialias strategy), so a
glyph's pixels are exactly its colour and never count as background.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QScrollArea,
    QStatusBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.gui.contrast_pixels import Drawn, PaintRecorder, Screen, Text, group_of, is_large, measure

Role = QPalette.ColorRole


# -- standard widgets --------------------------------------------------------------------------
def _name(widget: QWidget) -> str:
    return type(widget).__name__ + (f"#{widget.objectName()}" if widget.objectName() else "")


def _colour(widget: QWidget, role: Role) -> QColor:
    return widget.palette().color(group_of(widget), role)


def _drawn(widget: QWidget, rect: QRect, text: str, role: Role, *, where: str = "") -> Drawn:
    return Drawn(widget, rect, where or _name(widget), text, _colour(widget, role), is_large(widget.font()))


def _label(label: QLabel) -> list[Drawn]:
    if not label.text().strip():
        return []
    drawn = _drawn(label, label.contentsRect(), label.text(), label.foregroundRole())
    if label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and _might_be_rich(label.text())):
        drawn.document = QTextDocument()
        drawn.document.setDefaultFont(label.font())
        drawn.document.setHtml(label.text())
        drawn.link = _colour(label, Role.Link)
    return [drawn]


def _might_be_rich(text: str) -> bool:
    from PySide6 import QtGui

    return QtGui.Qt.mightBeRichText(text)


def _field(widget: QWidget, text: str, placeholder: str, rect: QRect) -> list[Drawn]:
    if text.strip():
        return [_drawn(widget, rect, text, Role.Text)]
    if placeholder.strip():
        return [_drawn(widget, rect, placeholder, Role.PlaceholderText, where=_name(widget) + " placeholder")]
    return []


def _editor(editor: QTextEdit | QPlainTextEdit) -> list[Drawn]:
    viewport = editor.viewport()
    if editor.document().isEmpty():
        placeholder = editor.placeholderText()
        return [_drawn(viewport, viewport.rect(), placeholder, Role.PlaceholderText,
                       where=_name(editor) + " placeholder")] if placeholder.strip() else []
    drawn = _drawn(viewport, viewport.rect(), editor.toPlainText(), Role.Text, where=_name(editor))
    drawn.fg = _colour(editor, Role.Text)
    drawn.document, drawn.link = editor.document(), _colour(editor, Role.Link)
    return [drawn]


def _qt_paints(widget: QWidget) -> bool:
    """False for a widget of ours that paints itself (its text is recorded as it is painted)."""
    for cls in type(widget).__mro__:
        if "paintEvent" in cls.__dict__:
            return cls.__module__.startswith("PySide6")
    return True


def _tabs(bar: QTabBar) -> list[Drawn]:
    return [_drawn(bar, bar.tabRect(i).adjusted(3, 3, -3, -3), bar.tabText(i), Role.WindowText)
            for i in range(bar.count()) if bar.isTabEnabled(i) and bar.tabText(i).strip()]


def _header(header: QHeaderView) -> list[Drawn]:
    model = header.model()
    if model is None:
        return []
    out = []
    for section in range(header.count()):
        text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if header.isSectionHidden(section) or not text:
            continue
        position, size = header.sectionViewportPosition(section), header.sectionSize(section)
        rect = (QRect(position, 0, size, header.height()) if header.orientation() == Qt.Orientation.Horizontal
                else QRect(0, position, header.width(), size))
        out.append(_drawn(header.viewport(), rect.adjusted(2, 2, -2, -2), str(text), Role.ButtonText,
                          where=_name(header)))
        out[-1].fg = _colour(header, Role.ButtonText)
    return out


def _items(view: QAbstractItemView) -> list[Drawn]:
    """Items a standard delegate draws: the model's foreground, else Text (HighlightedText when
    selected). Items a delegate of ours paints are recorded instead."""
    from PySide6.QtWidgets import QStyledItemDelegate

    model, delegate = view.model(), view.itemDelegate()
    if model is None or type(delegate).paint is not QStyledItemDelegate.paint:
        return []
    out = []
    selection = view.selectionModel()
    for index in _visible_indexes(view):
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text is None or not str(text).strip():
            continue
        brush = index.data(Qt.ItemDataRole.ForegroundRole)
        if selection is not None and selection.isSelected(index):
            fg = _colour(view, Role.HighlightedText)
        elif brush is not None:
            fg = QColor(brush.color() if hasattr(brush, "color") else brush)
        else:
            fg = _colour(view, Role.Text)
        font = index.data(Qt.ItemDataRole.FontRole) or view.font()
        out.append(Drawn(view.viewport(), view.visualRect(index).adjusted(2, 1, -2, -1), _name(view),
                         str(text), fg, is_large(font)))
    return out


def _visible_indexes(view: QAbstractItemView):
    model = view.model()
    pending = [view.rootIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            for column in range(64):  # a list widget's model hides columnCount
                index = model.index(row, column, parent)
                if not index.isValid():
                    break
                rect = view.visualRect(index)
                if rect.isValid() and rect.intersects(view.viewport().rect()):
                    yield index
            first = model.index(row, 0, parent)
            if getattr(view, "isExpanded", lambda _i: False)(first) and model.rowCount(first):
                pending.append(first)


def drawn_by(widget: QWidget) -> list[Drawn]:
    """The texts a standard widget draws (a disabled control's are exempt; a label's are not)."""
    if isinstance(widget, QLabel):
        return _label(widget)
    if not widget.isEnabled() or not _qt_paints(widget):
        return []
    if isinstance(widget, QLineEdit):
        return _field(widget, widget.text(), widget.placeholderText(), widget.rect().adjusted(3, 3, -3, -3))
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return _editor(widget)
    if isinstance(widget, QAbstractButton) and widget.text().strip():
        return [_drawn(widget, widget.rect().adjusted(2, 2, -2, -2), widget.text(), widget.foregroundRole())]
    if isinstance(widget, QComboBox) and not widget.isEditable() and widget.currentText().strip():
        return [_drawn(widget, widget.rect().adjusted(3, 3, -20, -3), widget.currentText(), Role.ButtonText)]
    if isinstance(widget, QTabBar):
        return _tabs(widget)
    if isinstance(widget, QHeaderView):
        return _header(widget)
    if isinstance(widget, QAbstractItemView):
        return _items(widget)
    if isinstance(widget, QGroupBox) and widget.title():
        return [_drawn(widget, QRect(0, 0, widget.width(), widget.fontMetrics().height()), widget.title(),
                       Role.WindowText)]
    if isinstance(widget, QMenuBar):
        return [_drawn(widget, widget.actionGeometry(a).adjusted(2, 2, -2, -2), a.text(), Role.ButtonText)
                for a in widget.actions() if a.isVisible() and a.text()]
    if isinstance(widget, QStatusBar) and widget.currentMessage():
        return [_drawn(widget, widget.rect().adjusted(4, 2, -4, -2), widget.currentMessage(),
                       widget.foregroundRole())]
    return []


def painted(drawn: Drawn, top: QWidget) -> Drawn | None:
    """A recorded text, if it was painted on a widget of `top` (named after that widget)."""
    device = drawn.widget
    if not isinstance(device, QWidget) or device.window() is not top:
        return None
    owner = device.parentWidget() if device.objectName() == "qt_scrollarea_viewport" else device
    drawn.where = f"painted on {_name(owner)}"
    return drawn


# -- a whole screen ----------------------------------------------------------------------------
@contextlib.contextmanager
def aliased_text(top: QWidget):
    """Draw text without anti-aliasing, so glyph pixels are exactly the text's colour (in the
    app font and in every font a widget under `top` sets for itself)."""
    app = QApplication.instance()
    before = {None: QFont(app.font())}
    font = QFont(app.font())
    font.setStyleStrategy(QFont.StyleStrategy.NoAntialias)
    app.setFont(font)
    for widget in [top, *top.findChildren(QWidget)]:
        if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            before[widget] = QFont(widget.font())
            font = QFont(widget.font())
            font.setStyleStrategy(QFont.StyleStrategy.NoAntialias)
            widget.setFont(font)
    try:
        yield
    finally:
        for widget, font in reversed(before.items()):
            if widget is None:
                app.setFont(font)
            else:
                widget.setFont(font)


def _scroll_positions(top: QWidget):
    """Scroll every scroll area (not item views: their first screen is measured) through its
    content, a viewport at a time; yield after each step."""
    areas = [a for a in top.findChildren(QScrollArea) if a.isVisibleTo(top)]
    yield
    for area in areas:
        bar = area.verticalScrollBar()
        start = bar.value()
        step = max(1, area.viewport().height() - 20)
        value = 0
        while value < bar.maximum():
            value = min(bar.maximum(), value + step)
            bar.setValue(value)
            yield
        bar.setValue(start)


def texts_on(top: QWidget) -> list[Text]:
    """Every text in `top` as drawn now (scrolled through, so text below the fold counts too)."""
    found: dict[tuple, Text] = {}
    with aliased_text(top):
        for _ in _scroll_positions(top):
            QApplication.processEvents()
            recorder = PaintRecorder()
            with recorder.recording():
                image = top.grab().toImage()
            screen = Screen(top, image)
            widgets = [w for w in top.findChildren(QWidget) if w.isVisibleTo(top) and w.window() is top]
            drawn = [d for w in widgets for d in drawn_by(w)]
            drawn += [d for d in (painted(p, top) for p in recorder.painted) if d is not None]
            for text in (t for d in drawn for t in measure(screen, d)):
                found.setdefault((text.where, text.text, text.fg.rgba(), text.bg.rgba()), text)
    return list(found.values())
