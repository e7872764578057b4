#!/usr/bin/env python
"""Command-line entry point for Shopwise administrative tasks."""
import os
import sys


def main():
    """Run a management command with production settings by default."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shopwise.settings.production")
    try:
        from django.core.management import execute_from_command_line
    except ImportError as exc:
        raise ImportError(
            "Django is not importable; activate the Shopwise virtualenv first."
        ) from exc
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
