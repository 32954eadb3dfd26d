"""Work spread over processes (the GIL rules out threads for Markdown and templates).

Workers are forked, so they start with the parent's memory: the site, the index, the Jinja
environment and the tasks themselves are not pickled. Only each task's number goes to a
worker, and its result comes back. Results come back in task order, so the output never
depends on the number of workers.
"""

from __future__ import annotations

import gc
import mmap
import multiprocessing
import os
import signal
import time
from contextlib import contextmanager
from typing import Callable, Iterator

# What forked workers read; set by ``run`` just before the pool starts.
_STATE: dict = {}

_RUN = "parallel.run"  # the key in _STATE of the run it belongs to
_JOB = "parallel.job"  # the key in _STATE of (function, tasks)
_STOPPED = "parallel.stopped"  # the key in _STATE of the flag that tells workers to skip their tasks

# Below this many tasks a pool costs more than it saves.
MIN_TASKS_FOR_POOL = 64

# Between two tasks, the youngest objects are looked at for garbage in cycles once more than
# this many have been made since the last time (see _collect_young_garbage).
YOUNG_OBJECTS = 5_000


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def run(function: Callable, tasks: list, jobs: int, state: dict, meanwhile: Callable | None = None) -> Iterator:
    """``function(state, task)`` for each task, in order, on up to ``jobs`` processes.

    ``meanwhile()``, if given, is work of the parent's own that needs none of the results: it
    is done once the workers have their tasks and before the first result is taken, so that
    the parent, which would only wait for them, works too (without workers, it is done before
    the tasks). Its objects are made after the workers were forked: they do not have them."""
    _STATE.clear()
    _STATE.update(state)
    this_run = _STATE[_RUN] = object()
    try:
        if jobs <= 1 or len(tasks) < MIN_TASKS_FOR_POOL or not _can_fork():
            if meanwhile is not None:
                meanwhile()
            if not gc.isenabled():  # (a build's: see _collect_young_garbage)
                gc.freeze()
            for task in tasks:
                result = function(_STATE, task)
                _collect_young_garbage()
                yield result
            return
        # The tasks go to the workers in the memory they are forked with: a body-stage task
        # holds an article's front matter, and pickling 10,000 of them, piping them and
        # unpickling them again cost a third of a second of CPU.
        _STATE[_JOB] = (function, tasks)
        context = multiprocessing.get_context("fork")
        # (a byte of memory shared with the workers, made before them: cheaper to read for each
        # task than an Event, whose lock each reading takes; anonymous, so no file to remove)
        stopped = _STATE[_STOPPED] = mmap.mmap(-1, 1)
        chunk = max(1, min(64, len(tasks) // (jobs * 8)))
        with _sigterm_held():
            pool = context.Pool(jobs, initializer=_worker_start)
        with pool:
            results = pool.imap(_call, range(len(tasks)), chunksize=chunk)
            try:
                if meanwhile is not None:
                    meanwhile()
                yield from results
            except (Exception, GeneratorExit):  # (a task's error, the caller's, or the caller stopped taking results)
                _wind_down(pool, stopped)
                raise
            # (Ctrl+C, or SIGTERM in `sitegen serve`, as KeyboardInterrupt: the pool is terminated
            # at once, as one of its workers may never end its task)
    finally:
        # The state holds the whole site: kept here, it would outlive the build (in `serve`,
        # until the next one) and be torn down object by object when the interpreter exits.
        # (Unless a later run has taken the state over: a generator closed late must not
        # empty it under that run.)
        if _STATE.get(_RUN) is this_run:
            _STATE.clear()


def start(function: Callable, *args) -> multiprocessing.Process | None:
    """``function(*args)`` in a forked process of its own, to be joined later; None where
    processes cannot be forked (the caller then does it itself)."""
    if not _can_fork():
        return None
    process = multiprocessing.get_context("fork").Process(target=_in_background, args=(function, args))
    with _sigterm_held():
        process.start()
    return process


def _can_fork() -> bool:
    """Workers are forked (see the module's docstring); where they cannot be, all runs here."""
    return "fork" in multiprocessing.get_all_start_methods()


def _in_background(function: Callable, args: tuple) -> None:
    _worker_signals()
    function(*args)


def _worker_start() -> None:
    _worker_signals()
    # What the worker was forked with is the parent's: left out of the worker's collections
    # (see _collect_young_garbage). Its first would otherwise look at every object the parent
    # made since it last froze them (the front matter of every article, in the load stage),
    # 60-90 ms, and write to each one, copying the parent's memory page by page.
    gc.freeze()


def _worker_signals() -> None:
    """A worker leaves signals to its parent. It is forked with the parent's handlers, and
    `sitegen serve` turns SIGTERM into KeyboardInterrupt: in a worker that printed a traceback
    every time a pool was closed (closing sends its workers SIGTERM). Ctrl+C, which reaches
    every process of the terminal, stops the parent's build, and the build closes the pool."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})  # (held while forked: see _sigterm_held)


@contextmanager
def _sigterm_held():
    """SIGTERM held back (blocked) while workers are forked, and delivered after.

    A worker is forked with the parent's handler for it until _worker_signals puts back the
    default one. A SIGTERM that came in between (a pool closed while its last worker was still
    starting, on a busy machine) was noted for the parent's Python handler, then dropped when
    that handler was replaced: the worker lived on, and closing the pool waited for it forever.
    Held back, the signal waits in the worker until its default action can take it."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _wind_down(pool, stopped) -> None:
    """Let a pool whose results are no longer wanted end on its own before it is terminated.

    Terminating a pool kills its workers where they are, and one killed while it sends a
    result dies holding the lock of the results' queue: the pool's own thread then waits for
    that lock forever, and with it the build that failed (seen in the test suite, a build
    failing on a theme's error). So the workers are told to skip the tasks left (``stopped``)
    and, given no more, exit once the task each is doing is done; the pool's thread takes their
    results and drops them. Terminating the pool then kills no one. A worker that has not
    ended within WIND_DOWN_SECONDS (a task that never ends; a worker killed from outside,
    whose task never comes back) is terminated with the others, as before."""
    stopped[0] = 1
    try:
        pool.close()
        workers = list(pool._pool)  # (the pool's processes: Pool has no join with a time limit)
        deadline = time.monotonic() + WIND_DOWN_SECONDS
        while any(worker.is_alive() for worker in workers) and time.monotonic() < deadline:
            time.sleep(0.005)
        if not any(worker.is_alive() for worker in workers):
            pool.join()
    except (OSError, ValueError):
        pass  # (an interpreter exiting has closed the pool's pipes: terminating it is all that is left)


# How long the workers of a run that stopped early may take to end the task each is doing
# (see _wind_down): render tasks take milliseconds.
WIND_DOWN_SECONDS = 2


def _call(number: int):
    if _STATE[_STOPPED][0]:
        return None  # (the run stopped: see _wind_down)
    function, tasks = _STATE[_JOB]
    result = function(_STATE, tasks[number])
    _collect_young_garbage()
    return result


def _collect_young_garbage() -> None:
    """Free the reference cycles that the tasks since the last time left behind.

    A build runs with the cyclic collector off (see build._no_collections): what a task makes
    is freed by reference counting. But a theme can make cycles at every page: a macro that
    a page's template defines and that uses a name of the page (``config``, an imported macro)
    is one with the page's context, and so with everything the page was given, an article's
    body and comments. Never collected, these piled up in the workers, by the size of every
    article at the end (a worker keeps its memory until the pool closes).

    Only the youngest generation is collected, and only between tasks: a finished task's
    cycles are garbage by then, and all of them are still in it (nothing collected since they
    were made). What survives moves to an older generation, which is never looked at again,
    so each object is looked at once at most: a cold build of 10,000 articles spends some
    30 ms of CPU in all on them. What was there before the first task is left out (frozen,
    as build._settle does; the build unfreezes it at its end): the cache's records of every
    article, say, which the first collection of a one-article rebuild would look through."""
    if gc.get_count()[0] > YOUNG_OBJECTS:
        gc.collect(0)

