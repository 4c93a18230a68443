"""One module per printed document; each registers its ReportKind when imported (see base.py)."""
