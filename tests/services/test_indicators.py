"""Indicators from target metrics, values entered and approved, uploads, roll-ups."""

from __future__ import annotations

import io
from datetime import date

import pytest
from sqlalchemy import select

from kehoach.errors import NotFound, PermissionDenied, RowsRejected, ValidationError
from kehoach.services import indicator_figures, indicator_upload, indicator_values, indicators
from kehoach.services.jurisdictions import find_jurisdiction, list_communes
from kehoach.services.users import create_user
from kehoach.store.tables import Metric, Target

CAO_BANG_PLAN = "000_c6c358976faa1d91.txt"


def _metric(session, plan_id: int, key: str, position: int = 0) -> int:
    return session.scalar(
        select(Metric.id)
        .join(Target, Target.id == Metric.target_id)
        .where(Target.plan_id == plan_id, Target.key == key, Metric.position == position)
    )


@pytest.fixture
def houses(session, imported, users):
    """Cao Bằng's "xóm, tổ dân phố có nhà văn hóa" (100% by 2030) as an indicator."""
    plan_id = imported[CAO_BANG_PLAN].plan_id
    ind = indicators.from_metric(session, _metric(session, plan_id, "t1", 1), users["officer"])
    session.commit()
    return ind


def test_indicator_from_metric(session, houses, imported, users):
    assert houses.kind == "ratio" and houses.level == "commune" and houses.unit == "%"
    assert houses.target_value == 100 and houses.deadline == date(2030, 12, 31)
    assert houses.jurisdiction_name == "Cao Bằng"
    again = indicators.from_metric(
        session, _metric(session, houses.plan_id, "t1", 1), users["officer"]
    )
    assert again.id == houses.id
    digit = indicators.from_metric(
        session, _metric(session, houses.plan_id, "t3", 0), users["officer"]
    )
    assert digit.source == "heritage_digitized" and digit.deadline == date(2026, 12, 31)
    # another province's officer does not even see the plan
    other = create_user(
        session, "officer_db", "pw-officer-db-1", "officer", jurisdiction="Điện Biên"
    )
    with pytest.raises(NotFound):
        indicators.from_metric(session, _metric(session, houses.plan_id, "t2", 0), other)
    with pytest.raises(NotFound):  # an anonymous visitor does not see a private plan's
        indicators.get_indicator(session, houses.id, None)


def test_enter_submit_approve_and_revise(session, houses, users):
    communes = list_communes(session, houses.jurisdiction_id)
    first, second = communes[0], communes[1]
    reporter, officer = users["reporter"], users["officer"]
    v = indicator_values.enter_value(
        session, houses.id, reporter, unit_id=first.id, period="2026", numerator=18, denominator=24
    )
    assert v.state == "entered" and v.figure == 75.0
    with pytest.raises(ValidationError, match="larger than the denominator"):
        indicator_values.enter_value(
            session, houses.id, reporter, unit_id=second.id, period="2026",
            numerator=30, denominator=24,
        )  # fmt: skip
    indicator_values.submit_values(session, [v.id], reporter)
    with pytest.raises(PermissionDenied):
        indicator_values.approve_values(session, [v.id], reporter)
    assert indicator_values.approve_values(session, [v.id], officer) == 1
    w = indicator_values.enter_value(
        session, houses.id, reporter, unit_id=second.id, period="2026", numerator=10,
        denominator=40, submit=True,
    )  # fmt: skip
    indicator_values.approve_values(session, [w.id], officer)
    figures = indicator_figures.indicator_figures(session, houses.id, officer, on=date(2027, 1, 5))
    # sums of numerators and denominators: 28 / 64 = 43.75 %, not the mean of 75 and 25
    assert figures.latest is not None and figures.latest.figure == pytest.approx(43.75)
    assert figures.completeness is not None and figures.completeness.reported == 2
    assert figures.completeness.expected == len(communes)
    # an approved value changes only by a new revision
    r2 = indicator_values.enter_value(
        session, houses.id, reporter, unit_id=first.id, period="2026", numerator=20, denominator=24
    )
    assert r2.revision == 2 and r2.id != v.id
    still = indicator_figures.indicator_figures(session, houses.id, officer, on=date(2027, 1, 5))
    assert still.latest.figure == pytest.approx(43.75)
    indicator_values.submit_values(session, [r2.id], reporter)
    indicator_values.approve_values(session, [r2.id], officer)
    after = indicator_figures.indicator_figures(session, houses.id, officer, on=date(2027, 1, 5))
    assert after.latest.figure == pytest.approx(100 * 30 / 64)
    history = indicator_values.list_values(session, houses.id, officer, history=True)
    assert [(h.revision, h.superseded) for h in history if h.unit_id == first.id] == [
        (1, True),
        (2, False),
    ]
    session.commit()


def _csv(text: str) -> bytes:
    return text.encode("utf-8-sig")


def test_upload_rejects_bad_rows_and_saves_nothing(session, houses, users):
    communes = list_communes(session, houses.jurisdiction_id)
    a, b = communes[0].code, communes[1].code
    bad = _csv(
        "Mã đơn vị,Kỳ,Tử số,Mẫu số\n"
        f"{a},2026,10,20\n"
        f"{b},2026,30,20\n"  # numerator above denominator
        f"{a},2026,11,20\n"  # duplicate
        "99999,2026,1,2\n"  # unknown commune
    )
    with pytest.raises(RowsRejected) as caught:
        indicator_upload.upload_values(session, houses.id, users["reporter"], bad, "so-lieu.csv")
    rows = dict(caught.value.problems)
    assert set(rows) == {3, 4, 5}
    assert "larger than the denominator" in rows[3]
    assert "duplicate of row 2" in rows[4]
    assert "unknown commune code '99999'" in rows[5]
    assert indicator_values.list_values(session, houses.id, users["officer"]) == []
    good = _csv(f'Mã đơn vị,Kỳ,Tử số,Mẫu số\n{a},2026,10,20\n{b},2026,"5",20\n')
    result = indicator_upload.upload_values(
        session, houses.id, users["reporter"], good, "so-lieu.csv", submit=True
    )
    assert result.saved == 2
    assert {
        v.state for v in indicator_values.list_values(session, houses.id, users["officer"])
    } == {"submitted"}


def test_template_roundtrip_and_share_above_100(session, houses, imported, users):
    from openpyxl import load_workbook

    content, _name = indicator_upload.template(session, houses.id, users["officer"], "2026")
    book = load_workbook(io.BytesIO(content))
    sheet = book.active
    header_row = next(r for r in sheet.iter_rows(values_only=True) if r and r[0] == "Mã đơn vị")
    assert header_row[:5] == ("Mã đơn vị", "Tên đơn vị", "Kỳ", "Tử số", "Mẫu số")
    # a plain-value share indicator refuses 120 %
    plan_id = imported[CAO_BANG_PLAN].plan_id
    budget = indicators.from_metric(session, _metric(session, plan_id, "t6", 0), users["officer"])
    budget = indicators.update_indicator(session, budget.id, users["officer"], kind="value")
    province = find_jurisdiction(session, "Cao Bằng")
    with pytest.raises(RowsRejected, match="above 100%"):
        indicator_upload.upload_values(
            session, budget.id, users["officer"], _csv(f"Mã đơn vị,Kỳ,Giá trị\n{province.code},2026,120\n"),
            "ngan-sach.csv",
        )  # fmt: skip


def test_targets_panel(session, houses, imported, users):
    panel = indicator_figures.targets_panel(session, houses.plan_id, users["officer"])
    assert len(panel) >= 11
    measured = [p for p in panel if p.indicator is not None]
    assert [p.indicator.id for p in measured] == [houses.id]
    assert measured[0].trajectory is not None and measured[0].trajectory.code == "no_data"
