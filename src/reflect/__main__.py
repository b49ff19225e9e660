"""`python -m reflect` runs the same entry point as the `reflect` command."""

import sys

from reflect.cli import main

sys.exit(main())
