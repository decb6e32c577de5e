"""PDF from DOCX through LibreOffice headless (`soffice --convert-to pdf`).

Each conversion uses its own LibreOffice profile folder, so several conversions (several
app workers) can run at once; LibreOffice otherwise refuses a second instance.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from kehoach.errors import KehoachError, MissingTool

TIMEOUT_S = 120
CANDIDATES = ("soffice", "libreoffice")


def soffice() -> str:
    """The LibreOffice program, or `MissingTool` saying how to install it."""
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise MissingTool(
        "PDF export needs LibreOffice, which is not installed; install it with "
        "`apt-get install libreoffice-writer-nogui fonts-liberation2` (./run test does), "
        "or export DOCX and print it to PDF"
    )


def docx_to_pdf(data: bytes) -> bytes:
    """Convert a .docx (bytes) to PDF (bytes)."""
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="kehoach-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "report.docx"
        source.write_bytes(data)
        profile = (folder / "profile").as_uri()
        try:
            done = subprocess.run(
                [
                    program,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(folder),
                    str(source),
                ],
                capture_output=True,
                timeout=TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise KehoachError(f"LibreOffice did not finish the PDF in {TIMEOUT_S} s") from None
        target = folder / "report.pdf"
        if done.returncode != 0 or not target.exists():
            why = (done.stderr or done.stdout).decode(errors="replace").strip().splitlines()
            raise KehoachError(
                "LibreOffice could not convert the report to PDF" + (f": {why[-1]}" if why else "")
            )
        return target.read_bytes()
