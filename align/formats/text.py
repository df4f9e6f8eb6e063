"""Readable terminal output (Rich) for people."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from align.model import Detection

_PREVIEW_KEYWORDS = 4


def print_detections(detections: Sequence[Detection], console: Console) -> None:
    for detection in detections:
        table = Table(title=f"{detection.document.path} ({detection.document.encoding})", title_justify="left")
        for column in ("lang", "script", "role", "label", "lines", "sentences", "keywords"):
            table.add_column(column, justify="right" if column in {"lines", "sentences"} else "left")
        for block in detection.blocks:
            label = block.label or "–"
            if block.label_lang and block.label_lang != block.lang:
                label += f" [yellow]({block.label_lang} label)[/]"
            keywords = ", ".join(block.keywords[:_PREVIEW_KEYWORDS])
            if len(block.keywords) > _PREVIEW_KEYWORDS:
                keywords += f", … ({len(block.keywords)})"
            table.add_row(
                block.lang,
                block.script,
                block.role,
                label,
                f"{block.start_line}–{block.end_line}",
                str(len(block.sentences)) if block.role != "keywords" else "",
                keywords,
            )
        console.print(table)
        if detection.missing:
            missing = ", ".join(f"{m.lang} {m.role}" for m in detection.missing)
            console.print(f"[bold red]missing:[/] {missing}")
        else:
            console.print("[green]all expected blocks found[/]")
        console.print()
