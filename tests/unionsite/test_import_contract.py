"""The floors of the project (docs/architecture.md), checked on every import statement.

- ``unionsite`` is the ground floor: every app may import it; it imports no app.
- ``portal`` is the roof: it composes the apps (root URLs, sitemaps, page cache); nothing
  imports it.
- An app uses another app only through that app's public modules (``PUBLIC_MODULES``).

Imports inside functions count too. Tests, benchmarks and settings are outside the contract.
"""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

GROUND = "unionsite"
ROOF = "portal"
# What one app may import from another: its models and the functions it offers the others.
PUBLIC_MODULES = {"models", "selectors", "services", "demo", "permissions"}
PUBLIC = ", ".join(sorted(PUBLIC_MODULES))


def local_packages(root: Path) -> set[str]:
    """The project's own installed apps (``unionsite`` and ``portal`` included): those whose
    top-level package is a folder of ``root`` itself. Not merely "somewhere under ``root``":
    ``make install`` puts the virtualenv, with Django's and axes' apps, in ``root/.venv``."""
    packages = set()
    for config in apps.get_app_configs():
        top = config.name.split(".")[0]
        if Path(config.path).resolve().is_relative_to((root / top).resolve()):
            packages.add(top)
    return packages


def _imported(tree: ast.AST, module: str, root: Path):
    """(line, dotted name) of everything a module imports, relative imports resolved."""
    package = module.split(".")[:-1] if not module.endswith("__init__") else module.split(".")
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            for alias in node.names:
                # "from news import demo" imports the module news.demo.
                candidate = root / Path(*f"{target}.{alias.name}".split("."))
                if candidate.with_suffix(".py").exists() or (candidate / "__init__.py").exists():
                    yield node.lineno, f"{target}.{alias.name}"
                else:
                    yield node.lineno, target


def violations(root: Path, packages: set[str]) -> list[str]:
    found = []
    for owner in sorted(packages):
        for path in sorted((root / owner).rglob("*.py")):
            module = ".".join(path.relative_to(root).with_suffix("").parts)
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for line, name in _imported(tree, module, root):
                parts = name.split(".")
                target = parts[0]
                if target == owner or target not in packages:
                    continue
                where = f"{path.relative_to(root)}:{line} imports {name}"
                if owner == GROUND:
                    found.append(f"{where}: the ground floor imports no app")
                elif target == ROOF:
                    found.append(f"{where}: nothing imports the roof")
                elif (
                    owner != ROOF
                    and target != GROUND
                    and (len(parts) < 2 or parts[1] not in PUBLIC_MODULES)
                ):
                    found.append(f"{where}: another app only through {PUBLIC}")
    return found


def test_no_shared_module_imports_an_app_and_apps_meet_through_public_modules():
    root = Path(settings.BASE_DIR)
    packages = local_packages(root)
    assert {GROUND, ROOF, "news", "congresses", "stats"} <= packages
    assert violations(root, packages) == []


def write(root: Path, module: str, source: str) -> None:
    path = root / Path(*module.split(".")).with_suffix(".py")
    path.parent.mkdir(parents=True, exist_ok=True)
    for parent in path.relative_to(root).parents:
        (root / parent / "__init__.py").touch()
    path.write_text(source)


def test_contract_names_each_kind_of_wrong_import(tmp_path):
    packages = {"unionsite", "portal", "news", "stats"}
    write(tmp_path, "stats.middleware", "BOTS = ()\n")
    write(tmp_path, "news.models", "X = 1\n")
    write(tmp_path, "stats.models", "Y = 1\n")
    write(tmp_path, "unionsite.cache", "def f():\n    from news.models import X\n")
    write(tmp_path, "unionsite.text", "from . import cache\n")
    write(
        tmp_path, "news.services", "from stats.middleware import BOTS\nfrom stats import models\n"
    )
    write(tmp_path, "news.views", "from portal import urls\nfrom unionsite import text\n")
    write(tmp_path, "portal.urls", "from news import views\nimport stats.middleware\n")
    assert violations(tmp_path, packages) == [
        "news/services.py:1 imports stats.middleware: another app only through "
        "demo, models, permissions, selectors, services",
        "news/views.py:1 imports portal.urls: nothing imports the roof",
        "unionsite/cache.py:2 imports news.models: the ground floor imports no app",
    ]


def borrowed_test_helpers(root: Path) -> list[str]:
    """Imports in the test tree that reach into another test package's conftest or test
    module: builders come from tests.factories, other shared tooling from tests.support."""
    found = []
    for path in sorted((root / "tests").rglob("*.py")):
        module = ".".join(path.relative_to(root).with_suffix("").parts)
        own = module.split(".")[:2]
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, name in _imported(tree, module, root):
            parts = name.split(".")
            if parts[0] != "tests" or len(parts) < 3:
                continue
            reaches = parts[-1] == "conftest" or parts[-1].startswith("test_")
            if reaches and parts[:2] != own:
                found.append(f"{path.relative_to(root)}:{line} imports {name}")
    return found


def test_tests_build_through_one_scheme_and_never_borrow_another_packages_conftest():
    root = Path(settings.BASE_DIR)
    assert borrowed_test_helpers(root) == []


def test_the_test_rule_names_a_borrowed_conftest(tmp_path):
    write(tmp_path, "tests.news.conftest", "def make_article(): ...\n")
    write(tmp_path, "tests.portal.test_cache", "from tests.news.conftest import make_article\n")
    write(tmp_path, "tests.news.test_page", "from .conftest import make_article\n")
    assert borrowed_test_helpers(tmp_path) == [
        "tests/portal/test_cache.py:1 imports tests.news.conftest"
    ]
