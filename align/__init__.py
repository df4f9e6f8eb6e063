"""abstract-align: check that the EN, KK and RU front matter of a manuscript say the same thing."""

__version__ = "0.1.0"
