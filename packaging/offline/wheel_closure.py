"""Which wheels a target machine needs that a wheelhouse folder does not hold yet.

`pip download --platform win_amd64 --python-version 3.10` picks wheels for the target, but it
judges dependency markers by the machine it runs on: from Linux with Python 3.11 it skips
`colorama; sys_platform == "win32"` and `tomli; python_version < "3.11"`, and the offline install on
the target then fails. This walks the dependency tree again through the wheels' own metadata,
judging every marker for the target, and prints each requirement no suitable wheel meets, one a
line (nothing when the folder is complete). `scripts/wheelhouse` downloads those and asks again.

    python wheel_closure.py WHEELHOUSE --platform win_amd64 --python-version 3.12 \
        --extras test,bundle [--roots | --summary | --platform-tags]
"""

from __future__ import annotations

import argparse
import functools
import sys
import zipfile
from email.message import Message
from email.parser import Parser
from pathlib import Path

try:
    from packaging.requirements import Requirement
    from packaging.specifiers import SpecifierSet
    from packaging.tags import compatible_tags, cpython_tags
    from packaging.utils import canonicalize_name, parse_wheel_filename
    from packaging.version import Version
except ImportError:  # pip always carries a copy
    from pip._vendor.packaging.requirements import Requirement
    from pip._vendor.packaging.specifiers import SpecifierSet
    from pip._vendor.packaging.tags import compatible_tags, cpython_tags
    from pip._vendor.packaging.utils import canonicalize_name, parse_wheel_filename
    from pip._vendor.packaging.version import Version

OLDEST_GLIBC = 17  # manylinux2014 = manylinux_2_17


def platforms(platform: str) -> list[str]:
    """The platform tags a target accepts, best first (a manylinux_2_28 machine runs 2_17 too)."""
    if platform.startswith("manylinux_2_"):
        newest, arch = int(platform.split("_")[2]), platform.split("_", 3)[3]
        tags = [f"manylinux_2_{minor}_{arch}" for minor in range(newest, OLDEST_GLIBC - 1, -1)]
        return tags + [f"manylinux2014_{arch}", f"manylinux2010_{arch}", f"manylinux1_{arch}"]
    return [platform]


def environment(platform: str, python: str) -> dict[str, str]:
    """Marker values as they are on the target (PEP 508)."""
    windows = platform.startswith("win")
    return {
        "implementation_name": "cpython", "platform_python_implementation": "CPython",
        "python_version": python, "python_full_version": f"{python}.0",
        "implementation_version": f"{python}.0",
        "os_name": "nt" if windows else "posix", "sys_platform": "win32" if windows else "linux",
        "platform_system": "Windows" if windows else "Linux",
        "platform_machine": "AMD64" if windows else "x86_64",
        "platform_release": "", "platform_version": "", "extra": "",
    }


class Wheelhouse:
    """The wheels in a folder that install on one target."""

    def __init__(self, folder: Path, platform: str, python: str) -> None:
        version = tuple(int(part) for part in python.split("."))
        accepted = set(cpython_tags(version, platforms=platforms(platform)))
        accepted |= set(compatible_tags(version, f"cp{python.replace('.', '')}",
                                        platforms(platform)))
        self.python = f"{python}.0"
        self.wheels: dict[str, list[tuple[Version, Path]]] = {}
        for path in folder.glob("*.whl"):
            name, wheel_version, _build, tags = parse_wheel_filename(path.name)
            if tags & accepted:
                self.wheels.setdefault(name, []).append((wheel_version, path))

    def best(self, requirement: Requirement) -> Path | None:
        """The newest wheel that meets `requirement` and installs on the target's Python."""
        candidates = sorted(((version, path) for version, path in self.wheels.get(
            canonicalize_name(requirement.name), []) if requirement.specifier.contains(version, True)),
            reverse=True)
        return next((path for _version, path in candidates
                     if SpecifierSet(metadata(path).get("Requires-Python") or "").contains(
                         self.python, prereleases=True)), None)


@functools.cache
def metadata(wheel: Path) -> Message:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return Parser().parsestr(archive.read(name).decode("utf-8"))


def requires(wheel: Path) -> list[Requirement]:
    return [Requirement(line) for line in metadata(wheel).get_all("Requires-Dist") or []]


def applies(requirement: Requirement, env: dict[str, str], extras: set[str]) -> bool:
    if requirement.marker is None:
        return True
    return any(requirement.marker.evaluate({**env, "extra": extra}) for extra in extras | {""})


def walk(house: Wheelhouse, roots: list[Requirement], env: dict[str, str]):
    """(found wheels, requirements no wheel meets) for everything `roots` need on the target."""
    found: dict[str, Path] = {}
    missing: list[str] = []
    seen: set[tuple[str, frozenset[str]]] = set()
    queue = list(roots)
    while queue:
        requirement = queue.pop()
        key = (canonicalize_name(requirement.name), frozenset(requirement.extras))
        if key in seen:
            continue
        seen.add(key)
        wheel = house.best(requirement)
        if wheel is None:
            plain = Requirement(str(requirement))
            plain.marker = None
            missing.append(str(plain))
            continue
        found[key[0]] = wheel
        queue += [r for r in requires(wheel) if applies(r, env, set(requirement.extras))]
    return found, sorted(set(missing))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheelhouse", type=Path)
    parser.add_argument("--platform", required=True)
    parser.add_argument("--python-version", required=True)
    parser.add_argument("--root", default="reflect", help="the project whose wheel is in the folder")
    parser.add_argument("--extras", default="")
    parser.add_argument("--roots", action="store_true", help="print the root's own requirements")
    parser.add_argument("--summary", action="store_true", help="print one line about the target")
    parser.add_argument("--platform-tags", action="store_true",
                        help="print the platform tags the target accepts, for pip's --platform")
    args = parser.parse_args(argv)
    if args.platform_tags:
        print("\n".join(platforms(args.platform)))
        return 0

    env = environment(args.platform, args.python_version)
    house = Wheelhouse(args.wheelhouse, args.platform, args.python_version)
    extras = {e for e in args.extras.split(",") if e}
    root = Requirement(f"{args.root}[{','.join(sorted(extras))}]" if extras else args.root)
    root_wheel = house.best(root)
    if root_wheel is None:
        print(f"no wheel of {args.root} in {args.wheelhouse}", file=sys.stderr)
        return 2
    if args.roots:
        for requirement in requires(root_wheel):
            if applies(requirement, env, extras):
                requirement.marker = None
                print(requirement)
        return 0
    found, missing = walk(house, [root], env)
    if args.summary:
        target = f"{args.platform} Python {args.python_version}"
        if missing:
            print(f"{target}: MISSING {', '.join(missing)}")
        else:
            print(f"{target}: complete, {len(found)} packages")
        return 1 if missing else 0
    for requirement in missing:
        print(requirement)
    return 0


if __name__ == "__main__":
    sys.exit(main())
