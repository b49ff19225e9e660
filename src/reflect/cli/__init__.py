"""The command line: the GUI by default, headless sub-commands for scripts, tests and IT.

A stable contract (later work and checks rely on it): JSON on stdout, one plain line on stderr
for problems, and exit codes 0 ok, 2 bad input or usage, 3 wrong passphrase, 4 journal in use,
5 journal too new or damaged, 6 details that may identify someone were found: `export` wrote
nothing (the findings follow on stderr, one a line; `--accept-findings` exports anyway) or `check`
found some (its JSON lists them). PySide6 is imported only when the GUI starts.

The grammar is in `parser.py`, the table of commands in `commands.py`, and each group of commands
in its own module; this module only chooses between the window, the self-test and a command, and
turns errors into the exit codes above.
"""

from __future__ import annotations

import gc
import logging
import os
import sys

from reflect.cli.parser import build_parser, names_no_command
from reflect.domain.diagnostics import describe
from reflect.domain.display_name import display_name
from reflect.domain.errors import ReflectError

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(with_commands=not names_no_command(argv)).parse_args(argv)
    if args.self_test:
        from reflect.services import self_test
        from reflect.ui.shell import gui_self_test  # Qt is imported by its steps, not here

        return self_test.main(steps=self_test.STEPS + gui_self_test.STEPS)
    try:
        code = _run_window(args) if args.command is None else _run_command(args)
        sys.stdout.flush()  # here, so that a closed pipe is met inside this `try`
        return code
    except BrokenPipeError:
        return _output_closed()
    except ReflectError as exc:
        print(f"reflect: {display_name(exc.message)}", file=sys.stderr)  # one line, no escapes
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: log the type only (messages can quote journal text)
        log.error("unexpected error in command %s: %s", args.command, describe(exc))
        print("reflect: something unexpected went wrong; nothing further was changed. "
              "Details are in the log file in the journal folder.", file=sys.stderr)
        return 1


def _output_closed() -> int:
    """The reader closed our output early (`reflect check --all | head`): end quietly, as git does.

    Standard output is pointed at the null device so that the interpreter's last flush of what is
    still buffered does not fail again on the way out; 141 is what a shell reports for SIGPIPE.
    """
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):  # no real stdout (a stream in a test): nothing left to flush
        pass
    return 141


def _run_window(args) -> int:
    # No automatic collection while the app starts: gc_guard switches it off for good once Qt is
    # up (collection belongs on the UI thread), and the collections importing would run before
    # then find next to nothing to free (about 7 ms of one core). The window's first paint
    # freezes what lives on (gc_guard.freeze_survivors); collection resumes on a timer.
    gc.disable()
    from reflect.app import run_gui  # Qt only when the window is wanted

    return run_gui(data_dir=getattr(args, "data_dir", None),
                   passphrase_file=getattr(args, "passphrase_file", None),
                   exit_after_first_paint=args.exit_after_first_paint)


def _run_command(args) -> int:
    from reflect.cli.commands import run_command  # the command modules only when one is named

    return run_command(args)
