// report.html: the workshop board. Reads the report data embedded in the page,
// draws the context map with cytoscape, lets the room move members and scores
// every state with SeamsScore (score.js, the same numbers as `seams score`).
"use strict";
(function () {
  var KERNEL = SeamsScore.KERNEL;
  var timings = {}, mark = performance.now();
  function lap(name) { var now = performance.now(); timings[name] = Math.round(now - mark); mark = now; }
  var data = JSON.parse(document.getElementById("seams-data").textContent);
  var nodes = data.nodes;
  var nodeIndex = new Map();
  nodes.forEach(function (n, i) { nodeIndex.set(n.id, i); });
  var edges = data.edges.map(function (e) {
    return { from: nodeIndex.get(e.from), to: nodeIndex.get(e.to), kind: e.kind, weight: e.weight, count: e.count, evidence: e.evidence || [] };
  });
  var graph = { nodes: nodes, edges: edges, data: null };
  if (data.lookups && data.atomic_writes) {
    var toNodes = function (u) {
      return { nodes: u.models.map(function (m) { var i = nodeIndex.get(m); return i === undefined ? -1 : i; }), count: u.count };
    };
    graph.data = { lookups: data.lookups.map(toNodes), atomic_writes: data.atomic_writes.map(toNodes) };
  }
  var undecided = new Set(data.undecided);
  // Tests and migrations are out of every measure (as `seams score` leaves them out of a config's contexts).
  var leftOut = nodes.map(function (n) { return (n.tags || []).indexOf("test") >= 0 || (n.tags || []).indexOf("migration") >= 0; });

  var initial = nodes.map(function (n) { return n.context || ""; });
  var assignment = initial.slice();
  var done = [];   // moves applied, oldest first: {node, from, to}
  var undone = []; // moves undone, for redo
  lap("read");
  var baseline = SeamsScore.score(graph, initial);
  var current = baseline;
  lap("score");
  var selection = null; // {type: "context"|"edge"|"app"|"kernel", ...}
  var palette = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
                 "#86bc86", "#d37295", "#5f9ed1", "#c85200", "#a3acb9", "#6f63bb", "#3ca951"];

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === "class") e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    }
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function byName(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function fmt(x, digits) {
    if (Number.isInteger(x)) return String(x);
    return x.toFixed(digits === undefined ? 3 : digits);
  }
  function contextNames() {
    var names = new Set();
    assignment.forEach(function (c) { if (c !== "" && c !== KERNEL) names.add(c); });
    return Array.from(names).sort(byName);
  }
  function colorOf(name) {
    var all = Array.from(new Set(contextNames().concat(baseline.contexts.map(function (c) { return c.name; })))).sort(byName);
    var i = all.indexOf(name);
    return i < 0 ? "#a3acb9" : palette[i % palette.length];
  }

  // ---- moves, undo, redo --------------------------------------------------------------

  function apply(move, forward) {
    assignment[move.node] = forward ? move.to : move.from;
    current = SeamsScore.score(graph, assignment);
  }
  function move(member, context) {
    var i = nodeIndex.get(member);
    if (i === undefined) throw new Error("seams.move: no module or model named " + member);
    if (typeof context !== "string" || context === "" || /[\u0000-\u001f\u007f]/.test(context)) {
      throw new Error("seams.move: a context name is needed");
    }
    if (assignment[i] === context) return false;
    var m = { node: i, from: assignment[i], to: context };
    done.push(m);
    undone = [];
    apply(m, true);
    render();
    return true;
  }
  function undo() {
    var m = done.pop();
    if (!m) return false;
    undone.push(m);
    apply(m, false);
    render();
    return true;
  }
  function redo() {
    var m = undone.pop();
    if (!m) return false;
    done.push(m);
    apply(m, true);
    render();
    return true;
  }

  // ---- export: members that `seams check` assigns exactly as the board does ----------

  function utf8Length(s) { return new TextEncoder().encode(s).length; }
  // The winner among the members that can name node n (lib/check/assign.cc: model key 1000,
  // module 500 + length, package prefix 100 + length, app label 50); kernel only when strictly more specific.
  function resolve(n, owner) {
    var node = nodes[n], best = 0, who = "", kernel = 0;
    function offer(member, s) {
      var o = owner.get(member);
      if (o === undefined) return;
      if (o === KERNEL) { if (s > kernel) kernel = s; }
      else if (s > best) { best = s; who = o; }
    }
    if (node.kind === "model") offer(node.id, 1000);
    offer(node.module, 500 + utf8Length(node.module));
    var parts = node.module.split(".");
    for (var k = 1; k < parts.length; k++) {
      var prefix = parts.slice(0, k).join(".");
      offer(prefix, 100 + utf8Length(prefix));
    }
    // An app label counts as a label only where it is not the module or a package prefix of it.
    if (!(node.module === node.group || node.module.indexOf(node.group + ".") === 0)) offer(node.group, 50);
    return kernel > best ? KERNEL : who;
  }
  function exportMembers() {
    var owner = new Map();
    // App labels first, to the context holding most of the app; then exceptions by name.
    var byGroup = new Map();
    nodes.forEach(function (node, n) {
      if (leftOut[n]) return;
      if (!byGroup.has(node.group)) byGroup.set(node.group, new Map());
      var tally = byGroup.get(node.group);
      tally.set(assignment[n], (tally.get(assignment[n]) || 0) + 1);
    });
    Array.from(byGroup.keys()).sort(byName).forEach(function (group) {
      var tally = byGroup.get(group);
      if (tally.has("")) return;
      var best = null;
      Array.from(tally.keys()).sort(byName).forEach(function (c) { if (best === null || tally.get(c) > tally.get(best)) best = c; });
      owner.set(group, best);
    });
    var unplaced = [];
    for (var round = 0; round < 100; round++) {
      var changed = false;
      unplaced = [];
      for (var n = 0; n < nodes.length; n++) {
        if (leftOut[n]) continue;
        var want = assignment[n];
        if (resolve(n, owner) === want) continue;
        if (want === "") { unplaced.push(nodes[n].id); continue; }
        var name = nodes[n].kind === "model" ? nodes[n].id : nodes[n].module;
        if (owner.get(name) !== want) { owner.set(name, want); changed = true; }
      }
      if (!changed) break;
    }
    return { owner: owner, unplaced: unplaced };
  }
  function tomlString(s) {
    return "\"" + s.replace(/[\\"]/g, function (c) { return "\\" + c; }) + "\"";
  }
  function exportToml() {
    var result = exportMembers(), sets = new Map();
    result.owner.forEach(function (context, member) {
      if (!sets.has(context)) sets.set(context, []);
      sets.get(context).push(member);
    });
    var lines = [
      "# Seams configuration for " + data.project + ", edited in report.html: the proposal with " + done.length + " move(s).",
      "# Score it with `seams score seams.toml --compare report.json`; enforce it with `seams check`.",
      "# Members: a package or module, an app label, or a model (\"orders.Order\"); the most specific wins."
    ];
    done.forEach(function (m) {
      lines.push("#   moved " + nodes[m.node].id + ": " + (m.from || "(none)") + " -> " + (m.to || "(none)"));
    });
    if (result.unplaced.length) lines.push("# Not expressible (left in no context, yet named by an app): " + result.unplaced.join(", "));
    lines.push("");
    var list = function (items) { return "[\n" + items.sort(byName).map(function (m) { return "  " + tomlString(m) + ",\n"; }).join("") + "]"; };
    if (sets.has(KERNEL)) lines.push("shared_kernel = " + list(sets.get(KERNEL)), "");
    Array.from(sets.keys()).filter(function (c) { return c !== KERNEL; }).sort(byName).forEach(function (c) {
      lines.push("[[context]]", "name = " + tomlString(c), "members = " + list(sets.get(c)), "");
    });
    return lines.join("\n");
  }
  function download() {
    var blob = new Blob([exportToml()], { type: "application/toml" });
    var a = el("a", { href: URL.createObjectURL(blob), download: "seams.toml" });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  // ---- the map ------------------------------------------------------------------------

  var cy = cytoscape({
    container: $("map"),
    minZoom: 0.05,
    maxZoom: 4,
    style: [
      { selector: "node", style: { "label": "data(label)", "text-wrap": "wrap", "text-valign": "bottom", "text-halign": "center", "text-margin-y": 3,
          "font-size": 11, "background-color": "data(color)", "width": "data(size)", "height": "data(size)", "color": "#111",
          "text-outline-color": "#fff", "text-outline-width": 2, "border-width": 1, "border-color": "#555" } },
      { selector: "node.kernel", style: { "shape": "round-rectangle", "text-valign": "center", "text-margin-y": 0, "border-style": "dashed", "border-width": 2, "background-color": "#eef0f3" } },
      { selector: "node.kernel-app", style: { "border-style": "dashed" } },
      { selector: "node.split", style: { "border-color": "#d62728", "border-width": 3 } },
      { selector: "node.changed", style: { "border-color": "#e8a100", "border-width": 4 } },
      { selector: "node.match", style: { "overlay-color": "#ffd43b", "overlay-opacity": 0.45, "overlay-padding": 6 } },
      { selector: "node:selected", style: { "border-color": "#111", "border-width": 3 } },
      { selector: "edge", style: { "width": "data(width)", "line-color": "#9aa5b4", "target-arrow-color": "#9aa5b4", "target-arrow-shape": "triangle",
          "curve-style": "bezier", "label": "data(label)", "font-size": 9, "text-rotation": "autorotate", "color": "#39424e",
          "text-background-color": "#fff", "text-background-opacity": 0.8, "text-background-padding": 1, "arrow-scale": 0.8 } },
      { selector: "edge.relation", style: { "line-color": "#d62728", "target-arrow-color": "#d62728" } },
      { selector: "edge:selected", style: { "line-color": "#111", "target-arrow-color": "#111" } }
    ]
  });
  var view = "contexts";
  var laidOut = "";

  function kindsLabel(counts) {
    return Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || byName(a, b); }).slice(0, 3)
      .map(function (k) { return k + " " + counts[k]; }).join(" · ");
  }
  function topEdges(list) {
    var top = Math.max(1, parseInt($("top").value, 10) || 40);
    return list.slice().sort(function (a, b) { return b.weight - a.weight || byName(a.id, b.id); }).slice(0, top);
  }
  function width(weight, max) { return 1 + 9 * Math.sqrt(weight / (max || 1)); }

  function contextElements() {
    var els = [], changedNames = new Set(), before = new Map();
    baseline.contexts.forEach(function (c) { before.set(c.name, c); });
    current.contexts.forEach(function (c) {
      var b = before.get(c.name);
      if (!b || b.members !== c.members || Math.abs(b.cohesion - c.cohesion) > 1e-12) changedNames.add(c.name);
      els.push({ group: "nodes", data: { id: "c:" + c.name, context: c.name, color: colorOf(c.name), size: 30 + 8 * Math.sqrt(c.members),
        label: c.name + "\n" + c.members + " members · cohesion " + c.cohesion.toFixed(2) }, classes: changedNames.has(c.name) ? "changed" : "" });
    });
    var kernelCount = assignment.filter(function (c) { return c === KERNEL; }).length;
    if (kernelCount) {
      els.push({ group: "nodes", data: { id: "k", context: KERNEL, color: "#eef0f3", size: 40, label: "shared kernel\n" + kernelCount + " members" }, classes: "kernel" });
    }
    var list = current.cross_context.map(function (x) {
      return { id: "e:" + x.from + "\u0000" + x.to, from: x.from, to: x.to, weight: x.weight, counts: x.counts, relation: x.foreign_keys > 0 };
    });
    var shown = topEdges(list), max = shown.length ? shown[0].weight : 1;
    shown.forEach(function (x) {
      els.push({ group: "edges", data: { id: x.id, source: "c:" + x.from, target: "c:" + x.to, from: x.from, to: x.to,
        width: width(x.weight, max), label: fmt(x.weight, 1) + ": " + kindsLabel(x.counts) }, classes: x.relation ? "relation" : "" });
    });
    return els;
  }

  function appElements() {
    var els = [], apps = new Map();
    nodes.forEach(function (node, n) {
      if (leftOut[n] || assignment[n] === "") return;
      if (!apps.has(node.group)) apps.set(node.group, new Map());
      var t = apps.get(node.group);
      t.set(assignment[n], (t.get(assignment[n]) || 0) + 1);
    });
    var home = new Map();
    apps.forEach(function (t, app) {
      var best = null;
      Array.from(t.keys()).sort(byName).forEach(function (c) { if (best === null || t.get(c) > t.get(best)) best = c; });
      home.set(app, best);
    });
    Array.from(home.keys()).sort(byName).forEach(function (app) {
      var t = apps.get(app), total = 0;
      t.forEach(function (v) { total += v; });
      // Each app in the colour of the context holding most of it (the table's colours are the legend);
      // an app split over several contexts is outlined in red.
      var where = home.get(app) === KERNEL ? "shared kernel" : home.get(app);
      els.push({ group: "nodes", data: { id: "a:" + app, app: app, context: home.get(app),
        color: home.get(app) === KERNEL ? "#d4d9e0" : colorOf(home.get(app)), size: 20 + 5 * Math.sqrt(total),
        label: app + "\n" + (t.size > 1 ? "split " + t.size + " ways, mostly " : "in ") + where },
        classes: (t.size > 1 ? "split" : "") + (home.get(app) === KERNEL ? " kernel-app" : "") });
    });
    var pairs = new Map();
    edges.forEach(function (e) {
      var a = nodes[e.from].group, b = nodes[e.to].group;
      if (a === b || !home.has(a) || !home.has(b) || leftOut[e.from] || leftOut[e.to]) return;
      var key = a + "\u0000" + b;
      if (!pairs.has(key)) pairs.set(key, { id: "g:" + key, from: a, to: b, weight: 0, counts: {}, relation: false });
      var p = pairs.get(key);
      p.weight += e.weight;
      p.counts[e.kind] = (p.counts[e.kind] || 0) + e.count;
      if (e.kind === "fk" || e.kind === "m2m" || e.kind === "inherits" || e.kind === "inherits_abstract") p.relation = true;
    });
    var shown = topEdges(Array.from(pairs.values())), max = shown.length ? shown[0].weight : 1;
    shown.forEach(function (x) {
      els.push({ group: "edges", data: { id: x.id, source: "a:" + x.from, target: "a:" + x.to, fromApp: x.from, toApp: x.to,
        width: width(x.weight, max), label: kindsLabel(x.counts) }, classes: x.relation ? "relation" : "" });
    });
    return els;
  }

  // Updates the map in place, so a move does not reshuffle the room's mental picture.
  function drawMap() {
    var els = view === "contexts" ? contextElements() : appElements();
    var wanted = new Set(els.map(function (e) { return e.data.id; }));
    var fresh = [];
    // Another view starts from nothing: its ids are its own.
    if (laidOut !== view) cy.elements().remove();
    cy.batch(function () {
      cy.elements().forEach(function (e) { if (!wanted.has(e.id())) e.remove(); });
      els.forEach(function (e) {
        var existing = cy.getElementById(e.data.id);
        if (existing.nonempty()) {
          existing.data(e.data);
          existing.classes(e.classes || "");
        } else {
          fresh.push(e);
        }
      });
      if (fresh.length) {
        var bb = cy.elements().boundingBox();
        var x0 = isFinite(bb.x2) ? bb.x2 + 80 : 0, y0 = isFinite(bb.y1) ? bb.y1 : 0;
        fresh.forEach(function (e, k) { if (e.group === "nodes") e.position = { x: x0, y: y0 + 90 * k }; });
        cy.add(fresh);
      }
    });
    if (laidOut !== view) {
      laidOut = view;
      // A deterministic start (a circle, by id) instead of cose's random one: same page, same picture.
      var start = cy.nodes().sort(function (a, b) { return byName(a.id(), b.id()); });
      start.forEach(function (n, k) {
        var angle = 2 * Math.PI * k / Math.max(1, start.length), r = 60 * Math.sqrt(start.length) + 100;
        var at = { x: r * Math.cos(angle), y: r * Math.sin(angle) };
        n.position(at);
      });
      // The kernel stands apart on the context map.
      var layoutNodes = cy.elements().not(".kernel");
      layoutNodes.layout({ name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 2000000; },
        nodeOverlap: 200, idealEdgeLength: function () { return 200; }, gravity: 0.2, numIter: 400, fit: false }).run();
      var kernel = cy.nodes(".kernel");
      if (kernel.nonempty()) {
        var box = layoutNodes.boundingBox();
        kernel.position({ x: box.x1 - 160, y: (box.y1 + box.y2) / 2 });
      }
      cy.fit(undefined, 30);
    }
  }

  function contextAt(renderedX, renderedY) {
    var hit = null;
    cy.nodes().forEach(function (n) {
      var b = n.renderedBoundingBox();
      if (renderedX >= b.x1 && renderedX <= b.x2 && renderedY >= b.y1 && renderedY <= b.y2) {
        hit = n;
      }
    });
    return hit ? hit.data("context") : null;
  }

  // ---- panels -------------------------------------------------------------------------

  var LABELS = [
    ["modularity", "modularity (Q)", true], ["structural_modularity", "structural modularity (SM)", true],
    ["interface_number", "interface number (IFN)", false], ["non_extreme_distribution", "non-extreme distribution (NED)", false],
    ["inter_call_percentage", "inter-call percentage (ICP)", false], ["cross_context_weight", "cross-context weight", false],
    ["cross_context_foreign_keys", "cross-context foreign keys", false],
    ["cross_context_joins", "cross-context joins", false], ["cross_context_transactions", "cross-context transactions", false],
    ["contexts", "contexts", null]
  ];
  function changeCell(td, before, after, higherIsBetter, digits) {
    if (before === undefined || Math.abs(after - before) <= 1e-12) { td.textContent = fmt(after, digits); return; }
    td.classList.add("changed");
    if (higherIsBetter !== null) td.classList.add((after > before) === higherIsBetter ? "better" : "worse");
    td.appendChild(el("span", { class: "was" }, fmt(before, digits)));
    td.appendChild(document.createTextNode(fmt(after, digits)));
  }
  function drawMetrics() {
    var t = $("metrics");
    t.textContent = "";
    LABELS.forEach(function (l) {
      if (current.metrics[l[0]] === null) return;  // a data-plan measure without the data
      var tr = el("tr"), td = el("td", { class: "num", "data-metric": l[0] });
      tr.appendChild(el("td", {}, l[1]));
      changeCell(td, baseline.metrics[l[0]], current.metrics[l[0]], l[2], 4);
      tr.appendChild(td);
      t.appendChild(tr);
    });
    var ct = $("context-table"), before = new Map();
    baseline.contexts.forEach(function (c) { before.set(c.name, c); });
    ct.textContent = "";
    var head = el("tr");
    ["context", "members", "cohesion", "coupling"].forEach(function (h, i) { head.appendChild(el("th", i ? { class: "num" } : {}, h)); });
    ct.appendChild(head);
    current.contexts.forEach(function (c) {
      var b = before.get(c.name), tr = el("tr");
      var name = el("td", b ? {} : { class: "new" }, c.name + (b ? "" : " (new)"));
      name.style.borderLeft = "6px solid " + colorOf(c.name);
      name.style.cursor = "pointer";
      name.onclick = function () { select({ type: "context", name: c.name }); };
      tr.appendChild(name);
      [["members", null, 0], ["cohesion", true, 3], ["coupling", false, 3]].forEach(function (f) {
        var td = el("td", { class: "num" });
        changeCell(td, b ? b[f[0]] : undefined, c[f[0]], f[1], f[2]);
        tr.appendChild(td);
      });
      ct.appendChild(tr);
    });
    baseline.contexts.forEach(function (c) {
      if (current.contexts.some(function (x) { return x.name === c.name; })) return;
      var tr = el("tr", { class: "worse" });
      tr.appendChild(el("td", {}, c.name + " (emptied)"));
      tr.appendChild(el("td", { class: "num" }, "0"));
      ct.appendChild(tr);
    });
    var ol = $("order"), rank = new Map();
    baseline.extraction_order.forEach(function (s) { rank.set(s.context, s.rank); });
    ol.textContent = "";
    current.extraction_order.forEach(function (s) {
      var li = el("li", {}, s.context + " — difficulty " + s.difficulty.toFixed(2));
      var r = rank.get(s.context);
      if (r === undefined) li.classList.add("new");
      else if (r !== s.rank) {
        li.classList.add("changed", s.rank < r ? "better" : "worse");
        li.appendChild(el("span", { class: "was" }, " was #" + r));
      }
      ol.appendChild(li);
    });
  }
  function drawMoves() {
    var ol = $("moves");
    ol.textContent = "";
    done.forEach(function (m) {
      var li = el("li", {}, nodes[m.node].id + ": " + (m.from || "(none)") + " → " + (m.to || "(none)"));
      li.onclick = function () { select({ type: "context", name: m.to, found: nodes[m.node].id }); };
      ol.appendChild(li);
    });
    $("move-count").textContent = done.length ? done.length + " since the proposal" : "none yet";
    $("undo").disabled = done.length === 0;
    $("redo").disabled = undone.length === 0;
  }

  function targetSelect(n) {
    var s = el("select", { title: "Move to…" });
    s.appendChild(el("option", { value: "" }, "move to…"));
    // Options are made when the select is first used: a context of 300 members would otherwise
    // rebuild thousands of options on every move.
    var fill = function () {
      if (s.options.length > 1) return;
      contextNames().concat([KERNEL]).forEach(function (c) {
        if (c !== assignment[n]) s.appendChild(el("option", { value: c }, c === KERNEL ? "shared kernel" : c));
      });
      s.appendChild(el("option", { value: "\u0000new" }, "new context…"));
    };
    s.addEventListener("focus", fill);
    s.addEventListener("mousedown", fill);
    s.onchange = function () {
      var target = s.value;
      if (target === "\u0000new") {
        target = (window.prompt("Name of the new context") || "").trim();
        if (!target) { s.value = ""; return; }
      }
      if (target) move(nodes[n].id, target);
    };
    return s;
  }
  function memberRow(n, found) {
    var node = nodes[n], conf = data.confidence[node.id];
    var row = el("div", { class: "member" + (undecided.has(node.id) ? " undecided" : "") + (found === node.id ? " found" : ""), draggable: "true" });
    row.dataset.member = node.id;
    row.appendChild(el("span", { class: "kind " + node.kind }, node.kind));
    row.appendChild(el("span", { class: "id", title: node.path }, node.id));
    row.appendChild(el("span", { class: "conf", title: "confidence" }, conf === undefined ? "" : conf.toFixed(2)));
    row.appendChild(targetSelect(n));
    row.addEventListener("dragstart", function (ev) { ev.dataTransfer.setData("text/plain", node.id); });
    return row;
  }
  function memberList(body, indexes, found) {
    indexes.sort(function (a, b) {
      return (nodes[a].kind === "model" ? 0 : 1) - (nodes[b].kind === "model" ? 0 : 1) || byName(nodes[a].id, nodes[b].id);
    });
    indexes.forEach(function (n) { body.appendChild(memberRow(n, found)); });
  }
  function evidenceBlock(body, list) {
    // The same grouping as `seams explain`: by direction, then kind, with path:line evidence.
    var groups = new Map();
    list.forEach(function (e) {
      var key = nodes[e.from].id + " → " + nodes[e.to].id;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(e);
    });
    var shown = 0, LIMIT = 300;
    Array.from(groups.keys()).sort(byName).forEach(function (key) {
      if (shown >= LIMIT) return;
      groups.get(key).forEach(function (e) {
        if (shown >= LIMIT) return;
        body.appendChild(el("div", {}, key + "  " + e.kind + " ×" + e.count + " (weight " + fmt(e.weight, 2) + ")"));
        body.appendChild(el("div", { class: "evidence" }, e.evidence.map(function (v) { return v.path + ":" + v.line + ": " + v.detail; }).join("\n")));
        shown++;
      });
    });
    if (list.length > LIMIT) body.appendChild(el("p", { class: "hint" }, "… and " + (list.length - LIMIT) + " more couplings (seams explain lists all)."));
  }
  function drawDetails() {
    var title = $("details-title"), body = $("details-body");
    body.textContent = "";
    if (!selection) { title.textContent = "Click a context or an edge"; return; }
    if (selection.type === "context") {
      var name = selection.name, idx = [];
      assignment.forEach(function (c, n) { if (c === name) idx.push(n); });
      var score = current.contexts.find(function (c) { return c.name === name; });
      title.textContent = name === KERNEL ? "Shared kernel" : name;
      if (score) body.appendChild(el("p", {}, score.members + " members, " + score.models + " models; cohesion " + score.cohesion.toFixed(3) + ", coupling " + score.coupling.toFixed(3)));
      if (name === KERNEL) body.appendChild(el("p", { class: "hint" }, "Kept out of clustering: " + Object.keys(data.kernel).length + " hubs and utility packages."));
      var here = new Set(idx.map(function (n) { return nodes[n].id; }));
      var tables = (data.tables || []).filter(function (t) { return t.model && here.has(t.model); })
        .map(function (t) { return t.table; }).sort(byName);
      if (tables.length) {
        body.appendChild(el("h3", {}, "Owned tables"));
        body.appendChild(el("div", { class: "tables" }, tables.join(", ")));
      }
      // Every other context it is coupled with, heaviest first: a click shows the evidence, as `seams explain A B`.
      var partners = new Map();
      current.cross_context.forEach(function (x) {
        if (x.from !== name && x.to !== name) return;
        var other = x.from === name ? x.to : x.from;
        partners.set(other, (partners.get(other) || 0) + x.weight);
      });
      if (partners.size) {
        body.appendChild(el("h3", {}, "Coupled with"));
        var ul = el("ul", { class: "partners" });
        Array.from(partners.keys()).sort(function (a, b) { return partners.get(b) - partners.get(a) || byName(a, b); }).forEach(function (other) {
          var li = el("li", {}, other + " — weight " + fmt(partners.get(other), 2));
          li.onclick = function () { select({ type: "edge", a: name, b: other }); };
          ul.appendChild(li);
        });
        body.appendChild(ul);
      }
      var unsure = idx.filter(function (n) { return undecided.has(nodes[n].id); });
      if (unsure.length) body.appendChild(el("p", {}, "Undecided: " + unsure.map(function (n) { return nodes[n].id; }).join(", ")));
      body.appendChild(el("h3", {}, "Members (models first)"));
      memberList(body, idx, selection.found);
    } else if (selection.type === "app") {
      var app = selection.app, members = [];
      nodes.forEach(function (node, n) { if (node.group === app) members.push(n); });
      title.textContent = "App " + app;
      memberList(body, members, selection.found);
    } else if (selection.type === "edge") {
      title.textContent = selection.a + " ⇄ " + selection.b;
      var list = edges.filter(function (e) {
        var a = selection.apps ? nodes[e.from].group : assignment[e.from];
        var b = selection.apps ? nodes[e.to].group : assignment[e.to];
        return (a === selection.a && b === selection.b) || (a === selection.b && b === selection.a);
      });
      evidenceBlock(body, list);
    }
    var found = body.querySelector(".found");
    if (found) found.scrollIntoView({ block: "nearest" });
  }
  function select(s) {
    selection = s;
    drawDetails();
  }
  function render() {
    drawMap();
    drawMetrics();
    drawMoves();
    drawDetails();
  }

  // ---- search -------------------------------------------------------------------------

  // The datalist holds only the best matches of what is typed (at most SEARCH_SHOWN):
  // a list of every node costs the browser ~100 ms a key on a netbox-sized report.
  var SEARCH_SHOWN = 40, searchEntries = [];
  function fillSearch() {
    var seen = new Set();
    searchEntries = [];
    var add = function (v, what) { if (!seen.has(v)) { seen.add(v); searchEntries.push({ value: v, lower: v.toLowerCase(), what: what }); } };
    contextNames().forEach(function (c) { add(c, "context"); });
    Array.from(new Set(nodes.map(function (n) { return n.group; }))).sort(byName).forEach(function (g) { add(g, "app"); });
    nodes.forEach(function (n) { add(n.id, n.kind); });
    suggest($("search").value);
  }
  // Names that start with the text first, then names that contain it, each in list order.
  function suggest(text) {
    var lower = text.trim().toLowerCase(), starts = [], contains = [];
    for (var i = 0; i < searchEntries.length && starts.length < SEARCH_SHOWN; i++) {
      var e = searchEntries[i], at = lower ? e.lower.indexOf(lower) : 0;
      if (at === 0) starts.push(e);
      else if (at > 0 && contains.length < SEARCH_SHOWN) contains.push(e);
    }
    var list = $("search-list");
    list.textContent = "";
    starts.concat(contains).slice(0, SEARCH_SHOWN).forEach(function (e) {
      list.appendChild(el("option", { value: e.value }, e.what));
    });
  }
  function search(text) {
    text = text.trim();
    cy.nodes().removeClass("match");
    if (!text) return;
    if (contextNames().indexOf(text) >= 0 || text === KERNEL) {
      select({ type: "context", name: text });
      cy.getElementById(text === KERNEL ? "k" : "c:" + text).addClass("match");
      return;
    }
    var n = nodeIndex.get(text);
    if (n !== undefined) {
      if (assignment[n] !== "") select({ type: "context", name: assignment[n], found: text });
      else select({ type: "app", app: nodes[n].group, found: text });
      cy.getElementById("c:" + assignment[n]).addClass("match");
      cy.getElementById("a:" + nodes[n].group).addClass("match");
      return;
    }
    if (nodes.some(function (x) { return x.group === text; })) {
      select({ type: "app", app: text });
      cy.getElementById("a:" + text).addClass("match");
      return;
    }
    // A partial name: highlight what contains it.
    var lower = text.toLowerCase();
    cy.nodes().forEach(function (x) { if (String(x.data("label")).toLowerCase().indexOf(lower) >= 0) x.addClass("match"); });
  }

  // ---- events -------------------------------------------------------------------------

  cy.on("tap", "node", function (ev) {
    var d = ev.target.data();
    if (d.app) select({ type: "app", app: d.app });
    else select({ type: "context", name: d.context });
  });
  cy.on("tap", "edge", function (ev) {
    var d = ev.target.data();
    if (d.fromApp) select({ type: "edge", a: d.fromApp, b: d.toApp, apps: true });
    else select({ type: "edge", a: d.from, b: d.to });
  });
  $("map").addEventListener("dragover", function (ev) { ev.preventDefault(); });
  $("map").addEventListener("drop", function (ev) {
    ev.preventDefault();
    var member = ev.dataTransfer.getData("text/plain"), box = $("map").getBoundingClientRect();
    var target = contextAt(ev.clientX - box.left, ev.clientY - box.top);
    if (member && target) move(member, target);
  });
  $("undo").onclick = undo;
  $("redo").onclick = redo;
  $("export").onclick = download;
  $("view").onchange = function () { view = $("view").value; drawMap(); };
  $("top").onchange = function () { drawMap(); };
  $("search").addEventListener("input", function () { suggest($("search").value); });
  $("search").addEventListener("change", function () { search($("search").value); });
  $("search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") search($("search").value); });
  document.addEventListener("keydown", function (ev) {
    if (!(ev.ctrlKey || ev.metaKey) || ev.target.tagName === "INPUT") return;
    if (ev.key === "z" && !ev.shiftKey) { ev.preventDefault(); undo(); }
    else if (ev.key === "y" || (ev.key === "Z" && ev.shiftKey) || (ev.key === "z" && ev.shiftKey)) { ev.preventDefault(); redo(); }
  });

  $("project").textContent = data.project;
  fillSearch();
  drawMap();
  lap("map");
  drawMetrics();
  drawMoves();
  drawDetails();
  lap("panels");

  /// The testing hook, for tests and the room's own scripts.
  window.seams = {
    readyMs: performance.now(),
    timings: timings,
    contexts: function () {
      return contextNames().map(function (name) {
        var members = [];
        assignment.forEach(function (c, n) { if (c === name) members.push(nodes[n].id); });
        return { name: name, members: members.sort(byName) };
      });
    },
    move: move,
    undo: undo,
    redo: redo,
    moves: function () { return done.map(function (m) { return { member: nodes[m.node].id, from: m.from, to: m.to }; }); },
    metrics: function () { return JSON.parse(JSON.stringify(current)); },
    exportToml: exportToml
  };
})();
