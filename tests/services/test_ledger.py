"""The follow-up book (sổ theo dõi) and the list exports: columns, filters, real values."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from kehoach.errors import ValidationError
from kehoach.services import demo, exports, ledger, users

ON = date(2026, 6, 20)


@pytest.fixture
def officer(session):
    demo.seed_demo(session, today=date(2026, 6, 12))
    session.commit()
    return users.authenticate(session, "officer", "officer-demo")


def _sheet(content: bytes):
    return load_workbook(io.BytesIO(content)).worksheets[0]


def test_ledger_columns_are_the_paper_ledger(session, officer):
    ws = _sheet(ledger.ledger_xlsx(session, 1, officer, on=ON))
    assert ws.title == "Sổ theo dõi"
    assert ws["A1"].value == "SỔ THEO DÕI THỰC HIỆN NHIỆM VỤ"
    head = [c.value for c in ws[4]]
    assert head == [
        "STT",
        "Nội dung nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời hạn",
        "Tiến độ/Kết quả",
        "Tình trạng",
        "Ghi chú",
    ]
    assert ws.freeze_panes == "A5"
    rows = list(ws.iter_rows(min_row=5, values_only=True))
    assert rows[0][0] == "I" and ws["A5"].font.bold  # the first task group's heading
    tasks = [r for r in rows if r[0] and r[0].isdigit()]
    assert len(tasks) == 44 and tasks[0][0] == "1"
    assert any("70% — " in (r[5] or "") for r in tasks)  # the agencies' words with progress
    assert any(isinstance(r[4], datetime) for r in tasks)  # deadlines are dates


def test_ledger_filters_as_in_the_task_table(session, officer):
    book = ledger.ledger(session, 1, officer, on=ON, status="not_started", q="di san")
    assert book.rows and all(r.status == "Chưa bắt đầu" for r in book.rows if not r.heading)
    assert all("di sản" in r.text.lower() for r in book.rows if not r.heading)
    with pytest.raises(ValidationError, match="no filter"):
        ledger.ledger(session, 1, officer, on=ON, colour="red")
    text = ledger.ledger_csv(session, 1, officer, on=ON).decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(text)))[0] == "STT"


def test_list_exports(session, officer):
    tasks = exports.export(exports.tasks_table(session, officer, ON, plan_id=1), "xlsx", "x")
    ws = _sheet(tasks.content)
    assert ws.max_row == 1 + 2 + 44  # title, blank, heading + 44 tasks
    head = [c.value for c in ws[3]]
    assert isinstance(ws.cell(row=4, column=head.index("Kế hoạch") + 1).value, int)
    agencies = exports.export(exports.agencies_table(session, officer, ON, plan_id=1), "csv", "a")
    rows = list(csv.reader(io.StringIO(agencies.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["STT", "Cơ quan chủ trì", "Tổng số nhiệm vụ"]
    assert agencies.content.startswith("\ufeff".encode())
    received = exports.reports_table(session, officer, plan_id=1, period="2026-H1")
    assert len(received.rows) >= 20 and {r[0] for r in received.rows} == {"2026-H1"}
    reporter = users.authenticate(session, "reporter", "reporter-demo")
    own = exports.reports_table(session, reporter)
    assert own.rows and all(r[2] == demo.DEMO_AGENCY for r in own.rows)
    assert len(exports.plans_table(session, officer).rows) == 2  # Cao Bằng's two plans
    viewer = users.authenticate(session, "viewer", "viewer-demo")  # national
    assert len(exports.plans_table(session, viewer).rows) == 3
    with pytest.raises(ValidationError):
        exports.export(received, "pdf", "r")
