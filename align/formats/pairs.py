"""``align pairs``: run detection and alignment, then render TSV, TMX or JSON."""

from __future__ import annotations

import sys
from pathlib import Path

from align.api import align_detection, detect, read_sentences
from align.errors import InputError
from align.formats.json import alignment_to_dict, detection_to_dict, render_documents
from align.formats.tmx import render_tmx
from align.formats.tsv import render_tsv
from align.formats.units import Unit, units
from align.model import LANGS

# A side this many times longer than the other is aligned, with a warning: most of it will be 1:0.
_UNEQUAL = 3.0


def manuscript(path: Path, pair: str, output_format: str) -> str | bytes:
    detection = detect(path)
    alignments = align_detection(detection)
    if not alignments:
        raise InputError(str(path), "nothing to align: no block is found in two languages")
    if output_format == "json":
        document = detection_to_dict(detection)
        document["alignments"] = {role: alignment_to_dict(a) for role, a in alignments.items()}
        return render_documents([document])
    langs = LANGS if pair == "all" else tuple(pair.split("-"))
    rows: list[Unit] = []
    for role, role_alignment in alignments.items():
        links = role_alignment.alignment.triples if pair == "all" else role_alignment.alignment.pairs[pair]
        rows.extend(units(links, role_alignment.segments, langs, role))
    if output_format == "tmx":
        return render_tmx(rows, srclang="*all*" if pair == "all" else langs[0])
    return render_tsv(rows, langs)


def parallel_text(src: Path, tgt: Path, src_lang: str, tgt_lang: str, output_format: str) -> str | bytes:
    from align.aligner import align_pair

    source, target = read_sentences(src, src_lang), read_sentences(tgt, tgt_lang)
    longer, shorter = max(len(source), len(target)), min(len(source), len(target))
    if longer > _UNEQUAL * shorter:
        print(
            f"align: warning: {len(source)} source and {len(target)} target sentences: "
            "expect many unaligned sentences",
            file=sys.stderr,
        )
    links = align_pair(source, target, src_lang, tgt_lang)
    langs = (src_lang, tgt_lang)
    if output_format == "json":
        document = {
            "src": str(src), "tgt": str(tgt), "src_lang": src_lang, "tgt_lang": tgt_lang,
            "sentences": {src_lang: list(source), tgt_lang: list(target)},
            "links": [{src_lang: list(k.src), tgt_lang: list(k.tgt), "score": round(k.score, 4)} for k in links],
        }  # fmt: skip
        return render_documents([document])
    rows = list(units(links, {src_lang: source, tgt_lang: target}, langs))
    if output_format == "tmx":
        return render_tmx(rows, srclang=src_lang)
    return render_tsv(rows, langs)
