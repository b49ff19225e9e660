"""The entry list panel: lazy model, real filter widgets, live updates, keyboard and names."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from reflect.domain.entry_filter import EntryFilter, EntrySort
from reflect.domain.journal import EntryStatus, NewEntry
from reflect.services.demo import build_demo
from reflect.store.entry_query import EntryQuery
from reflect.ui.reflections.entry_list_model import EntryListModel
from reflect.ui.reflections.entry_list_panel import EntryListPanel

pytestmark = [
    pytest.mark.gui,
    # The tag picker is a popup; the offscreen platform used in CI cannot raise it or grab keys.
    pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)"),
]
DEMO_ENTRIES = 120


@pytest.fixture
def demo(journal):
    build_demo(journal, entries=DEMO_ENTRIES)
    return journal


@pytest.fixture
def panel(qtbot, demo):
    widget = EntryListPanel(EntryQuery(demo.db), demo.briefings)
    qtbot.addWidget(widget)
    widget.resize(420, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _shown_ids(panel) -> list[int]:
    return panel.model.entry_ids()


def _two_tags_sharing_entries(query: EntryQuery) -> tuple[str, str]:
    tags = [t for t, _ in query.tag_counts()]
    return max(combinations(tags, 2),
               key=lambda pair: query.count(EntryFilter(tags=frozenset(pair))))


def _tick(qtbot, picker, tag: str) -> None:
    for row in range(picker.list.count()):
        item = picker.list.item(row)
        if item.toolTip() == tag:
            picker.list.scrollToItem(item)
            rect = picker.list.visualItemRect(item)
            qtbot.mouseClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            return
    raise AssertionError(f"tag {tag!r} not offered")


def test_model_passes_qtmodeltester(qtmodeltester, demo):
    """The lazy model satisfies Qt's model checks, through a reset, a filter and live updates."""
    query = EntryQuery(demo.db)
    model = EntryListModel(query)
    model.refresh(EntryFilter(), EntrySort.UPDATED)
    qtmodeltester.check(model)
    assert model.rowCount() == DEMO_ENTRIES
    assert model.cached_rows() <= model.PAGE_SIZE  # only the rows asked for were loaded
    model.refresh(EntryFilter(status=EntryStatus.READY), EntrySort.TITLE)
    moved = model.entry_id(model.rowCount() - 1)
    demo.entries.update_entry(moved, title="Aardvark first")
    model.entry_changed(moved)  # moves (sorted by title) under the tester's eye
    assert model.entry_id(0) == moved
    new = demo.entries.create_entry(NewEntry(title="Brand new", status=EntryStatus.READY)).id
    model.entry_changed(new)
    demo.entries.delete_entry(moved)
    model.entry_changed(moved)
    assert model.entry_ids() == query.ids(model.entry_filter, model.sort)


def test_rows_read_as_sentences_for_screen_readers(panel):
    """Each row has a title, a status/date/model line, tags and a full sentence for screen readers."""
    model = panel.model
    index = model.index(0, 0)
    summary = model.data(index, EntryListModel.SummaryRole)
    spoken = model.data(index, Qt.ItemDataRole.AccessibleTextRole)
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == summary.title
    assert spoken.startswith(summary.title + ". " + summary.status.label + ". Updated ")
    assert all(tag in spoken for tag in summary.tags)
    assert model.data(index, EntryListModel.MetaRole).startswith(summary.status.label + " · updated ")


def test_filter_by_two_tags_with_the_tag_picker(qtbot, panel):
    """Ticking two tags in the picker shows only entries carrying both, and says so on the button."""
    first, second = _two_tags_sharing_entries(panel.query)
    expected = panel.query.ids(EntryFilter(tags=frozenset({first, second})))
    assert 0 < len(expected) < DEMO_ENTRIES
    qtbot.mouseClick(panel.view.tags, Qt.MouseButton.LeftButton)
    picker = panel.view.tags.picker
    assert picker.isVisible()
    with qtbot.waitSignal(panel.filter_changed):
        _tick(qtbot, picker, first)
    with qtbot.waitSignal(panel.filter_changed):
        _tick(qtbot, picker, second)
    qtbot.keyClick(picker.list, Qt.Key.Key_Escape)
    assert not picker.isVisible()
    assert panel.entry_filter.tags == {first, second}
    assert _shown_ids(panel) == expected
    assert panel.view.count.text() == f"{len(expected)} of {DEMO_ENTRIES} reflections"
    assert panel.view.tags.text().startswith("Tags: ") and " + " in panel.view.tags.text()
    assert panel.view.filters_toggle.text() == "Filters (2)"


def test_space_ticks_a_tag_from_the_keyboard(qtbot, panel):
    """The picker opens from the keyboard and Space ticks the current tag."""
    panel.view.tags.setFocus()
    qtbot.keyClick(panel.view.tags, Qt.Key.Key_Space)
    picker = panel.view.tags.picker
    assert picker.isVisible()
    with qtbot.waitSignal(panel.filter_changed):
        qtbot.keyClick(picker.list, Qt.Key.Key_Space)
    assert len(panel.entry_filter.tags) == 1
    qtbot.keyClick(picker.list, Qt.Key.Key_Return)
    assert not picker.isVisible()


def test_filter_by_status_and_text(qtbot, panel):
    """Choosing a status and typing words narrows the list to entries matching both."""
    view = panel.view
    view.status.setCurrentIndex(view.status.findText("Ready for supervision"))
    ready = panel.query.ids(EntryFilter(status=EntryStatus.READY))
    assert _shown_ids(panel) == ready
    resets = []
    panel.model.modelReset.connect(lambda: resets.append(1))
    view.text.setFocus()
    with qtbot.waitSignal(panel.filter_changed, timeout=2000):
        qtbot.keyClicks(view.text, "curiosity")
    assert len(resets) == 1  # typing is debounced: one query for the whole word
    expected = panel.query.ids(EntryFilter(status=EntryStatus.READY, text="curiosity"))
    assert 0 < len(expected) < len(ready)
    assert _shown_ids(panel) == expected
    assert panel.view.count.text() == f"{len(expected)} of {DEMO_ENTRIES} reflections"


def test_hostile_text_is_harmless(qtbot, panel):
    """Typing FTS5 syntax by mistake neither raises nor empties the list unexpectedly."""
    for text in ['"', "(", 'AND (', 'NEAR("x']:
        panel.view.text.setText(text)
        with qtbot.waitSignal(panel.filter_changed, timeout=2000):
            qtbot.keyClick(panel.view.text, Qt.Key.Key_Return)
        assert panel.model.rowCount() == panel.query.count(EntryFilter(text=text))


def test_briefing_enables_questions_and_clear_filters_resets(qtbot, panel, demo):
    """Questions are offered once a briefing is chosen; Clear filters puts every widget back."""
    view = panel.view
    assert not view.question.isEnabled()
    view.briefing.setCurrentIndex(1)
    assert view.question.isEnabled() and view.question.count() > 1
    assert view.question.itemText(1).startswith("1. ")
    view.question.setCurrentIndex(2)
    view.status.setCurrentIndex(1)
    view.text.setText("the")
    with qtbot.waitSignal(panel.filter_changed, timeout=2000):
        pass
    assert not panel.entry_filter.is_empty and view.clear.isEnabled()
    qtbot.mouseClick(view.clear, Qt.MouseButton.LeftButton)
    assert panel.entry_filter.is_empty
    assert view.briefing.currentIndex() == 0 and not view.question.isEnabled()
    assert view.status.currentIndex() == 0 and view.text.text() == ""
    assert view.tags.text() == "Tags: any" and not view.clear.isEnabled()
    assert panel.model.rowCount() == DEMO_ENTRIES
    assert view.count.text() == f"{DEMO_ENTRIES} reflections"


def test_set_filter_shows_one_questions_reflections(panel, demo):
    """set_filter (a question's count clicked) selects the briefing and question in the widgets."""
    briefing = demo.briefings.get(demo.briefings.list()[0].id)
    question = briefing.question_items[2]
    panel.set_filter(EntryFilter(question_id=question.id))
    view = panel.view
    assert view.briefing.currentData() == briefing.id
    assert view.question.currentData() == question.id and view.question.isEnabled()
    assert panel.entry_filter == EntryFilter(briefing_id=briefing.id, question_id=question.id)
    expected = panel.query.ids(panel.entry_filter)
    assert expected and _shown_ids(panel) == expected


def test_sort_widget_orders_the_list(panel):
    """The sort box switches between recently updated, newest first and title A–Z."""
    for label, sort in (("Title A–Z", EntrySort.TITLE), ("Newest first", EntrySort.CREATED),
                        ("Recently updated", EntrySort.UPDATED)):
        panel.view.sort.setCurrentIndex(panel.view.sort.findText(label))
        assert _shown_ids(panel) == panel.query.ids(EntryFilter(), sort)


def test_session_filter(panel, demo):
    """Choosing a session shows the reflections linked to it."""
    view = panel.view
    assert view.session.count() == len(panel.query.sessions_with_entries()) + 1
    view.session.setCurrentIndex(1)
    session_id = view.session.currentData()
    assert sorted(_shown_ids(panel)) == sorted(demo.sessions.linked_entry_ids(session_id))


def test_enter_and_double_click_activate_an_entry(qtbot, panel):
    """Return on the current row, or a double-click on a row, emits entry_activated with its id."""
    listing = panel.view.list
    listing.setFocus()
    listing.setCurrentIndex(panel.model.index(3, 0))
    with qtbot.waitSignal(panel.entry_activated) as blocker:
        qtbot.keyClick(listing, Qt.Key.Key_Return)
    assert blocker.args == [panel.model.entry_id(3)]
    rect = listing.visualRect(panel.model.index(1, 0))
    with qtbot.waitSignal(panel.entry_activated) as blocker:
        # A real double-click is press, release, then a double-click event on the same row.
        qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [panel.model.entry_id(1)]


def test_down_from_the_filter_box_goes_to_the_list(qtbot, panel):
    """Down in the filter box moves focus to the list, on the first row."""
    panel.view.text.setFocus()
    qtbot.keyClick(panel.view.text, Qt.Key.Key_Down)
    assert panel.view.list.hasFocus()
    assert panel.view.list.currentIndex().row() == 0


def test_entry_changed_updates_a_row_without_a_reset(qtbot, panel, demo):
    """An autosaved title moves its row to the top in place: no reset; selection and scroll kept."""
    model, listing = panel.model, panel.view.list
    entry_id = model.entry_id(40)
    panel.select_entry(entry_id)
    scrolled = listing.verticalScrollBar().value()
    assert scrolled > 0
    demo.entries.update_entry(entry_id, title="Renamed while typing", status=EntryStatus.READY)
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsMoved):
        panel.entry_changed(entry_id)
    assert model.entry_id(0) == entry_id
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole) == "Renamed while typing"
    assert model.data(model.index(0, 0), EntryListModel.StatusRole) == "ready"
    assert panel.current_entry_id() == entry_id
    assert listing.verticalScrollBar().value() == scrolled


def test_entry_changed_in_place_when_the_sort_does_not_move_it(qtbot, panel, demo):
    """Sorted by creation, a changed entry keeps its row and only that row is repainted."""
    panel.view.sort.setCurrentIndex(panel.view.sort.findText("Newest first"))
    entry_id = panel.model.entry_id(7)
    demo.entries.set_tags(entry_id, ["a brand new tag"])
    with qtbot.assertNotEmitted(panel.model.modelReset), \
            qtbot.assertNotEmitted(panel.model.rowsMoved), \
            qtbot.waitSignal(panel.model.dataChanged) as changed:
        panel.entry_changed(entry_id)
    assert changed.args[0].row() == 7 and panel.model.entry_id(7) == entry_id
    assert panel.model.data(panel.model.index(7, 0), EntryListModel.TagsRole) == "a brand new tag"


def test_new_and_deleted_entries(qtbot, panel, demo):
    """A new matching entry is inserted at the top, one that does not match is not; deleted goes."""
    panel.view.status.setCurrentIndex(panel.view.status.findText("Draft"))
    draft = demo.entries.create_entry(NewEntry(title="Fresh draft")).id
    ready = demo.entries.create_entry(NewEntry(title="Fresh ready", status=EntryStatus.READY)).id
    shown = panel.model.rowCount()
    with qtbot.assertNotEmitted(panel.model.modelReset):
        panel.entry_changed(draft)
        panel.entry_changed(ready)
    assert panel.model.entry_id(0) == draft and panel.model.rowCount() == shown + 1
    demo.entries.delete_entry(draft)
    panel.entry_changed(draft)
    assert panel.model.row_of(draft) == -1 and panel.model.rowCount() == shown
    assert panel.view.count.text() == f"{shown} of {DEMO_ENTRIES + 1} reflections"


def test_selection_survives_a_filter_that_keeps_the_entry(panel):
    """Changing filters keeps the selected entry selected when it is still listed."""
    entry_id = panel.query.ids(EntryFilter(status=EntryStatus.READY))[5]
    assert panel.select_entry(entry_id)
    panel.view.status.setCurrentIndex(panel.view.status.findText("Ready for supervision"))
    assert panel.current_entry_id() == entry_id
    panel.view.status.setCurrentIndex(panel.view.status.findText("Draft"))
    assert not panel.select_entry(entry_id)


def test_folding_the_filters_keeps_the_count_visible(qtbot, panel):
    """The filter grid folds away; the toggle then still says how many filters are on."""
    panel.view.status.setCurrentIndex(1)
    qtbot.mouseClick(panel.view.filters_toggle, Qt.MouseButton.LeftButton)
    assert not panel.view.filters.isVisible()
    assert panel.view.filters_toggle.text() == "Filters (1)"
    assert panel.view.count.isVisible()


def _focusable(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(root) and w.isEnabled()]


def test_every_focusable_widget_has_an_accessible_name(qtbot, panel):
    """Every widget in the panel (and in the open tag picker) that takes focus has a name."""
    panel.view.briefing.setCurrentIndex(1)  # enables the question picker too
    widgets = _focusable(panel)
    assert len(widgets) >= 10
    assert [w for w in widgets if not w.accessibleName().strip()] == []
    qtbot.mouseClick(panel.view.tags, Qt.MouseButton.LeftButton)
    picker = panel.view.tags.picker
    assert [w for w in _focusable(picker) if not w.accessibleName().strip()] == []
    qtbot.keyClick(picker.list, Qt.Key.Key_Escape)


def test_tab_order_follows_the_layout(panel):
    """Tab goes from the filter box through the filters and sort to the list, top to bottom."""
    view = panel.view
    view.briefing.setCurrentIndex(1)
    order, widget = [], view.text
    for _ in range(40):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(panel) \
                and widget.isEnabled() and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
        if widget is view.text:
            break
    assert order[:10] == [view.text, view.filters_toggle, view.briefing, view.question, view.tags,
                          view.status, view.session, view.clear, view.sort, view.list]


def test_filter_result_is_announced_to_screen_readers(qtbot, panel, monkeypatch):
    """When a screen reader is running, the new count is announced after a filter change."""
    from PySide6.QtGui import QAccessible

    import reflect.ui.reflections.entry_list_panel as entry_list

    announced = []

    class ScreenReaderOn:
        AnnouncementPoliteness = QAccessible.AnnouncementPoliteness

        @staticmethod
        def isActive():
            return True

        @staticmethod
        def updateAccessibility(event):
            announced.append(event.message())

    monkeypatch.setattr(entry_list, "QAccessible", ScreenReaderOn)
    panel.view.status.setCurrentIndex(panel.view.status.findText("Draft"))
    assert announced == [panel.view.count.text()]
    assert announced[0].endswith(f"of {DEMO_ENTRIES} reflections")
