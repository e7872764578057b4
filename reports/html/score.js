// Scoring an assignment in the page, exactly as lib/cluster/score.cc and
// reports/score_report.cc do for `seams score` (same keys, same numbers, same
// order of summation): keep the three in step.
//   graph.nodes[i] = {id, kind}; graph.edges[j] = {from, to, kind, weight, count}
//   (from/to are node indexes); assignment[i] = context name, "shared_kernel" or "".
//   graph.data, when the report has a data plan: {lookups, atomic_writes}, each a list of
//   {nodes: [node index, or -1 for a model not in the graph], count}.
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

  // The partition's edges as parallel arrays: u, v (partition indexes) and weight.
  function modularity(edges, membership) {
    var p = canonical(membership);
    var inside = new Float64Array(p.count), degree = new Float64Array(p.count), m = 0;
    for (var e = 0; e < edges.count; e++) {
      var cu = p.membership[edges.u[e]], cv = p.membership[edges.v[e]], w = edges.w[e];
      m += w;
      degree[cu] += w;
      degree[cv] += w;
      if (cu === cv) inside[cu] += w;
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
    var size = sizes(p), inside = new Float64Array(k), between = new Map();
    for (var e = 0; e < edges.count; e++) {
      var i = p.membership[edges.u[e]], j = p.membership[edges.v[e]];
      if (i === j) inside[i] += edges.w[e];
      else {
        var key = Math.min(i, j) * k + Math.max(i, j);
        between.set(key, (between.get(key) || 0) + edges.w[e]);
      }
    }
    var cohesion = 0;
    for (var c = 0; c < k; c++) cohesion += inside[c] / (size[c] * size[c]);
    cohesion /= k;
    if (k === 1) return cohesion;
    // std::map order: by (i, j).
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
    for (var e = 0; e < edges.count; e++) if (p.membership[edges.u[e]] !== p.membership[edges.v[e]]) flag[edges.v[e]] = 1;
    for (var i = 0; i < flag.length; i++) count += flag[i];
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
    for (var e = 0; e < edges.count; e++) {
      total += edges.w[e];
      if (membership[edges.u[e]] !== membership[edges.v[e]]) crossing += edges.w[e];
    }
    return total > 0 ? crossing / total : 0;
  }

  function score(graph, assignment, source) {
    var nodes = graph.nodes, counts = { assigned: 0, shared_kernel: 0, unassigned: 0 };
    // Contexts by name (std::map order); label[n]: the context's number, -1 kernel, -2 none.
    var present = new Set();
    for (var n = 0; n < nodes.length; n++) if (inContext(assignment[n])) present.add(assignment[n]);
    var sorted = Array.from(present).sort(byName), number = new Map(), K = sorted.length;
    sorted.forEach(function (name, i) { number.set(name, i); });
    var label = new Int32Array(nodes.length), index = new Int32Array(nodes.length).fill(-1), membership = [];
    var members = new Int32Array(K), modelCount = new Int32Array(K);
    for (n = 0; n < nodes.length; n++) {
      var c = assignment[n];
      if (c === "") { counts.unassigned++; label[n] = -2; continue; }
      if (c === KERNEL) { counts.shared_kernel++; label[n] = -1; continue; }
      counts.assigned++;
      var l = number.get(c);
      label[n] = l;
      members[l]++;
      if (nodes[n].kind === "model") modelCount[l]++;
      index[n] = membership.length;
      membership.push(l);
    }
    var E = graph.edges.length;
    var pairs = { u: new Int32Array(E), v: new Int32Array(E), w: new Float64Array(E), count: 0 };
    var internal = new Float64Array(K), external = new Float64Array(K), kernelW = new Float64Array(K);
    var inbound = new Float64Array(K), outbound = new Float64Array(K);
    var fks = new Int32Array(K), signals = new Int32Array(K), tasks = new Int32Array(K);
    var cross = new Map(), crossWeight = 0, crossFks = 0;
    for (var e = 0; e < E; e++) {
      var edge = graph.edges[e], a = label[edge.from], b = label[edge.to], w = edge.weight;
      if (a >= 0 && b === -1) kernelW[a] += w;
      if (a < 0 || b < 0) continue;
      var p = pairs.count++;
      pairs.u[p] = index[edge.from];
      pairs.v[p] = index[edge.to];
      pairs.w[p] = w;
      if (a === b) { internal[a] += w; continue; }
      external[a] += w;
      external[b] += w;
      crossWeight += w;
      var key = a * K + b, x = cross.get(key);
      if (x === undefined) { x = { from: sorted[a], to: sorted[b], weight: 0, foreign_keys: 0, counts: {} }; cross.set(key, x); }
      x.weight += w;
      x.counts[edge.kind] = (x.counts[edge.kind] || 0) + edge.count;
      if (RELATIONS[edge.kind] === true) {
        fks[a] += edge.count; fks[b] += edge.count;
        x.foreign_keys += edge.count;
        crossFks += edge.count;
      } else if (edge.kind === "signal") { signals[a] += edge.count; signals[b] += edge.count; }
      else if (edge.kind === "task_call") { tasks[a] += edge.count; tasks[b] += edge.count; }
      inbound[b] += w;
      outbound[a] += w;
    }
    var contextList = sorted.map(function (name, i) {
      var total = internal[i] + external[i];
      return { name: name, members: members[i], models: modelCount[i], internal_weight: internal[i], external_weight: external[i],
               cohesion: total > 0 ? internal[i] / total : 1, coupling: total > 0 ? external[i] / total : 0 };
    });
    var crossList = Array.from(cross.keys()).sort(function (p1, p2) { return p1 - p2; }).map(function (key) {
      var x = cross.get(key), ordered = {};
      Object.keys(x.counts).sort(byName).forEach(function (k) { ordered[k] = x.counts[k]; });
      x.counts = ordered;
      return x;
    });
    var order = sorted.map(function (name, i) {
      // Inbound dependencies weigh most: every caller needs a new API before the cut.
      var difficulty = inbound[i] + 0.5 * outbound[i] + 0.25 * kernelW[i] + 2.0 * fks[i] + signals[i] + tasks[i];
      return { rank: 0, context: name, difficulty: difficulty, inbound_weight: inbound[i], outbound_weight: outbound[i],
               kernel_weight: kernelW[i], foreign_keys: fks[i], signals: signals[i], task_calls: tasks[i] };
    });
    order.sort(function (p1, p2) { return p1.difficulty < p2.difficulty ? -1 : p1.difficulty > p2.difficulty ? 1 : byName(p1.context, p2.context); });
    order.forEach(function (s, i) { s.rank = i + 1; });
    // Data-plan measures: contexts among the models a lookup visits or a block writes.
    function contextsAmong(list, firstInContext) {
      var seen = new Set();
      for (var i = 0; i < list.length; i++) {
        var l = list[i] >= 0 ? label[list[i]] : -2;
        if (i === 0 && firstInContext && l < 0) return 0;
        if (l >= 0) seen.add(l);
      }
      return seen.size;
    }
    var joins = null, transactions = null;
    if (graph.data) {
      joins = 0;
      transactions = 0;
      graph.data.lookups.forEach(function (u) { if (contextsAmong(u.nodes, true) > 1) joins += u.count; });
      graph.data.atomic_writes.forEach(function (u) { if (contextsAmong(u.nodes, false) > 1) transactions += u.count; });
    }
    return {
      schema: "seams.score/1",
      source: source || "report.html",
      nodes: counts,
      metrics: {
        contexts: K,
        modularity: modularity(pairs, membership),
        structural_modularity: structuralModularity(pairs, membership),
        interface_number: interfaceNumber(pairs, membership),
        non_extreme_distribution: nonExtremeDistribution(membership),
        inter_call_percentage: interCallPercentage(pairs, membership),
        cross_context_weight: crossWeight,
        cross_context_foreign_keys: crossFks,
        cross_context_joins: joins,
        cross_context_transactions: transactions
      },
      contexts: contextList,
      cross_context: crossList,
      extraction_order: order
    };
  }

  return { score: score, KERNEL: KERNEL };
})();
