"""Search results as a Qt list model, and a delegate that draws snippets with the matches marked.

The display text is plain ("title — snippet") so screen readers read it naturally; the delegate
draws the same text with the matched words in bold on the highlight colour.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reflect.domain.day_format import format_day
from reflect.domain.search_results import SearchHit
from reflect.ui.common.colours import secondary

HitRole = Qt.ItemDataRole.UserRole + 1


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{hit_kind(hit)}: {hit.title} — {hit.snippet.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.title
        if role == HitRole:
            return hit
        return None


def hit_kind(hit: SearchHit) -> str:
    """"Reflection, Tue 3 Mar 2026" or "Briefing, added Mon 2 Feb 2026"."""
    if hit.kind == "entry":
        return "Reflection" + (f", {format_day(hit.day)}" if hit.day else "")
    return "Briefing" + (f", added {format_day(hit.day)}" if hit.day else "")


def hit_html(hit: SearchHit, palette: QPalette, *, selected: bool = False) -> str:
    """The hit as rich text: title, then what it is (quieter, readable on the row's background),
    then the snippet with the matched words bold in the selection colours."""
    Role = QPalette.ColorRole
    mark_bg = palette.color(Role.Highlight).name()
    mark_fg = palette.color(Role.HighlightedText).name()
    text, back = (Role.HighlightedText, Role.Highlight) if selected else (Role.Text, Role.Base)
    muted = secondary(palette.color(text), palette.color(back)).name()
    text, out, cursor = hit.snippet.text, [], 0
    for start, end in hit.snippet.spans:
        out.append(html.escape(text[cursor:start]))
        out.append(f'<b style="background:{mark_bg}; color:{mark_fg}">{html.escape(text[start:end])}</b>')
        cursor = end
    out.append(html.escape(text[cursor:]))
    where = f" · {html.escape(hit.where)}" if hit.where and hit.kind == "briefing" else ""
    return (f"<div><b>{html.escape(hit.title)}</b> <span style='color:{muted}'>{hit_kind(hit)}{where}</span>"
            f"</div><div>{''.join(out)}</div>")


class SnippetDelegate(QStyledItemDelegate):
    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        doc.setHtml(hit_html(index.data(HitRole), option.palette, selected=selected))
        doc.setTextWidth(max(100, option.rect.width() - 8))
        return doc

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option_text = option.text
        option.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = option_text
        doc = self._document(option, index)
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 2)
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(QPalette.ColorRole.Text,
                                     option.palette.color(QPalette.ColorRole.HighlightedText))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        self.initStyleOption(option, index)
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 6)
