"""`kehoach bench seed`: a reproducible synthetic country (province or national size)."""

import typer

from kehoach.cli import bench_app


@bench_app.command("seed")
def bench_seed(
    scale: str = typer.Option("province", help="tiny, province (1) or national (34 provinces)."),
    provinces: int | None = typer.Option(
        None, help="Cut the national shape to the first N provinces (1–34)."
    ),
    db: str = typer.Option(
        "sqlite",
        help="sqlite (var/bench/<scale>.db), postgresql (a fresh database on 127.0.0.1) "
        "or the URL of an empty database.",
    ),
    seed: int = typer.Option(1, help="Random seed: the same seed gives the same database."),
) -> None:
    """Load a synthetic country: the real provinces and communes, 4 plans per province
    (200 tasks, 30 targets each), 10 years of half-year reports, 40 commune indicators per
    province per half-year, heritage sites, 100 accounts per province.

    Example: kehoach bench seed --scale national --db postgresql
    """
    from rich.console import Console

    from kehoach.bench import seed as bench
    from kehoach.cli.edge import user_errors

    console = Console()
    with user_errors():
        name = scale if provinces is None else f"{scale}-{provinces}"
        url = bench.database_url(db, name)
        info = bench.seed(url, scale, provinces, seed, console)
    console.print(
        f"{url}: {info.provinces} provinces, {info.communes:,} communes, {info.agencies:,} "
        f"agencies, {info.plans:,} plans, {info.tasks:,} tasks, {info.targets:,} targets, "
        f"{info.reports:,} reports, {info.indicators:,} indicators, {info.values:,} values, "
        f"{info.sites:,} heritage sites, {info.accounts:,} accounts in {info.seconds:.0f} s"
    )
