"""The document registry: every module of ``dxdesk.reports.documents``, loaded on first use.

Apart from ``base`` (which documents import to register themselves) so that the engine and the
documents do not import each other.
"""

from __future__ import annotations

import importlib
import pkgutil

from dxdesk.reports.base import REGISTRY, ReportKind

__all__ = ["WORKING_ORDER", "kinds", "load_documents"]


def load_documents() -> dict[str, ReportKind]:
    """Import every module of dxdesk.reports.documents (once each); return the registry."""
    from dxdesk.reports import documents

    # PyInstaller: collect_submodules("dxdesk.reports.documents") in the spec.
    for info in sorted(pkgutil.iter_modules(documents.__path__), key=lambda i: i.name):
        importlib.import_module(f"{documents.__name__}.{info.name}")  # cached after the first
    return REGISTRY


# The order people work in (before a visit, after it, each month, ...): menus and --list.
WORKING_ORDER = (
    "plan",
    "structure",
    "security",
    "hearing-sheet",
    "hearing-record",
    "monthly",
    "consultations",
    "experts",
    "minutes",
    "training-plan",
    "training-result",
    "completion",
    "case-study",
    "recovery-kit",
)


def kinds() -> list[ReportKind]:
    """Registered kinds in working order; any others after them, by name."""
    registry = load_documents()
    rank = {name: i for i, name in enumerate(WORKING_ORDER)}
    return sorted(registry.values(), key=lambda k: (rank.get(k.name, len(rank)), k.name))
