"""The culture registries by name, and the registry rules indicators are computed by.

A rule names what an indicator counts instead of entered values (`Indicator.source`);
`series` gives, per period, each commune's (numerator, denominator) as of the period's end.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from kehoach.errors import NotFound
from kehoach.services import happiness, heritage, institutions, intangible, villages
from kehoach.services.registry import Registry

REGISTRIES: dict[str, Registry] = {
    "villages": villages.REGISTRY,
    "institutions": institutions.REGISTRY,
    "intangible": intangible.REGISTRY,
    "happiness": happiness.REGISTRY,
}
# rule -> the module whose `registry_series` computes it
RULES = {
    "heritage_digitized": heritage,
    "heritage_ranked": heritage,
    "intangible_digitized": intangible,
    "intangible_listed": intangible,
    "village_cultural_houses": institutions,
    "institutions_regular": institutions,
    "happiness_70": happiness,
}


def registry(name: str) -> Registry:
    """A registry by its name in the URL (`villages`, `institutions`, …)."""
    if name not in REGISTRIES:
        raise NotFound("no registry named {name}", name=name)
    return REGISTRIES[name]


def by_entity(entity: str) -> Registry:
    """A registry by the entity its entries are recorded as (`village`, `institution`, …)."""
    for reg in REGISTRIES.values():
        if reg.entity == entity:
            return reg
    raise NotFound("no registry named {name}", name=entity)


def series(
    session: Session, rule: str, jurisdiction_id: int, periods: list[str]
) -> dict[str, dict[int | None, tuple[float, float]]]:
    """period -> commune id -> (numerator, denominator) of a registry rule."""
    return RULES[rule].registry_series(session, rule, jurisdiction_id, periods)
