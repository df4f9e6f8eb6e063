"""Compiled versions of :mod:`align.aligner.kernels`, made only when an input is large.

numba takes about 0.5 s to import and compiles each kernel once per machine (``cache=True``
stores the machine code next to the sources).  An abstract of a few sentences never pays that:
below ``COMPILE_THRESHOLD`` inner-loop steps the kernels run as plain Python, which is the same
code, or, for the hot ones, as numpy array operations that give the same numbers
(:mod:`align.aligner.small`, :mod:`align.aligner.levels`; see :func:`is_small`).
``ALIGN_JIT=never`` never compiles (slow on large inputs, but no numba at all);
``ALIGN_JIT=always`` always does (benchmarks that make thousands of small calls).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache
from typing import Any

from align.aligner import kernels

# Inner-loop steps below which plain Python (about 1 µs a step) beats importing numba (about 1 s).
COMPILE_THRESHOLD = 50_000


@cache
def _compiled(name: str) -> Callable[..., Any] | None:
    if os.environ.get("ALIGN_JIT") == "never":
        return None
    try:
        import numba
    except ImportError:  # pragma: no cover - numba is a dependency; this keeps a broken install working
        return None
    # Helpers the kernels call must be compiled first so that numba sees them as compiled functions.
    for helper in ("_logaddexp",):
        if not hasattr(getattr(kernels, helper), "py_func"):
            setattr(kernels, helper, numba.njit(cache=True)(getattr(kernels, helper)))
    return numba.njit(cache=True)(getattr(kernels, name))


def is_small(work: int) -> bool:
    """Whether ``work`` inner-loop steps are below the compile threshold (numpy paths take these)."""
    return work < COMPILE_THRESHOLD and os.environ.get("ALIGN_JIT") != "always"


def kernel(name: str, work: int) -> Callable[..., Any]:
    """The kernel ``name``: compiled if ``work`` (a rough count of inner-loop steps) is large."""
    if not is_small(work):
        compiled = _compiled(name)
        if compiled is not None:
            return compiled
    function = getattr(kernels, name)
    return getattr(function, "py_func", function)
