// Parses every Mermaid diagram in the given .mmd and .md files with Mermaid's
// own parser, under a DOM from jsdom, and checks the size GitHub renders
// (50,000 characters). Prints `FILE: message` for each diagram that fails, then
// "N diagrams, M failed" once every file is read. Exit 1 when any diagram fails.
import { JSDOM } from 'jsdom';
import fs from 'fs';
const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window; globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser; globalThis.Element = dom.window.Element;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });
let bad = 0, diagrams = 0;
for (const f of process.argv.slice(2)) {
  let text = fs.readFileSync(f, 'utf8');
  const blocks = f.endsWith('.md') ? [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map(m => m[1]) : [text];
  for (const b of blocks) {
    diagrams++;
    if (b.length > 50000) { bad++; console.log(f + `: ${b.length} characters, over Mermaid's 50000`); continue; }
    try { await mermaid.parse(b); } catch (e) { bad++; console.log(f + ': ' + String(e.message || e).slice(0, 400)); }
  }
}
console.log(`${diagrams} diagrams, ${bad} failed`);
process.exit(bad ? 1 : 0);
