"""The period report on the demo data: DOCX in the provinces' layout, XLSX, PDF, edits, issues."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from kehoach.errors import NotFound, PermissionDenied, ValidationError
from kehoach.services import dashboard, demo, plans, reports, users
from kehoach.services.period_report import period_report
from kehoach.services.report_issues import issue_report, list_issues, open_issue
from kehoach.services.report_texts import save_report_texts
from kehoach.services.types import SYSTEM
from kehoach.text.numbers import format_number

ROOT = Path(__file__).resolve().parents[2]
ON = date(2026, 6, 20)
SEEDED = date(2026, 6, 12)
PLAN = 1  # Cao Bằng's programme 14-CTr/TU, the first sample


@pytest.fixture(autouse=True)
def _data_dir(monkeypatch, tmp_path):
    """Issued files are kept under the data folder: a temporary one here."""
    from kehoach.settings import get_settings

    monkeypatch.setenv("KEHOACH_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def demo_db(session):
    demo.seed_demo(session, today=SEEDED)
    session.commit()
    return session


@pytest.fixture
def officer(demo_db):
    return users.authenticate(demo_db, "officer", "officer-demo")


def _docx(content: bytes):
    return Document(io.BytesIO(content))


def _texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def test_docx_has_the_official_layout(demo_db, officer):
    issued = issue_report(demo_db, PLAN, "2026-H1", officer, "docx", on=ON, today=ON)
    doc = _docx(issued.content)
    section = doc.sections[0]
    assert (round(section.left_margin.cm), round(section.right_margin.cm)) == (3, 2)
    assert round(section.page_width.cm, 1) == 21.0
    normal = doc.styles["Normal"].font
    assert normal.name == "Times New Roman" and normal.size.pt == 14

    header = doc.tables[0]
    left, right = (c.text for c in header.rows[0].cells)
    assert left.startswith("ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG")
    assert "Số:" in left and "/BC-UBND" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right
    assert "Độc lập - Tự do - Hạnh phúc" in right
    assert "Cao Bằng, ngày" in right and "tháng 6 năm 2026" in right

    texts = _texts(doc)
    title = next(p for p in doc.paragraphs if p.text == "BÁO CÁO")
    assert title.runs[0].bold and title.alignment == 1  # centred
    assert any(t.startswith("Kết quả thực hiện Chương trình số 14-CTr/TU") for t in texts)
    opening = next(t for t in texts if t.startswith("Thực hiện Chương trình số 14-CTr/TU"))
    assert "6 tháng đầu năm 2026" in opening and opening.endswith("như sau:")
    heads = [t for t in texts if t[:3] in ("I. ", "II.", "III", "IV.")]
    assert [h.split(".")[0] for h in heads] == ["I", "II", "III", "IV"]
    # each agency's own words (the demo's lead agencies' reports)
    assert any("báo cáo: Đã tổ chức hội nghị quán triệt" in t for t in texts)
    assert any(t.startswith("- ") and "chưa báo cáo" in t for t in texts)  # section III
    for p in doc.paragraphs:
        for run in p.runs:
            assert run.font.size is None or 11 <= run.font.size.pt <= 14

    signature = next(t for t in doc.tables if "Nơi nhận:" in t.cell(0, 0).text)
    assert len(signature.columns) == 2
    sign = signature.cell(0, 1).text
    assert sign.startswith("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")

    # the appendix: landscape, tables STT | Chỉ tiêu | Đơn vị tính | Số liệu | Ghi chú
    assert doc.sections[-1].page_width > doc.sections[-1].page_height
    assert "PHỤ LỤC" in texts
    board = dashboard.dashboard(demo_db, on=ON, user=officer, plan_id=PLAN)
    summary = next(
        t for t in doc.tables if any(c.text == "Kết quả thống kê" for c in t.rows[0].cells)
    )
    heading = [c.text for c in summary.rows[1].cells]
    assert heading == ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"]
    figures = {r.cells[1].text: r.cells[3].text for r in summary.rows[2:]}
    assert figures["Tổng số nhiệm vụ"] == format_number(board.counts.total) == "44"
    assert figures["Đang thực hiện"] == format_number(board.counts.counts.get("in_progress", 0))
    assert figures["Chưa bắt đầu"] == format_number(board.counts.counts.get("not_started", 0))
    by_agency = next(t for t in doc.tables if t.rows[0].cells[1].text == "Cơ quan chủ trì")
    totals = {r.cells[1].text: r.cells[2].text for r in by_agency.rows[2:]}
    assert totals == {a.name: format_number(a.counts.total) for a in board.agencies}


def test_xlsx_stores_numbers_and_dates(demo_db, officer):
    issued = issue_report(demo_db, PLAN, "2026-H1", officer, "xlsx", on=ON, today=ON)
    book = load_workbook(io.BytesIO(issued.content))
    assert book.sheetnames[:4] == ["Tổng hợp", "Theo cơ quan", "Nhiệm vụ", "Chỉ tiêu"]
    summary = book["Tổng hợp"]
    rows = {r[1]: r[3] for r in summary.iter_rows(values_only=True) if r and r[1]}
    assert rows["Tổng số nhiệm vụ"] == 44 and isinstance(rows["Tổng số nhiệm vụ"], int)
    assert summary.freeze_panes == "A5"
    assert int(summary.page_setup.paperSize) == 9  # A4
    tasks = book["Nhiệm vụ"]
    head = [c.value for c in tasks[4]]
    deadline = head.index("Thời hạn")
    assert any(
        isinstance(r[deadline], datetime) for r in tasks.iter_rows(min_row=5, values_only=True)
    )
    percent = head.index("Tiến độ (%)")
    assert {70, 40} <= {r[percent] for r in tasks.iter_rows(min_row=5, values_only=True)}
    targets = book["Chỉ tiêu"]
    assert 100 in [r[3] for r in targets.iter_rows(min_row=5, values_only=True)]


@pytest.mark.slow
@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftoppm")),
    reason="needs LibreOffice and poppler-utils (./run test installs them)",
)
def test_pdf_renders_pages(demo_db, officer, db_url, tmp_path):
    issued = issue_report(demo_db, PLAN, "2026-H1", officer, "pdf", on=ON, today=ON)
    assert issued.content.startswith(b"%PDF")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(issued.content)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "2", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 2 and all(p.stat().st_size > 10_000 for p in pages)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert int(info.split("Pages:")[1].split()[0]) >= 4
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "LiberationSerif" in fonts or "Times" in fonts  # Times New Roman or its metric twin
    shots = os.environ.get("KEHOACH_SCREENSHOTS")
    if shots and db_url.startswith("sqlite"):
        for n, page in enumerate(pages, 1):
            shutil.copy(page, ROOT / shots / f"report-page-{n}.png")


def test_officer_edits_are_kept_and_changes_listed(demo_db, officer):
    save_report_texts(
        demo_db,
        PLAN,
        "2026-H1",
        officer,
        results_text="1. Kết quả nổi bật\nCác cơ quan đã triển khai đồng bộ.",
        number="125/BC-UBND",
        signer="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A",
    )
    first = issue_report(demo_db, PLAN, "2026-H1", officer, "docx", on=ON, today=ON)
    texts = _texts(_docx(first.content))
    assert "Các cơ quan đã triển khai đồng bộ." in texts
    doc = _docx(first.content)
    assert "125/BC-UBND" in doc.tables[0].cell(0, 0).text
    signature = next(t for t in doc.tables if "Nơi nhận:" in t.cell(0, 0).text)
    assert signature.cell(0, 1).text.endswith("Nguyễn Văn A")
    assert first.changes.previous is None

    again = issue_report(demo_db, PLAN, "2026-H1", officer, "docx", on=ON, today=ON)
    assert again.changes.previous.id == first.issue.id and again.changes.items == []

    task = next(t for g in first.data.groups for t in g.tasks if not t.words and t.row.lead)
    reports.submit_report(
        demo_db,
        task_id=task.row.id,
        user=officer,
        status="dang_trien_khai",
        percent=55,
        done_text="Đã hoàn thành khảo sát.",
        now=datetime(2026, 6, 18, 3, 0).astimezone(),
    )
    third = issue_report(demo_db, PLAN, "2026-H1", officer, "docx", on=ON, today=ON)
    whats = {(c.key, c.what) for c in third.changes.items}
    assert (task.row.key, "Báo cáo mới của cơ quan") in whats
    assert (task.row.key, "Tiến độ") in whats
    appendix = _texts(_docx(third.content))
    assert any(t.startswith("Những thay đổi so với báo cáo đã phát hành") for t in appendix)
    issues = list_issues(demo_db, PLAN, "2026-H1")
    assert [i.id for i in issues] == [third.issue.id, again.issue.id, first.issue.id]
    assert issues[0].issued_by == "officer" and issues[0].on == ON
    path, view, media = open_issue(demo_db, PLAN, first.issue.id, officer)
    assert path.read_bytes() == first.content and view.file_name == first.filename
    assert media.endswith("wordprocessingml.document")
    dien_bien = users.authenticate(demo_db, "officer_dienbien", "officer-dienbien-demo")
    with pytest.raises(NotFound):
        open_issue(demo_db, PLAN, first.issue.id, dien_bien)


def test_who_may_produce_it(demo_db):
    reporter = users.authenticate(demo_db, "reporter", "reporter-demo")
    viewer = users.authenticate(demo_db, "viewer", "viewer-demo")
    with pytest.raises(NotFound):  # no task of the reporter's agency in this plan
        period_report(demo_db, PLAN, "2026-H1", reporter, on=ON)
    own = plans.list_plans(demo_db, user=reporter)[0].id
    with pytest.raises(PermissionDenied, match="every agency"):
        period_report(demo_db, own, "2026-H1", reporter, on=ON)
    assert period_report(demo_db, PLAN, "2026-H1", viewer, on=ON).counts.total == 44
    with pytest.raises(PermissionDenied):
        issue_report(demo_db, PLAN, "2026-H1", viewer, "docx", on=ON)
    with pytest.raises(PermissionDenied):
        save_report_texts(demo_db, PLAN, "2026-H1", viewer, results_text="x")
    with pytest.raises(ValidationError, match="not a reporting period"):
        period_report(demo_db, PLAN, "2026-H7", SYSTEM)
    with pytest.raises(ValidationError, match="format"):
        issue_report(demo_db, PLAN, "2026-H1", SYSTEM, "odt")


def test_generated_sections_name_who_reported_and_who_did_not(demo_db, officer):
    data = period_report(demo_db, PLAN, "2026-H1", officer, on=ON, today=ON)
    assert data.period_label == "6 tháng đầu năm 2026"
    assert data.results_text.startswith("1. Tăng cường công tác lãnh đạo")
    assert "Đề nghị Sở Tài chính tham mưu bố trí kinh phí" in data.proposals_text
    missing = [s for s in data.shortfalls if s.missing]
    assert missing and data.reporting.missing == sum(len(s.missing) for s in missing)
    assert data.reporting.reported + data.reporting.missing == data.reporting.expected


def test_another_province_cannot_produce_it(demo_db):
    dien_bien = users.authenticate(demo_db, "officer_dienbien", "officer-dienbien-demo")
    with pytest.raises((NotFound, PermissionDenied)):
        period_report(demo_db, PLAN, "2026-H1", dien_bien, on=ON)
    with pytest.raises((NotFound, PermissionDenied)):
        issue_report(demo_db, PLAN, "2026-H1", dien_bien, "docx", on=ON)
    with pytest.raises((NotFound, PermissionDenied)):
        save_report_texts(demo_db, PLAN, "2026-H1", dien_bien, results_text="x")


def test_section_two_shows_the_latest_approved_figure(demo_db, officer):
    """A target with an indicator: its latest approved figure next to the planned one."""
    from kehoach.services.period_report import period_report
    from kehoach.writers.report_tables import target_items

    data = period_report(demo_db, PLAN, "2026-H1", officer, on=ON, today=ON)
    assert data.latest, "the demo's indicators have approved figures"
    rows, _ = target_items(data)
    measured = [r for r in rows if r[4] is not None]
    assert measured and all("đã duyệt" in r[5] for r in measured)
    issued = issue_report(demo_db, PLAN, "2026-H1", officer, "docx", on=ON, today=ON)
    doc = _docx(issued.content)
    table = next(
        t for t in doc.tables if [c.text for c in t.rows[0].cells][-2:] == ["Đạt được", "Ghi chú"]
    )
    assert any(r.cells[4].text for r in table.rows[1:])
