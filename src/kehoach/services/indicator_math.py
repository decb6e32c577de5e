"""Pure arithmetic of indicators: periods, shares, attainment and the trajectory to the deadline.

No database here: `services.indicator_figures` gathers the numbers, these functions judge them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kehoach.errors import ValidationError

FREQUENCIES = ("year", "half", "quarter")
KINDS = ("value", "ratio")
DIRECTIONS = ("up", "down")
LEVELS = ("province", "commune")
AGGREGATES = ("sum", "mean")
# achieved / on_track: green; at_risk: amber; off_track: red; no_data: grey
TRAJECTORIES = ("achieved", "on_track", "at_risk", "off_track", "no_data")
LIGHTS = {
    "achieved": "green",
    "on_track": "green",
    "at_risk": "amber",
    "off_track": "red",
    "no_data": "grey",
}
AT_RISK_SHARE = 0.8  # projected progress below this share of what is needed: off track

_PERIOD = re.compile(r"^(\d{4})(?:-(H[12]|Q[1-4]))?$")


def period_end(code: str) -> date:
    """The last day of a period `2026`, `2026-H1`, `2026-Q3` (ValidationError otherwise)."""
    found = _PERIOD.match(code.strip())
    if not found or not 2000 <= int(found.group(1)) <= 2100:
        raise ValidationError(
            "unknown period '{code}'; write 2026, 2026-H1 or 2026-Q3", field="period", code=code
        )
    year, part = int(found.group(1)), found.group(2)
    if part is None:
        return date(year, 12, 31)
    if part[0] == "H":
        return date(year, 6, 30) if part == "H1" else date(year, 12, 31)
    month = int(part[1]) * 3
    return date(year, month, 30 if month in (6, 9) else 31)


def period_start(code: str) -> date:
    """The first day of a period `2026`, `2026-H2`, `2026-Q3`."""
    end = period_end(code)
    months = {"year": 12, "half": 6, "quarter": 3}[period_frequency(code)]
    return date(end.year, end.month - months + 1, 1)


def period_frequency(code: str) -> str:
    """`year`, `half` or `quarter`: what kind of period a code names."""
    period_end(code)
    if "-H" in code:
        return "half"
    return "quarter" if "-Q" in code else "year"


def check_period(code: str, frequency: str) -> str:
    """The code, stripped, when it names a period of the indicator's frequency."""
    code = code.strip().upper()
    if period_frequency(code) != frequency:
        examples = {"year": "2026", "half": "2026-H1", "quarter": "2026-Q3"}
        raise ValidationError(
            "period '{code}' is not a {frequency} period; write it as {example}",
            code=code,
            frequency=frequency,
            example=examples[frequency],
            field="period",
        )
    return code


def periods_between(first: date, last: date, frequency: str) -> list[str]:
    """Every period of `frequency` that ends within [first, last], oldest first."""
    codes: list[str] = []
    for year in range(first.year, last.year + 1):
        parts = {"year": [""], "half": ["-H1", "-H2"], "quarter": ["-Q1", "-Q2", "-Q3", "-Q4"]}
        for part in parts[frequency]:
            code = f"{year}{part}"
            if first <= period_end(code) <= last:
                codes.append(code)
    return codes


def current_period(on: date, frequency: str) -> str:
    """The period that `on` falls in."""
    if frequency == "year":
        return str(on.year)
    if frequency == "half":
        return f"{on.year}-H{1 if on.month <= 6 else 2}"
    return f"{on.year}-Q{(on.month - 1) // 3 + 1}"


def share(numerator: float | None, denominator: float | None) -> float | None:
    """numerator / denominator as a percentage; None without a positive denominator."""
    if numerator is None or not denominator:
        return None
    return 100.0 * numerator / denominator


def check_figures(
    kind: str, value: float | None, numerator: float | None, denominator: float | None, unit: str
) -> None:
    """Reject a figure that cannot be true (ValidationError naming the field)."""
    if kind == "ratio":
        if numerator is None or denominator is None:
            raise ValidationError("enter both the numerator and the denominator", field="numerator")
        if numerator < 0 or denominator <= 0:
            raise ValidationError(
                "the numerator must be 0 or more and the denominator more than 0",
                field="denominator",
            )
        if numerator > denominator:
            raise ValidationError(
                "the numerator ({numerator}) is larger than the denominator ({denominator})",
                numerator=fmt(numerator),
                denominator=fmt(denominator),
                field="numerator",
            )
        return
    if value is None:
        raise ValidationError("enter the value", field="value")
    if value < 0:
        raise ValidationError("the value must be 0 or more", field="value")
    if unit.strip() == "%" and value > 100:
        raise ValidationError(
            "a share cannot be above 100% (got {value})", field="value", value=fmt(value)
        )


_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def parse_number(text: str | None, field: str) -> float | None:
    """`23.100`, `72,5`, `1.234,5`, `0.5` -> a float (None when empty); ValidationError."""
    if text is None or not str(text).strip():
        return None
    cleaned = str(text).strip().replace(" ", "").replace("\u00a0", "")
    if "," in cleaned:  # the Vietnamese decimal comma; dots group thousands
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _THOUSANDS.match(cleaned):
        cleaned = cleaned.replace(".", "")
    try:
        return float(cleaned)
    except ValueError:
        raise ValidationError(
            "{name} '{text}' is not a number", field=field, name=field, text=text
        ) from None


def fmt(number: float) -> str:
    """A number the Vietnamese way: 23.100 and 72,5."""
    if float(number).is_integer():
        return f"{int(number):,}".replace(",", ".")
    whole = f"{number:,.1f}"
    return whole.replace(",", " ").replace(".", ",").replace(" ", ".")


def attainment(value: float | None, target: float | None, direction: str = "up") -> float | None:
    """How far `value` is towards `target`, as a percentage (100 = reached; may exceed 100)."""
    if value is None or target is None:
        return None
    if direction == "down":
        if value <= 0:
            return 100.0
        return 100.0 * target / value
    if target == 0:
        return 100.0
    return 100.0 * value / target


def _met(value: float, target: float, direction: str) -> bool:
    return value <= target if direction == "down" else value >= target


@dataclass(frozen=True)
class Trajectory:
    code: str  # one of TRAJECTORIES
    projected: float | None  # the trend's value at the deadline
    slope_per_year: float | None

    @property
    def light(self) -> str:
        """green / amber / red / grey."""
        return LIGHTS[self.code]


def trajectory(
    points: list[tuple[date, float]],
    target: float | None,
    deadline: date | None,
    on: date,
    *,
    direction: str = "up",
    baseline: tuple[date, float] | None = None,
    last: int = 3,
) -> Trajectory:
    """Will the target be met by its deadline? From the trend of the last `last` periods.

    `points` are (period end, figure), any order. Met already: `achieved`. Otherwise the
    least-squares line through the last periods (with the baseline when there is only one)
    is projected to the deadline: it meets the target: `on_track`; it covers at least 80%
    of the way still to go: `at_risk`; less, or the deadline passed: `off_track`.
    """
    if not points or target is None:
        return Trajectory("no_data", None, None)
    points = sorted(points)
    latest = points[-1][1]
    if _met(latest, target, direction):
        return Trajectory("achieved", latest, None)
    if deadline is None or on > deadline:
        return Trajectory("off_track", latest, None)
    series = points[-last:]
    if len(series) < 2 and baseline is not None and baseline[0] < series[0][0]:
        series = [baseline, *series]
    if len(series) < 2:
        return Trajectory("at_risk", latest, None)
    xs = [(d - series[0][0]).days / 365.25 for d, _ in series]
    ys = [v for _, v in series]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / spread if spread else 0
    at = (deadline - series[0][0]).days / 365.25
    projected = my + slope * (at - mx)
    if _met(projected, target, direction):
        return Trajectory("on_track", projected, slope)
    needed = target - latest
    gained = projected - latest
    if needed and gained / needed >= AT_RISK_SHARE:
        return Trajectory("at_risk", projected, slope)
    return Trajectory("off_track", projected, slope)
