"""`kehoach bench status`: the status computation timed on a province-sized database."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from datetime import date

from kehoach.services.demo import ProvinceInfo


@dataclass(frozen=True)
class StatusTiming:
    """What was built and how long the status of every task took."""

    province: ProvinceInfo
    tasks: int
    times: list[float]

    @property
    def median(self) -> float:
        """The median run, in seconds."""
        return statistics.median(self.times)


def time_statuses(
    url: str, *, plans: int, tasks: int, agencies: int, years: int, day: date, repeat: int
) -> StatusTiming:
    """Build a synthetic province at `url`, then time `statuses()` on `day` `repeat` times."""
    from kehoach.services.demo import build_province
    from kehoach.services.status import clear_status_cache, statuses
    from kehoach.store.db import open_database, session_scope

    factory = open_database(url)
    with session_scope(factory) as session:
        info = build_province(session, plans, tasks, agencies, years)
    times, found = [], {}
    for _ in range(max(1, repeat)):
        clear_status_cache()  # time the computation, not the cache
        with session_scope(factory) as session:
            start = time.perf_counter()
            found = statuses(session, day)
            times.append(time.perf_counter() - start)
    return StatusTiming(info, len(found), times)
