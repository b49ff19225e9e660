"""Which function runs each command: a table from (command, action) to the function.

Imported only once a command is named, so starting the window loads none of the command modules.
A new command is a parser entry (`parser.py`), a function in its group's module and a row here.
"""

from __future__ import annotations

from collections.abc import Callable

from reflect.cli import (
    briefing_commands,
    check_commands,
    export_commands,
    journal_commands,
    reply_commands,
    search_commands,
    session_commands,
)
from reflect.domain.errors import UsageError

COMMANDS: dict[tuple[str, str | None], Callable[..., int]] = {
    ("journal", "init"): journal_commands.init,
    ("demo", None): journal_commands.demo,
    ("briefing", "parse"): briefing_commands.parse,
    ("briefing", "import"): briefing_commands.import_file,
    ("briefing", "list"): briefing_commands.list_all,
    ("search", None): search_commands.search,
    ("export", "session"): export_commands.export,
    ("export", "portfolio"): export_commands.export,
    ("export", "entry"): export_commands.export,
    ("reply", "import"): reply_commands.import_file,
    ("session", "show"): session_commands.show,
    ("check", None): check_commands.check,
}


def run_command(args) -> int:
    """Run the command `args` names; returns its exit code."""
    action = getattr(args, f"{args.command}_command", None)  # e.g. `briefing_command`
    command = COMMANDS.get((args.command, action))
    if command is None:
        raise UsageError("Unknown command.")
    return command(args)
