// Scoring an assignment in the page, exactly as lib/cluster/score.cc and
// reports/score_report.cc do for `seams score` (same keys, same numbers, same
// order of summation): keep the three in step.
//   graph.nodes[i] = {id, kind}; graph.edges[j] = {from, to, kind, weight, count}
//   (from/to are node indexes); assignment[i] = context name, "shared_kernel" or "".
"use strict";
var SeamsScore = (function () {
  var KERNEL = "shared_kernel";
  var RELATIONS = { fk: true, m2m: true, inherits: true, inherits_abstract: true };

  function inContext(c) { return c !== "" && c !== KERNEL; }
  // std::map<std::string, …> order: byte order, which for these names is code-unit order.
  function byName(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  // Canonical renumbering (by smallest node), as Canonical() in lib/cluster/leiden.cc.
  function canonical(membership) {
    var map = new Map(), out = new Array(membership.length);
    for (var i = 0; i < membership.length; i++) {
      if (!map.has(membership[i])) map.set(membership[i], map.size);
      out[i] = map.get(membership[i]);
    }
    return { membership: out, count: map.size };
  }

  function modularity(n, edges, membership) {
    var p = canonical(membership);
    var inside = new Array(p.count).fill(0), degree = new Array(p.count).fill(0), m = 0;
    for (var e of edges) {
      var cu = p.membership[e.u], cv = p.membership[e.v];
      m += e.weight;
      degree[cu] += e.weight;
      degree[cv] += e.weight;
      if (cu === cv) inside[cu] += e.weight;
    }
    if (m <= 0) return 0;
    var q = 0;
    for (var c = 0; c < inside.length; c++) {
      var share = degree[c] / (2 * m);
      q += inside[c] / m - 1.0 * share * share;
    }
    return q;
  }

  function sizes(p) {
    var s = new Array(p.count).fill(0);
    for (var c of p.membership) s[c]++;
    return s;
  }

  function structuralModularity(edges, membership) {
    var p = canonical(membership), k = p.count;
    if (k === 0) return 0;
    var size = sizes(p), inside = new Array(k).fill(0), between = new Map();
    for (var e of edges) {
      var i = p.membership[e.u], j = p.membership[e.v];
      if (i === j) inside[i] += e.weight;
      else {
        var key = Math.min(i, j) * k + Math.max(i, j);
        between.set(key, (between.get(key) || 0) + e.weight);
      }
    }
    var cohesion = 0;
    for (var c = 0; c < k; c++) cohesion += inside[c] / (size[c] * size[c]);
    cohesion /= k;
    if (k === 1) return cohesion;
    var keys = Array.from(between.keys()).sort(function (a, b) { return a - b; });
    var coupling = 0;
    for (var key2 of keys) {
      var a = Math.floor(key2 / k), b = key2 % k;
      coupling += between.get(key2) / (2.0 * size[a] * size[b]);
    }
    coupling /= k * (k - 1) / 2.0;
    return cohesion - coupling;
  }

  function interfaceNumber(edges, membership) {
    var p = canonical(membership);
    if (p.count === 0) return 0;
    var flag = new Uint8Array(membership.length), count = 0;
    for (var e of edges) if (p.membership[e.u] !== p.membership[e.v]) flag[e.v] = 1;
    for (var f of flag) count += f;
    return count / p.count;
  }

  function nonExtremeDistribution(membership) {
    if (membership.length === 0) return 0;
    var nonExtreme = 0;
    for (var s of sizes(canonical(membership))) if (s >= 5 && s <= 20) nonExtreme += s;
    return 1.0 - nonExtreme / membership.length;
  }

  function interCallPercentage(edges, membership) {
    var total = 0, crossing = 0;
    for (var e of edges) {
      total += e.weight;
      if (membership[e.u] !== membership[e.v]) crossing += e.weight;
    }
    return total > 0 ? crossing / total : 0;
  }

  function score(graph, assignment, source) {
    var nodes = graph.nodes, counts = { assigned: 0, shared_kernel: 0, unassigned: 0 };
    var contexts = new Map(), index = new Int32Array(nodes.length).fill(-1), names = [];
    for (var n = 0; n < nodes.length; n++) {
      var c = assignment[n];
      if (c === "") { counts.unassigned++; continue; }
      if (c === KERNEL) { counts.shared_kernel++; continue; }
      counts.assigned++;
      if (!contexts.has(c)) contexts.set(c, { name: c, members: 0, models: 0, internal_weight: 0, external_weight: 0, cohesion: 1, coupling: 0 });
      var ctx = contexts.get(c);
      ctx.members++;
      if (nodes[n].kind === "model") ctx.models++;
      index[n] = names.length;
      names.push(c);
    }
    var sorted = Array.from(contexts.keys()).sort(byName), label = new Map();
    sorted.forEach(function (name, i) { label.set(name, i); });
    var membership = names.map(function (name) { return label.get(name); });
    var pairs = [], cross = new Map(), steps = new Map(), crossWeight = 0, crossFks = 0;
    for (var name of sorted) steps.set(name, { rank: 0, context: name, difficulty: 0, inbound_weight: 0, outbound_weight: 0, kernel_weight: 0, foreign_keys: 0, signals: 0, task_calls: 0 });
    for (var edge of graph.edges) {
      var a = assignment[edge.from], b = assignment[edge.to];
      if (inContext(a) && b === KERNEL) steps.get(a).kernel_weight += edge.weight;
      if (!inContext(a) || !inContext(b)) continue;
      pairs.push({ u: index[edge.from], v: index[edge.to], weight: edge.weight });
      if (a === b) { contexts.get(a).internal_weight += edge.weight; continue; }
      contexts.get(a).external_weight += edge.weight;
      contexts.get(b).external_weight += edge.weight;
      crossWeight += edge.weight;
      var key = a + "\u0000" + b;
      if (!cross.has(key)) cross.set(key, { from: a, to: b, weight: 0, foreign_keys: 0, counts: {} });
      var x = cross.get(key);
      x.weight += edge.weight;
      x.counts[edge.kind] = (x.counts[edge.kind] || 0) + edge.count;
      var relation = RELATIONS[edge.kind] === true;
      for (var step of [steps.get(a), steps.get(b)]) {
        if (relation) step.foreign_keys += edge.count;
        else if (edge.kind === "signal") step.signals += edge.count;
        else if (edge.kind === "task_call") step.task_calls += edge.count;
      }
      if (relation) { x.foreign_keys += edge.count; crossFks += edge.count; }
      steps.get(b).inbound_weight += edge.weight;
      steps.get(a).outbound_weight += edge.weight;
    }
    var contextList = sorted.map(function (name) {
      var c = contexts.get(name), total = c.internal_weight + c.external_weight;
      c.cohesion = total > 0 ? c.internal_weight / total : 1;
      c.coupling = total > 0 ? c.external_weight / total : 0;
      return c;
    });
    var crossList = Array.from(cross.values()).sort(function (p, q) { return byName(p.from, q.from) || byName(p.to, q.to); });
    crossList.forEach(function (c) {
      var ordered = {};
      Object.keys(c.counts).sort(byName).forEach(function (k) { ordered[k] = c.counts[k]; });
      c.counts = ordered;
    });
    var order = sorted.map(function (name) {
      var s = steps.get(name);
      s.difficulty = s.inbound_weight + 0.5 * s.outbound_weight + 0.25 * s.kernel_weight + 2.0 * s.foreign_keys + s.signals + s.task_calls;
      return s;
    });
    order.sort(function (p, q) { return p.difficulty < q.difficulty ? -1 : p.difficulty > q.difficulty ? 1 : byName(p.context, q.context); });
    order.forEach(function (s, i) { s.rank = i + 1; });
    return {
      schema: "seams.score/1",
      source: source || "report.html",
      nodes: counts,
      metrics: {
        contexts: contextList.length,
        modularity: modularity(names.length, pairs, membership),
        structural_modularity: structuralModularity(pairs, membership),
        interface_number: interfaceNumber(pairs, membership),
        non_extreme_distribution: nonExtremeDistribution(membership),
        inter_call_percentage: interCallPercentage(pairs, membership),
        cross_context_weight: crossWeight,
        cross_context_foreign_keys: crossFks
      },
      contexts: contextList,
      cross_context: crossList,
      extraction_order: order
    };
  }

  return { score: score, KERNEL: KERNEL };
})();
