#!/usr/bin/env python3
"""The measures of a proposal an architect would look at first, from a report.json.

    python3 bench/proposal_measures.py NAME=path/to/report.json ...

Prints one Markdown row per report:
  contexts      proposed contexts
  stateless     contexts that own no concrete model
  one-member    contexts with a single member
  kernel share  the shared kernel's share of the application's lines (modules in scope)
  largest       the largest context's share of the concrete models
  co-location   share of concrete models placed in the context that holds most of
                their own app's model-free code (apps with such code only)
  MoJoFM        against the apps, as the report states it
"""
import collections
import json
import sys


def measures(report):
    models = {m["key"]: m for m in report["models"]}
    concrete = {k for k, m in models.items() if not m["abstract"] and not m["proxy"]}
    nodes = report["graph"]["nodes"]
    node_context = {n["id"]: n.get("context") for n in nodes}
    contexts = report.get("contexts", [])
    stateless = 0
    one_member = 0
    largest = 0
    placed_models = 0
    for c in contexts:
        owned = [m for m in c["members"] if m["kind"] == "model" and m["id"] in concrete]
        if not owned:
            stateless += 1
        if len(c["members"]) == 1:
            one_member += 1
        largest = max(largest, len(owned))
        placed_models += len(owned)
    app_lines = 0
    kernel_lines = 0
    code_by_app = collections.defaultdict(collections.Counter)
    for n in nodes:
        if n["kind"] != "module":
            continue
        context = n.get("context")
        if not context:  # tests, migrations, outside
            continue
        app_lines += n["lines"]
        if context == "shared_kernel":
            kernel_lines += n["lines"]
    defines_models = {m["module"] for m in report["models"]}
    for n in nodes:
        if n["kind"] == "module" and n.get("context") and n["id"] not in defines_models:
            code_by_app[n["group"]][n["context"]] += n["lines"]
    colocated = 0
    judged = 0
    for key in concrete:
        model_node = next((n for n in nodes if n["id"] == key), None)
        if model_node is None or not model_node.get("context"):
            continue
        code = code_by_app.get(model_node["group"])
        if not code:
            continue
        home = sorted(code.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        judged += 1
        colocated += model_node["context"] == home
    total_models = sum(1 for k in concrete if node_context.get(k))
    return {
        "contexts": len(contexts),
        "stateless": stateless,
        "one-member": one_member,
        "kernel share": kernel_lines / app_lines if app_lines else 0,
        "largest": largest / total_models if total_models else 0,
        "co-location": colocated / judged if judged else 0,
        "MoJoFM": report.get("metrics", {}).get("mojofm_vs_apps", 0),
    }


def main():
    keys = ["contexts", "stateless", "one-member", "kernel share", "largest", "co-location", "MoJoFM"]
    print("| project | " + " | ".join(keys) + " |")
    print("|---" * (len(keys) + 1) + "|")
    for arg in sys.argv[1:]:
        name, _, path = arg.partition("=")
        with open(path) as f:
            m = measures(json.load(f))
        cells = []
        for k in keys:
            v = m[k]
            cells.append(f"{v:.0%}" if isinstance(v, float) and k != "MoJoFM" else (f"{v:.1f}" if isinstance(v, float) else str(v)))
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
