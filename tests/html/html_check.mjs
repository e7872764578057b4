// Drives Debian's headless chromium over report.html with puppeteer-core:
// no console errors, moves scored exactly as `seams score` scores the exported
// seams.toml (to 1e-9), undo restores the numbers exactly, the pick-a-target
// control moves, search finds, and a screenshot at a fixed size.
// Usage: node html_check.mjs SEAMS_BINARY WORK_DIR NAME=REPORT_DIR[=PROJECT_DIR] ...
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import puppeteer from "puppeteer-core";

const [seams, work, ...cases] = process.argv.slice(2);
let failures = 0;
const fail = (what) => { console.log("FAIL: " + what); failures++; };

function score(args) {
  return JSON.parse(execFileSync(seams, ["score", ...args, "--format", "json"], { encoding: "utf8", maxBuffer: 1 << 28 }));
}

// Every key and number of `seams score --format json` but `source`, numbers to 1e-9.
function differences(page, cli, where = "") {
  const out = [];
  if (typeof cli === "number") {
    if (typeof page !== "number" || !(Math.abs(page - cli) <= 1e-9)) out.push(`${where}: page ${page}, seams score ${cli}`);
    return out;
  }
  if (cli === null || typeof cli !== "object") {
    if (page !== cli) out.push(`${where}: page ${JSON.stringify(page)}, seams score ${JSON.stringify(cli)}`);
    return out;
  }
  if (page === null || typeof page !== "object") return [`${where}: page has ${JSON.stringify(page)}`];
  const keys = new Set([...Object.keys(cli), ...Object.keys(page)]);
  for (const k of keys) {
    if (where === "" && k === "source") continue;
    if (!(k in page)) out.push(`${where}.${k}: missing in the page`);
    else if (!(k in cli)) out.push(`${where}.${k}: not in seams score`);
    else out.push(...differences(page[k], cli[k], `${where}.${k}`));
  }
  return out;
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"],
});
try {
  // One tab for every report (a new tab costs ~0.6 s): each case navigates it to a
  // new document, so the page's state starts afresh, and the errors are counted anew.
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warn") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("requestfailed", (r) => errors.push("request failed: " + r.url()));
  // Offline: the page must not ask the network for anything.
  await page.setRequestInterception(true);
  page.on("request", (r) => (r.url().startsWith("file:") || r.url().startsWith("blob:") || r.url().startsWith("data:") ? r.continue() : (errors.push("network: " + r.url()), r.abort())));
  for (const spec of cases) {
    const [name, dir, project] = spec.split("=");
    const report = path.join(dir, "report.json");
    errors.length = 0;
    const started = Date.now();
    await page.goto("file://" + path.resolve(dir, "report.html"), { waitUntil: "load" });
    await page.waitForFunction(() => window.seams !== undefined, { timeout: 20000 });
    const loaded = Date.now() - started;
    const ready = await page.evaluate(() => Math.round(window.seams.readyMs));

    const proposal = score([report]);
    const m0 = await page.evaluate(() => window.seams.metrics());
    for (const d of differences(m0, proposal)) fail(`${name}: proposal: ${d}`);
    // Every report here has a data plan: the crossing joins and transactions are counted, not null.
    for (const k of ["cross_context_joins", "cross_context_transactions"]) {
      if (typeof m0.metrics[k] !== "number") fail(`${name}: metrics().${k} is ${m0.metrics[k]}, a count was expected`);
    }
    const contexts = await page.evaluate(() => window.seams.contexts());
    if (contexts.length !== proposal.metrics.contexts) fail(`${name}: contexts() lists ${contexts.length}, seams score ${proposal.metrics.contexts}`);

    // A project without two contexts to move between is only opened and checked.
    if (contexts.length < 2) {
      for (const e of errors) fail(`${name}: console: ${e}`);
      console.log(`${name}: ready ${ready} ms after navigation; ${m0.metrics.contexts} context(s), nothing to move`);
      continue;
    }
    // Moves: a model to the next context, a module to a new context, a model into the kernel.
    const sorted = contexts.slice().sort((a, b) => b.members.length - a.members.length || (a.name < b.name ? -1 : 1));
    const big = sorted[0], other = sorted[1];
    const model = big.members.find((m) => /\.[A-Z]/.test(m));
    const module = big.members.find((m) => !/\.[A-Z]/.test(m) && m !== model);
    const model2 = other.members.find((m) => /\.[A-Z]/.test(m));
    const moves = [[model, other.name], [module, "workshop-new"], [model2, "shared_kernel"]];
    let toml = "";
    for (const [member, target] of moves) {
      const moved = await page.evaluate((m, t) => window.seams.move(m, t), member, target);
      if (moved !== true) fail(`${name}: move(${member}, ${target}) returned ${moved}`);
      const after = await page.evaluate(() => window.seams.metrics());
      toml = await page.evaluate(() => window.seams.exportToml());
      const file = path.join(work, `${name}-seams.toml`);
      writeFileSync(file, toml);
      const cli = score([file, "--report", report]);
      for (const d of differences(after, cli)) fail(`${name}: after moving ${member} to ${target}: ${d}`);
    }
    const m3 = await page.evaluate(() => window.seams.metrics());
    if (m3.metrics.modularity === m0.metrics.modularity) fail(`${name}: three moves left modularity unchanged`);
    if (!m3.contexts.some((c) => c.name === "workshop-new")) fail(`${name}: the new context is missing`);
    const cmp = execFileSync(seams, ["score", path.join(work, `${name}-seams.toml`), "--compare", report], { encoding: "utf8" });
    if (!cmp.includes(`${model}`) || !cmp.includes("3 node(s) moved")) fail(`${name}: seams score --compare does not list the 3 moves:\n${cmp}`);
    if (project) {
      // `seams check` accepts the exported file (0: no violation, 1: violations; 2 would be a config error).
      try {
        execFileSync(seams, ["check", project, "--config", path.join(work, `${name}-seams.toml`), "-q", "--no-cache"], { stdio: "pipe" });
      } catch (e) {
        if (e.status !== 1) fail(`${name}: seams check refused the exported seams.toml (exit ${e.status}): ${e.stderr}`);
      }
    }

    // Undo restores the numbers exactly; redo replays.
    for (let i = 0; i < 3; i++) await page.evaluate(() => window.seams.undo());
    const back = await page.evaluate(() => window.seams.metrics());
    if (JSON.stringify(back) !== JSON.stringify(m0)) fail(`${name}: undo did not restore the proposal's numbers exactly`);
    if ((await page.evaluate(() => window.seams.undo())) !== false) fail(`${name}: undo past the start did something`);
    await page.evaluate(() => window.seams.redo());
    const redone = await page.evaluate(() => window.seams.metrics());
    if (JSON.stringify(redone.metrics) === JSON.stringify(m0.metrics)) fail(`${name}: redo changed nothing`);
    await page.evaluate(() => window.seams.undo());

    // The room's controls: search a context, typed key by key, pick a target for its
    // first member. The suggestions are the best matches only, never every node (a
    // datalist of the 1,443 nodes of the large report cost chromium ~100 ms a key).
    await page.focus("#search");
    const typing = Date.now();
    await page.keyboard.type(other.name);
    const perKey = (Date.now() - typing) / other.name.length;
    const shown = await page.$$eval("#search-list option", (os) => os.map((o) => o.value));
    if (shown.length === 0 || shown.length > 40) fail(`${name}: ${shown.length} search suggestions for "${other.name}", expected 1 to 40`);
    if (!shown.includes(other.name)) fail(`${name}: the suggestions for "${other.name}" miss it: ${shown.join(", ")}`);
    const typed = other.name.toLowerCase();
    for (const v of shown) if (!v.toLowerCase().includes(typed)) fail(`${name}: suggestion "${v}" does not contain "${other.name}"`);
    await page.keyboard.press("Enter");
    await page.waitForSelector("#details-body .member select");
    const title = await page.$eval("#details-title", (e) => e.textContent);
    if (title !== other.name) fail(`${name}: search for ${other.name} shows "${title}"`);
    const first = await page.$eval("#details-body .member", (e) => e.dataset.member);
    await page.focus("#details-body .member select");
    await page.select("#details-body .member select", big.name);
    const picked = await page.evaluate(() => window.seams.moves());
    if (picked.length !== 1 || picked[0].member !== first || picked[0].to !== big.name) fail(`${name}: picking a target did not move ${first}: ${JSON.stringify(picked)}`);
    const changedCells = await page.$$eval("#metrics td.changed", (cells) => cells.length);
    if (changedCells === 0) fail(`${name}: no metric is highlighted as changed after a move`);
    await page.click("#undo");
    if ((await page.evaluate(() => window.seams.moves())).length !== 0) fail(`${name}: the Undo button did not undo`);
    // Drill-down: a context's partner opens the evidence of the pair, with path:line.
    await page.evaluate(() => document.querySelector(".partners li").click());
    const evidence = await page.$eval("#details-body", (e) => e.textContent);
    if (!/\.py:\d+: /.test(evidence)) fail(`${name}: the pair's couplings show no path:line evidence`);
    // Apps inside their contexts, then back.
    await page.select("#view", "apps");
    const apps = await page.evaluate(() => document.querySelectorAll("#map canvas").length);
    if (apps === 0) fail(`${name}: the apps view drew nothing`);
    await page.select("#view", "contexts");
    await page.evaluate((m, t) => window.seams.move(m, t), model, other.name);
    await page.evaluate((c) => { const s = document.getElementById("search"); s.value = c; s.dispatchEvent(new Event("change")); }, other.name);

    await page.screenshot({ path: path.join(work, `${name}.png`) });
    for (const e of errors) fail(`${name}: console: ${e}`);
    console.log(`${name}: ready ${ready} ms after navigation (${loaded} ms with the browser's own start); ${m0.nodes.assigned} nodes in ${m0.metrics.contexts} contexts; 3 moves match seams score; search ${perKey.toFixed(1)} ms a key`);
  }
} finally {
  await browser.close();
}
if (failures) process.exit(1);
console.log("PASS: report.html");
