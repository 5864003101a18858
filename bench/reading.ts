/**
 * (b) of `npm run bench`: reading a 2,000-message chat in real Chromium. The WhatsApp adapter's reader
 * (bundled by esbuild into an IIFE and injected) against a bare querySelectorAll('[data-pre-plain-text]') +
 * textContent walk over the same DOM; medians of N interleaved samples, reported as a ratio against the 3x
 * budget; and the first read of rows the reader has not seen before (its row cache makes the later ones
 * cheaper), on a fresh copy of the page per sample. bench/reading-profile.ts profiles the same page.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderWhatsAppChat } from '../src/content/adapters/whatsapp/fixtures/render-chat';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** ASIDE_BENCH_READER: another reader.ts to measure (an older checkout's, for a before/after on one machine). */
const READER = resolve(process.env.ASIDE_BENCH_READER || join(ROOT, 'src', 'content', 'adapters', 'whatsapp', 'reader.ts'));
const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const READ_BUDGET_RATIO = 3;
/**
 * ASIDE_BENCH_ERA=2026-08: the same chat in WhatsApp's 2026-08 DOM (no message-in/out classes: direction from
 * icons, labels and the run above, src/content/adapters/whatsapp/direction.ts). Default: the 2026-05 DOM.
 */
const ERA = process.env.ASIDE_BENCH_ERA === '2026-08' ? '2026-08' : '2026-05';
export const MESSAGE_COUNT = 2_000;
const ITERATIONS = 15;
/** A first read is one read per sample, timed to 100 µs on a shared machine: more samples steady its median. */
const FIRST_READ_SAMPLES = 31;
/** The reader's export names we accept, in order of preference. */
const READ_EXPORTS = ['readWhatsAppConversation', 'readConversation', 'read'];

export interface Row {
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
  budget: string;
  verdict: string;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

export function benchPage(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>WhatsApp</title></head><body>${generatedChat()}</body></html>`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}

/** The bench chat served as web.whatsapp.com, with the bundled reader injected. */
export async function openBenchPage(browser: Browser, html: string, code: string): Promise<Page> {
  const page = await browser.newPage();
  await page.route('https://web.whatsapp.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.goto('https://web.whatsapp.com/');
  await page.addScriptTag({ content: code });
  // tsx compiles this file with esbuild's keepNames, which wraps the functions inside evaluate()
  // callbacks in a `__name(fn, "name")` helper that only exists in node: give the page a no-op one.
  await page.addScriptTag({ content: 'globalThis.__name = (fn) => fn;' });
  await page.addScriptTag({ content: `globalThis.__asideFreshChat = ${FRESH_CHAT};` });
  return page;
}

/**
 * `__asideFreshChat()` in the bench page: replaces the chat with a copy no reader has seen, for first reads.
 * A copy of the elements is not enough. The reader keeps nothing by text between reads, but the browser does:
 * a copy shares its strings with the original, and Chromium hands JavaScript the string it made for the
 * original's attribute or text. A chat opened for the first time has new ids, metadata and text, so each
 * copy gets them: a suffix on every id and text, and its own year in every date. Done before the clock starts.
 */
const FRESH_CHAT = `(() => {
  let copies = 0;
  return function freshChat() {
    copies += 1;
    const suffix = copies.toString(16).toUpperCase().padStart(4, '0');
    const app = document.getElementById('app');
    const copy = app.cloneNode(true);
    for (const element of copy.querySelectorAll('[data-id]')) {
      element.setAttribute('data-id', element.getAttribute('data-id') + suffix);
    }
    for (const element of copy.querySelectorAll('[data-pre-plain-text]')) {
      const metadata = element.getAttribute('data-pre-plain-text');
      element.setAttribute('data-pre-plain-text', metadata.replace(/\\/(\\d{4})\\]/, '/' + (3000 + copies) + ']'));
    }
    const texts = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
    for (let text = texts.nextNode(); text; text = texts.nextNode()) {
      if (text.data.trim()) text.data += ' ' + suffix;
    }
    app.replaceWith(copy);
  };
})()`;

/** The bench chat: 2,000 messages in a four-person group, a fifth of them the owner's. */
export function generatedChat(): string {
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
  return renderWhatsAppChat({ title: 'Lake trip', isGroup: true, ownerName: 'Sam Reyes', messages, era: ERA });
}

/** The reader as an IIFE setting `globalThis.__asideBenchRead`; unminified keeps names readable in a profile. */
export async function bundleReader(minify = true): Promise<{ code: string; exportName: string }> {
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
    minify,
    write: false,
    define: { __TARGET_BROWSER__: '"chrome"' },
    logLevel: 'warning',
  });
  return { code: result.outputFiles[0]!.text, exportName };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function readRows(): Promise<{ rows: Row[]; chromiumVersion: string }> {
  const { code, exportName } = await bundleReader();
  const html = benchPage();
  const browser = await launchChromium();
  try {
    const page = await openBenchPage(browser, html, code);
    const result = await page.evaluate(
      ({ iterations, firstReadSamples }) => {
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
        // Calibrated on the fastest of three walks: one slowed by a load spike would leave every sample a single read.
        let fastest = Infinity;
        for (let i = 0; i < 3; i += 1) {
          const start = performance.now();
          bare();
          fastest = Math.min(fastest, performance.now() - start);
        }
        const repeat = Math.min(200, Math.max(1, Math.ceil(20 / Math.max(fastest, 0.1))));
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
        // The first read of rows the reader has not seen (its row cache keeps rows across reads, by element, and
        // parsed metadata by text): each sample on a fresh copy of the chat, the bare walk on another, read once each.
        const freshChat = (globalThis as unknown as { __asideFreshChat: () => void }).__asideFreshChat;
        const once = (fn: () => unknown) => {
          const begin = performance.now();
          fn();
          return performance.now() - begin;
        };
        const firstBareTimes: number[] = [];
        const firstReaderTimes: number[] = [];
        for (let i = 0; i < firstReadSamples; i += 1) {
          freshChat();
          firstBareTimes.push(once(bare));
          freshChat();
          firstReaderTimes.push(once(() => read(document)));
        }
        return { counts, bareTimes, readerTimes, repeat, firstBareTimes, firstReaderTimes };
      },
      { iterations: ITERATIONS, firstReadSamples: FIRST_READ_SAMPLES },
    );
    const bareMedian = median(result.bareTimes);
    const readerMedian = median(result.readerTimes);
    const ratio = readerMedian / Math.max(bareMedian, 0.001);
    const firstBareMedian = median(result.firstBareTimes);
    const firstReaderMedian = median(result.firstReaderTimes);
    const firstRatio = firstReaderMedian / Math.max(firstBareMedian, 0.001);
    if (result.counts.reader !== MESSAGE_COUNT) {
      console.error(`warning: the reader returned ${result.counts.reader} messages, expected ${MESSAGE_COUNT}`);
    }
    const rows: Row[] = [
      {
        measure: `Read ${MESSAGE_COUNT}-message chat (${ERA} DOM), median of ${ITERATIONS} samples x ${result.repeat} reads (reader.ts \`${exportName}(document)\`, ${result.counts.reader} messages)`,
        value: ms(readerMedian),
        baseline: `${ms(bareMedian)} bare qSA+textContent (${result.counts.bare} rows)`,
        ratio: `${ratio.toFixed(2)}x`,
        budget: `< ${READ_BUDGET_RATIO}x`,
        verdict: ratio < READ_BUDGET_RATIO ? 'ok' : 'OVER',
      },
      {
        measure: `First read of the same chat (no row seen before: a fresh copy of the page per sample), median of ${FIRST_READ_SAMPLES}`,
        value: ms(firstReaderMedian),
        baseline: `${ms(firstBareMedian)} bare qSA+textContent, first walk of a fresh copy`,
        ratio: `${firstRatio.toFixed(2)}x`,
        budget: `< ${READ_BUDGET_RATIO}x`,
        verdict: firstRatio < READ_BUDGET_RATIO ? 'ok' : 'OVER',
      },
    ];
    return { rows, chromiumVersion: browser.version() };
  } finally {
    await browser.close();
  }
}
