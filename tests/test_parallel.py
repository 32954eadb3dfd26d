"""parallel.run: tasks in order, on forked workers or in the process itself."""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.pool
import os
import time
import weakref

import pytest

from sitegen import parallel


def _who(state: dict, task: int) -> tuple[str, int]:
    return state["who"], task


def test_a_run_closed_late_leaves_a_later_run_its_state():
    """A run lets go of its state when it ends (it holds the whole site), but not of the state
    of a run started after it: closing an unfinished generator late must not empty that."""
    first = parallel.run(_who, [1, 2], 1, {"who": "first"})
    assert next(first) == ("first", 1)
    second = parallel.run(_who, [1, 2], 1, {"who": "second"})
    assert next(second) == ("second", 1)
    first.close()
    assert list(second) == [("second", 2)]
    assert parallel._STATE == {}  # and the last run's state is gone once it is done


def test_results_come_back_in_task_order_from_a_pool():
    tasks = list(range(parallel.MIN_TASKS_FOR_POOL * 2))
    assert list(parallel.run(_who, tasks, 2, {"who": "pool"})) == [("pool", n) for n in tasks]


def _logged_failing_at_five(state: dict, task: int) -> int:
    with open(state["log"], "a") as log:
        log.write(f"{task}\n")
    if task == 5:
        raise ValueError("task 5 failed")
    time.sleep(0.002)
    return task


@pytest.mark.parametrize("stop", ["a task fails", "the caller stops taking results"])
def test_a_run_that_stops_lets_its_workers_end_before_the_pool_is_terminated(tmp_path, monkeypatch, stop):
    """Terminating a pool kills its workers where they are, and one killed while it sends a
    result dies holding the lock of the results' queue: the pool's thread waited for it for
    ever, and the failed build with it (a build failing on a theme's error hung in the test
    suite). When a run stops early, its workers skip the tasks left and exit; the pool is
    terminated once none is alive."""
    alive = []
    terminate = multiprocessing.pool.Pool.terminate
    monkeypatch.setattr(multiprocessing.pool.Pool, "terminate",
                        lambda pool: alive.append([worker.is_alive() for worker in pool._pool]) or terminate(pool))
    tasks = list(range(400))
    state = {"log": tmp_path / "log"}
    if stop == "a task fails":
        with pytest.raises(ValueError, match="task 5 failed"):
            list(parallel.run(_logged_failing_at_five, tasks, 2, state))
    else:
        results = parallel.run(_logged_failing_at_five, [t + 10 for t in tasks], 2, state)
        assert next(results) == 10
        results.close()
    assert alive == [[False, False]]
    assert multiprocessing.active_children() == []
    assert len((tmp_path / "log").read_text().split()) < len(tasks) / 2  # (the tasks left were skipped)


def _stuck_at_150(state: dict, task: int) -> int:
    if task == 150:
        time.sleep(3600)  # (a task that never ends: a theme's endless loop, a hung read)
    time.sleep(0.001)
    return task


def test_a_stopped_run_whose_worker_never_ends_its_task_is_terminated_all_the_same(monkeypatch):
    monkeypatch.setattr(parallel, "WIND_DOWN_SECONDS", 0.5)
    results = parallel.run(_stuck_at_150, list(range(200)), 2, {})
    assert next(results) == 0
    time.sleep(0.5)  # (a worker is at task 150 by then)
    started = time.monotonic()
    results.close()
    assert time.monotonic() - started < 10
    assert multiprocessing.active_children() == []


class _Unpicklable:
    """A task that cannot travel through a pipe, as a lock or an open file could not."""

    def __init__(self, number: int):
        self.number = number

    def __reduce__(self):
        raise TypeError("this task must not be pickled")


def _number_of(state: dict, task: _Unpicklable) -> tuple[int, int]:
    return task.number, os.getpid()


def test_tasks_reach_forked_workers_in_their_memory_not_through_a_pipe():
    """Only a task's number is sent: pickling 10,000 body-stage tasks (front matter and all),
    piping them and unpickling them again cost a third of a second of CPU."""
    tasks = [_Unpicklable(n) for n in range(parallel.MIN_TASKS_FOR_POOL * 2)]
    results = list(parallel.run(_number_of, tasks, 2, {}))
    assert [number for number, _ in results] == list(range(len(tasks)))
    assert os.getpid() not in {pid for _, pid in results}  # done by the workers


def _signals_of_this_process(state, task):
    import signal
    return signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)


def test_workers_leave_signals_to_the_parent():
    # `sitegen serve` turns SIGTERM into KeyboardInterrupt; its forked workers must not, or each
    # pool printed a traceback per worker when it was closed (closing sends them SIGTERM).
    import signal

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        answers = set(parallel.run(_signals_of_this_process, list(range(parallel.MIN_TASKS_FOR_POOL)), 2, {}))
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert answers == {(signal.SIG_DFL, signal.SIG_IGN)}


def _sigterm_state(state, task):
    import signal
    return signal.SIGTERM in signal.pthread_sigmask(signal.SIG_BLOCK, []), signal.getsignal(signal.SIGTERM)


def test_workers_are_forked_with_sigterm_held_and_take_it_once_started():
    # A SIGTERM that reaches a worker before it has put back the default handler (a pool closed
    # while its last worker was still starting) must wait for the default action, not be
    # dropped with the parent's handler: then the worker lived on and closing the pool hung.
    import signal

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    seen = []

    def forked_with(*args, **kwargs):
        seen.append(signal.SIGTERM in signal.pthread_sigmask(signal.SIG_BLOCK, []))
        return real_fork(*args, **kwargs)

    previous = signal.signal(signal.SIGTERM, interrupt)
    real_fork = os.fork
    os.fork = forked_with
    try:
        answers = set(parallel.run(_sigterm_state, list(range(parallel.MIN_TASKS_FOR_POOL)), 2, {}))
        process = parallel.start(os.getpid)
        process.join()
    finally:
        os.fork = real_fork
        signal.signal(signal.SIGTERM, previous)
    assert seen and all(seen)  # every worker and process forked with SIGTERM held
    assert answers == {(False, signal.SIG_DFL)}  # and, started, takes it at once
    assert signal.SIGTERM not in signal.pthread_sigmask(signal.SIG_BLOCK, [])  # the parent's mask as it was


class _InACycle:
    """An object that refers to itself: only the cyclic collector frees it."""

    def __init__(self):
        self.me = self


_LEFT = weakref.WeakSet()  # (each worker has its own copy)


def _leave_a_cycle(state: dict, task: int) -> int:
    _LEFT.add(_InACycle())
    return len(_LEFT)  # how many of the cycles the tasks left are still there


@pytest.mark.parametrize("jobs", [1, 2])
def test_cycles_that_tasks_leave_are_freed_between_tasks_with_the_collector_off(monkeypatch, jobs):
    """A build runs with the cyclic collector off, and a theme can leave a cycle at every page
    (a macro of the page's template that uses a name of the page holds its context, and with
    it the article's body and comments): once enough objects were made, the youngest are
    collected between two tasks, in the workers and in the process itself, so that such
    garbage never grows with the number of pages."""
    monkeypatch.setattr(parallel, "YOUNG_OBJECTS", 100)
    was = gc.isenabled()
    gc.disable()
    try:
        left = list(parallel.run(_leave_a_cycle, list(range(2000)), jobs, {}))
    finally:
        gc.unfreeze()  # (what run froze in this process, as a build would at its end)
        if was:
            gc.enable()
    assert max(left) < 100  # (without the collections: all 2,000, or each worker's share of them)
