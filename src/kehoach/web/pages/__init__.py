"""Server-rendered pages: one module per page group."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    """Every page router."""
    from kehoach.web.pages import (
        account,
        agencies,
        compare,
        dashboard,
        emulation,
        heritage,
        home,
        imports,
        indicators,
        my_unit,
        notifications,
        open_data,
        period_reports,
        period_sheets,
        plans,
        registries,
        search,
        tasks,
        users,
    )

    return [
        home.router,
        plans.router,
        period_reports.router,
        period_sheets.router,
        tasks.router,
        my_unit.router,
        dashboard.router,
        imports.router,
        users.router,
        agencies.router,
        account.router,
        notifications.router,
        indicators.router,
        heritage.router,
        search.router,
        open_data.router,
        emulation.router,
        compare.router,
        registries.router,
    ]
