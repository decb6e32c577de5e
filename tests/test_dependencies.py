"""What the code imports is what `pip install .` installs (our dependencies and theirs): a
package imported only because a development tool brought it (Pillow came with pdfplumber)
fails the first user."""

import ast
import re
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, packages_distributions, requires
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# imported only inside `try: … except ImportError`, as an optional yardstick
OPTIONAL = {"pdfplumber"}


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _imported_packages() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "src" / "kehoach").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"kehoach", "__future__"}


def _installed_with(names: set[str]) -> set[str]:
    """The distributions `names` install: they and their own requirements, all the way down
    (extras left out)."""
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            todo += [_name(r) for r in requires(name) or [] if "extra ==" not in r]
        except PackageNotFoundError:
            continue
    return seen


def test_every_package_the_code_imports_is_a_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = _installed_with({_name(r) for r in project["dependencies"]})
    provided_by = packages_distributions()
    undeclared = {
        module: provided_by.get(module, ["(not installed)"])
        for module in _imported_packages() - OPTIONAL
        if not declared & {_name(d) for d in provided_by.get(module, [])}
    }
    assert undeclared == {}
