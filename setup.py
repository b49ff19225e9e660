"""Puts the repository's `resources/` inside the package when a wheel (or the sdist's wheel) is built.

Everything else is declared in pyproject.toml. The bundled files live at the repository's top, as
the design asks; an installed wheel has no repository around it, so the build copies them to
`reflect/resources/`, where `reflect.resource_files` looks first. An editable install needs no copy:
it reads the checkout's own folder.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildPyWithResources(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        shutil.copytree(ROOT / "resources", Path(self.build_lib) / "reflect" / "resources",
                        dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildPyWithResources})
