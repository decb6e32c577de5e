"""The Tesseract engine's set-up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]


def test_openmp_is_held_to_one_thread_before_tesseract_is_loaded() -> None:
    # OpenMP reads its limit when libtesseract is loaded: set any later, it is not heard,
    # and a libtesseract built with OpenMP runs four threads per line in each page worker
    code = (
        "import os, sys\n"
        "os.environ.pop('OMP_THREAD_LIMIT', None)\n"
        "import kehoach.intake.tesseract\n"
        "print('tesserocr' in sys.modules, os.environ.get('OMP_THREAD_LIMIT'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert out.stdout.split() == ["False", "1"]
