"""The JSON REST API under `/api`: one module per noun, same names as the services."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    """Every API router, in the order they appear in the OpenAPI document."""
    from kehoach.web.api import agencies, dashboard, plans, reports, tasks, tokens

    return [
        tokens.router,
        plans.router,
        tasks.router,
        reports.router,
        agencies.router,
        agencies.places,
        dashboard.router,
    ]
