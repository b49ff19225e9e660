"""The frozen program's entry point: both Reflect and reflect-cli start here.

PyInstaller needs a script file, not a package's `__main__`; this is the same as `python -m reflect`.
"""

import sys

from reflect.cli import main

if __name__ == "__main__":
    sys.exit(main())
