"""A readable account of a record: who said what, what happened, how many, where and when.

The head says what the document is and how much each layer found; then each layer that
declares a section (dateline/layers/) gives its lines, in reading order.
"""
from __future__ import annotations

from typing import Any

from .layers import reading_order


def summarise(record: dict[str, Any]) -> str:
    doc = record["document"]
    lines = []
    head = [f"document {doc['id']}"]
    for label, key in (("dateline", "dateline"), ("published", "published"), ("language", "language"),
                       ("source", "source")):
        if doc.get(key):
            head.append(f"{label} {doc[key]}")
    lines.append(" · ".join(head))
    layers = reading_order()
    lines.append(", ".join(f"{len(record.get(layer.name, []))} {layer.name}" for layer in layers))
    for layer in layers:
        if layer.section is None:
            continue
        if record.get(layer.name):
            lines.append(f"\n{layer.section.heading}")
            lines += layer.section.lines(record)
        elif layer.section.empty:
            lines.append(f"\n{layer.section.empty}")
    return "\n".join(lines)
