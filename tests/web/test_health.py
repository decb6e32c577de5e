"""`GET /healthz` and `GET /readyz`: JSON, no log-in, nothing about the installation."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kehoach.settings import Settings
from kehoach.web.app import create_app


def client_for(url: str, data_dir, **overrides) -> TestClient:
    settings = Settings(database_url=url, data_dir=data_dir, secret_key="t" * 40, **overrides)
    return TestClient(create_app(settings), raise_server_exceptions=False)


def test_live_and_ready(db_url, tmp_path):
    client = client_for(db_url, tmp_path / "files")
    live = client.get("/healthz")
    assert live.status_code == 200 and live.json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {
        "status": "ok",
        "checks": {"database": "ok", "migrations": "ok", "files": "ok"},
    }
    for r in (live, ready):
        assert r.headers["cache-control"] == "no-store"
        assert "set-cookie" not in r.headers  # no session for a probe
        # nothing about the installation: no URL, host, path or revision
        assert "127.0.0.1" not in r.text and str(tmp_path) not in r.text and "0014" not in r.text


def test_not_ready_until_migrated(empty_db_url, tmp_path):
    """An app that leaves migrating to the migrate-once job waits for it."""
    from kehoach.store.db import upgrade_database

    client = client_for(empty_db_url, tmp_path, migrate_on_start=False)
    r = client.get("/readyz")
    assert r.status_code == 503
    assert r.json()["checks"] == {"database": "ok", "migrations": "behind", "files": "ok"}
    assert client.get("/healthz").status_code == 200  # alive all the same: do not restart it
    upgrade_database(empty_db_url)
    assert client.get("/readyz").status_code == 200


def test_not_ready_without_database_or_files(tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    client = client_for(
        "postgresql+psycopg://nobody:secret@127.0.0.1:1/nowhere",
        tmp_path / "a-file",
        migrate_on_start=False,
    )
    r = client.get("/readyz")
    assert r.status_code == 503
    assert r.json() == {
        "status": "unavailable",
        "checks": {"database": "unreachable", "migrations": "unreachable", "files": "unwritable"},
    }
    assert "secret" not in r.text and "nowhere" not in r.text


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes_are_not_in_the_api_schema(path, tmp_path):
    client = client_for(f"sqlite:///{tmp_path / 'k.db'}", tmp_path)
    assert path not in client.get("/api/openapi.json").json()["paths"]
