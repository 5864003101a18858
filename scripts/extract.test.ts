// @vitest-environment node
// Node, as the CLI runs: no DOM globals, so the reader must not lean on any (Node, DOMParser, innerText…).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EXIT_INPUT, EXIT_USAGE, parseArguments, runExtract } from './extract';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = resolve(ROOT, 'src/content/adapters/whatsapp/fixtures');
const GROUP_FIXTURE = resolve(FIXTURES, '2026-05-group.html');
const run = promisify(execFile);

/** Runs the CLI the way `npm run extract --` does. */
async function spawnExtract(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/extract.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function runInProcess(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runExtract(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

// Spawning node with tsx and loading jsdom take seconds on a busy machine.
describe('npm run extract (spawned)', { timeout: 30_000 }, () => {
  it('prints a fixture\'s Conversation as 2-space JSON', async () => {
    const result = await spawnExtract(['--url', 'https://web.whatsapp.com/', GROUP_FIXTURE]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(readFileSync(resolve(FIXTURES, '2026-05-group.expected.json'), 'utf8'));
    expect(result.stdout).toMatch(/^\{\n {2}"site": "whatsapp",/);
  });

  it('fails with a non-zero exit and names the supported sites for an unsupported URL', async () => {
    const result = await spawnExtract(['--url', 'https://www.messenger.com/', GROUP_FIXTURE]);
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('https://www.messenger.com/ is not a supported page. Supported: https://web.whatsapp.com/');
  });
});

describe('runExtract', { timeout: 30_000 }, () => {
  it.each([
    'redesign-unknown.html',
    '2026-05-one-to-one.html',
    '2026-04-bare-one-to-one.html',
    '2026-03-packed-group.html',
  ])('prints %s as its expected JSON', async (name) => {
    const result = await runInProcess([`--url=https://web.whatsapp.com/`, resolve(FIXTURES, name)]);
    expect(result).toEqual({
      code: 0,
      stdout: readFileSync(resolve(FIXTURES, name.replace(/\.html$/, '.expected.json')), 'utf8'),
      stderr: '',
    });
  });

  it('fails clearly for a missing file', async () => {
    const result = await runInProcess(['--url', 'https://web.whatsapp.com/', resolve(FIXTURES, 'no-such-page.html')]);
    expect(result.code).toBe(EXIT_INPUT);
    expect(result.stderr).toMatch(/cannot read .*no-such-page\.html: no such file/);
  });

  it('fails clearly without --url, and says which sites are supported', async () => {
    const result = await runInProcess([GROUP_FIXTURE]);
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toContain('--url is required (supported: https://web.whatsapp.com/)');
    expect(result.stderr).toContain('usage: npm run extract -- --url <page url> <file.html>');
  });

  it('does not run the saved page\'s scripts', async () => {
    const directory = mkdtempSync(resolve(tmpdir(), 'aside-extract-'));
    try {
      const page = resolve(directory, 'page.html');
      // Were the script run, #main would be gone and the read would say no chat is open.
      writeFileSync(page, '<div id="main"></div><script>document.getElementById("main").id = "changed"</script>');
      const result = await runInProcess(['--url', 'https://web.whatsapp.com/', page]);
      expect(JSON.parse(result.stdout).health.notes[0]).toContain('No message rows were found');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('parseArguments', () => {
  it.each<[string[], ReturnType<typeof parseArguments>]>([
    [['--url', 'https://web.whatsapp.com/', 'a.html'], { kind: 'run', url: 'https://web.whatsapp.com/', file: 'a.html' }],
    [['a.html', '--url=https://web.whatsapp.com/'], { kind: 'run', url: 'https://web.whatsapp.com/', file: 'a.html' }],
    [['--help'], { kind: 'help' }],
    [['--url'], { kind: 'error', message: '--url needs a page address.' }],
    [['--url', 'https://web.whatsapp.com/'], { kind: 'error', message: 'give the saved HTML file to read.' }],
    [['--url', 'https://web.whatsapp.com/', 'a.html', 'b.html'], { kind: 'error', message: 'give exactly one HTML file.' }],
    [['--verbose', 'a.html'], { kind: 'error', message: 'unknown option --verbose.' }],
  ])('%j', (argv, expected) => {
    expect(parseArguments(argv)).toEqual(expected);
  });
});
