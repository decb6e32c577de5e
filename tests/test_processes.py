"""Worker processes: how one ended, one-line reasons for unexpected errors, and workers that
end with the process that started them."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

from kehoach.processes import (
    Stopped,
    how_ended,
    signal_name,
    stop_signal,
    where_failed,
    worker_setup,
)


@dataclass
class _Ended:
    """What `how_ended` reads of a process: its exit code (joined already)."""

    exitcode: int | None

    def join(self, timeout: float | None = None) -> None:
        pass


def test_a_worker_killed_is_told_from_the_ones_the_pool_ended_after_it() -> None:
    # the pool ends the other workers (SIGTERM) once one has died; the one that died counts
    ended = [_Ended(-signal.SIGTERM), _Ended(-signal.SIGKILL), _Ended(-signal.SIGTERM)]
    assert how_ended(ended) == ("SIGKILL", True)
    assert how_ended([_Ended(0), _Ended(-signal.SIGSEGV)]) == ("SIGSEGV", False)
    assert how_ended([_Ended(3)]) == ("exit code 3", False)
    assert how_ended([_Ended(-signal.SIGTERM)]) == ("SIGTERM", False)  # ended from outside
    assert how_ended([_Ended(None)]) == ("no exit code", False)


def test_a_stop_names_its_signal() -> None:
    assert stop_signal(Stopped(signal.SIGTERM)) == signal.SIGTERM
    assert stop_signal(KeyboardInterrupt()) == signal.SIGINT
    assert signal_name(signal.SIGHUP) == "SIGHUP"
    assert signal_name(999) == "signal 999"


def _fails() -> None:
    [][1]


def test_an_unexpected_error_is_one_line_placed_in_kehoach(monkeypatch) -> None:
    from kehoach import processes

    try:
        _fails()
    except IndexError as exc:
        line = where_failed(exc)
    assert line == "IndexError: list index out of range"  # no frame of kehoach's own
    monkeypatch.setattr(processes, "__file__", str(Path(__file__).parent / "processes.py"))
    try:
        _fails()
    except IndexError as exc:
        line = where_failed(exc)
    assert line.startswith("IndexError at test_processes.py:") and "\n" not in line
    assert where_failed(RuntimeError("")) == "RuntimeError"


def _sleeper() -> None:
    worker_setup()
    time.sleep(60)


def _parent(pids) -> None:
    child = multiprocessing.get_context("fork").Process(target=_sleeper)
    child.start()
    pids.put(child.pid)
    time.sleep(60)


def _gone(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "\nState:\tZ" in status  # dead, not yet reaped


def test_a_worker_dies_with_the_process_that_started_it() -> None:
    context = multiprocessing.get_context("fork")
    pids = context.Queue()
    parent = context.Process(target=_parent, args=(pids,))
    parent.start()
    child = pids.get(timeout=10)
    assert not _gone(child)
    os.kill(parent.pid, signal.SIGKILL)  # as a time limit or the OOM killer does
    parent.join()
    deadline = time.monotonic() + 10
    while not _gone(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(child)


def test_a_stop_while_the_pool_starts_its_workers_leaves_none_behind() -> None:
    from concurrent.futures import ProcessPoolExecutor

    from kehoach.processes import Tracked, end_now

    context = Tracked(multiprocessing.get_context("fork"))
    pool = ProcessPoolExecutor(2, context.as_context, initializer=worker_setup)
    pool.submit(os.getpid).result()
    # the pool lists a worker only once its fork has returned: a stop in between finds it
    # missing there, and a worker left waiting for work would keep this process alive
    pool._processes.popitem()  # type: ignore[attr-defined]
    end_now(pool, context.processes)
    assert multiprocessing.active_children() == []


def test_a_stop_whose_exception_was_lost_is_raised_while_waiting() -> None:
    import contextlib
    from concurrent.futures import Future

    import pytest

    from kehoach.processes import completed, result, stop_handled, stop_on_signals

    kept = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)}
    try:
        stop_on_signals()
        # Python drops an exception raised in its fork hooks: a SIGTERM that comes while a
        # pool forks a worker is lost so
        with contextlib.suppress(Stopped):
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(1)
        with pytest.raises(Stopped):
            result(Future(), poll=0.05)
        with pytest.raises(Stopped):
            list(completed([Future()], poll=0.05))
        stop_handled()
        assert result(_done(7), poll=0.05) == 7
    finally:
        for sig, handler in kept.items():
            signal.signal(sig, handler)
        stop_handled()


def _done(value: int):
    from concurrent.futures import Future

    future: Future = Future()
    future.set_result(value)
    return future
