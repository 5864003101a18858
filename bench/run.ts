/**
 * `npm run bench` (builds dist/chrome first): Aside's performance budgets, each figure printed beside a
 * baseline or budget measured in the same run, as a markdown table. Reports; never fails a build on timing.
 *
 * (a) Bundle sizes (gzip -9): the content script(s) named in dist/chrome/manifest.json, and the sidebar's
 *     first load: sidebar.html plus every script, stylesheet and static import it pulls in transitively.
 * (b) Reading a 2,000-message chat in real Chromium: the WhatsApp adapter's reader (bundled by esbuild into
 *     an IIFE and injected) against a bare querySelectorAll('[data-pre-plain-text]') + textContent walk over
 *     the same DOM; medians of N runs, reported as a ratio against the 3x budget.
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
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { renderWhatsAppChat } from '../src/content/adapters/whatsapp/fixtures/render-chat';
import { idleRows } from './idle';
import { streamingRows } from './streaming';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = resolve(process.env.ASIDE_DIST_CHROME || join(ROOT, 'dist', 'chrome'));
/** `--reading`: only the reading and idle-cost measures (no sizes, no streaming), for work on the adapter. */
const READING_ONLY = process.argv.includes('--reading');
const READER = join(ROOT, 'src', 'content', 'adapters', 'whatsapp', 'reader.ts');
const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const CONTENT_BUDGET = 20 * 1024;
const SIDEBAR_BUDGET = 60 * 1024;
const READ_BUDGET_RATIO = 3;
const MESSAGE_COUNT = 2_000;
const ITERATIONS = 15;
/** The reader's export names we accept, in order of preference. */
const READ_EXPORTS = ['readWhatsAppConversation', 'readConversation', 'read'];

interface Row {
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
  budget: string;
  verdict: string;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(2)} ms`;
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

// ---------- (b) reading a 2,000-message chat ----------

function generatedChat() {
  const people = ['Ana Souza', 'Ben Okafor', 'Chen Wei', 'Dana Levi'];
  const words = 'the plan for saturday is to meet early at the station and take the train up to the lake then walk'.split(' ');
  const messages = Array.from({ length: MESSAGE_COUNT }, (_, index) => {
    const out = index % 5 === 0;
    const length = 4 + ((index * 7) % 18);
    const text = Array.from({ length }, (_, word) => words[(index + word * 3) % words.length]).join(' ');
    const minutes = index % 60;
    const hours = 8 + Math.floor(index / 60) % 12;
    const day = 1 + Math.floor(index / 240);
    return {
      id: (0x3eb0000000 + index).toString(16).toUpperCase(),
      direction: (out ? 'out' : 'in') as 'out' | 'in',
      sender: out ? undefined : people[index % people.length],
      text: `${text} (#${index})`,
      time: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`,
      date: `${String(day).padStart(2, '0')}/05/2026`,
    };
  });
  return renderWhatsAppChat({ title: 'Lake trip', isGroup: true, ownerName: 'Sam Reyes', messages });
}

async function bundleReader(): Promise<{ code: string; exportName: string }> {
  const source = readFileSync(READER, 'utf8');
  const exportName = READ_EXPORTS.find((name) =>
    new RegExp(`export\\s+(?:async\\s+)?(?:function\\s+${name}\\b|const\\s+${name}\\b)|export\\s*\\{[^}]*\\b${name}\\b`).test(source),
  );
  if (!exportName) throw new Error(`${READER} exports none of ${READ_EXPORTS.join(', ')}`);
  const result = await build({
    stdin: {
      contents: `import { ${exportName} as read } from ${JSON.stringify(READER)};\nglobalThis.__asideBenchRead = read;`,
      resolveDir: ROOT,
      sourcefile: 'bench-reader-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    define: { __TARGET_BROWSER__: '"chrome"' },
    logLevel: 'warning',
  });
  return { code: result.outputFiles[0]!.text, exportName };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function readRows(): Promise<{ rows: Row[]; chromiumVersion: string }> {
  const { code, exportName } = await bundleReader();
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>WhatsApp</title></head><body>${generatedChat()}</body></html>`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.route('https://web.whatsapp.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    await page.goto('https://web.whatsapp.com/');
    await page.addScriptTag({ content: code });
    // tsx compiles this file with esbuild's keepNames, which wraps the functions inside the evaluate()
    // callback below in a `__name(fn, "name")` helper that only exists in node: give the page a no-op one.
    await page.addScriptTag({ content: 'globalThis.__name = (fn) => fn;' });
    const result = await page.evaluate(
      ({ iterations }) => {
        const read = (globalThis as unknown as { __asideBenchRead: (doc: Document) => unknown }).__asideBenchRead;
        const bare = () => {
          const out: { meta: string | null; text: string | null }[] = [];
          for (const element of document.querySelectorAll('[data-pre-plain-text]')) {
            out.push({ meta: element.getAttribute('data-pre-plain-text'), text: element.textContent });
          }
          return out;
        };
        const messageCount = (value: unknown) => {
          const maybe = value as { messages?: unknown[] } | null;
          return Array.isArray(maybe?.messages) ? maybe.messages.length : -1;
        };
        // Warm up both (JIT, style and layout caches).
        const counts = { bare: bare().length, reader: messageCount(read(document)) };
        read(document);
        // performance.now() is coarsened (100 µs) on pages that are not cross-origin isolated: repeat
        // each sample enough times that the bare walk takes >= 20 ms, and report per-read times.
        const start = performance.now();
        bare();
        const repeat = Math.min(200, Math.max(1, Math.ceil(20 / Math.max(performance.now() - start, 0.1))));
        const timed = (fn: () => unknown) => {
          const begin = performance.now();
          for (let r = 0; r < repeat; r += 1) fn();
          return (performance.now() - begin) / repeat;
        };
        const bareTimes: number[] = [];
        const readerTimes: number[] = [];
        // Interleaved, so drift (GC, thermal, the other core's load) hits both alike.
        for (let i = 0; i < iterations; i += 1) {
          bareTimes.push(timed(bare));
          readerTimes.push(timed(() => read(document)));
        }
        return { counts, bareTimes, readerTimes, repeat };
      },
      { iterations: ITERATIONS },
    );
    const bareMedian = median(result.bareTimes);
    const readerMedian = median(result.readerTimes);
    const ratio = readerMedian / Math.max(bareMedian, 0.001);
    if (result.counts.reader !== MESSAGE_COUNT) {
      console.error(`warning: the reader returned ${result.counts.reader} messages, expected ${MESSAGE_COUNT}`);
    }
    const rows: Row[] = [
      {
        measure: `Read ${MESSAGE_COUNT}-message chat, median of ${ITERATIONS} samples x ${result.repeat} reads (reader.ts \`${exportName}(document)\`, ${result.counts.reader} messages)`,
        value: ms(readerMedian),
        baseline: `${ms(bareMedian)} bare qSA+textContent (${result.counts.bare} rows)`,
        ratio: `${ratio.toFixed(2)}x`,
        budget: `< ${READ_BUDGET_RATIO}x`,
        verdict: ratio < READ_BUDGET_RATIO ? 'ok' : 'OVER',
      },
    ];
    return { rows, chromiumVersion: browser.version() };
  } finally {
    await browser.close();
  }
}

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
