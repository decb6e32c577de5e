"""The search page and API, and open data as an anonymous client, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io

from webkit import as_user


def test_search_api_folds_and_scopes(world, api):
    officer = api("officer")
    r = officer.get("/api/search", params={"q": "so hoa"})
    assert r.status_code == 200, r.text
    hits = r.json()
    assert hits and any("số hóa" in h["text"] for h in hits)
    assert any(hit for h in hits for _, hit in h["pieces"])
    assert api(None).get("/api/search", params={"q": "so hoa"}).json() == []  # nothing public


def test_search_page_escapes_the_query(world):
    page = as_user(world, "officer").get("/search", params={"q": "so hoa <i>"})
    assert page.status_code == 200
    assert "hoa <i>" not in page.text and "so hoa &lt;i&gt;" in page.text
    assert "<mark>" in page.text


def test_open_data_as_anonymous_client(world, api):
    from kehoach.services import corrections

    published, hidden = sorted(world.plans.values())[:2]
    with world.session() as db:
        corrections.set_public(db, published, True, None)
    client = api(None)
    listing = client.get("/open-data")
    assert listing.status_code == 200
    assert f"/open-data/plans/{published}/tasks.csv" in listing.text
    assert f"/open-data/plans/{hidden}/" not in listing.text

    r = client.get(f"/open-data/plans/{published}/tasks.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows and rows[0]["Giấy phép"] == "CC BY 4.0" and rows[0]["Cập nhật lần cuối"]
    assert client.get(f"/open-data/plans/{published}/targets.csv").status_code == 200

    data = client.get(f"/open-data/plans/{published}.json").json()
    assert data["licence"] == "CC BY 4.0" and data["updated_at"]
    assert data["tasks"] and {"status", "percent"} <= set(data["tasks"][0])
    text = str(data)
    for leak in ("done_text", "difficulties", "attachment", "reason", "username"):
        assert leak not in text

    for path in (f"/open-data/plans/{hidden}.json", f"/open-data/plans/{hidden}/tasks.csv"):
        assert client.get(path).status_code == 404
    assert client.get(f"/open-data/plans/{published}/reports.csv").status_code in (404, 422)
    with world.session() as db:
        corrections.set_public(db, published, False, None)
    assert client.get(f"/open-data/plans/{published}/tasks.csv").status_code == 404
