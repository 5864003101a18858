/**
 * `node --import tsx bench/reading-profile.ts [reads]`: where the reader's time goes on the bench chat
 * (bench/reading.ts), in real Chromium. The reader is bundled unminified, read `reads` times (default 100)
 * under the DevTools CPU profiler, and the functions with the most self time are printed with their share.
 * `--save FILE` also writes the .cpuprofile (open it in DevTools' Performance panel). `--first` profiles first
 * reads instead: each read on a fresh copy of the chat (as bench/reading.ts's first-read figure), so neither the
 * row cache nor the parsed-metadata cache answers; the copying is left out of the shares.
 */
import { writeFileSync } from 'node:fs';
import { benchPage, bundleReader, launchChromium, openBenchPage } from './reading';

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Not the reader's time: idle, the profiler's own, and (with --first) making the fresh copy. */
const LEFT_OUT = new Set(['(idle)', '(program)', 'cloneNode', 'replaceWith', 'getElementById']);
/** Making the fresh copy (bench/reading.ts FRESH_CHAT), with everything it calls. */
const LEFT_OUT_WITH_CALLEES = 'freshChat';

async function main(): Promise<void> {
  const reads = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 100);
  const saveAt = process.argv.indexOf('--save');
  const first = process.argv.includes('--first');
  const { code } = await bundleReader(false);
  const browser = await launchChromium();
  try {
    const page = await openBenchPage(browser, benchPage(), code);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const readAll = (count: number) =>
      page.evaluate(
        ({ times, fresh }) => {
          const read = (globalThis as unknown as { __asideBenchRead: (doc: Document) => unknown }).__asideBenchRead;
          for (let index = 0; index < times; index += 1) {
            if (fresh) (globalThis as unknown as { __asideFreshChat: () => void }).__asideFreshChat();
            read(document);
          }
        },
        { times: count, fresh: first },
      );
    await readAll(5);
    await cdp.send('Profiler.start');
    await readAll(reads);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    if (saveAt > 0 && process.argv[saveAt + 1]) writeFileSync(process.argv[saveAt + 1]!, JSON.stringify(profile));
    // Self time per node: each sample's delta belongs to the node it hit.
    const selfTime = new Map<number, number>();
    profile.samples.forEach((nodeId, index) => {
      selfTime.set(nodeId, (selfTime.get(nodeId) ?? 0) + (profile.timeDeltas[index] ?? 0));
    });
    const byFunction = new Map<string, number>();
    let total = 0;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const leftOut = new Set<number>();
    const leaveOut = (node: ProfileNode) => {
      leftOut.add(node.id);
      for (const child of node.children ?? []) leaveOut(nodes.get(child)!);
    };
    for (const node of profile.nodes) if (node.callFrame.functionName === LEFT_OUT_WITH_CALLEES) leaveOut(node);
    for (const node of profile.nodes) {
      const time = selfTime.get(node.id) ?? 0;
      if (LEFT_OUT.has(node.callFrame.functionName) || leftOut.has(node.id)) continue;
      total += time;
      const key = `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + time);
    }
    // Total time per function: its own and its callees', counted once where it recurses.
    const inclusive = new Map<string, number>();
    const visit = (node: ProfileNode, open: Set<string>): number => {
      const key = `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`;
      let time = selfTime.get(node.id) ?? 0;
      const inner = new Set(open).add(key);
      for (const child of node.children ?? []) time += visit(nodes.get(child)!, inner);
      if (!open.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + time);
      return time;
    };
    visit(profile.nodes[0]!, new Set());
    const print = (title: string, times: Map<string, number>) => {
      console.log(title);
      for (const [key, time] of [...times].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
        console.log(`${((time / total) * 100).toFixed(1).padStart(5)}%  ${(time / 1000 / reads).toFixed(3)} ms  ${key}`);
      }
    };
    console.log(`${reads} reads, ${(total / 1000 / reads).toFixed(2)} ms sampled per read`);
    print('self time', byFunction);
    print('total time (self and callees)', inclusive);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
