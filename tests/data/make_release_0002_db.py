"""Make `tests/data/release_0002.db`: a database as the release before jurisdictions left it.

The file is a fixture for `tests/store/test_migration_0003.py`, which upgrades a
copy and checks that agencies shared by two provinces are split and nothing is
lost. It must be made by the *previous* release's code (schema revision 0002),
so run this script in a checkout of commit e0bb03e, not in the current tree:

    git worktree add /tmp/kehoach-0002 e0bb03e
    cd /tmp/kehoach-0002 && /path/to/.venv/bin/python \
        /path/to/tests/data/make_release_0002_db.py /path/to/tests/data/release_0002.db
    git worktree remove /tmp/kehoach-0002

(PYTHONPATH=/tmp/kehoach-0002/src so the old package is the one imported.)

What it holds: the three sample plans (000, 001 of Cao Bằng; 002 of Điện Biên),
so `Sở Văn hóa, Thể thao và Du lịch` and others are one agency shared by both
provinces; five accounts (admin, officer, viewer; `reporter` of Sở VHTTDL who
reported twice on Cao Bằng tasks (plan 001) and once on a Điện Biên task; `reporter_db`
of Sở VHTTDL who reported only on a Điện Biên task); and one deadline extension.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from kehoach.model import parse_record
from kehoach.services import importing, reports, tasks, users
from kehoach.services.agencies import find_agency
from kehoach.store.db import cached_engine, session_scope, upgrade_database

EXPECTED = Path(__file__).resolve().parent / "samples" / "expected"
WHEN = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


def main(out: Path) -> None:
    out.unlink(missing_ok=True)
    url = f"sqlite:///{out}"
    upgrade_database(url)
    with session_scope(url) as db:
        plan_ids = {}
        for path in sorted(EXPECTED.glob("[0-9][0-9][0-9]_*.json")):  # the release's samples
            record = parse_record(json.loads(path.read_text(encoding="utf-8")))
            plan_ids[path.stem[:3]] = importing.import_record(db, record).plan_id
        so = find_agency(db, "Sở VHTTDL")
        admin = users.create_user(db, "admin", "admin-pass-1", "admin")
        officer = users.create_user(db, "officer", "officer-pass-1", "officer")
        users.create_user(db, "viewer", "viewer-pass-1", "viewer")
        reporter = users.create_user(db, "reporter", "reporter-pass-1", "reporter", so.id)
        reporter_db = users.create_user(db, "reporter_db", "reporter-pass-2", "reporter", so.id)

        def lead(plan: str) -> list[int]:
            rows = tasks.list_tasks(
                db, user=admin, plan_id=plan_ids[plan], agency_id=so.id, role="lead", per_page=50
            ).items
            return [r.id for r in rows]

        cb, db_ = lead("001"), lead("002")
        for task_id, who, percent in [
            (cb[0], reporter, 40),
            (cb[1], reporter, 100),
            (db_[0], reporter, 20),
            (db_[1], reporter_db, 60),
        ]:
            reports.submit_report(
                db,
                task_id=task_id,
                user=who,
                status="hoan_thanh" if percent == 100 else "dang_trien_khai",
                percent=percent,
                done_text=f"Báo cáo thử {percent}%.",
                now=WHEN,
            )
        windowed = [
            r
            for r in tasks.list_tasks(db, user=admin, plan_id=plan_ids["002"], per_page=100).items
            if r.original_deadline
        ]
        tasks.extend_deadline(
            db,
            windowed[0].id,
            windowed[0].original_deadline.replace(year=windowed[0].original_deadline.year + 1),
            "Chờ kinh phí.",
            officer,
        )
    cached_engine(url).dispose()
    print(f"{out}: {len(plan_ids)} plans")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
