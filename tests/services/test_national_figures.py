"""The country's roll-up of one indicator code: the provinces' figures summed."""

from __future__ import annotations

from kehoach.services import synthetic_country as country
from kehoach.services.indicator_figures import rollups
from kehoach.services.indicators import list_indicators
from kehoach.services.national_figures import rollup_by_code
from kehoach.services.types import SYSTEM
from kehoach.store.db import open_database, session_scope


def test_the_country_figure_sums_the_provinces(db_url):
    with session_scope(open_database(db_url)) as db:
        country.seed_country(db, country.scale_for("tiny"), 1)
    with session_scope(db_url) as db:
        same = [i for i in list_indicators(db, SYSTEM) if i.code == "CT01"]
        assert len(same) == 2  # one per province
        each = rollups(db, same)
        national = rollup_by_code(db, "CT01", SYSTEM)
        assert [f.period for f in national] == sorted({f.period for s in each.values() for f in s})
        for fig in national:
            parts = [f for s in each.values() for f in s if f.period == fig.period]
            assert fig.numerator == sum(f.numerator for f in parts)
            assert fig.denominator == sum(f.denominator for f in parts)
            assert fig.units == sum(f.units for f in parts)
            assert fig.indicators == len(parts)
        assert rollup_by_code(db, "CT01", None) == national  # the seeded indicators are public
        assert rollup_by_code(db, "no-such-code", SYSTEM) == []
