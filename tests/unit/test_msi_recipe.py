"""The MSI recipe (packaging/windows/Reflect.wxs): its build parameters, read as WiX reads them.

WiX is not run here (see packaging/windows/README.md); these tests apply the preprocessor's rules
the recipe uses (ifndef / define / error / endif, and $(var.NAME)) to the recipe as written, then
read the package's attributes from the XML.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import REPO

RECIPE = REPO / "packaging" / "windows" / "Reflect.wxs"
WIX = "{http://wixtoolset.org/schemas/v4/wxs}"
INSTRUCTION = re.compile(r"<\?(\w+)\s*(.*?)\s*\?>", re.S)


class PreprocessorError(Exception):
    pass


def preprocess(text: str, defines: dict[str, str]) -> str:
    """The recipe as `wix build -d NAME=value ...` hands it on, for the instructions it uses."""
    variables = dict(defines)
    out, skipping, position = [], [], 0
    for match in INSTRUCTION.finditer(text):
        if not any(skipping):
            out.append(text[position:match.start()])
        position = match.end()
        name, rest = match.group(1), match.group(2)
        if name == "ifndef":
            skipping.append(rest in variables)
        elif name == "endif":
            skipping.pop()
        elif any(skipping) or name == "xml":
            if name == "xml":
                out.append(match.group(0))
        elif name == "define":
            key, value = (part.strip() for part in rest.split("=", 1))
            variables[key] = value.strip('"')
        elif name == "error":
            raise PreprocessorError(rest)
        else:
            raise AssertionError(f"the test does not know <?{name}?>")
    out.append(text[position:])
    return re.sub(r"\$\(var\.(\w+)\)", lambda m: variables[m.group(1)], "".join(out))


def package(defines: dict[str, str]) -> ET.Element:
    root = ET.fromstring(preprocess(RECIPE.read_text(encoding="utf-8"), defines))
    return root.find(f"{WIX}Package")


REQUIRED = {"BundleDir": r"dist\Reflect", "Version": "1.2.0"}


def test_manufacturer_is_a_build_parameter():
    council = package({**REQUIRED, "Manufacturer": "Northshire County Council"})
    assert council.get("Manufacturer") == "Northshire County Council"
    assert council.get("Version") == "1.2.0"


def test_manufacturer_defaults_to_the_project_name():
    assert package(REQUIRED).get("Manufacturer") == "Reflect"


def test_the_upgrade_code_does_not_depend_on_the_manufacturer():
    codes = {package({**REQUIRED, "Manufacturer": name}).get("UpgradeCode")
             for name in ("Reflect", "Council")}
    assert codes == {"2C4749A8-9875-4D6B-9432-D9E08FBEE2B5"}


@pytest.mark.parametrize("missing", ["Version", "BundleDir"])
def test_version_and_bundle_folder_must_be_given(missing):
    with pytest.raises(PreprocessorError, match=missing):
        package({k: v for k, v in REQUIRED.items() if k != missing})


def test_the_readme_documents_the_parameter():
    readme = (REPO / "packaging" / "windows" / "README.md").read_text(encoding="utf-8")
    assert "-d Manufacturer=" in readme and "| `Manufacturer` | no, default `Reflect` |" in readme
