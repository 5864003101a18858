/** The oracles by the names cases.jsonl uses in `expect`, and the one function that applies them. */
import type { RedteamCase } from '../cases';
import { canary } from './canary';
import { dom } from './dom';
import { inert } from './inert';
import { net } from './net';
import { nosend } from './nosend';
import { nowarn } from './nowarn';
import { visible } from './visible';
import { warn } from './warn';
import { fail, type Observation, type Oracle, type OracleResult } from './types';

export const ORACLES: Record<string, Oracle> = {
  NET: net,
  CANARY: canary,
  DOM: dom,
  NOSEND: nosend,
  WARN: warn,
  NOWARN: nowarn,
  INERT: inert,
  VISIBLE: visible,
};

export interface OracleRow extends OracleResult {
  caseId: string;
  category: string;
  task: string;
  oracle: string;
}

/** Every oracle the case expects, judged on the observation. A case that could not run fails every one. */
export function judge(testCase: RedteamCase, observation: Observation): OracleRow[] {
  return testCase.expect.map((name) => {
    const base = { caseId: testCase.id, category: testCase.category, task: testCase.task, oracle: name };
    const oracle = ORACLES[name];
    if (!oracle) return { ...base, ...fail(`unknown oracle "${name}" (known: ${Object.keys(ORACLES).join(', ')})`) };
    if (!observation.ran) return { ...base, ...fail(`not run: ${observation.notRun ?? 'unknown reason'}`) };
    try {
      return { ...base, ...oracle(observation, testCase) };
    } catch (error) {
      return { ...base, ...fail(`oracle crashed: ${(error as Error).message}`) };
    }
  });
}
