"""The statistical part: py3langid's naive Bayes model, loaded once, asked once per text.

We ask the full model (140 languages) for calibrated probabilities and renormalise over whichever
subset a decision needs: a softmax restricted to a subset equals the full softmax renormalised over
it, so one call serves both the en/kk/ru decision and the wider "is this really French?" check.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from py3langid.langid import LanguageIdentifier


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    # Imported lazily: loading the model takes about a second and is not needed by every command.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def probabilities(text: str) -> dict[str, float]:
    """Probability of every language the model knows, for ``text``."""
    return dict(_identifier().rank(text))


def restricted(probs: dict[str, float], langs: Iterable[str]) -> dict[str, float]:
    """``probs`` renormalised over ``langs`` (uniform if the model gave them nothing)."""
    subset = {lang: probs.get(lang, 0.0) for lang in langs}
    total = sum(subset.values())
    if total <= 0.0:
        return {lang: 1.0 / len(subset) for lang in subset}
    return {lang: p / total for lang, p in subset.items()}
