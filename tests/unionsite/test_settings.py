"""Settings load from the environment: checked in fresh interpreters, as a server starts."""

import pytest
from django.db import connection

from tests.support import ROOT, load_settings


def test_settings_default_to_sqlite_under_var():
    result = load_settings(
        {"DEBUG": "1"}, "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'])"
    )
    assert result.returncode == 0, result.stderr
    engine, name = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert name == str(ROOT / "var" / "db.sqlite3")


def test_settings_refuse_to_start_without_secret_when_debug_off():
    result = load_settings({"DEBUG": "0"}, "print('started')")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_settings_read_postgres_redis_and_admin_url_from_environment():
    result = load_settings(
        {
            "DEBUG": "0",
            "SECRET_KEY": "x" * 60,
            "DATABASE_URL": "postgres://u:p@db.example:5433/portal",
            "REDIS_URL": "redis://127.0.0.1:6379/3",
            "ALLOWED_HOSTS": "congdoan.example.vn,www.congdoan.example.vn",
            "ADMIN_URL": "quan-tri",
        },
        "d = s.DATABASES['default']; print(d['ENGINE'], d['HOST'], d['PORT'], d['NAME'], d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS']);"
        "print(s.CACHES['default']['BACKEND']); print(','.join(s.ALLOWED_HOSTS)); print(s.ADMIN_URL, s.LANGUAGE_CODE, s.TIME_ZONE, s.USE_TZ)",
    )
    assert result.returncode == 0, result.stderr
    db, cache_backend, hosts, misc = result.stdout.splitlines()
    assert db == "django.db.backends.postgresql db.example 5433 portal 600 True"
    assert cache_backend == "unionsite.cache.ResilientRedisCache"
    assert hosts == "congdoan.example.vn,www.congdoan.example.vn"
    assert misc == "quan-tri/ vi Asia/Ho_Chi_Minh True"


def test_settings_without_redis_use_local_memory_cache():
    result = load_settings({"DEBUG": "1"}, "print(s.CACHES['default']['BACKEND'])")
    assert result.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache"


@pytest.mark.postgres
@pytest.mark.django_db
def test_suite_runs_on_postgresql_when_asked():
    with connection.cursor() as cursor:
        cursor.execute("select version()")
        assert cursor.fetchone()[0].startswith("PostgreSQL")
