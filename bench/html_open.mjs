// Opens report.html REPEAT times in headless chromium; prints the best time to a
// ready board and the mean time of a move and of an undo. See bench/html_open.sh.
import path from "node:path";
import puppeteer from "puppeteer-core";

const [file, repeat = "3"] = process.argv.slice(2);
const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
let ready = Infinity, moveMs = Infinity, undoMs = Infinity, stats = null;
for (let i = 0; i < Number(repeat); i++) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto("file://" + path.resolve(file), { waitUntil: "load" });
  await page.waitForFunction(() => window.seams !== undefined);
  ready = Math.min(ready, await page.evaluate(() => window.seams.readyMs));
  console.log("stages (ms): " + JSON.stringify(await page.evaluate(() => window.seams.timings)));
  const t = await page.evaluate(() => {
    const cs = window.seams.contexts().filter((c) => c.members.length > 1);
    const moves = [];
    for (let k = 0; k < 20; k++) moves.push([cs[k % cs.length].members[k % cs[k % cs.length].members.length], cs[(k + 1) % cs.length].name]);
    let t0 = performance.now();
    for (const [m, c] of moves) window.seams.move(m, c);
    const move = (performance.now() - t0) / moves.length;
    t0 = performance.now();
    for (let k = 0; k < moves.length; k++) window.seams.undo();
    const undo = (performance.now() - t0) / moves.length;
    const m = window.seams.metrics();
    return { move, undo, nodes: m.nodes.assigned + m.nodes.shared_kernel + m.nodes.unassigned, contexts: m.metrics.contexts };
  });
  moveMs = Math.min(moveMs, t.move);
  undoMs = Math.min(undoMs, t.undo);
  stats = t;
  await page.close();
}
await browser.close();
console.log(`nodes: ${stats.nodes}, contexts: ${stats.contexts}`);
console.log(`ready after navigation: ${ready.toFixed(0)} ms (best of ${repeat}) ${ready <= 2000 ? "PASS" : "MISS"} (target 2000 ms)`);
console.log(`one move, rescored and redrawn: ${moveMs.toFixed(1)} ms; one undo: ${undoMs.toFixed(1)} ms ${moveMs <= 50 ? "PASS" : "MISS"} (target 50 ms)`);
