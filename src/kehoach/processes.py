"""Worker processes: how one ended when it ended early, and how they all end with us.

A worker killed by the system (out of memory: SIGKILL) or crashing in a native library
(SIGSEGV) leaves `concurrent.futures` saying only that "a process in the process pool was
terminated abruptly"; `how_ended` finds out how, so that the file it was reading can be
named with a reason. A run stopped from outside (a time limit's SIGTERM, Ctrl-C) raises
`Stopped` or `KeyboardInterrupt` in the main process, which ends its workers at once
(`end_now`) and names the files it did not read; workers die with the process that
started them (`worker_setup`), so none is left behind reading for nobody.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
import traceback
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext


class Stopped(BaseException):
    """This process was told to stop (SIGTERM, SIGHUP). A `BaseException`, like
    `KeyboardInterrupt`: no `except Exception` on the way swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal_name(signum))
        self.signum = signum


def signal_name(signum: int) -> str:
    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"


# The signal of a stop this process was told to make, kept beside the exception: Python
# drops an exception raised in its fork hooks (printed as "Exception ignored in …"), so a
# stop that comes while a pool forks a worker would otherwise be lost and the run go on.
_stop_came: int | None = None


def stop_on_signals() -> None:
    """SIGTERM and SIGHUP raise `Stopped` in the main thread (by default they end the
    process at once, silently, leaving its workers running); Ctrl-C raises
    `KeyboardInterrupt` as before. Each is also kept for `raise_lost_stop`."""

    def stop(signum: int, _frame) -> None:
        global _stop_came
        _stop_came = signum
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise Stopped(signum)

    for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if sig is not None:
            with contextlib.suppress(ValueError):  # not the main thread
                signal.signal(sig, stop)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        with contextlib.suppress(ValueError):
            signal.signal(signal.SIGINT, stop)


def raise_lost_stop() -> None:
    """Raise the stop a signal asked for, if its exception was lost (see `_stop_came`)."""
    if _stop_came == signal.SIGINT:
        raise KeyboardInterrupt
    if _stop_came is not None:
        raise Stopped(_stop_came)


def stop_handled() -> None:
    """The stop has been acted on: nothing is left to raise again."""
    global _stop_came
    _stop_came = None


def exit_now(code: int) -> None:
    """End this process with `code` once a stop has been reported and its workers ended.
    Python's own exit would then wait for the pools' threads and for child processes, and a
    signal that came at the wrong moment (between taking a lock and the block that releases
    it) can leave one of them waiting for ever."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


def result(future, poll: float = 0.5):
    """`future.result()`, raising meanwhile a stop whose exception was lost."""
    from concurrent.futures import wait

    while not wait([future], timeout=poll).done:
        raise_lost_stop()
    return future.result()


def completed(futures, poll: float = 0.5) -> Iterator:
    """`as_completed(futures)`, raising meanwhile a stop whose exception was lost."""
    from concurrent.futures import FIRST_COMPLETED, wait

    pending = set(futures)
    while pending:
        done, pending = wait(pending, timeout=poll, return_when=FIRST_COMPLETED)
        if not done:
            raise_lost_stop()
        yield from done


def stop_signal(exc: BaseException) -> int:
    """The signal number a stop stands for (Ctrl-C: SIGINT)."""
    return exc.signum if isinstance(exc, Stopped) else int(signal.SIGINT)


_PR_SET_PDEATHSIG = 1


def worker_setup() -> None:
    """In a worker process: die when the process that started it dies (Linux), and leave
    Ctrl-C to that process, which ends its workers itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's `Stopped`
    if sys.platform.startswith("linux"):
        import ctypes
        import multiprocessing

        parent = os.getppid()
        # the process that started this one may have died before it got here: it was then
        # handed to init, and the request below would never fire (under a fork server the
        # parent is the server, and the starting process is alive)
        starter = multiprocessing.parent_process()
        if starter is not None and starter.pid and starter.pid != parent and _ended(starter.pid):
            os._exit(1)
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the request took effect
            os._exit(1)


def _ended(pid: int) -> bool:
    """The process has ended (a zombie not yet waited for counts: its children are gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True
    return "\nState:\tZ" in status


class Tracked:
    """A multiprocessing context that lists every process made through it before it starts,
    for a pool to be given (`ProcessPoolExecutor(mp_context=...)`). The pool's own list is
    filled only as each fork returns: a stop that comes during a fork would find that worker
    unlisted, and a worker left waiting for work keeps this process from exiting. It also
    outlives the pool's shutdown, and keeps the workers of a broken pool."""

    def __init__(self, base) -> None:
        self._base = base
        self.processes: list = []

    def __getattr__(self, name: str):
        return getattr(self._base, name)

    @property
    def as_context(self) -> BaseContext:
        """This, typed as the pool takes it (it answers all that a context answers)."""
        return cast("BaseContext", self)

    def Process(self, *args, **kwargs):
        process = self._base.Process(*args, **kwargs)
        self.processes.append(process)
        return process


def how_ended(processes: Iterable) -> tuple[str, bool]:
    """How the first worker that ended by itself ended: (`SIGKILL`, `SIGSEGV`, `exit code
    1`, …; whether it was killed, which is most often the system running out of memory).
    Workers the pool ended itself afterwards (SIGTERM) are passed over."""
    procs = list(processes)
    _wait_ended(procs, time.monotonic() + 5.0)  # the pool ends the others once one has died
    codes = [c for c in (getattr(p, "exitcode", None) for p in procs) if c is not None]
    own = [c for c in codes if c not in (0, -signal.SIGTERM)] or [c for c in codes if c] or codes
    if not own:
        return "no exit code", False
    code = own[0]
    if code < 0:
        return signal_name(-code), code == -signal.SIGKILL
    return f"exit code {code}", False


def end_now(pool, processes: Iterable) -> None:
    """End a pool's workers at once (a page being read is not waited for) and the pool."""
    procs = [p for p in processes if p.pid is not None]  # made, and started
    for p in procs:
        with contextlib.suppress(Exception):
            p.terminate()
    with contextlib.suppress(Exception):
        pool.shutdown(wait=False, cancel_futures=True)
    # SIGTERM ends a worker at once, but a loaded machine may take a while to get round to
    # it: what has not ended after the grace is killed, so that no process outlives the
    # batch (a caller may check at once that none is left)
    _wait_ended(procs, time.monotonic() + 2.0)
    for p in procs:
        if p.exitcode is None:
            with contextlib.suppress(Exception):
                p.kill()
    _wait_ended(procs, time.monotonic() + 5.0)


def _wait_ended(procs: list, deadline: float) -> None:
    """Wait until each process has ended and its exit code is known, or the deadline. The
    pool's own thread waits on its workers too, and whichever thread reaps one first records
    its exit code: `join` in the other returns at once, before the code is written."""
    for p in procs:
        with contextlib.suppress(Exception):
            p.join(max(0.0, deadline - time.monotonic()))
    while any(p.exitcode is None for p in procs) and time.monotonic() < deadline:
        time.sleep(0.01)


def where_failed(exc: BaseException) -> str:
    """`IndexError at extract/tasks.py:12: list index out of range`: an unexpected error in
    one line, placed at the last of kehoach's own frames it went through."""
    package = Path(__file__).parent
    place = ""
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename)
        if package in path.parents:
            place = f" at {path.relative_to(package).as_posix()}:{frame.lineno}"
    text = " ".join(str(exc).split())[:160]
    return f"{type(exc).__name__}{place}" + (f": {text}" if text else "")
