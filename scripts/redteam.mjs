#!/usr/bin/env node
/**
 * `npm run redteam`: runs the red-team suite (e2e/redteam: one test per case of ../shared/redteam/cases.jsonl
 * and of e2e/redteam/cases/extra.jsonl, plus the oracles' self-test) against the built extension and prints a markdown table, one row per
 * case x oracle:
 *
 *   | case | category | task | oracle | pass/FAIL | detail |
 *
 * Builds dist/chrome first when it is missing (ASIDE_DIST_CHROME points at another build). Runs under
 * `xvfb-run -a` (headed Chromium) when xvfb-run exists, headless otherwise (ASIDE_HEADED=0 forces headless).
 * Extra arguments go to `playwright test` (e.g. `npm run redteam -- -g A0`), except `--build`, which rebuilds
 * dist/chrome first even when it exists. ASIDE_REDTEAM_CASES runs another
 * cases file; REDTEAM_REPORT=<file> also writes the markdown there. Exit code: 0 only when every row passes
 * and every self-test passes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const playwrightCli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');
const dist = process.env.ASIDE_DIST_CHROME || join(root, 'dist', 'chrome');

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

// `--build` rebuilds dist/chrome first even when it exists (it is not passed on to Playwright).
const forceBuild = process.argv.includes('--build');
const passThrough = process.argv.slice(2).filter((arg) => arg !== '--build');
if (forceBuild && !process.env.ASIDE_DIST_CHROME) {
  const build = spawnSync('npm', ['run', 'build:chrome'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else if (!existsSync(join(dist, 'manifest.json'))) {
  if (process.env.ASIDE_DIST_CHROME) {
    console.error(`redteam: ${dist} has no manifest.json (ASIDE_DIST_CHROME); build it first.`);
    process.exit(1);
  }
  console.error('redteam: no dist/chrome, building it (npm run build:chrome)');
  const build = spawnSync('npm', ['run', 'build:chrome'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Results outside test-results/: other suites running in the same tree clean that folder when they start.
const work = mkdtempSync(join(tmpdir(), 'aside-redteam-'));
const jsonFile = join(work, 'report.json');
const useXvfb = process.env.ASIDE_HEADED !== '0' && onPath('xvfb-run');
const env = {
  ...process.env,
  ASIDE_HEADED: useXvfb ? '1' : process.env.ASIDE_HEADED === '1' ? '1' : '0',
  // A case whose action this build lacks is still a FAIL row below; Playwright just skips it rather than
  // failing it, which would cost a fresh browser per such case (see redteam.spec.ts).
  ASIDE_REDTEAM_SKIP_UNRUNNABLE: process.env.ASIDE_REDTEAM_SKIP_UNRUNNABLE ?? '1',
  PLAYWRIGHT_JSON_OUTPUT_FILE: jsonFile,
  PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile,
  FORCE_COLOR: '0',
};
const testArgs = [playwrightCli, 'test', 'e2e/redteam', '--reporter=list,json', `--output=${join(work, 'results')}`, ...passThrough];
const [command, args] = useXvfb
  ? ['xvfb-run', ['-a', '--server-args=-screen 0 1280x900x24', process.execPath, ...testArgs]]
  : [process.execPath, testArgs];
console.error(`redteam: ${useXvfb ? 'headed Chromium under xvfb-run' : 'headless Chromium'}, extension ${dist}`);
const started = Date.now();
// Playwright's own progress goes to stderr so that stdout is the report.
const run = spawnSync(command, args, { cwd: root, env, stdio: ['ignore', 2, 2] });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (run.error) {
  console.error(`redteam: could not start ${command}: ${run.error.message}`);
  process.exit(1);
}
if (!existsSync(jsonFile)) {
  console.error(`redteam: Playwright wrote no report (exit ${run.status}); see its output above.`);
  process.exit(run.status || 1);
}

const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
const rows = [];
const selftests = { passed: 0, failed: [] };
const harnessFailures = [];
const caseNotes = [];

const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
const firstLine = (text) => String(text ?? '').split('\n').find((line) => line.trim()) ?? '';

function rowsOf(test) {
  for (const result of test.results ?? []) {
    for (const attachment of result.attachments ?? []) {
      if (attachment.name !== 'redteam-results') continue;
      const text = attachment.body
        ? Buffer.from(attachment.body, 'base64').toString('utf8')
        : attachment.path && existsSync(attachment.path)
          ? readFileSync(attachment.path, 'utf8')
          : null;
      if (text) {
        const parsed = JSON.parse(text);
        const notes = (parsed.notes ?? []).filter((note) => !note.startsWith('timings ') || process.env.ASIDE_REDTEAM_TIMING);
        if (notes.length && parsed.rows?.[0]) caseNotes.push(`- ${parsed.rows[0].caseId}: ${notes.join('; ')}`);
        return parsed.rows;
      }
    }
  }
  const annotations = [...(test.annotations ?? []), ...(test.results ?? []).flatMap((result) => result.annotations ?? [])];
  const found = annotations.filter((annotation) => annotation.type === 'redteam').map((annotation) => JSON.parse(annotation.description));
  const unique = new Map(found.map((row) => [`${row.caseId}|${row.oracle}`, row]));
  return [...unique.values()];
}

function walk(suite, file) {
  const here = suite.file ?? file;
  for (const child of suite.suites ?? []) walk(child, here);
  for (const spec of suite.specs ?? []) {
    const specFile = spec.file ?? here ?? '';
    for (const test of spec.tests ?? []) {
      const last = (test.results ?? []).at(-1);
      const status = last?.status ?? 'skipped';
      if (specFile.includes('selftest')) {
        if (status === 'passed') selftests.passed += 1;
        else selftests.failed.push(`${spec.title}: ${status} ${firstLine(last?.error?.message ?? last?.errors?.[0]?.message)}`);
        continue;
      }
      const caseRows = rowsOf(test);
      if (caseRows.length) rows.push(...caseRows);
      else harnessFailures.push(`${spec.title}: ${status} ${firstLine(last?.error?.message ?? last?.errors?.[0]?.message)}`);
    }
  }
}
for (const suite of report.suites ?? []) walk(suite, suite.file);
for (const error of report.errors ?? []) harnessFailures.push(`load error: ${firstLine(error.message)}`);

const lines = [
  '| case | category | task | oracle | pass/FAIL | detail |',
  '|---|---|---|---|---|---|',
  ...rows.map((row) => `| ${cell(row.caseId)} | ${cell(row.category)} | ${cell(row.task)} | ${cell(row.oracle)} | ${row.pass ? 'pass' : 'FAIL'} | ${cell(row.detail)} |`),
  ...harnessFailures.map((failure) => `| ${cell(failure.split(':')[0])} | ? | ? | (harness) | FAIL | ${cell(failure)} |`),
];
const failedRows = rows.filter((row) => !row.pass).length + harnessFailures.length;
const cases = new Set(rows.map((row) => row.caseId)).size;
const failedCases = new Set(rows.filter((row) => !row.pass).map((row) => row.caseId)).size;
lines.push(
  '',
  `${rows.length - (failedRows - harnessFailures.length)}/${rows.length} oracle checks pass; ` +
    `${cases - failedCases}/${cases} cases pass; ` +
    `oracle self-test: ${selftests.passed} passed, ${selftests.failed.length} failed; ${seconds} s.`,
);
for (const failure of selftests.failed) lines.push(`- self-test FAILED: ${failure}`);
if (caseNotes.length) lines.push('', 'Notes from the runs:', ...caseNotes);

const markdown = `${lines.join('\n')}\n`;
process.stdout.write(markdown);
if (process.env.REDTEAM_REPORT) writeFileSync(process.env.REDTEAM_REPORT, markdown);
rmSync(work, { recursive: true, force: true });
const ok = failedRows === 0 && selftests.failed.length === 0 && rows.length > 0;
process.exit(ok ? 0 : 1);
