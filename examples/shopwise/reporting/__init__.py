"""Reporting: sales snapshots, product performance and exports (production only)."""
