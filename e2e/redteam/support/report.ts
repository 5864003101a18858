/**
 * Puts a case's oracle rows on its test (an attachment `redteam-results` and one `redteam` annotation a
 * row), where scripts/redteam.mjs reads them from Playwright's JSON report.
 */
import type { TestInfo } from '@playwright/test';
import type { OracleRow } from '../oracles';
import type { Observation } from '../oracles/types';

export async function attachResults(testInfo: TestInfo, rows: OracleRow[], observation: Observation): Promise<void> {
  for (const row of rows) testInfo.annotations.push({ type: 'redteam', description: JSON.stringify(row) });
  if (observation.notes.length) testInfo.annotations.push({ type: 'redteam-notes', description: observation.notes.join(' | ') });
  await testInfo.attach('redteam-results', {
    body: JSON.stringify({ rows, notes: observation.notes }, null, 2),
    contentType: 'application/json',
  });
  // The whole observation when something failed (or ASIDE_REDTEAM_DEBUG=1): what each oracle judged.
  if (process.env.ASIDE_REDTEAM_DEBUG || rows.some((row) => !row.pass)) {
    await testInfo.attach('redteam-observation', { body: JSON.stringify(trimmed(observation), null, 2), contentType: 'application/json' });
  }
}

/** The observation with the bulky parts (huge chats, request bodies) cut down to something readable. */
function trimmed(observation: Observation): Observation {
  const cut = (text: string, max = 2_000) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);
  return {
    ...observation,
    chatTexts: observation.chatTexts.map((text) => cut(text, 500)),
    providerRequests: observation.providerRequests.map((request) => ({ ...request, content: cut(request.content), rawBody: cut(request.rawBody, 500) })),
    requests: observation.requests.map((request) => ({ ...request, ...(request.postData ? { postData: cut(request.postData, 300) } : {}) })),
  };
}

export function failureMessage(rows: OracleRow[], observation: Observation): string {
  const failed = rows.filter((row) => !row.pass);
  return [
    `${failed.length} of ${rows.length} oracle(s) failed:`,
    ...failed.map((row) => `  ${row.oracle}: ${row.detail}`),
    ...(observation.notes.length ? [`notes: ${observation.notes.join(' | ')}`] : []),
  ].join('\n');
}
