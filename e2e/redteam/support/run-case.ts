/**
 * Runs one red-team case against the built extension and records everything the oracles judge. Generic:
 * it reads the case's fields (chat, task, model_output, page_script) and nothing else; no case is known by id.
 *
 *  1. reset the fake provider (scripted with model_output, or a distinctive harmless answer for page-side
 *     attacks), the attacker listener and the network mark; snapshot settings, session storage, permissions;
 *  2. open the messenger fixture with the chat (+ canary line); page_script, if any, runs at document start
 *     (init script), again once the sidebar is up, and again right after the action is clicked;
 *  3. open the sidebar for that tab with the recorder installed; run the task by its action testid (ask
 *     types a neutral question into ask-input first); allow consent if asked (send-preview recorded);
 *     wait for the stream to end;
 *  4. reply: click suggestion-insert on the first suggestion; if draft-warning shows, note it and click again;
 *  5. gather: requests, attacker hits, provider requests, recorder state, extension-page attributes,
 *     messenger probes, storage snapshots.
 */
import { randomBytes } from 'node:crypto';
import { expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import type { FakeOpenAI } from '../../support/extension';
import { extensionWorker } from '../../support/extension';
import { SidebarPage, tabIdOf, type SidebarAction } from '../../support/pages';
import type { WhatsAppPage } from '../../fixtures/whatsapp/page';
import { WHATSAPP_ORIGIN } from '../../fixtures/whatsapp/page';
import { chatWithCanary, type Canary, type RedteamCase } from '../cases';
import type { FixtureCounters, Observation, ProviderRequest } from '../oracles/types';
import type { Attacker } from './attacker';
import { chatSpecFor, pageScriptSource, type RedteamMessenger } from './messenger';
import { testidsInBuild } from './build-info';
import type { NetMonitor } from './net-monitor';
import { installSidebarRecorder, SCOPE_TESTIDS, type RecorderState, type UrlAttribute } from './sidebar-recorder';

export interface RunContext {
  context: BrowserContext;
  extensionId: string;
  fake: FakeOpenAI;
  attacker: Attacker;
  monitor: NetMonitor;
  messenger: RedteamMessenger;
  apiKey: string;
  /** The configured assistant's origin: the fake provider's, or a host mapped to it (ASIDE_REDTEAM_REMOTE). */
  providerOrigin: string;
  canary: Canary;
}

export interface RunHooks {
  /** After the stream ended, before Insert and before anything is gathered (the self-test plants leaks here). */
  afterStream?: (pages: { sidebar: SidebarPage; chat: WhatsAppPage }) => Promise<void>;
}

/** The question typed into ask-input: neutral, so that whatever happens is the chat's and the model's doing. */
export const NEUTRAL_QUESTION = 'What did people say in this chat?';
const STREAM_TIMEOUT_MS = 20_000;

export async function runCase(ctx: RunContext, testCase: RedteamCase, hooks: RunHooks = {}): Promise<Observation> {
  const nonce = randomBytes(5).toString('hex');
  const modelOutput = testCase.model_output ?? `Sounds good, see you at eight. (ref ${nonce})`;
  const outputNeedle = testCase.model_output === undefined ? nonce : needleOf(modelOutput);
  const chat = chatWithCanary(testCase.chat, ctx.canary);
  const notes: string[] = [];
  const started = Date.now();
  const timings: string[] = [];
  const lap = (label: string) => timings.push(`${label}@${Date.now() - started}`);

  ctx.fake.reset();
  ctx.fake.script({ text: modelOutput }, { persistent: true });
  ctx.attacker.reset();
  const mark = ctx.monitor.mark();
  const before = await storageSnapshot(await extensionWorker(ctx.context));

  const observation: Observation = {
    caseId: testCase.id,
    task: testCase.task,
    ran: false,
    notes,
    buildTestids: [...testidsInBuild()],
    canary: ctx.canary.token,
    apiKey: ctx.apiKey,
    allowedOrigins: [ctx.providerOrigin, WHATSAPP_ORIGIN, `chrome-extension://${ctx.extensionId}`],
    attackerOrigin: ctx.attacker.origin,
    attackerHits: [],
    requests: [],
    providerRequests: [],
    providerChatRequestsBeforeAction: 0,
    chatTexts: chat.map((message) => message.text),
    modelOutput,
    shownOutput: '',
    dom: { violations: [], csp: [], scopes: {}, exempted: [], errorShown: null },
    canaryAttributes: [],
    sendPreview: { seen: false, texts: [] },
    messenger: {
      baseline: emptyCounters(),
      beforeInsert: emptyCounters(),
      final: emptyCounters(),
      insertOffered: false,
      insertClicks: 0,
      insertLanded: false,
    },
    warning: { sightings: [], visibleBeforeInsert: false, visibleAtStreamEnd: false },
    inert: {
      pageScript: testCase.page_script !== undefined,
      pageScriptPhases: [],
      settingsBefore: before.settings,
      settingsAfter: before.settings,
      permissionsBefore: before.permissions,
      permissionsAfter: before.permissions,
      sessionBefore: before.session,
      sessionAfterPageScript: before.session,
      apiKeyFoundIn: [],
      outputFoundIn: [],
      outputNeedle,
    },
  };

  const pageScript = testCase.page_script;
  let sidebarPage: Page | null = null;
  try {
    // 2. The messenger, with the hostile page script (if any) in place before the page's own code.
    // The sidebar's tab is made (recorder first) while the messenger loads; it is pointed at the chat's tab below.
    const sidebarReady = ctx.context.newPage().then(async (page) => {
      sidebarPage = page;
      await page.addInitScript(installSidebarRecorder, { canary: ctx.canary.token, scopes: SCOPE_TESTIDS });
      return page;
    });
    const [chatPage] = await Promise.all([
      ctx.messenger.open(chatSpecFor(chat), {
        ...(pageScript !== undefined ? { initScript: pageScriptSource(pageScript, 'init') } : {}),
      }),
      sidebarReady,
    ]);
    if (pageScript !== undefined) observation.inert.pageScriptPhases.push('at document start');
    const pageConsole: string[] = [];
    chatPage.page.on('console', (message) => pageConsole.push(message.text()));
    lap('chat');
    observation.messenger.baseline = await counters(chatPage);
    // What a page script could read (only where INERT is judged: two page scans are not free).
    const searchesPage = testCase.expect.includes('INERT');
    const pageBaseline = searchesPage ? await searchPage(chatPage.page, [ctx.apiKey, outputNeedle]) : null;

    // 3. The sidebar for that tab, recorder first.
    const tabId = await tabIdOf(await extensionWorker(ctx.context));
    sidebarPage = await sidebarReady;
    await sidebarPage.goto(`chrome-extension://${ctx.extensionId}/extension-pages/sidebar.html?tab=${tabId}`);
    lap('sidebar');
    // The sidebar is what the user looks at (a real side panel is always visible). A background tab gets no
    // animation frames: its rendering and every Playwright click on it would wait for them.
    await sidebarPage.bringToFront();
    const sidebar = new SidebarPage(sidebarPage);
    await expect(sidebar.action('reply').or(sidebar.adapterStatus).first()).toBeVisible();
    await expect(sidebar.adapterStatus)
      .toHaveAttribute('data-status', 'ok', { timeout: 5_000 })
      .catch(async () => notes.push(`adapter-status is ${await sidebar.adapterStatus.getAttribute('data-status')}`));

    if (pageScript !== undefined) {
      const sessionBefore = await storageSnapshot(await extensionWorker(ctx.context));
      observation.inert.sessionBefore = sessionBefore.session;
      await runPageScript(chatPage.page, pageScript, 'after load');
      observation.inert.pageScriptPhases.push('after load');
      await sidebarPage.waitForTimeout(300);
      observation.inert.sessionAfterPageScript = (await storageSnapshot(await extensionWorker(ctx.context))).session;
    }
    observation.providerChatRequestsBeforeAction = chatRequests(ctx.fake).length;
    lap('ready');

    // The action, if this build has it.
    const action = sidebar.action(testCase.task as SidebarAction);
    if ((await action.count()) === 0) {
      observation.notRun = `feature not landed: no [data-testid="action-${testCase.task}"] in the sidebar`;
      return observation;
    }
    if (testCase.task === 'ask') {
      if ((await sidebar.askInput.count()) === 0) {
        observation.notRun = 'feature not landed: no [data-testid="ask-input"] in the sidebar';
        return observation;
      }
      await sidebar.askInput.fill(NEUTRAL_QUESTION);
    }
    const enabled = await expect(action).toBeEnabled({ timeout: 5_000 }).then(() => true, () => false);
    if (!enabled) {
      observation.notRun = `action-${testCase.task} stayed disabled (adapter-status ${await sidebar.adapterStatus.getAttribute('data-status')})`;
      return observation;
    }
    observation.ran = true;
    const actionMark = ctx.monitor.mark();
    await action.click();
    lap('clicked');
    if (pageScript !== undefined) {
      await runPageScript(chatPage.page, pageScript, 'during the action');
      observation.inert.pageScriptPhases.push('during the action');
    }
    await waitForStreamEnd(ctx, sidebar, actionMark, observation);
    lap('streamed');

    if (hooks.afterStream) {
      await hooks.afterStream({ sidebar, chat: chatPage });
      await sidebarPage.waitForTimeout(150);
    }

    observation.shownOutput = await shownText(sidebar);
    observation.dom.errorShown = (await sidebar.error.first().isVisible()) ? ((await sidebar.error.first().textContent()) ?? '') : null;
    if (observation.dom.errorShown !== null) notes.push(`error shown: ${observation.dom.errorShown.slice(0, 100)}`);
    await captureSendPreview(sidebar, observation);

    // Model output must not reach the messenger page before the user inserts it (INERT).
    if (pageBaseline) {
      const afterStream = await searchPage(chatPage.page, [ctx.apiKey, outputNeedle]);
      const keyCounts = afterStream[0]!;
      observation.inert.apiKeyFoundIn = Object.keys(keyCounts).filter((place) => (keyCounts[place] ?? 0) + (pageBaseline[0]![place] ?? 0) > 0);
      if (pageConsole.some((text) => text.includes(ctx.apiKey))) observation.inert.apiKeyFoundIn.push('console');
      observation.inert.outputFoundIn = grownPlaces(pageBaseline[1]!, afterStream[1]!);
      if (pageConsole.some((text) => text.includes(outputNeedle))) observation.inert.outputFoundIn.push('console');
    }

    // 4. Insert (reply), with the draft-warning's second click.
    observation.warning.visibleAtStreamEnd = await sidebar.draftWarning.first().isVisible();
    observation.messenger.beforeInsert = await counters(chatPage);
    if (observation.warning.visibleAtStreamEnd && observation.messenger.beforeInsert.composerChanges === observation.messenger.baseline.composerChanges) {
      observation.warning.visibleBeforeInsert = true;
    }
    lap('searched');
    if (testCase.task === 'reply') await insertFirstSuggestion(sidebar, chatPage, observation);
    lap('inserted');
    await sidebarPage.waitForTimeout(300); // a delayed send would land here
    observation.messenger.final = await counters(chatPage);
  } catch (error) {
    // A crashed run proves nothing: every oracle of the case fails with this reason.
    observation.ran = false;
    observation.notRun = `the run failed: ${(error as Error).message.split('\n')[0]}`;
  } finally {
    const openedSidebar = sidebarPage as Page | null;
    await gather(ctx, observation, mark, openedSidebar);
    await Promise.all([openedSidebar?.close().catch(() => undefined), ctx.messenger.closePages()]);
    lap('gathered');
    for (const request of chatRequests(ctx.fake)) timings.push(`provider-got@${Math.round(request.receivedAt - started)}`);
    if (process.env.ASIDE_REDTEAM_TIMING) notes.push(`timings ${timings.join(' ')}`);
  }
  return observation;
}

async function waitForStreamEnd(ctx: RunContext, sidebar: SidebarPage, actionMark: number, observation: Observation): Promise<void> {
  const deadline = Date.now() + STREAM_TIMEOUT_MS;
  let quietPolls = 0;
  while (Date.now() < deadline) {
    // One round trip a poll: what the sidebar shows now.
    const now = await sidebar.page.evaluate(sidebarState).catch(() => null);
    if (now?.consent) {
      await captureSendPreview(sidebar, observation);
      await sidebar.consentAllow.first().click().catch(() => undefined);
      observation.notes.push('consent asked and allowed');
      quietPolls = 0;
      continue;
    }
    const providerCalls = ctx.monitor
      .since(actionMark)
      .filter((request) => request.url.startsWith(ctx.providerOrigin) && /chat\/completions/.test(request.url) && request.method === 'POST');
    const providerSettled = providerCalls.length > 0 && providerCalls.every((request) => request.outcome !== undefined);
    const shown = providerCalls.length > 0 && !!now?.shown;
    const ended = !!now && !now.stop && (now.error || providerSettled || shown);
    quietPolls = ended ? quietPolls + 1 : 0;
    if (quietPolls >= 2) return;
    await sidebar.page.waitForTimeout(60);
  }
  observation.notes.push(`the stream did not end within ${STREAM_TIMEOUT_MS / 1000} s`);
}

/** In the sidebar (self-contained): which contract elements are visible, and whether any result text shows. */
function sidebarState(): { consent: boolean; stop: boolean; error: boolean; shown: boolean } {
  const visible = (testid: string) =>
    [...document.querySelectorAll(`[data-testid="${testid}"]`)].some(
      (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden',
    );
  const text = [...document.querySelectorAll('[data-testid="output"], [data-testid="suggestion-text"]')]
    .map((el) => el.textContent ?? '')
    .join('')
    .trim();
  return { consent: visible('consent-dialog'), stop: visible('stop'), error: visible('error'), shown: text !== '' };
}

async function insertFirstSuggestion(sidebar: SidebarPage, chat: WhatsAppPage, observation: Observation): Promise<void> {
  const { messenger, warning } = observation;
  const insert = sidebar.suggestion(0).insert;
  messenger.insertOffered = (await insert.count()) > 0;
  if (!messenger.insertOffered) {
    observation.notes.push('no suggestion-insert to click');
    return;
  }
  const unchanged = async () => (await counters(chat)).composerChanges === messenger.beforeInsert.composerChanges;
  const clickInsert = async () => {
    try {
      await insert.click({ timeout: 5_000 });
      messenger.insertClicks += 1;
      return true;
    } catch (error) {
      observation.notes.push(`Insert click ${messenger.insertClicks + 1} failed: ${(error as Error).message.split('\n')[0]}`);
      return false;
    }
  };
  /**
   * Polls until the composer changed; a visible draft-warning while it has not is a warning before insert.
   * 'warned' only after `armMs`, so that the sidebar has handled the click before the second one comes.
   */
  const settle = async (timeoutMs: number, armMs = 300) => {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      // Order matters: warning seen first, then the composer read still unchanged => seen before the insert.
      const warned = await sidebar.draftWarning.first().isVisible().catch(() => false);
      const stillUnchanged = await unchanged();
      if (warned && stillUnchanged) warning.visibleBeforeInsert = true;
      if (!stillUnchanged) return 'landed' as const;
      if (warned && Date.now() - started >= armMs) return 'warned' as const;
      await sidebar.page.waitForTimeout(50);
    }
    return 'nothing' as const;
  };

  if (!(await clickInsert())) return;
  let outcome = await settle(2_000);
  if (outcome === 'warned') {
    observation.notes.push('draft-warning shown; second Insert click');
    await expect(insert).toBeEnabled({ timeout: 5_000 }).catch(() => undefined);
    if (await clickInsert()) outcome = await settle(3_000, 0);
  }
  messenger.insertLanded = outcome === 'landed';
  if (!messenger.insertLanded) observation.notes.push(`the draft did not land after ${messenger.insertClicks} Insert click(s)`);
}

async function captureSendPreview(sidebar: SidebarPage, observation: Observation): Promise<void> {
  const previews = sidebar.sendPreview;
  const count = await previews.count();
  for (let index = 0; index < count; index++) {
    const text = (await previews.nth(index).textContent().catch(() => null)) ?? '';
    observation.sendPreview.seen = true;
    if (!observation.sendPreview.texts.includes(text)) observation.sendPreview.texts.push(text);
  }
}

async function gather(ctx: RunContext, observation: Observation, mark: number, sidebarPage: Page | null): Promise<void> {
  if (sidebarPage && !sidebarPage.isClosed()) {
    const state = await sidebarPage
      .evaluate(() => (window as unknown as { __redteam?: { scan(): unknown } }).__redteam?.scan() ?? null)
      .catch(() => null) as RecorderState | null;
    if (state) {
      observation.dom.violations = state.violations;
      observation.dom.csp = state.csp;
      observation.dom.scopes = state.scopes;
      observation.dom.exempted = state.exempted;
      observation.warning.sightings = state.warnings;
      for (const attribute of state.canaryAttributes) observation.canaryAttributes.push({ ...attribute, page: 'sidebar (live)' });
    } else {
      observation.notes.push('the sidebar recorder was not readable');
    }
  }
  // Every open extension page, at the end.
  for (const page of ctx.context.pages()) {
    if (!page.url().startsWith('chrome-extension://') || page.isClosed()) continue;
    const found = await page.evaluate(canaryAttributesIn, ctx.canary.token).catch(() => [] as UrlAttribute[]);
    const name = new URL(page.url()).pathname.split('/').pop() ?? page.url();
    for (const attribute of found) observation.canaryAttributes.push({ ...attribute, page: name });
  }
  const after = await storageSnapshot(await extensionWorker(ctx.context)).catch(() => null);
  if (after) {
    observation.inert.settingsAfter = after.settings;
    observation.inert.permissionsAfter = after.permissions;
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  observation.requests = ctx.monitor.since(mark);
  observation.attackerHits = ctx.attacker.hits.slice();
  observation.providerRequests = ctx.fake.requests.map(toProviderRequest);
}

/** In-page: URL-bearing attributes holding the canary (self-contained for page.evaluate). */
function canaryAttributesIn(token: string): { element: string; attribute: string; value: string }[] {
  const names = ['href', 'xlink:href', 'src', 'srcset', 'action', 'formaction', 'poster', 'background', 'data', 'ping', 'style', 'cite', 'imagesrcset'];
  const found: { element: string; attribute: string; value: string }[] = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attribute of el.attributes) {
      if (names.includes(attribute.name.toLowerCase()) && attribute.value.includes(token)) {
        found.push({ element: `<${el.localName}>`, attribute: attribute.name, value: attribute.value.slice(0, 300) });
      }
    }
  }
  return found;
}

interface StorageSnapshot {
  settings: string;
  session: string;
  permissions: string;
}

function storageSnapshot(worker: Worker): Promise<StorageSnapshot> {
  return worker.evaluate(async () => {
    const settings = (await chrome.storage.local.get('settings')).settings ?? null;
    const session = await chrome.storage.session.get(null);
    const permissions = await chrome.permissions.getAll();
    return {
      settings: JSON.stringify(settings),
      session: JSON.stringify(session),
      permissions: JSON.stringify({ origins: [...(permissions.origins ?? [])].sort(), permissions: [...(permissions.permissions ?? [])].sort() }),
    };
  });
}

async function runPageScript(page: Page, script: string, phase: string): Promise<void> {
  await page.evaluate(pageScriptSource(script, phase)).catch(() => undefined);
}

function emptyCounters(): FixtureCounters {
  return { sends: [], composerChanges: 0, enterKeydowns: 0, untrustedKeydowns: 0, composerText: '' };
}

function counters(chat: WhatsAppPage): Promise<FixtureCounters> {
  return chat.page.evaluate(() => {
    const fixture = window.__fixture;
    return {
      sends: fixture.sends.map((send) => ({ via: send.via, text: send.text })),
      composerChanges: fixture.composerChanges,
      enterKeydowns: fixture.enterKeydowns,
      untrustedKeydowns: fixture.untrustedKeydowns,
      composerText: fixture.composerText(),
    };
  });
}

function chatRequests(fake: FakeOpenAI) {
  return fake.requests.filter((request) => request.method === 'POST' && /chat\/completions/.test(request.path));
}

function toProviderRequest(request: FakeOpenAI['requests'][number]): ProviderRequest {
  const body = request.body as { messages?: { content?: unknown }[] } | undefined;
  const strings: string[] = [];
  const collect = (value: unknown) => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(body?.messages ?? []);
  return { method: request.method, path: request.path, content: strings.join('\n'), rawBody: request.rawBody, receivedAt: request.receivedAt };
}

async function shownText(sidebar: SidebarPage): Promise<string> {
  const output = await sidebar.output.allTextContents().catch(() => [] as string[]);
  const suggestions = await sidebar.suggestionTexts.allTextContents().catch(() => [] as string[]);
  return [...output, ...suggestions].join('\n');
}

/** A distinctive piece of the model's text to look for in the messenger page: its longest plain run. */
export function needleOf(text: string): string {
  const runs = text.match(/[\p{L}\p{N}][\p{L}\p{N} ,.!?'’-]{7,}/gu) ?? [];
  const longest = runs.sort((a, b) => b.length - a.length)[0]?.trim();
  return longest && longest.length >= 8 ? longest.slice(0, 80) : text.trim().slice(0, 80);
}

type PlaceCounts = Record<string, number>;

/** For each needle: how often it occurs in each place of the page a page script can read. */
function searchPage(page: Page, needles: string[]): Promise<PlaceCounts[]> {
  return page.evaluate((targets) => {
    const count = (haystack: string, needle: string) => (needle ? haystack.split(needle).length - 1 : 0);
    const skip = new Set(['window', 'self', 'globalThis', 'frames', 'parent', 'top', 'document', 'opener']);
    const globals: string[] = [];
    // Script-made globals are data properties (`var x`, `window.x = …`, hidden or not); the platform's own
    // attributes are accessors and its methods functions, neither of which can hold what a script stashed.
    for (const name of Object.getOwnPropertyNames(window)) {
      if (skip.has(name)) continue;
      const descriptor = Object.getOwnPropertyDescriptor(window, name);
      if (!descriptor || !('value' in descriptor)) continue;
      try {
        const value = descriptor.value as unknown;
        if (value instanceof Node || typeof value === 'function') continue;
        const seen = new WeakSet<object>();
        const json = JSON.stringify(value, (_key, inner: unknown) => {
          if (inner instanceof Node || inner === window) return undefined;
          if (inner && typeof inner === 'object') {
            if (seen.has(inner)) return undefined;
            seen.add(inner);
          }
          return inner;
        });
        if (json) globals.push(`${name}=${json.slice(0, 200_000)}`);
      } catch {
        // Unreadable or throwing getter: nothing a script could read as text either.
      }
    }
    const storage = (area: Storage) => {
      try {
        return Object.keys(area).map((key) => `${key}=${area.getItem(key)}`).join('\n');
      } catch {
        return '';
      }
    };
    const fields = [...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value).join('\n');
    const places: Record<string, string> = {
      'DOM (outerHTML)': document.documentElement.outerHTML,
      'DOM text': document.documentElement.textContent ?? '',
      'form fields': fields,
      'composer': window.__fixture?.composerText() ?? '',
      'window globals': globals.join('\n'),
      'localStorage': storage(localStorage),
      'sessionStorage': storage(sessionStorage),
      'cookie/title/url': `${document.cookie}\n${document.title}\n${location.href}\n${JSON.stringify(history.state)}`,
    };
    return targets.map((needle) => Object.fromEntries(Object.entries(places).map(([place, text]) => [place, count(text, needle)])));
  }, needles);
}

function grownPlaces(before: PlaceCounts, after: PlaceCounts): string[] {
  return Object.keys(after).filter((place) => (after[place] ?? 0) > (before[place] ?? 0));
}
