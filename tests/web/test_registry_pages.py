"""Registry pages and API: villages imported per province (a bad row rejects the file),
listed per commune; an institution with a photo attached (thumbnail on its page) and on the
map; exports and open data; a merge recorded on the units page."""

from __future__ import annotations

import re

from test_vietnamese import assert_vietnamese
from webkit import as_user

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99"
    b"=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _province(page_text: str, name: str) -> str:
    return re.search(rf'<option value="(\d+)"[^>]*>{name}</option>', page_text).group(1)


def test_villages_institutions_files_and_exports(world, api):
    officer = as_user(world, "officer")
    province = _province(officer.get("/registries/villages").text, "Cao Bằng")
    page = officer.get(f"/registries/villages?province={province}")
    codes = re.findall(r'<option value="(\d+)"[^>]*>(Xã [^<]+)</option>', page.text)
    assert codes, "the commune filter lists the province's communes"
    from kehoach.services.jurisdictions import get_jurisdiction

    with world.session() as db:
        commune_code = get_jurisdiction(db, int(codes[0][0])).code
    bad = f"Tên thôn,Loại,Mã xã\nNà Mạ,Thôn,{commune_code}\nKhuổi Nặm,Xóm,99999\n".encode()
    r = officer.post(
        "/registries/villages/import", {"province": province},
        files={"file": ("thon.csv", bad, "text/csv")},
    )  # fmt: skip
    assert r.status_code == 422 and "upload-problems" in r.text and "99999" in r.text
    good = bad.decode().splitlines()[:2]
    r = officer.post(
        "/registries/villages/import", {"province": province},
        files={"file": ("thon.csv", "\n".join(good).encode(), "text/csv")},
    )  # fmt: skip
    assert r.status_code == 303, r.text
    listed = officer.get(f"/registries/villages?province={province}&commune={codes[0][0]}")
    assert "Nà Mạ" in listed.text
    village = re.search(r'href="/registries/villages/(\d+)"', listed.text).group(1)

    r = officer.post(
        "/registries/institutions",
        {"province": province, "name": "Nhà văn hóa Nà Mạ", "kind": "nha_van_hoa_thon",
         "commune_id": codes[0][0], "village_id": village, "regular": "1",
         "assessed_on": "01/10/2026", "latitude": "22.6", "longitude": "106.2", "public": "1"},
    )  # fmt: skip
    assert r.status_code == 303, r.text
    entry = r.headers["location"]
    r = officer.post(
        entry.replace("/registries/institutions/", "/files/institution/"), {},
        files={"file": ("anh.png", PNG, "image/png")},
    )  # fmt: skip
    assert r.status_code == 303, r.text
    shown = officer.get(entry)
    assert 'class="thumb"' in shown.text and "Nhà văn hóa Nà Mạ" in shown.text
    picture = re.search(r'<img src="(/files/\d+)"', shown.text).group(1)
    assert officer.get(picture).content == PNG
    fake = officer.post(
        entry.replace("/registries/institutions/", "/files/institution/"), {},
        files={"file": ("anh.png", b"not a picture", "image/png")},
    )  # fmt: skip
    assert fake.status_code == 422

    public = api(None).get("/api/open/registries/institutions").json()
    assert public[0]["licence"] == "CC BY 4.0" and public[0]["title"] == "Nhà văn hóa Nà Mạ"
    for fmt in ("xlsx", "csv", "json"):
        assert api(None).get(f"/api/registries/villages/export?format={fmt}").status_code == 200
    found = api("officer").get("/api/registries/villages", params={"q": "na ma"}).json()
    assert [e["title"] for e in found] == ["Nà Mạ"]
    drawn = officer.get("/map?layer=institutions")
    assert "Nhà văn hóa Nà Mạ" in drawn.text
    for path in [f"/registries/{n}?province={province}" for n in
                 ("villages", "institutions", "intangible", "happiness")] + [entry, "/map",
                 f"/units?province={province}", f"/registries/villages/{village}"]:  # fmt: skip
        assert_vietnamese(officer.get(path), path)


def test_units_page_records_a_merge(world):
    officer = as_user(world, "officer")
    province = _province(officer.get("/units").text, "Điện Biên")
    page = officer.get(f"/units?province={province}")
    ids = re.findall(r'<option value="(\d+)">(Xã [^<]+)</option>', page.text)[:3]
    r = officer.post(
        "/units/merge",
        {"province": province, "from_ids": [ids[0][0], ids[1][0]], "into_id": ids[2][0],
         "effective": "01/07/2025", "decision": "NQ 1661/NQ-UBTVQH15"},
    )  # fmt: skip
    assert r.status_code == 303, r.text
    shown = officer.get(f"/units?province={province}")
    assert "NQ 1661/NQ-UBTVQH15" in shown.text and ids[0][1] in shown.text
    again = officer.post(
        "/units/merge",
        {"province": province, "from_ids": [ids[0][0]], "into_id": ids[2][0],
         "effective": "01/07/2025"},
    )  # fmt: skip
    assert again.status_code == 422
