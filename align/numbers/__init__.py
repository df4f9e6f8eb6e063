"""Numbers in EN/KK/RU sentences: extraction with spans (``extract_numbers``) and the comparison
of two translations' numbers (``compare_numbers``), the groundwork of the numbers rule."""

from align.numbers.compare import NumberDiff, compare_numbers
from align.numbers.extract import NumberMention, extract_numbers

__all__ = ["NumberDiff", "NumberMention", "compare_numbers", "extract_numbers"]
