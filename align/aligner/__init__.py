"""Sentence alignment of EN/KK/RU texts: pairwise, three-way and keyword lists.

A pure library over lists of sentence strings; see :func:`align_pair`, :func:`align_three` and
:func:`align_items`.
"""

from align.aligner.beads import Link, TriAlignment, Triple
from align.aligner.items import align_items
from align.aligner.pairwise import align_pair
from align.aligner.threeway import align_three

__all__ = ["Link", "TriAlignment", "Triple", "align_items", "align_pair", "align_three"]
