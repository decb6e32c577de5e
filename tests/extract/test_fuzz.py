"""The reader never crashes: random bytes and mutated samples give a record or a named error."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach.errors import KehoachError
from kehoach.extract import extract_document
from kehoach.intake import read_bytes
from kehoach.model import PlanRecord

from .conftest import SAMPLES

SAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _outcome(data: bytes, suffix: str) -> None:
    try:
        record = extract_document(read_bytes(data, "fuzz" + suffix))
    except KehoachError as exc:
        assert str(exc)  # a message a person can read
        return
    assert isinstance(record, PlanRecord)
    record.to_json()


@FUZZ
@given(st.binary(max_size=4096), st.sampled_from([".txt", ".md", ".docx", ".pdf"]))
def test_random_bytes(data: bytes, suffix: str) -> None:
    _outcome(data, suffix)


@st.composite
def mutated_sample(draw) -> str:
    lines = draw(st.sampled_from(SAMPLE_TEXTS)).split("\n")
    for _ in range(draw(st.integers(0, 12))):
        op = draw(st.sampled_from(["drop", "dup", "swap", "garble", "cut"]))
        i = draw(st.integers(0, max(0, len(lines) - 1)))
        if not lines:
            break
        if op == "drop":
            lines.pop(i)
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "garble":
            lines[i] = draw(st.text(max_size=80)) + lines[i][len(lines[i]) // 2 :]
        else:
            lines = lines[: i + 1]
    return "\n".join(lines)


@FUZZ
@given(mutated_sample())
def test_mutated_samples(text: str) -> None:
    _outcome(text.encode("utf-8", "surrogatepass"), ".txt")
