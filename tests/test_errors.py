"""Every error a user can meet lives in pathfinder/errors.py, with a documented exit code; the
exceptions that only steer the program stay where they are used and say they are internal."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest

import pathfinder
from pathfinder import errors
from pathfinder.errors import PathfinderError

PACKAGE = Path(pathfinder.__file__).resolve().parent
README = PACKAGE.parent / "README.md"

INTERNAL = {
    "pathfinder.lheo.feed": {"_Refused"},
    "pathfinder.planning.integer_program": {"SolverFailed", "_Stopped"},
    "pathfinder.planning.search": {"OutOfTime"},
    "pathfinder.planning.deadline": {"TimeUp"},
    "pathfinder.cli.prompter": {"SessionInterrupted"},
    "pathfinder.cli.console": {"OutputError"},
    "pathfinder.boundedread": {"NotRegularFileError", "FileTooLargeError"},
    "pathfinder.cache": {"_Refused"},
}
"""Control-flow exceptions: caught and turned into a result, a diagnostic, an exit code or an
error of pathfinder.errors, never shown to a user as such."""

INTERNAL_SAYS = "never shown to a user as such"


def _module_names() -> list[str]:
    names = [
        info.name
        for info in pkgutil.walk_packages([str(PACKAGE)], prefix="pathfinder.")
        if not info.name.endswith("__main__")  # runs the command line
    ]
    return sorted(names)


def _exception_classes_in_source() -> dict[str, set[str]]:
    """Module name -> classes (nested ones too) whose bases end in Error or Exception."""
    found: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(("pathfinder", *path.relative_to(PACKAGE).with_suffix("").parts))
        module = module.removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = [ast.unparse(base).rsplit(".", 1)[-1] for base in node.bases]
            if any(base.endswith(("Error", "Exception")) or base == "OSError" for base in bases):
                found.setdefault(module, set()).add(node.name)
    return found


def _public_error_classes() -> list[type[PathfinderError]]:
    """Every subclass of PathfinderError defined in the package (every module imported)."""
    for name in _module_names():
        importlib.import_module(name)
    seen: list[type[PathfinderError]] = []
    todo: list[type[PathfinderError]] = [PathfinderError]
    while todo:
        cls = todo.pop()
        if cls not in seen and cls.__module__.startswith("pathfinder"):
            seen.append(cls)
            todo.extend(cls.__subclasses__())
    return seen


def test_every_user_facing_error_is_defined_in_the_errors_module() -> None:
    misplaced = [
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in _public_error_classes()
        if cls.__module__ != "pathfinder.errors"
    ]
    assert misplaced == []


def test_other_exceptions_are_the_known_internal_ones() -> None:
    found = _exception_classes_in_source()
    public = {
        name
        for name, value in vars(errors).items()
        if inspect.isclass(value) and issubclass(value, PathfinderError)
    }
    assert found.pop("pathfinder.errors") == public
    assert found == INTERNAL


@pytest.mark.parametrize(
    ("module", "name"),
    sorted((module, name) for module, names in INTERNAL.items() for name in names),
)
def test_internal_exceptions_say_so(module: str, name: str) -> None:
    cls = getattr(importlib.import_module(module), name)
    assert issubclass(cls, BaseException) and not issubclass(cls, PathfinderError)
    assert INTERNAL_SAYS in " ".join((cls.__doc__ or "").split()), (
        f"{module}.{name} does not say it is internal"
    )


def _documented_codes() -> dict[int, str]:
    """The errors module's list: exit code -> the text of its bullet."""
    doc = errors.__doc__ or ""
    return {
        int(code): text
        for code, text in re.findall(r"^- \*\*(\d+)\*\*(.*?)(?=^- |^$)", doc, re.M | re.S)
    }


@pytest.mark.parametrize("cls", _public_error_classes(), ids=lambda cls: cls.__name__)
def test_every_error_has_a_documented_exit_code(cls: type[PathfinderError]) -> None:
    code = cls.exit_code
    own_doc = " ".join((cls.__dict__.get("__doc__") or "").split())
    assert f"Exit code {code}" in own_doc, f"{cls.__name__}'s docstring does not give its exit code"
    listed = _documented_codes()
    assert code in listed and f":class:`{cls.__name__}`" in listed[code], (
        "missing from the errors module's list"
    )
    readme = README.read_text(encoding="utf-8")
    assert f"**{code}**" in readme[readme.index("Exit codes:") :], (
        "an exit code the README does not document"
    )


def test_the_errors_module_imports_nothing_from_the_package_at_module_level() -> None:
    tree = ast.parse(Path(errors.__file__).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0 and not (node.module or "").startswith("pathfinder"), (
                ast.unparse(node)
            )
        if isinstance(node, ast.Import):
            assert not any(alias.name.startswith("pathfinder") for alias in node.names), (
                ast.unparse(node)
            )


def test_the_errors_are_exported_at_the_top_level() -> None:
    for cls in _public_error_classes():
        assert getattr(pathfinder, cls.__name__) is cls
