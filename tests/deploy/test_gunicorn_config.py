"""deploy/gunicorn.conf.py: workers from the CPU count, everything else from the environment."""

import runpy

import pytest

from .conftest import ROOT

CONFIG = str(ROOT / "deploy" / "gunicorn.conf.py")


def load(monkeypatch, **env) -> dict:
    for name in ("WEB_CONCURRENCY", "GUNICORN_BIND", "GUNICORN_TIMEOUT", "GUNICORN_MAX_WORKERS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(CONFIG)


@pytest.mark.parametrize(("cpus", "workers"), [(1, 3), (2, 5), (4, 9), (8, 12), (32, 12)])
def test_workers_are_two_per_cpu_plus_one_capped(monkeypatch, cpus, workers):
    assert load(monkeypatch)["default_workers"](cpus, 12) == workers


def test_defaults_bind_loopback_log_to_stdout_and_have_no_control_socket(monkeypatch):
    config = load(monkeypatch)
    assert config["bind"] == ["127.0.0.1:8000"]
    assert (config["accesslog"], config["errorlog"]) == ("-", "-")
    assert (config["timeout"], config["graceful_timeout"]) == (30, 30)
    assert config["control_socket_disable"] is True


def test_environment_overrides_bind_workers_and_timeout(monkeypatch):
    config = load(
        monkeypatch,
        GUNICORN_BIND="unix:/run/unionsite/gunicorn.sock",
        WEB_CONCURRENCY="7",
        GUNICORN_TIMEOUT="45",
    )
    assert config["bind"] == ["unix:/run/unionsite/gunicorn.sock"]
    assert (config["workers"], config["timeout"]) == (7, 45)
