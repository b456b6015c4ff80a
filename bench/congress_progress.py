"""Time the congress progress query with many unions (PostgreSQL or SQLite).

    DEBUG=1 DATABASE_URL=postgres://... .venv/bin/python bench/congress_progress.py [unions]

Creates 30 federations and N grassroots unions with congresses in varied states inside a
transaction that is rolled back, then times ``progress_table`` and the union list page query.
"""

import datetime
import os
import sys
import time

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings")
django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from congresses.models import Congress, Organisation, Term  # noqa: E402
from congresses.selectors import progress_table, union_statuses  # noqa: E402

UNIONS = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
STATES = [
    {"status": "held", "held_on": datetime.date(2023, 2, 1)},
    {"status": "planned"},
    {"status": "postponed"},
    {"status": "not_required", "not_required_reason": "dissolved"},
]


class Rollback(Exception):
    pass


try:
    with transaction.atomic():
        term = Term.objects.create(
            start_year=2093, end_year=2098, grassroots_deadline=datetime.date(2093, 3, 31)
        )
        province = Organisation.objects.create(
            name="Bench tỉnh", level="province", slug="bench-tinh"
        )
        federations = Organisation.objects.bulk_create(
            Organisation(
                name=f"Bench LĐLĐ {n}",
                slug=f"bench-ldld-{n}",
                level="federation",
                federation_kind="district",
                parent=province,
            )
            for n in range(30)
        )
        unions = Organisation.objects.bulk_create(
            Organisation(
                name=f"Bench CĐCS {n}",
                slug=f"bench-cdcs-{n}",
                level="grassroots",
                grassroots_type="school",
                parent=federations[n % 30],
            )
            for n in range(UNIONS)
        )
        Congress.objects.bulk_create(
            Congress(organisation=u, term=term, **STATES[n % 4])
            for n, u in enumerate(unions)
            if n % 5
        )
        for label, run in [
            ("progress_table", lambda: progress_table(term, today=datetime.date(2094, 1, 1))),
            (
                "union list page (50 rows)",
                lambda: list(union_statuses(term, today=datetime.date(2094, 1, 1))[:50]),
            ),
        ]:
            run()
            timings = []
            for _ in range(5):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    run()
                    timings.append(time.perf_counter() - started)
            print(
                f"{label}: {UNIONS} unions, {len(queries)} queries, "
                f"median {sorted(timings)[2] * 1000:.1f} ms ({connection.vendor})"
            )
        raise Rollback
except Rollback:
    pass
