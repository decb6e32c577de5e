"""Damaged files: whatever the bytes, a reader returns a document or raises one of the named
errors (never a raw exception from python-docx, pdfium or a codec)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.errors import KehoachError
from kehoach.intake import read_bytes

FIXTURES = Path(__file__).parents[1] / "data" / "fixtures"


def damaged(data: bytes, seed: int) -> bytes:
    """The file with a few runs of bytes overwritten, cut short, or both."""
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(out))
        out[at : at + rng.randint(1, 64)] = rng.randbytes(rng.randint(1, 64))
    if rng.random() < 0.3:
        out = out[: rng.randrange(1, len(out))]
    return bytes(out)


@pytest.mark.parametrize("fixture", ["002_table.pdf", "000_table.docx", "000_borderless.pdf"])
# two seeds in the fast default run, all twelve in `./run test`
@pytest.mark.parametrize(
    "seed", [s if s < 2 else pytest.param(s, marks=pytest.mark.slow) for s in range(12)]
)
def test_damaged_fixture_gives_a_document_or_a_named_error(fixture, seed):
    data = damaged((FIXTURES / fixture).read_bytes(), seed)
    try:
        doc = read_bytes(data, fixture)
    except KehoachError as exc:
        assert exc.where == fixture
        assert exc.message
    else:
        assert doc.format == fixture.rsplit(".", 1)[1]


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=2048), suffix=st.sampled_from([".txt", ".md", ".docx", ".pdf"]))
def test_any_bytes_give_a_document_or_a_named_error(data, suffix):
    try:
        read_bytes(data, f"x{suffix}")
    except KehoachError as exc:
        assert exc.where == f"x{suffix}"
