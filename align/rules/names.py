"""Human names of languages and roles for messages."""

LANGUAGE_NAMES = {"en": "English", "kk": "Kazakh", "ru": "Russian"}


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)
