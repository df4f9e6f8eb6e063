"""Readable terminal output (Rich) for people."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from align.model import Detection

_FIXED_COLUMNS_WIDTH = 70  # room the other columns and borders take; the content preview gets the rest


def print_detections(detections: Sequence[Detection], console: Console) -> None:
    for detection in detections:
        table = Table(title=f"{detection.document.path} ({detection.document.encoding})", title_justify="left")
        for column in ("lang", "script", "role", "label", "lines", "sentences"):
            justify = "right" if column in {"lines", "sentences"} else "left"
            table.add_column(column, justify=justify, no_wrap=True)
        table.add_column("content")
        preview = max(console.width - _FIXED_COLUMNS_WIDTH, 10)
        for block in detection.blocks:
            label = escape(block.label or "–")
            if block.label_lang and block.label_lang != block.lang:
                label += f" [yellow]({block.label_lang} label)[/]"
            if block.role == "keywords":
                content = f"{len(block.keywords)}: " + "; ".join(block.keywords)
            else:
                content = " ".join(block.text.split())
            table.add_row(
                block.lang,
                block.script,
                block.role,
                label,
                f"{block.start_line}–{block.end_line}",
                str(len(block.sentences)) if block.role != "keywords" else "",
                escape(content if len(content) <= preview else content[: preview - 1] + "…"),
            )
        console.print(table)
        if detection.missing:
            missing = ", ".join(f"{m.lang} {m.role}" for m in detection.missing)
            console.print(f"[bold red]missing:[/] {missing}")
        else:
            console.print("[green]all expected blocks found[/]")
        console.print()
