"""abstract-align: check that the EN, KK and RU front matter of a manuscript say the same thing.

The API is imported lazily so that ``align --version`` starts fast.
"""

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "detect", "detect_all", "detect_paths"]

if TYPE_CHECKING:
    from align.api import detect, detect_all, detect_paths


def __getattr__(name: str) -> Any:
    if name in {"detect", "detect_all", "detect_paths"}:
        from align import api

        return getattr(api, name)
    raise AttributeError(f"module 'align' has no attribute {name!r}")
