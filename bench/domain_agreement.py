#!/usr/bin/env python3
"""How far a proposal is from the domains bench/gen_monorepo.py generated.

    python3 bench/domain_agreement.py REPORT.json GROUND_TRUTH.json

REPORT.json is `seams analyze --format json`'s report on a generated estate;
GROUND_TRUTH.json is the estate's ground_truth.json (app label -> domain). Every
clustered node (module or model with a context, the shared kernel included as
one more group) that lies in a domain package is judged: its true group is its
domain, its proposed group its context. Prints:

  nodes         nodes judged
  contexts      proposed groups among them (the shared kernel counts as one)
  domains       true groups
  MoJoFM        Wen & Tzerpos 2004, the proposal judged against the domains
                (100: equal; the same algorithm as lib/cluster/metrics.cc)
  ARI           adjusted Rand index (1: equal, ~0: independent)
  purity        share of nodes whose context's most common domain is their own
                (1.0: no context mixes domains)
  completeness  share of nodes in their domain's largest context
                (1.0: no domain is split)
"""
import collections
import json
import sys


def canonical(labels):
    ids = {}
    return [ids.setdefault(x, len(ids)) for x in labels]


def max_matching(edges, left):
    """Maximum bipartite matching size (Kuhn's augmenting paths); edges[u] lists right nodes."""
    match_right = {}

    def augment(u, seen):
        for v in edges[u]:
            if v in seen:
                continue
            seen.add(v)
            if v not in match_right or augment(match_right[v], seen):
                match_right[v] = u
                return True
        return False

    sys.setrecursionlimit(max(1000, 4 * left + 100))
    return sum(1 for u in range(left) if augment(u, set()))


def mojofm(a, b):
    a, b = canonical(a), canonical(b)
    la = max(a) + 1
    cells = collections.Counter(zip(a, b))
    by_a = collections.defaultdict(dict)
    for (i, j), n in cells.items():
        by_a[i][j] = n
    moves = 0
    edges = [[] for _ in range(la)]
    for i in range(la):
        row = by_a[i]
        most = max(row.values())
        moves += sum(row.values()) - most
        edges[i] = sorted(j for j, n in row.items() if n == most)
    groups = max_matching(edges, la)
    mno = moves + la - groups
    g = 0
    for size in sorted(collections.Counter(b).values()):
        if g < size:
            g += 1
    worst = len(a) - g
    return 100.0 if worst <= 0 else (1 - mno / worst) * 100


def ari(a, b):
    def pairs(n):
        return n * (n - 1) / 2

    index = sum(pairs(n) for n in collections.Counter(zip(a, b)).values())
    pa = sum(pairs(n) for n in collections.Counter(a).values())
    pb = sum(pairs(n) for n in collections.Counter(b).values())
    expected = pa * pb / pairs(len(a))
    top = (pa + pb) / 2
    return 1.0 if top == expected else (index - expected) / (top - expected)


def main():
    report = json.load(open(sys.argv[1]))
    truth = json.load(open(sys.argv[2]))
    domains = set(truth["domains"])
    proposed, actual = [], []
    for node in report["graph"]["nodes"]:
        context = node.get("context")
        if not context:
            continue
        domain = node["module"].split(".")[0]
        if domain not in domains:
            continue
        proposed.append(context)
        actual.append(domain)
    if not proposed:
        sys.exit("domain_agreement: no clustered node lies in a generated domain")
    by_context = collections.defaultdict(collections.Counter)
    by_domain = collections.defaultdict(collections.Counter)
    for c, d in zip(proposed, actual):
        by_context[c][d] += 1
        by_domain[d][c] += 1
    n = len(proposed)
    purity = sum(max(cnt.values()) for cnt in by_context.values()) / n
    completeness = sum(max(cnt.values()) for cnt in by_domain.values()) / n
    print(f"nodes {n}  contexts {len(by_context)}  domains {len(by_domain)}  "
          f"MoJoFM {mojofm(proposed, actual):.1f}  ARI {ari(proposed, actual):.3f}  "
          f"purity {purity:.3f}  completeness {completeness:.3f}")


if __name__ == "__main__":
    main()
