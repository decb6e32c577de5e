"""The API checked against its own OpenAPI description: no generated request gets a 500."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from webkit import PASSWORDS

pytestmark = pytest.mark.slow  # hundreds of generated requests; `./run test` runs it

schemathesis.experimental.OPEN_API_3_1.enable()  # FastAPI writes OpenAPI 3.1


def _bridge_hypothesis_many() -> None:
    """hypothesis-jsonschema 0.23 calls `many.more()`, which Hypothesis ≥ 6.150 replaced by
    iterating `with many(...) as elements: for _ in elements:`. Give it the old interface
    on top of the new one, so schemathesis can generate objects."""
    from hypothesis.internal.conjecture import utils as cu
    from hypothesis_jsonschema import _from_schema

    if hasattr(cu.many, "more"):
        return

    class OldMany:
        def __init__(self, data, **kwargs) -> None:
            self._many = cu.many(data, **kwargs)
            self._many.__enter__()
            self._elements = iter(self._many)

        def more(self) -> bool:
            try:
                next(self._elements)
            except StopIteration:
                self._many.__exit__(None, None, None)
                return False
            return True

        def reject(self, why: str | None = None) -> None:
            self._many.reject(why)

    class Utils:
        def __getattr__(self, name):
            return OldMany if name == "many" else getattr(cu, name)

    _from_schema.cu = Utils()


_bridge_hypothesis_many()


@pytest.fixture(scope="module")
def api_schema(world):
    """The app's OpenAPI schema, called in-process (ASGI)."""
    return schemathesis.from_asgi("/api/openapi.json", world.app)


@pytest.fixture(scope="module")
def officer_token(world) -> str:
    """An officer's API token: the requests reach the handlers, not just the log-in check."""
    from fastapi.testclient import TestClient

    client = TestClient(world.app)
    r = client.post("/api/tokens", json={"username": "officer", "password": PASSWORDS["officer"]})
    return r.json()["token"]


schema = schemathesis.from_pytest_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_no_server_error(case, officer_token):
    headers = {"Authorization": f"Bearer {officer_token}"}
    response = case.call_asgi(headers=headers)
    case.validate_response(response, checks=(not_a_server_error,))
    if response.status_code >= 400 and response.headers.get("content-type", "").startswith(
        "application/json"
    ):
        body = response.json()
        assert set(body) == {"error", "field"}, body
