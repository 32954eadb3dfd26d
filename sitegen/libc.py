"""Functions of the C library that Python's standard library does not offer (Linux's
``renameat2``, glibc's ``malloc_trim``), looked up once in the C library the interpreter itself
is linked with. Where one is missing (another C library, another system) the caller gets None
and does without."""

from __future__ import annotations

import ctypes
from functools import lru_cache


@lru_cache(maxsize=None)
def c_function(name: str):
    try:
        # CDLL(None): the symbols already loaded into this process, the C library's among them
        # (rather than ctypes.util.find_library, which runs ldconfig in a subprocess).
        return getattr(ctypes.CDLL(None, use_errno=True), name)
    except (OSError, AttributeError):
        return None
