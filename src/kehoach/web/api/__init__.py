"""The JSON REST API under `/api`: one module per noun, same names as the services."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    """Every API router, in the order they appear in the OpenAPI document."""
    from kehoach.web.api import (
        agencies,
        compare,
        dashboard,
        emulation,
        indicators,
        notifications,
        period_reports,
        plans,
        registries,
        reminders,
        reports,
        search,
        tasks,
        tokens,
        users,
    )

    return [
        tokens.router,
        plans.router,
        tasks.router,
        reports.router,
        agencies.router,
        agencies.places,
        dashboard.router,
        users.router,
        notifications.router,
        reminders.router,
        period_reports.router,
        indicators.router,
        search.router,
        emulation.router,
        compare.router,
        registries.router,
    ]
