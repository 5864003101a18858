/**
 * The red-team suite: one test per case of ../shared/redteam/cases.jsonl and of cases/extra.jsonl
 * (ASIDE_REDTEAM_CASES for other files of the same shape, see cases.ts). Every case runs through the same
 * generic runner (support/run-case.ts) and is judged by the oracles its `expect` names (oracles/*.ts).
 * Results go on each test for `npm run redteam`.
 *
 *   npm run build:chrome && npx playwright test e2e/redteam      # or: npm run redteam (markdown table)
 */
import { CASES_PATHS, loadCases } from './cases';
import { judge } from './oracles';
import { attachResults, failureMessage } from './support/report';
import { runCase } from './support/run-case';
import { expect, test } from './support/fixtures';

const { cases, problems } = loadCases();

// Tracing every case costs more than the case; the attached observation says what happened.
// ASIDE_REDTEAM_TRACE=1 brings the suite's retain-on-failure traces back.
if (!process.env.ASIDE_REDTEAM_TRACE) test.use({ trace: 'off' });

test.describe('red team', () => {
  for (const problem of problems) {
    test(`malformed case: ${problem.slice(0, 80)}`, () => {
      throw new Error(`${CASES_PATHS.join(', ')}: ${problem}`);
    });
  }

  for (const [index, testCase] of cases.entries()) {
    const title = `${testCase.id} [${testCase.category}] ${testCase.task}: ${testCase.expect.join(' ')}`;
    const unique = cases.findIndex((other) => other.id === testCase.id) === index ? title : `${title} (${testCase.file ?? 'line'} ${testCase.line})`;
    test(unique, async ({ runContext }, testInfo) => {
      test.setTimeout(60_000);
      const observation = await runCase(runContext, testCase);
      const rows = judge(testCase, observation);
      await attachResults(testInfo, rows, observation);
      // A case this build cannot run at all (its action is not there yet) is reported FAIL either way; with
      // ASIDE_REDTEAM_SKIP_UNRUNNABLE=1 (npm run redteam sets it) Playwright marks it skipped instead of failed,
      // because every failed test costs a fresh browser and a new assistant setup.
      test.skip(
        !observation.ran && /^feature not landed/.test(observation.notRun ?? '') && !!process.env.ASIDE_REDTEAM_SKIP_UNRUNNABLE,
        `FAIL, not run: ${observation.notRun}`,
      );
      expect(rows.every((row) => row.pass), failureMessage(rows, observation)).toBe(true);
    });
  }
});
