/**
 * `npm run bench` (builds dist/chrome first): Aside's performance budgets, each figure printed beside a
 * baseline or budget measured in the same run, as a markdown table. Reports; never fails a build on timing.
 *
 * (a) Bundle sizes (gzip -9): the content script(s) named in dist/chrome/manifest.json, and the sidebar's
 *     first load: sidebar.html plus every script, stylesheet and static import it pulls in transitively.
 * (b) Reading a 2,000-message chat in real Chromium: the WhatsApp adapter's reader (bundled by esbuild into
 *     an IIFE and injected) against a bare querySelectorAll('[data-pre-plain-text]') + textContent walk over
 *     the same DOM; medians of N runs, reported as a ratio against the 3x budget (bench/reading.ts).
 * (c), (d) Streaming through the built extension: first token against a plain fetch of the same server, and
 *     long tasks while 2,000 tokens stream in (bench/streaming.ts).
 * (e) Idle cost: main-thread time added to the WhatsApp tab while 200 messages arrive with the sidebar
 *     watching it, against the same page without the extension (bench/idle.ts).
 * `--reading` runs (b) and (e) only; ASIDE_DIST_CHROME points it at another build than dist/chrome.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { idleRows } from './idle';
import { readRows, type Row } from './reading';
import { streamingRows } from './streaming';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = resolve(process.env.ASIDE_DIST_CHROME || join(ROOT, 'dist', 'chrome'));
/** `--reading`: only the reading and idle-cost measures (no sizes, no streaming), for work on the adapter. */
const READING_ONLY = process.argv.includes('--reading');
const CONTENT_BUDGET = 20 * 1024;
const SIDEBAR_BUDGET = 60 * 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

function distFile(relative: string): string {
  return join(DIST, relative.replace(/^\/+/, ''));
}

// ---------- (a) sizes ----------

function contentScriptFiles(): string[] {
  const manifest = JSON.parse(readFileSync(distFile('manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  return [...new Set((manifest.content_scripts ?? []).flatMap((entry) => entry.js ?? []))];
}

/** Static dependencies of one built file, as dist-relative paths (dynamic import() is not first load). */
function staticDependencies(file: string, source: string): string[] {
  const here = posix.dirname(file);
  const resolveRef = (ref: string) => (ref.startsWith('/') ? ref.slice(1) : posix.normalize(posix.join(here, ref)));
  const refs: string[] = [];
  if (file.endsWith('.html')) {
    for (const match of source.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) refs.push(match[1]!);
    for (const match of source.matchAll(/<link\b[^>]*>/g)) {
      const tag = match[0];
      const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
      if (href && /\brel="(?:stylesheet|modulepreload)"/.test(tag)) refs.push(href);
    }
  } else if (file.endsWith('.js')) {
    // import x from "./a.js" · import{a}from"./a.js" · import "./a.js" · export{a}from"./a.js" · export*from"./a.js"
    for (const match of source.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g)) {
      refs.push(match[1]!);
    }
  } else if (file.endsWith('.css')) {
    for (const match of source.matchAll(/@import\s+(?:url\()?["']?([^"')\s]+)/g)) refs.push(match[1]!);
  }
  return refs.filter((ref) => !/^[a-z]+:/i.test(ref)).map(resolveRef);
}

function firstLoad(entry: string): { files: string[]; raw: number; gzip: number } {
  const seen = new Set<string>();
  const queue = [entry];
  let raw = 0;
  let gzip = 0;
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const path = distFile(file);
    if (!existsSync(path)) throw new Error(`${entry} refers to ${file}, which is not in dist/chrome`);
    const bytes = readFileSync(path);
    raw += bytes.length;
    gzip += gzipSize(bytes);
    queue.push(...staticDependencies(file, bytes.toString('utf8')));
  }
  return { files: [...seen], raw, gzip };
}

function sizeRows(): Row[] {
  const rows: Row[] = [];
  const scripts = contentScriptFiles();
  let raw = 0;
  let gzip = 0;
  for (const file of scripts) {
    const bytes = readFileSync(distFile(file));
    raw += bytes.length;
    gzip += gzipSize(bytes);
  }
  rows.push({
    measure: `Content script, gzip (${scripts.join(', ') || 'none in manifest'})`,
    value: kb(gzip),
    baseline: `${kb(raw)} raw`,
    ratio: `${((gzip / CONTENT_BUDGET) * 100).toFixed(0)}% of budget`,
    budget: `< ${kb(CONTENT_BUDGET)}`,
    verdict: gzip < CONTENT_BUDGET ? 'ok' : 'OVER',
  });
  const sidebar = firstLoad('extension-pages/sidebar.html');
  rows.push({
    measure: `Sidebar first load, gzip (${sidebar.files.length} files)`,
    value: kb(sidebar.gzip),
    baseline: `${kb(sidebar.raw)} raw`,
    ratio: `${((sidebar.gzip / SIDEBAR_BUDGET) * 100).toFixed(0)}% of budget`,
    budget: `< ${kb(SIDEBAR_BUDGET)}`,
    verdict: sidebar.gzip < SIDEBAR_BUDGET ? 'ok' : 'OVER',
  });
  console.error(`sidebar first load: ${sidebar.files.join(', ')}`);
  return rows;
}

// ---------- (b) reading a 2,000-message chat: bench/reading.ts ----------

function table(rows: Row[]): string {
  const header = ['Measure', 'Value', 'Baseline (same run)', 'Ratio', 'Budget', 'Verdict'];
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${[row.measure, row.value, row.baseline, row.ratio, row.budget, row.verdict].join(' | ')} |`),
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  if (!existsSync(distFile('manifest.json'))) {
    throw new Error('dist/chrome is missing: run `npm run build:chrome` (npm run bench does).');
  }
  const sizes = READING_ONLY ? [] : sizeRows();
  const reading = await readRows();
  // (c) first token against a plain fetch, (d) long tasks while streaming: bench/streaming.ts.
  const streaming = READING_ONLY ? [] : await streamingRows(DIST);
  // (e) the live watch's cost on the messenger page while messages arrive: bench/idle.ts.
  const idle = await idleRows(DIST);
  const rows = [...sizes, ...reading.rows, ...idle, ...streaming];
  const chromiumVersion = reading.chromiumVersion;
  console.log(`# Aside bench (${new Date().toISOString()}, Chromium ${chromiumVersion}, node ${process.version})\n`);
  console.log(table(rows));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
