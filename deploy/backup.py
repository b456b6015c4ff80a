"""Back up and restore the database and the uploaded media (``make backup`` / ``make restore``).

    python deploy/backup.py backup [--dest var/backups]    -> var/backups/<UTC timestamp>/
    python deploy/backup.py restore var/backups/<stamp>    -> replaces database and media

A backup folder holds ``db.dump`` (``pg_dump -Fc``; for the embedded SQLite database a copy
made with SQLite's online backup API, ``db.sqlite3``), ``media.tar.gz`` (the whole
``MEDIA_ROOT``) and ``manifest.json``. The database comes from ``DATABASE_URL`` and the media
folder from ``MEDIA_ROOT``, with the same defaults as ``unionsite/settings.py``; no
``SECRET_KEY`` is needed, so the script runs from cron or a systemd timer with just those two.

Restore replaces the database objects (``pg_restore --clean --if-exists``, one transaction)
and moves the current media folder aside to ``<MEDIA_ROOT>.before-restore-<stamp>`` before
unpacking, so a mistaken restore loses nothing. Run it with the app servers stopped (or in
maintenance) and clear the cache afterwards (``redis-cli -n <db> FLUSHDB``) so no page
built from the old data is served.
"""

import argparse
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import dj_database_url

ROOT = Path(__file__).resolve().parent.parent


def database_config() -> dict:
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'db.sqlite3'}"
    return dj_database_url.parse(url)


def media_root() -> Path:
    return Path(os.environ.get("MEDIA_ROOT") or ROOT / "media")


def _pg_args(db: dict) -> tuple[list[str], dict[str, str]]:
    args = []
    if db.get("HOST"):
        args += ["-h", str(db["HOST"])]
    if db.get("PORT"):
        args += ["-p", str(db["PORT"])]
    if db.get("USER"):
        args += ["-U", str(db["USER"])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _is_postgres(db: dict) -> bool:
    return "postgresql" in db["ENGINE"]


def backup(dest_root: Path) -> Path:
    """Write a new backup folder under dest_root and return it."""
    db = database_config()
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    dest = dest_root / stamp
    dest.mkdir(parents=True, exist_ok=False)
    if _is_postgres(db):
        args, env = _pg_args(db)
        db_file = dest / "db.dump"
        subprocess.run(
            [
                "pg_dump",
                "-Fc",
                "--no-owner",
                "--no-privileges",
                *args,
                "-f",
                str(db_file),
                db["NAME"],
            ],
            env=env,
            check=True,
        )
    else:
        db_file = dest / "db.sqlite3"
        source = sqlite3.connect(db["NAME"])
        target = sqlite3.connect(db_file)
        with target:
            source.backup(target)
        source.close()
        target.close()

    media = media_root()
    media_file = dest / "media.tar.gz"
    with tarfile.open(media_file, "w:gz") as tar:
        if media.is_dir():
            for child in sorted(media.iterdir()):
                tar.add(child, arcname=child.name)
    manifest = {
        "created_at": stamp,
        "engine": "postgresql" if _is_postgres(db) else "sqlite",
        "database": db["NAME"] if _is_postgres(db) else Path(db["NAME"]).name,
        "database_file": db_file.name,
        "database_bytes": db_file.stat().st_size,
        "media_files": sum(1 for p in media.rglob("*") if p.is_file()) if media.is_dir() else 0,
        "media_bytes": media_file.stat().st_size,
    }
    (dest / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return dest


def restore(source: Path) -> None:
    """Replace the database and media folder with the backup in source."""
    manifest = json.loads((source / "manifest.json").read_text())
    db = database_config()
    if manifest["engine"] == "postgresql":
        if not _is_postgres(db):
            raise SystemExit("restore: this backup is PostgreSQL but DATABASE_URL is not.")
        args, env = _pg_args(db)
        subprocess.run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                *args,
                "-d",
                db["NAME"],
                str(source / "db.dump"),
            ],
            env=env,
            check=True,
        )
    else:
        if _is_postgres(db):
            raise SystemExit("restore: this backup is SQLite but DATABASE_URL is PostgreSQL.")
        backup_db = sqlite3.connect(source / "db.sqlite3")
        live = sqlite3.connect(db["NAME"])
        with live:
            backup_db.backup(live)
        backup_db.close()
        live.close()

    media = media_root()
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    media.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=media.parent))
    with tarfile.open(source / "media.tar.gz", "r:gz") as tar:
        tar.extractall(staging, filter="data")  # "data" refuses absolute paths and ../ escapes
    if media.exists():
        media.rename(media.with_name(f"{media.name}.before-restore-{stamp}"))
    staging.rename(media)
    media.chmod(0o755)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("backup", help="write var/backups/<timestamp>/")
    make.add_argument("--dest", type=Path, default=ROOT / "var" / "backups")
    back = sub.add_parser("restore", help="restore from a backup folder")
    back.add_argument("source", type=Path)
    options = parser.parse_args(argv)
    if options.command == "backup":
        dest = backup(options.dest)
        print(f"backup: written to {dest}")
        print((dest / "manifest.json").read_text(), end="")
    else:
        if not (options.source / "manifest.json").is_file():
            raise SystemExit(f"restore: {options.source} is not a backup folder (no manifest.json)")
        restore(options.source)
        print(f"restore: database and media restored from {options.source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
