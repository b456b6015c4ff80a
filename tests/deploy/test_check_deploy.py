"""`manage.py check --deploy` is clean with the production environment (issue 6, item 3)."""

from .conftest import CHECK_DEPLOY, PYTHON, run


def test_check_deploy_reports_no_issues_with_production_environment(production_env):
    result = run(CHECK_DEPLOY, production_env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_flags_hsts_switched_off(production_env):
    # The check in the test above is a real gate: weakening one setting makes it fail.
    production_env["SECURE_HSTS_SECONDS"] = "0"
    result = run(CHECK_DEPLOY, production_env)
    assert result.returncode == 1
    assert "security.W004" in result.stderr


def test_check_deploy_flags_a_weak_secret_key(production_env):
    production_env["SECRET_KEY"] = "short-and-guessable"
    result = run(CHECK_DEPLOY, production_env)
    assert result.returncode == 1
    assert "security.W009" in result.stderr


def test_production_settings_trust_the_proxy_and_lock_cookies(production_env):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.SECURE_PROXY_SSL_HEADER, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.X_FRAME_OPTIONS, "
        "s.STORAGES['staticfiles']['BACKEND'], s.WHITENOISE_MAX_AGE)"
    )
    result = run([PYTHON, "-c", code], production_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
        "True",
        "True",
        "True",
        "31536000",
        "DENY",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "31536000",
    ]
