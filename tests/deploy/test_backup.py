"""`make backup` / `make restore` round trips (deploy/backup.py): database and media come back exactly."""

import hashlib
import json
import sqlite3
import uuid

import psycopg2
import pytest
from django.db import connection
from psycopg2 import sql

from .conftest import PYTHON, ROOT, run

BACKUP = [PYTHON, str(ROOT / "deploy" / "backup.py")]


def media_fingerprint(media) -> dict[str, str]:
    return {
        str(path.relative_to(media)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(media.rglob("*"))
        if path.is_file()
    }


def write_media(media) -> None:
    (media / "news" / "2025").mkdir(parents=True)
    (media / "news" / "2025" / "tho-xuan.jpg").write_bytes(b"\xff\xd8\xff" + bytes(range(256)) * 40)
    (media / "site").mkdir()
    (media / "site" / "logo.png").write_bytes(b"\x89PNG" + b"logo" * 100)


def backup_folder(result, dest):
    assert result.returncode == 0, result.stdout + result.stderr
    [folder] = list(dest.iterdir())
    return folder


def test_backup_and_restore_round_trip_on_sqlite(production_env, tmp_path):
    db_path = tmp_path / "prod.sqlite3"
    media = tmp_path / "media"
    with sqlite3.connect(db_path) as db:
        db.execute("create table article (id integer primary key, title text)")
        db.executemany(
            "insert into article (title) values (?)",
            [("Đại hội Công đoàn huyện Thọ Xuân",), ("Tháng Công nhân 2025",)],
        )
    db.close()
    write_media(media)
    before = media_fingerprint(media)

    folder = backup_folder(
        run([*BACKUP, "backup", "--dest", str(tmp_path / "backups")], production_env),
        tmp_path / "backups",
    )
    manifest = json.loads((folder / "manifest.json").read_text())
    assert (manifest["engine"], manifest["database_file"], manifest["media_files"]) == (
        "sqlite",
        "db.sqlite3",
        2,
    )

    # Lose data after the backup: a row, one photo changed, one deleted, one added.
    with sqlite3.connect(db_path) as db:
        db.execute("delete from article where id = 1")
    db.close()
    (media / "site" / "logo.png").write_bytes(b"overwritten")
    (media / "news" / "2025" / "tho-xuan.jpg").unlink()
    (media / "stray.txt").write_text("added after the backup")

    result = run([*BACKUP, "restore", str(folder)], production_env)
    assert result.returncode == 0, result.stderr

    with sqlite3.connect(db_path) as db:
        titles = [row[0] for row in db.execute("select title from article order by id")]
    db.close()
    assert titles == ["Đại hội Công đoàn huyện Thọ Xuân", "Tháng Công nhân 2025"]
    assert media_fingerprint(media) == before
    # The media folder that was replaced is kept beside it, not deleted.
    [kept] = list(tmp_path.glob("media.before-restore-*"))
    assert sorted(media_fingerprint(kept)) == ["site/logo.png", "stray.txt"]


def test_restore_refuses_a_folder_that_is_not_a_backup(production_env, tmp_path):
    result = run([*BACKUP, "restore", str(tmp_path)], production_env)
    assert result.returncode == 1
    assert "is not a backup folder" in result.stderr


def pg_fingerprint(dsn_kwargs: dict) -> dict[str, tuple[int, str]]:
    """Row count and an order-independent digest of every table in the public schema."""
    conn = psycopg2.connect(**dsn_kwargs)
    try:
        with conn.cursor() as cur:
            cur.execute(
                "select tablename from pg_tables where schemaname = 'public' order by tablename"
            )
            tables = [row[0] for row in cur.fetchall()]
            result = {}
            for table in tables:
                cur.execute(
                    sql.SQL(
                        "select count(*), coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                        " from {} t"
                    ).format(sql.Identifier(table))
                )
                result[table] = cur.fetchone()
            return result
    finally:
        conn.close()


@pytest.fixture
def scratch_database():
    """A throwaway database on the test run's PostgreSQL server, dropped afterwards."""
    settings_dict = connection.settings_dict
    server = {
        "host": settings_dict["HOST"] or "127.0.0.1",
        "port": settings_dict["PORT"] or 5432,
        "user": settings_dict["USER"],
        "password": settings_dict["PASSWORD"] or None,
    }
    name = f"unionsite_backup_{uuid.uuid4().hex[:10]}"
    admin = psycopg2.connect(dbname="postgres", **server)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(sql.SQL("create database {}").format(sql.Identifier(name)))
    try:
        password = f":{server['password']}" if server["password"] else ""
        url = f"postgres://{server['user']}{password}@{server['host']}:{server['port']}/{name}"
        yield url, {"dbname": name, **server}
    finally:
        with admin.cursor() as cur:
            cur.execute(
                sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name))
            )
        admin.close()


@pytest.mark.postgres
@pytest.mark.slow
def test_backup_and_restore_round_trip_on_postgresql(production_env, tmp_path, scratch_database):
    url, dsn = scratch_database
    env = {**production_env, "DATABASE_URL": url, "DEBUG": "1"}
    media = tmp_path / "media"
    # A real site: every migration, the demo content, and uploaded photos.
    for command in (["migrate", "--noinput", "-v", "0"], ["seed_demo"]):
        result = run([PYTHON, "manage.py", *command], env)
        assert result.returncode == 0, result.stderr
    write_media(media)
    before_db = pg_fingerprint(dsn)
    before_media = media_fingerprint(media)
    assert before_db["unionsite_siteprofile"][0] == 1

    folder = backup_folder(
        run([*BACKUP, "backup", "--dest", str(tmp_path / "backups")], env), tmp_path / "backups"
    )
    assert json.loads((folder / "manifest.json").read_text())["engine"] == "postgresql"

    # Damage after the backup: the site profile edited, migration rows deleted, a photo lost.
    conn = psycopg2.connect(**dsn)
    with conn, conn.cursor() as cur:
        cur.execute("update unionsite_siteprofile set site_name = 'Đã bị sửa nhầm'")
        cur.execute("delete from django_migrations where app = 'sessions'")
    conn.close()
    (media / "site" / "logo.png").unlink()
    assert pg_fingerprint(dsn) != before_db

    result = run([*BACKUP, "restore", str(folder)], env)
    assert result.returncode == 0, result.stderr
    assert pg_fingerprint(dsn) == before_db
    assert media_fingerprint(media) == before_media
