#!/usr/bin/env python3
"""Validates Seams reports against a JSON Schema of reports/schema/ (analysis, explain).

Usage: validate_reports.py SCHEMA REPORT.json...

Prints every failure as `REPORT: JSON-PATH: message`, then how many reports are
valid. Exits 0 when all are, 1 when any is not (or cannot be read), 2 on a
usage error or a broken schema. A report whose "schema" is not the schema's
`const` is refused outright: validating a seams.analysis/3 report against the
/1 contract would only list symptoms of the wrong version. Integers are strict:
3.0 where the schema says integer fails, and NaN or Infinity is not JSON.
Needs Debian's python3-jsonschema (Draft 2020-12).
"""
import json
import math
import sys

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import SchemaError

MAX_ERRORS = 25  # per report; a wrong shape repeated a thousand times is one bug

# JSON Schema counts 3.0 as an integer; the report does not: a count written as a
# double changes the bytes ("3" becomes "3.0") and the type a reader must expect.
StrictValidator = validators.extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _, x: isinstance(x, int) and not isinstance(x, bool)))


def finite(text):
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} does not fit a double")
    return value


def not_json(name):
    raise ValueError(f"{name} is not JSON")


def load_json(path):
    with open(path, encoding="utf-8") as f:
        # NaN and Infinity are not JSON, and 1e999 is no double: refuse them where Python would accept them.
        return json.load(f, parse_constant=not_json, parse_float=finite)


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        schema = load_json(argv[1])
        Draft202012Validator.check_schema(schema)
        expected = schema["properties"]["schema"]["const"]
    except (OSError, ValueError, KeyError, TypeError, SchemaError) as error:
        print(f"{argv[1]}: not a usable report schema: {error}", file=sys.stderr)
        return 2
    validator = StrictValidator(schema)
    reports = argv[2:]
    failed = 0
    for path in reports:
        try:
            report = load_json(path)
        except (OSError, ValueError) as error:
            print(f"{path}: cannot read the report: {error}")
            failed += 1
            continue
        version = report.get("schema") if isinstance(report, dict) else None
        if version != expected:
            print(f"{path}: $.schema: refused: the report says {version!r}, this schema describes {expected!r}")
            failed += 1
            continue
        errors = sorted(validator.iter_errors(report), key=lambda e: (list(map(str, e.absolute_path)), e.message))
        for error in errors[:MAX_ERRORS]:
            message = error.message if len(error.message) <= 300 else error.message[:300] + "…"
            print(f"{path}: {error.json_path}: {message}")
        if len(errors) > MAX_ERRORS:
            print(f"{path}: … and {len(errors) - MAX_ERRORS} more")
        failed += bool(errors)
    print(f"{len(reports) - failed} of {len(reports)} reports valid against {expected}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
