"""Proper names across EN/KK/RU: words with a folded Latin key (``words_of``), a script-blind
similarity of two keys that forgives Kazakh and Russian case endings (``similar``), and the
bundled list of place names translated by convention rather than transliterated
(``places``/``find_places``, from ``align/data/exonyms.tsv``)."""

from align.names.match import (
    Place,
    Word,
    find_places,
    form_matches,
    name_key,
    name_keys,
    places,
    similar,
    similar_keys,
    words_of,
)

__all__ = [
    "Place",
    "Word",
    "find_places",
    "form_matches",
    "name_key",
    "name_keys",
    "places",
    "similar",
    "similar_keys",
    "words_of",
]
