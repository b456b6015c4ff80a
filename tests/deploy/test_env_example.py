"""deploy/.env.example lists every production variable, and its values pass check --deploy."""

import re

from .conftest import CHECK_DEPLOY, ROOT, run

EXAMPLE = ROOT / "deploy" / ".env.example"
READERS = [ROOT / "unionsite" / "settings.py", ROOT / "deploy" / "gunicorn.conf.py"]
READ = re.compile(
    r"""(?:environ\.get|env_bool|env_list|_int|environ\[)\(?\s*["']([A-Z][A-Z0-9_]+)["']"""
)
# Read by the settings but only meaningful to developers and CI, never set in production.
NOT_FOR_PRODUCTION = {"REQUIRE_SERVICES", "DEV_ADMIN_USER", "DEV_ADMIN_PASSWORD"}


def example_values() -> dict[str, str]:
    values = {}
    for line in EXAMPLE.read_text().splitlines():
        if line and not line.startswith("#") and "=" in line:
            name, _, value = line.partition("=")
            values[name] = value
    return values


def test_env_example_names_every_variable_the_settings_read():
    read = {name for path in READERS for name in READ.findall(path.read_text())}
    listed = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", EXAMPLE.read_text(), re.MULTILINE))
    assert "SECRET_KEY" in read and "WEB_CONCURRENCY" in read  # the pattern finds both kinds
    assert sorted(read - listed - NOT_FOR_PRODUCTION) == []


def test_env_example_values_pass_check_deploy(production_env):
    values = example_values()
    assert values["DEBUG"] == "0"
    # Same server-independent values; the database and cache of this test run instead.
    for name, value in values.items():
        if name not in {"DATABASE_URL", "REDIS_URL", "MEDIA_ROOT", "STATIC_ROOT"}:
            production_env[name] = value
    result = run(CHECK_DEPLOY, production_env)
    assert result.returncode == 0, result.stdout + result.stderr
