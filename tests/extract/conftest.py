from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "src" / "kehoach" / "data" / "samples"
EXPECTED = ROOT / "tests" / "data" / "samples"
FIXTURES = ROOT / "tests" / "data" / "fixtures"


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES
