/**
 * The red-team cases: ../shared/redteam/cases.jsonl (next to the repository, one JSON object a line), then
 * this suite's own e2e/redteam/cases/extra.jsonl (more cases of every category, same shape), and the canary
 * line the shared README names. ASIDE_REDTEAM_CASES points the suite at another file (or several, joined
 * with the path delimiter) instead of both (the unseen cases are run that way); ASIDE_REDTEAM_EXTRA=0 runs
 * the shared file alone. Nothing here knows any case by id: every case is data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, delimiter, dirname, resolve } from 'node:path';
import { REPO_ROOT } from '../support/paths';

export const TASKS = ['reply', 'summarize', 'translate', 'ask'] as const;
export type RedteamTask = (typeof TASKS)[number];

export interface RedteamMessage {
  direction: 'in' | 'out';
  sender: string | null;
  text: string;
}

export interface RedteamCase {
  id: string;
  category: string;
  chat: RedteamMessage[];
  task: RedteamTask;
  /** What the hijacked model streams back; absent for page-side (G) attacks. */
  model_output?: string;
  /** JavaScript the messenger page itself runs, in its main world. */
  page_script?: string;
  /** Oracle names; every one must hold. */
  expect: string[];
  /** 1-based line in the file, for messages. */
  line: number;
  /** The file's name (e.g. `extra.jsonl`), for messages. */
  file?: string;
}

/** The shared cases (read-only here): its README names the canary. */
export const SHARED_CASES_PATH = resolve(REPO_ROOT, '..', 'shared', 'redteam', 'cases.jsonl');
/** This suite's own cases, in the same format. */
export const EXTRA_CASES_PATH = resolve(REPO_ROOT, 'e2e', 'redteam', 'cases', 'extra.jsonl');

/** Every cases file the suite runs, in order; the first one's README names the canary. */
export const CASES_PATHS: string[] = process.env.ASIDE_REDTEAM_CASES
  ? process.env.ASIDE_REDTEAM_CASES.split(delimiter).filter(Boolean).map((path) => resolve(path))
  : process.env.ASIDE_REDTEAM_EXTRA === '0'
    ? [SHARED_CASES_PATH]
    : [SHARED_CASES_PATH, EXTRA_CASES_PATH];
export const CASES_PATH = CASES_PATHS[0]!;

/** The canary defaults; the README next to cases.jsonl overrides them when it names another. */
const DEFAULT_CANARY_LINE = 'my door code is CANARY-5e1f0c77';

export interface Canary {
  /** The owner's message every chat holds. */
  line: string;
  /** The secret inside it that must never leave: `CANARY-…`. */
  token: string;
}

export function loadCanary(casesPath = CASES_PATH): Canary {
  let line = DEFAULT_CANARY_LINE;
  const readme = resolve(dirname(casesPath), 'README.md');
  if (existsSync(readme)) {
    const named = /canary[^\n"]*"([^"\n]*CANARY-[0-9A-Za-z]+[^"\n]*)"/i.exec(readFileSync(readme, 'utf8'));
    if (named?.[1]) line = named[1];
  }
  const token = /CANARY-[0-9A-Za-z]+/.exec(line)?.[0] ?? 'CANARY-5e1f0c77';
  return { line, token };
}

export class CasesFileError extends Error {}

export interface LoadedCases {
  cases: RedteamCase[];
  /** `line N: why`, one per line that is not a valid case: each becomes a failing test, never a silent drop. */
  problems: string[];
}

/**
 * Every case of every file, in order, and what is wrong with each line that is not one (`file line N: why`).
 * Throws only when a file is missing.
 */
export function loadCases(casesPaths: readonly string[] = CASES_PATHS): LoadedCases {
  const all: LoadedCases = { cases: [], problems: [] };
  for (const path of casesPaths) {
    const { cases, problems } = loadCasesFile(path);
    const file = basename(path);
    all.cases.push(...cases.map((testCase) => ({ ...testCase, file })));
    all.problems.push(...problems.map((problem) => `${file} ${problem}`));
  }
  return all;
}

/** Every case of one file, and what is wrong with each line that is not one. Throws only when there is no file. */
export function loadCasesFile(casesPath: string): LoadedCases {
  if (!existsSync(casesPath)) {
    throw new CasesFileError(
      `Red-team cases not found at ${casesPath}. The suite reads ../shared/redteam/cases.jsonl next to the ` +
        'repository (set ASIDE_REDTEAM_CASES to use another file).',
    );
  }
  const problems: string[] = [];
  const cases: RedteamCase[] = [];
  readFileSync(casesPath, 'utf8')
    .split(/\r?\n/)
    .forEach((text, index) => {
      if (text.trim() === '') return;
      const line = index + 1;
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (error) {
        problems.push(`line ${line}: not JSON (${(error as Error).message})`);
        return;
      }
      const parsed = parseCase(raw, line);
      if (typeof parsed === 'string') problems.push(`line ${line}: ${parsed}`);
      else cases.push(parsed);
    });
  if (cases.length === 0 && problems.length === 0) throw new CasesFileError(`No red-team cases in ${casesPath}.`);
  return { cases, problems };
}

function parseCase(raw: unknown, line: number): RedteamCase | string {
  if (!isRecord(raw)) return 'not an object';
  const { id, category, chat, task, model_output, page_script, expect } = raw;
  if (typeof id !== 'string' || !id) return 'id must be a non-empty string';
  if (typeof category !== 'string') return `${id}: category must be a string`;
  if (typeof task !== 'string' || !(TASKS as readonly string[]).includes(task)) {
    return `${id}: task must be one of ${TASKS.join(', ')} (got ${JSON.stringify(task)})`;
  }
  if (!Array.isArray(chat) || chat.length === 0) return `${id}: chat must be a non-empty array`;
  const messages: RedteamMessage[] = [];
  for (const [index, message] of chat.entries()) {
    if (!isRecord(message)) return `${id}: chat[${index}] is not an object`;
    if (message.direction !== 'in' && message.direction !== 'out') return `${id}: chat[${index}].direction must be in|out`;
    if (typeof message.text !== 'string') return `${id}: chat[${index}].text must be a string`;
    if (message.sender !== undefined && message.sender !== null && typeof message.sender !== 'string') {
      return `${id}: chat[${index}].sender must be a string or null`;
    }
    messages.push({ direction: message.direction, sender: (message.sender as string | null | undefined) ?? null, text: message.text });
  }
  if (model_output !== undefined && typeof model_output !== 'string') return `${id}: model_output must be a string`;
  if (page_script !== undefined && typeof page_script !== 'string') return `${id}: page_script must be a string`;
  if (!Array.isArray(expect) || expect.length === 0 || !expect.every((name) => typeof name === 'string')) {
    return `${id}: expect must be a non-empty array of oracle names`;
  }
  return {
    id,
    category,
    chat: messages,
    task: task as RedteamTask,
    ...(model_output !== undefined ? { model_output } : {}),
    ...(page_script !== undefined ? { page_script } : {}),
    expect: expect as string[],
    line,
  };
}

/** The chat as placed in the fixture: the canary line first (sent by the owner) unless the case has it already. */
export function chatWithCanary(chat: RedteamMessage[], canary: Canary): RedteamMessage[] {
  const present = chat.some((message) => message.direction === 'out' && message.text.includes(canary.token));
  return present ? chat : [{ direction: 'out', sender: null, text: canary.line }, ...chat];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
