"""The encrypted journal: SQLCipher connection, migrations, and stores returning domain objects.

What ui/ and cli/ may use of the store is named here, in `__all__`: the journal, the stores it
hands out, the queries over them, and the error a failed write raises with its plain words. The
rest of the package (connection, driver, files, backups on disk) is the store's own business; use
cases that need it live in `services/`. Store modules import one another, never a name from here.
"""

from reflect.domain.lazy_names import lazy_getattr
from reflect.store.deferred import defer_unused_imports

defer_unused_imports()  # before any store module imports sqlite-utils

# Loaded on first use, so `import reflect.store` stays cheap and a page's store loads with the page
# (README, "Performance").
_WHERE = {
    "Journal": "journal",
    "ActionStore": "action_store", "BriefingStore": "briefing_store", "EntryStore": "entry_store",
    "SessionStore": "session_store", "RevisionStore": "revision_store", "SearchIndex": "search",
    "DictionaryStore": "dictionary_store", "PrivacyStore": "privacy_store",
    "ExportLogStore": "export_log_store", "EntryQuery": "entry_query",
    "DashboardQueries": "dashboard_queries", "ReportLoader": "report_loader",
    "DatabaseError": "write_errors", "describe_write_error": "write_errors",
}
__all__ = sorted(_WHERE)

__getattr__ = lazy_getattr(__name__, _WHERE)
