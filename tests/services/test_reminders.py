"""Reminders end to end: planned from the samples' deadlines, e-mailed to a local SMTP server.

Plan 002 (Điện Biên's plan carrying out Nghị quyết 80) has three tasks due 31/03/2026:
I.1 and I.5 led by Ban Tuyên giáo và Dân vận Tỉnh ủy (directed by Thường trực Tỉnh ủy),
I.2 led by Sở Văn hóa, Thể thao và Du lịch (directed by Đảng ủy Ủy ban nhân dân tỉnh).
"""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

BASE_URL = "https://kehoach.caobang.gov.vn"
PLAN_002 = "002_06834df7b106b0a8.txt"  # Điện Biên's
SO_VHTTDL = "Sở Văn hóa, Thể thao và Du lịch"
BTG = "Ban Tuyên giáo và Dân vận Tỉnh ủy"
DIRECTING_I2 = "Đảng ủy Ủy ban nhân dân tỉnh"


@pytest.fixture
def people(session, users):
    """The conftest accounts with addresses, plus a reporter of another agency and a leader
    of the body directing I.2: username -> UserView."""
    from kehoach.services.notifications import set_email
    from kehoach.services.users import create_user

    out = dict(users)  # their reporter is Cao Bằng's Sở VHTTDL: plan 002 is Điện Biên's
    db = "Điện Biên"
    out["vhdb"] = create_user(session, "vhdb", "vhdb-pass-1", "reporter", SO_VHTTDL, None, db)
    out["btg"] = create_user(session, "btg", "btg-pass-1", "reporter", BTG, None, db)
    out["lanhdao"] = create_user(
        session, "lanhdao", "lanhdao-pass-1", "viewer", DIRECTING_I2, None, db
    )
    out["officer_cb"] = create_user(
        session, "officer_cb", "officer-cb-1", "officer", None, None, "Cao Bằng"
    )
    for name, user in out.items():
        set_email(session, user.id, f"{name}@example.vn", None)
    session.commit()
    return out


@pytest.fixture
def mail_settings(settings, smtp_server):
    port, _ = smtp_server
    return settings.model_copy(
        update={
            "smtp_host": "127.0.0.1",
            "smtp_port": port,
            "smtp_tls": "none",
            "public_base_url": BASE_URL,
        }
    )


@pytest.fixture
def sessions(db_url):
    from kehoach.store.db import cached_engine

    return sessionmaker(cached_engine(db_url), expire_on_commit=False)


def task_id(session, imported, key: str) -> int:
    from kehoach.store.tables import Task

    plan = imported[PLAN_002].plan_id
    return session.scalar(select(Task.id).where(Task.plan_id == plan, Task.key == key))


def run(sessions, on, settings, **kw):
    from kehoach.services.reminder_log import run_reminders

    return run_reminders(sessions, on, settings, **kw)


def test_dry_run_lists_and_records_nothing(sessions, session, people, mail_settings, smtp_server):
    from kehoach.store.tables import Notification, Reminder

    result = run(sessions, date(2026, 3, 25), mail_settings, dry_run=True)
    kinds = {(i.kind, i.username, i.task_key) for i in result.planned}
    assert ("due_soon", "vhdb", "I.2") in kinds
    assert ("due_soon", "btg", "I.1") in kinds and ("due_soon", "btg", "I.5") in kinds
    assert ("digest", "officer", None) in kinds
    assert session.scalar(select(func.count(Reminder.id))) == 0
    assert session.scalar(select(func.count(Notification.id))) == 0
    assert smtp_server[1].messages == []


def test_due_soon_delivered_in_vietnamese_once(
    sessions, session, imported, people, mail_settings, smtp_server
):
    _, box = smtp_server
    first = run(sessions, date(2026, 3, 25), mail_settings)
    assert first.failed == 0 and first.errors == []
    [mail] = box.to("vhdb@example.vn")
    assert mail["Subject"] == "[kehoach] Nhiệm vụ I.2 sắp đến hạn (31/03/2026)"
    text = box.text(mail)
    assert "Kính gửi vhdb," in text
    assert "Thời hạn: thời hạn 31/03/2026, còn 6 ngày" in text
    assert "Cơ quan: Sở Văn hóa, Thể thao và Du lịch" in text
    i2 = task_id(session, imported, "I.2")
    assert f"Xem và cập nhật: {BASE_URL}/tasks/{i2}" in text
    assert "Kế hoạch: " in text and "Nghị quyết" in text
    html = box.html(mail)
    assert f'href="{BASE_URL}/tasks/{i2}"' in html and 'lang="vi"' in html
    [btg] = box.to("btg@example.vn")
    assert btg["Subject"] == "[kehoach] Nhắc việc ngày 25/03/2026: 2 việc cần theo dõi"
    [digest] = box.to("officer@example.vn")
    assert digest["Subject"] == "[kehoach] Tổng hợp tình hình thực hiện kế hoạch ngày 25/03/2026"
    assert "Tổng số nhiệm vụ:" in box.text(digest)
    count = len(box.messages)

    again = run(sessions, date(2026, 3, 25), mail_settings)
    assert again.planned == [] and again.recorded == 0 and again.messages == 0
    assert len(box.messages) == count


def test_reporters_only_hear_of_their_own_agencys_tasks(
    sessions, session, imported, people, mail_settings, smtp_server
):
    from kehoach.store.tables import Reminder, TaskAgency, User

    _, box = smtp_server
    for day in (date(2026, 3, 25), date(2026, 4, 1), date(2026, 6, 15), date(2026, 6, 21)):
        run(sessions, day, mail_settings)
    rows = session.execute(
        select(Reminder.task_id, Reminder.tasks, User.agency_id, Reminder.kind)
        .join(User, User.id == Reminder.user_id)
        .where(User.role == "reporter")
    ).all()
    assert {kind for *_, kind in rows} == {"due_soon", "overdue", "report_due", "report_missed"}
    for tid, duty_tasks, agency_id, _ in rows:
        ids = [tid] if tid else [int(t) for t in duty_tasks.split(",")]
        assert ids
        for one in ids:
            named = set(
                session.scalars(
                    select(TaskAgency.agency_id).where(
                        TaskAgency.task_id == one, TaskAgency.role.in_(("lead", "coordinating"))
                    )
                )
            )
            assert agency_id in named
    i1, i5 = task_id(session, imported, "I.1"), task_id(session, imported, "I.5")
    for mail in box.to("vhdb@example.vn"):
        text = box.text(mail)
        assert f"/tasks/{i1}\n" not in text and f"/tasks/{i5}\n" not in text
        assert "Cơ quan: Ban Tuyên giáo" not in text


def test_a_reporting_duty_is_one_reminder_listing_its_tasks(
    sessions, session, imported, people, mail_settings, smtp_server
):
    _, box = smtp_server
    planned = run(sessions, date(2026, 6, 15), mail_settings).planned
    [duty] = [i for i in planned if i.kind == "report_due" and i.username == "vhdb"]
    assert duty.task_id is None and len(duty.tasks) > 1
    assert duty.plan_id == imported[PLAN_002].plan_id
    # Cao Bằng's Sở VHTTDL (same name, another agency) hears of Cao Bằng's plans only
    theirs = [i for i in planned if i.username == "reporter"]
    assert theirs and all(i.plan_id != duty.plan_id for i in theirs)
    assert not {t.id for i in theirs for t in i.tasks} & {t.id for t in duty.tasks}
    [mail] = box.to("vhdb@example.vn")
    text = box.text(mail)
    assert "Sắp đến hạn gửi báo cáo 6 tháng đầu năm 2026 (20/06/2026):" in text
    assert "Thời hạn: thời hạn 20/06/2026, còn 5 ngày" in text
    assert "Nhiệm vụ chưa báo cáo:" in text
    sheet = f"{BASE_URL}/plans/{duty.plan_id}/period-sheet?period=2026-H1"
    assert f"Báo cáo cả kỳ trên một trang: {sheet}" in text
    i2 = task_id(session, imported, "I.2")
    assert "- I.2. Ban hành Kế hoạch thực hiện" in text and f"{BASE_URL}/tasks/{i2}" in text

    # 14 days after the due date the late agency's missing reports go up, not to it
    later = run(sessions, date(2026, 7, 5), mail_settings).planned
    assert not [i for i in later if i.username == "vhdb"]
    up = [i for i in later if i.kind == "escalation" and i.period == "2026-H1"]
    leader = [i for i in up if i.username == "lanhdao"]
    officer = [i for i in up if i.username == "officer"]
    assert leader and officer
    from kehoach.store.tables import TaskAgency

    directing = set(
        session.scalars(
            select(TaskAgency.task_id).where(
                TaskAgency.agency_id == people["lanhdao"].agency_id,
                TaskAgency.role == "directing",
            )
        )
    )
    assert all(t.id in directing for i in leader for t in i.tasks)
    assert sum(len(i.tasks) for i in officer) > sum(len(i.tasks) for i in leader)


def test_escalation_reaches_the_directing_body_and_the_officer(
    sessions, session, imported, people, mail_settings, smtp_server
):
    _, box = smtp_server
    result = run(sessions, date(2026, 4, 20), mail_settings)  # 20 days after 31/03
    assert {i.kind for i in result.planned} == {"escalation", "digest"}
    [leader] = box.to("lanhdao@example.vn")
    text = box.text(leader)
    assert leader["Subject"] == (
        "[kehoach] Nhiệm vụ I.2 của Sở Văn hóa, Thể thao và Du lịch quá hạn từ 31/03/2026"
    )
    assert "đã quá hạn 20 ngày" in text and "I.1" not in text
    [digest] = box.to("officer@example.vn")  # the escalations are told inside the digest
    assert "Tổng hợp" in digest["Subject"]
    assert "Việc quá hạn đã báo cáo lãnh đạo hôm nay (3)" in box.text(digest)
    assert "Nhiệm vụ I.2 của Sở Văn hóa, Thể thao và Du lịch quá hạn từ 31/03/2026" in box.text(
        digest
    )
    assert box.to("vhdb@example.vn") == []  # past M days only the leaders are told
    # nor is an officer of another province, or Cao Bằng's Sở VHTTDL
    assert not [
        i for i in result.planned if i.username in ("officer_cb", "reporter") and i.kind != "digest"
    ]
    [cb_digest] = box.to("officer_cb@example.vn")  # its digest: Cao Bằng's plans only
    assert "Việc quá hạn đã báo cáo lãnh đạo" not in box.text(cb_digest)
    assert "Điện Biên" not in box.text(cb_digest)


def test_in_app_notifications_once_per_reminder(sessions, session, people, mail_settings):
    from kehoach.services import notifications

    run(sessions, date(2026, 3, 25), mail_settings)
    run(sessions, date(2026, 3, 25), mail_settings)
    reporter = people["vhdb"]
    assert notifications.unread_count(session, reporter) == 1
    [n] = notifications.list_notifications(session, reporter).items
    assert n.title == "Nhiệm vụ I.2 sắp đến hạn (31/03/2026)" and n.link.startswith("/tasks/")
    notifications.mark_read(session, reporter, n.id)
    assert notifications.unread_count(session, reporter) == 0
    from kehoach.errors import NotFound

    with pytest.raises(NotFound):
        notifications.mark_read(session, people["btg"], n.id)


def test_failed_mail_is_retried(sessions, session, people, mail_settings, smtp_server):
    from kehoach.store.tables import Reminder

    _, box = smtp_server
    box.refuse = True
    first = run(sessions, date(2026, 3, 25), mail_settings)
    assert first.failed > 0 and "451" in first.errors[0]
    states = set(session.scalars(select(Reminder.state)))
    assert states == {"failed"}
    box.refuse = False
    second = run(sessions, date(2026, 3, 26), mail_settings)
    session.expire_all()
    assert second.failed == 0
    assert set(session.scalars(select(Reminder.state))) == {"sent"}
    assert len(box.to("vhdb@example.vn")) == 1


def test_without_smtp_reminders_stay_in_the_app(sessions, session, people, settings):
    from kehoach.store.tables import Reminder

    result = run(sessions, date(2026, 3, 25), settings)
    assert result.messages == 0 and result.in_app_only == result.recorded > 0
    assert set(session.scalars(select(Reminder.state))) == {"in_app"}


@pytest.mark.slow  # threads racing on a real SMTP server
def test_concurrent_runs_send_each_reminder_once(sessions, people, mail_settings, smtp_server):
    _, box = smtp_server
    errors: list[BaseException] = []

    def go():
        try:
            run(sessions, date(2026, 3, 25), mail_settings)
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=go) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors and "locked" not in str(errors[0]):
        raise errors[0]
    run(sessions, date(2026, 3, 25), mail_settings)  # whatever a locked run left
    recipients = [m["To"] for m in box.messages]
    assert sorted(recipients) == sorted(set(recipients))


def test_plan_policy_changes_the_days_before(sessions, session, imported, people, mail_settings):
    from kehoach.errors import ValidationError
    from kehoach.services.reminder_policies import get_policy, set_policy
    from kehoach.services.reminders import plan_reminders

    plan = imported[PLAN_002].plan_id
    assert get_policy(session, plan, mail_settings).days_before == 7
    day = date(2026, 3, 17)  # 14 days before 31/03
    assert not [i for i in plan_reminders(session, day, mail_settings) if i.kind == "due_soon"]
    set_policy(session, plan, None, days_before=14, officer="officer", settings=mail_settings)
    assert [i for i in plan_reminders(session, day, mail_settings) if i.kind == "due_soon"]
    with pytest.raises(ValidationError, match="not an officer"):
        set_policy(session, plan, None, officer="btg")
    with pytest.raises(ValidationError, match="another jurisdiction"):
        set_policy(session, plan, None, officer="officer_cb")
    from kehoach.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        set_policy(session, plan, people["officer_cb"], days_before=3)
    with pytest.raises(ValidationError) as err:
        set_policy(session, plan, None, days_before=90)
    assert err.value.field == "days_before"


def test_a_task_without_news_for_stalled_days_reminds_its_lead(
    sessions, session, imported, people, mail_settings, smtp_server
):
    from datetime import UTC, datetime

    from kehoach.services.reports import submit_report

    i2 = task_id(session, imported, "I.2")
    submit_report(
        session,
        task_id=i2,
        user=people["vhdb"],
        status="dang_trien_khai",
        percent=20,
        period="2026-H1",
        now=datetime(2026, 1, 5, 3, 0, tzinfo=UTC),
    )
    session.commit()
    settings = mail_settings.model_copy(update={"stalled_days": 30})
    run(sessions, date(2026, 2, 20), settings)  # 46 days without news, deadline 31/03
    [mail] = smtp_server[1].to("vhdb@example.vn")
    assert mail["Subject"] == "[kehoach] Nhiệm vụ I.2 chưa được cập nhật từ ngày 05/01/2026"
    assert "cập nhật lần cuối ngày 05/01/2026 (46 ngày trước)" in smtp_server[1].text(mail)
    assert smtp_server[1].to("btg@example.vn") == []


def test_the_schedule_is_a_crontab_line(settings):
    from kehoach.errors import KehoachError
    from kehoach.services.scheduler import start_background, trigger

    assert "hour='7-17'" in str(trigger(settings))
    with pytest.raises(KehoachError, match="is not a crontab line"):
        trigger(settings.model_copy(update={"remind_schedule": "every morning"}))
    assert start_background(settings.model_copy(update={"reminders_in_app": False})) is None
    scheduler = start_background(settings)
    try:
        [job] = scheduler.get_jobs()
        assert job.id == "reminders" and job.next_run_time.hour in range(7, 18)
    finally:
        scheduler.shutdown(wait=False)


def test_the_app_starts_and_stops_the_job(settings):
    from fastapi.testclient import TestClient

    from kehoach.web.app import create_app

    app = create_app(settings)
    with TestClient(app) as client:
        assert client.get("/login").status_code == 200
        scheduler = app.state.reminder_scheduler
        assert scheduler.running and scheduler.get_job("reminders") is not None
    assert not scheduler.running
    off = create_app(settings.model_copy(update={"reminders_in_app": False}))
    with TestClient(off):
        assert off.state.reminder_scheduler is None
