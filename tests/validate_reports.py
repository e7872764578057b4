#!/usr/bin/env python3
"""Validates Seams reports against a schema of reports/schema/ (analysis, explain).

Usage: validate_reports.py SCHEMA REPORT.json...
Prints every failure with its JSON path; exits 1 when any report fails.
Uses Debian's python3-jsonschema (Draft 2020-12).
"""
import json
import sys

from jsonschema import Draft202012Validator


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    expected = schema["properties"]["schema"]["const"]
    failures = 0
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
        version = report.get("schema") if isinstance(report, dict) else None
        if version != expected:
            print(f"{path}: schema {version!r}, expected {expected!r}")
            failures += 1
            continue
        errors = sorted(validator.iter_errors(report), key=lambda e: list(e.absolute_path))
        for error in errors[:20]:
            print(f"{path}: {error.json_path}: {error.message[:300]}")
        if len(errors) > 20:
            print(f"{path}: … {len(errors) - 20} more")
        failures += bool(errors)
    print(f"{len(argv) - 2 - failures} of {len(argv) - 2} reports valid")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
