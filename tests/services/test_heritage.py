"""The heritage registry: forms with history, the import checked row by row, the registry
figures indicators are computed from (digitized national sites, ranked sites)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from kehoach.errors import PermissionDenied, RowsRejected, ValidationError
from kehoach.services import heritage, indicator_figures, indicators
from kehoach.services.jurisdictions import find_jurisdiction, list_communes
from kehoach.services.users import create_user
from kehoach.store.tables import Metric, Target

CAO_BANG_PLAN = "000_c6c358976faa1d91.txt"


def _site(name, rank="quoc_gia", state="none", on=None, decided="01/01/2010", **more):
    return {"name": name, "rank": rank, "decision_number": "1/QĐ", "decision_date": decided,
            "digitization": state, "digitized_on": on, "types": ["lich_su"], **more}  # fmt: skip


def test_sites_history_and_permissions(session, users):
    cao_bang = find_jurisdiction(session, "Cao Bằng").id
    officer = users["officer"]
    site = heritage.save_site(session, officer, _site("Pác Bó"), jurisdiction_id=cao_bang)
    changed = heritage.save_site(
        session, officer, _site("Pác Bó", "quoc_gia_dac_biet", "published", "10/03/2026"),
        site_id=site.id,
    )  # fmt: skip
    assert changed.digitized and changed.digitized_on == date(2026, 3, 10)
    fields = {h[2] for h in heritage.site_history(session, site.id, officer)}
    assert {"rank", "digitization", "digitized_on"} <= fields
    with pytest.raises(ValidationError, match="decision number"):
        heritage.save_site(
            session, officer, {"name": "Đình", "rank": "cap_tinh"}, jurisdiction_id=cao_bang
        )
    with pytest.raises(ValidationError, match="outside Việt Nam"):
        heritage.save_site(session, officer, _site("Xa", latitude="48.8"), jurisdiction_id=cao_bang)
    other = create_user(
        session, "officer_db2", "pw-officer-db-2", "officer", jurisdiction="Điện Biên"
    )
    with pytest.raises(PermissionDenied):
        heritage.save_site(session, other, _site("Đền"), jurisdiction_id=cao_bang)


def test_import_rejects_bad_rows(session, users):
    cao_bang = find_jurisdiction(session, "Cao Bằng").id
    code = list_communes(session, cao_bang)[0].code
    table = (
        "Tên di tích,Loại hình,Xếp hạng,Số quyết định,Ngày quyết định,Mã xã,Vĩ độ,Kinh độ,Số hóa\n"
        f"Đình Nà Mạ,Lịch sử,Cấp tỉnh,12/QĐ-UBND,01/02/2015,{code},22.6,106.2,Hồ sơ số\n"
        "Đền Kỳ Sầm,Lịch sử,Quốc gia,,01/02/2004,,22.5,106.2,Chưa số hóa\n"
        "Chùa X,Lịch sử,Cấp tỉnh,3/QĐ,01/02/2015,99999,22.5,106.2,Chưa số hóa\n"
    ).encode()
    with pytest.raises(RowsRejected) as caught:
        heritage.import_sites(session, users["officer"], cao_bang, table, "di-tich.csv")
    assert [row for row, _ in caught.value.problems] == [3, 4]
    assert heritage.list_sites(session, users["officer"]) == []
    good = table.decode().splitlines()[:2]
    assert (
        heritage.import_sites(
            session, users["officer"], cao_bang, "\n".join(good).encode(), "d.csv"
        )
        == 1
    )
    (site,) = heritage.list_sites(session, users["officer"])
    assert site.rank == "cap_tinh" and site.digitization == "records" and site.commune_code == code


def test_digitization_indicator_from_the_registry(session, imported, users):
    cao_bang = find_jurisdiction(session, "Cao Bằng").id
    officer = users["officer"]
    for name, rank, state, on in [
        ("A", "quoc_gia_dac_biet", "published", "10/03/2025"),
        ("B", "quoc_gia", "published", "10/03/2026"),
        ("C", "quoc_gia", "photos", "10/03/2026"),
        ("D", "cap_tinh", "published", "10/03/2024"),  # not national: not counted
    ]:
        heritage.save_site(session, officer, _site(name, rank, state, on), jurisdiction_id=cao_bang)
    plan_id = imported[CAO_BANG_PLAN].plan_id
    metric = session.scalar(
        select(Metric.id)
        .join(Target)
        .where(Target.plan_id == plan_id, Target.key == "t3", Metric.position == 0)
    )
    ind = indicators.from_metric(session, metric, officer)
    assert ind.source == "heritage_digitized"
    figures = indicator_figures.indicator_figures(session, ind.id, officer, on=date(2026, 12, 1))
    by_period = {f.period: (f.numerator, f.denominator) for f in figures.series}
    assert by_period["2025"] == (1, 3) and by_period["2026"] == (2, 3)
    assert figures.latest.figure == pytest.approx(200 / 3)
    assert figures.trajectory.code in ("at_risk", "off_track")
