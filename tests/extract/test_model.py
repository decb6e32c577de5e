"""The plan record's types: extraction does without pydantic; records read from outside are
checked, and their JSON goes back out as it came in."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from kehoach.extract import extract_file
from kehoach.model import (
    OcrDoubt,
    OcrInfo,
    OcrPage,
    PlanRecord,
    parse_record,
    problem,
    record_from_json,
    timeframe_json,
)

from .conftest import EXPECTED, ROOT, SAMPLES

# every hand-written record of the samples: the plain ones, and the OCR'd text's
RECORDS = sorted(EXPECTED.rglob("*.json"))
# keys the reader adds to targets and tasks (plan-schema.md leaves them out); a record read
# without them gets their "not assessed" values
READER_KEYS = {"confidence": None, "reasons": []}


def test_extracting_a_sample_imports_no_pydantic() -> None:
    # a fresh interpreter: in this one the test suite has long imported pydantic. The worker
    # processes of `kehoach extract` and `kehoach bench extract` run `extract_one`.
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from kehoach.extract.files import extract_one\n"
        f"path, record, doc, error = extract_one(Path({str(SAMPLES / '000_c6c358976faa1d91.txt')!r}))\n"
        "assert error is None and record.tasks, error\n"
        "record.to_json()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]", f"extraction imported {proc.stdout.strip()}"


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.relative_to(EXPECTED).as_posix())
def test_an_expected_record_goes_out_as_it_came_in(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    out = parse_record(data).to_json()
    # the reader's own keys are the only ones added, with their "not assessed" values
    for part in ("targets", "tasks"):
        for given, written in zip(data[part], out[part], strict=True):
            for key, default in READER_KEYS.items():
                if key not in given:
                    assert written.pop(key) == default
    # same keys in the same order, same values (ints stay ints, nulls and [] kept)
    assert json.dumps(out, ensure_ascii=False) == json.dumps(data, ensure_ascii=False)
    assert out == data
    assert record_from_json(text) == parse_record(data)


@pytest.mark.parametrize("name", ["000_c6c358976faa1d91.txt", "ocr/001_ocr.txt"])
def test_an_extracted_record_round_trips(name: str) -> None:
    record = extract_file(SAMPLES / name)
    data = record.to_json()
    assert next(iter(data)) == "schema" and "ocr" not in data
    again = parse_record(json.loads(json.dumps(data)))
    assert again == record and again.to_json() == data
    # records travel back from the extraction workers pickled
    assert pickle.loads(pickle.dumps(record)) == record


def test_the_ocr_part_round_trips() -> None:
    record = replace(
        extract_file(SAMPLES / "001_47cec5a30aa91629.txt"),
        ocr=OcrInfo(
            engine="tesseract 5.5.4 vie",
            confidence=0.912,
            dpi=300,
            pages=[OcrPage(page=1, confidence=0.95), OcrPage(page=2, note="blank")],
            low_confidence=[
                OcrDoubt(field="tasks[0].lead", text="Sở", confidence=0.5, page=1, box=[1, 2, 3, 4])
            ],
        ),
    )
    data = record.to_json()
    assert list(data)[-1] == "ocr" and data["ocr"]["pages"][1] == {
        "page": 2,
        "confidence": None,
        "note": "blank",
    }
    assert parse_record(json.loads(json.dumps(data))) == record


def test_to_json_gives_copies() -> None:
    record = extract_file(SAMPLES / "000_c6c358976faa1d91.txt")
    data = record.to_json()
    data["tasks"][0]["lead"].append("Sở Nội vụ")
    data["targets"].clear()
    assert "Sở Nội vụ" not in record.tasks[0].lead and record.targets


def test_extracted_tasks_share_no_lists() -> None:
    # tasks under one agency heading are read from one shared reading of it
    record = extract_file(EXPECTED / "ld-kh-pcmt-2030.txt")
    lists = [id(getattr(t, role)) for t in record.tasks for role in ("lead", "directing")]
    assert len(lists) == len(set(lists))


def test_timeframe_json_is_the_records() -> None:
    record = extract_file(SAMPLES / "000_c6c358976faa1d91.txt")
    task = record.tasks[0]
    assert timeframe_json(task.timeframe) == record.to_json()["tasks"][0]["timeframe"]


def _refused(data: object) -> str:
    with pytest.raises(ValueError) as caught:
        parse_record(data)  # type: ignore[arg-type]
    return problem(caught.value)


def test_unknown_keys_are_refused_at_every_level() -> None:
    data = json.loads((EXPECTED / "expected" / "000_c6c358976faa1d91.json").read_text("utf-8"))
    assert _refused({**data, "extra": 1}) == "extra: Unexpected keyword argument"
    task = {**data["tasks"][2], "owner": "Sở Nội vụ"}
    bad = {**data, "tasks": [*data["tasks"][:2], task]}
    assert _refused(bad) == "tasks.2.owner: Unexpected keyword argument"
    timeframe = {**data["tasks"][0]["timeframe"], "when": "2026"}
    bad = {**data, "tasks": [{**data["tasks"][0], "timeframe": timeframe}]}
    assert _refused(bad) == "tasks.0.timeframe.when: Unexpected keyword argument"


def test_wrong_types_and_values_are_refused() -> None:
    data = json.loads((EXPECTED / "expected" / "000_c6c358976faa1d91.json").read_text("utf-8"))
    bad = {**data, "tasks": [{**data["tasks"][0], "lead": "Sở Nội vụ"}]}
    assert _refused(bad) == "tasks.0.lead: Input should be a valid list"
    bad = {**data, "document": {**data["document"], "kind": "thong_bao"}}
    assert _refused(bad).startswith("document.kind: Input should be 'nghi_quyet'")
    assert _refused({**data, "schema": 1}) == "schema: Input should be a valid string"
    missing = {k: v for k, v in data.items() if k != "source"}
    assert _refused(missing) == "source: Field required"
    assert _refused([]).startswith("Input should be")
    with pytest.raises(ValueError) as caught:
        record_from_json('{"schema": ')
    assert problem(caught.value).startswith("Expecting value")


def test_a_record_is_frozen() -> None:
    record = parse_record(
        json.loads((EXPECTED / "expected" / "001_47cec5a30aa91629.json").read_text("utf-8"))
    )
    with pytest.raises(AttributeError):
        record.tasks = []  # type: ignore[misc]
    assert isinstance(record, PlanRecord) and not hasattr(record, "__dict__")
