"""One spelling checker for the whole app, loaded in the background.

Loading the dictionary takes a noticeable fraction of a second and about 25 MB, so it must not
hold up start-up: editors attach at once and work as plain editors, the word list loads on a
worker thread (reflect.ui.common.background), and when it arrives every attached editor is re-checked.
The personal dictionary is the caller's: it hands over the journal's words and a callback that
stores a newly added word in the journal (where it is encrypted; words people add are often
names of places and services).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable

import shiboken6
from PySide6.QtCore import QObject, Signal

from reflect.domain.diagnostics import describe
from reflect.spelling import SpellChecker
from reflect.ui.common.background import BackgroundTask, run_in_background
from reflect.ui.spelling.context_menu import Editor, HintActions
from reflect.ui.spelling.identifier_hints import Check
from reflect.ui.spelling.support import SpellingSupport

log = logging.getLogger(__name__)


class SpellingService(QObject):
    """Owns the checker; attaches spelling to editors; follows the spelling setting."""

    ready = Signal()  # the dictionary is loaded and attached editors have been re-checked
    load_failed = Signal(str)  # a message for the user; editors carry on without spelling
    #: an identifier hint was replaced in an editor: (editor, finding's text, text replaced, replacement)
    identifier_replaced = Signal(object, str, str, str)

    def __init__(
        self,
        personal_words: Iterable[str] = (),
        add_word: Callable[[str], None] = lambda word: None,
        *,
        enabled: bool = True,
        oxford: bool = False,
        loader: Callable[[list[str]], SpellChecker] = SpellChecker.load,
        hint_actions: HintActions | None = None,
        hint_check: Callable[[], Check | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._personal = list(personal_words)
        self._store_word = add_word
        self._enabled = enabled
        self._oxford = oxford  # accept Oxford -ize spellings too (a setting; -ise is the default)
        self._loader = loader
        self._checker: SpellChecker | None = None
        self._task: BackgroundTask | None = None
        self._generation = 0  # results of a load started before a disable are dropped
        self._supports: list[SpellingSupport] = []
        self._hint_actions = hint_actions
        self._hint_check = hint_check

    # --- state ------------------------------------------------------------------------------

    @property
    def checker(self) -> SpellChecker | None:
        """The checker, or None while loading or when spelling is off."""
        return self._checker if self._enabled else None

    def is_enabled(self) -> bool:
        return self._enabled

    def is_ready(self) -> bool:
        return self.checker is not None

    def is_loading(self) -> bool:
        return self._task is not None and not self._task.done

    # --- editors ----------------------------------------------------------------------------

    def attach(self, editor: Editor) -> SpellingSupport:
        """Give `editor` spelling (now, or as soon as the dictionary is loaded)."""
        support = SpellingSupport(editor, lambda: self.checker, self._word_added,
                                  on_words_changed=self.refresh_all, hint_actions=self._hint_actions,
                                  hint_check=self._hint_check)
        support.identifier_replaced.connect(
            lambda found, removed, new: self.identifier_replaced.emit(editor, found, removed, new))
        self._supports.append(support)
        self.start_loading()
        return support

    def detach(self, editor: Editor) -> None:
        for support in self._live_supports():
            if support.editor is editor:
                support.detach()
                self._supports.remove(support)

    def recheck_hints(self) -> None:
        """Check every attached editor for identifiers again (the watch list or accepted pairs changed)."""
        for support in self._live_supports():
            if support.hints is not None:
                support.hints.check_now()

    def refresh_all(self) -> None:
        """Re-check every attached editor (after loading, a setting change or a new word)."""
        for support in self._live_supports():
            support.refresh()

    # --- settings and words -----------------------------------------------------------------

    def set_enabled(self, enabled: bool) -> None:
        """Follow the spelling setting. Off frees the dictionary; on loads it again."""
        if enabled == self._enabled:
            return
        self._enabled = enabled
        if enabled:
            self.start_loading()
        else:
            self._generation += 1
            self._checker = None  # ~25 MB back; reloading takes well under a second
            self._task = None
        self.refresh_all()

    def set_oxford(self, oxford: bool) -> None:
        """Follow the Oxford spelling setting: accept "organize" as well as "organise", or not."""
        self._oxford = oxford
        if self._checker is not None and self._checker.oxford != oxford:
            self._checker.set_oxford(oxford)
            self.refresh_all()

    def set_personal_words(self, words: Iterable[str]) -> None:
        """Replace the personal dictionary (e.g. after the journal was unlocked or restored)."""
        self._personal = list(words)
        if self._checker is not None:
            self._checker.set_personal(self._personal)
            self.refresh_all()

    def start_loading(self) -> None:
        """Load the dictionary in the background unless loaded, loading or switched off."""
        if not self._enabled or self._checker is not None or self.is_loading():
            return
        self._generation += 1
        generation = self._generation
        personal = list(self._personal)
        loader = self._loader
        started = time.perf_counter()

        def work() -> SpellChecker:
            return loader(personal)

        def loaded(checker: SpellChecker) -> None:
            if generation != self._generation:
                return
            self._task = None
            checker.set_personal(self._personal)  # words may have changed while loading
            checker.set_oxford(self._oxford)
            self._checker = checker
            log.info("spelling dictionary ready after %.0f ms", (time.perf_counter() - started) * 1000)
            self.refresh_all()
            self.ready.emit()

        def failed(_exc: BaseException) -> None:  # run_in_background has logged it
            if generation != self._generation:
                return
            self._task = None
            self.load_failed.emit("Spelling is not available: its dictionary could not be loaded.")

        self._task = run_in_background(self, work, loaded, failed)

    # --- internals --------------------------------------------------------------------------

    def _word_added(self, word: str) -> None:
        self._personal.append(word)
        try:
            self._store_word(word)
        except Exception as exc:
            log.error("could not store a personal dictionary word: %s", describe(exc))

    def _live_supports(self) -> list[SpellingSupport]:
        self._supports = [s for s in self._supports if shiboken6.isValid(s)]
        return list(self._supports)
