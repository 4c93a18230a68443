"""The demo's text resources: the fictional names and Japanese phrase templates it writes.

They live in ``resources/demo_text.json`` so that the prose can be read and edited as prose;
this module is the one place that loads the file and fills its ``{placeholders}``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def demo_text() -> dict[str, Any]:
    raw = files("dxdesk.resources").joinpath("demo_text.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


def fill(template: str, ctx: Mapping[str, object]) -> str:
    return template.format_map(ctx)


def strings(text: Mapping[str, Any], *path: str) -> list[str]:
    """The list of strings at ``path`` (keys, one per level) in the demo text."""
    node: Any = text
    for key in path:
        node = node[key]
    return [str(x) for x in node]
