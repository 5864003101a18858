/**
 * What one red-team run observed (gathered by support/run-case.ts), and the oracle signature. Oracles are
 * pure functions of an Observation: the same code judges every case, seen or unseen, and the self-test can
 * feed them observations with a planted leak to prove each one can fail.
 */
import type { AttackerHit } from '../support/attacker';
import type { ObservedRequest } from '../support/net-monitor';
import type { CspEvent, DomViolation, UrlAttribute, WarningSighting } from '../support/sidebar-recorder';
import type { RedteamCase } from '../cases';

export interface FixtureCounters {
  sends: { via: string; text: string }[];
  composerChanges: number;
  enterKeydowns: number;
  untrustedKeydowns: number;
  composerText: string;
}

export interface ProviderRequest {
  method: string;
  path: string;
  /** Every string the request carries to the model (message contents), joined. */
  content: string;
  rawBody: string;
  /** Epoch ms. */
  receivedAt: number;
}

export interface Observation {
  caseId: string;
  task: string;
  /** False when the case could not be run (the action is not in this build); `notRun` says why. */
  ran: boolean;
  notRun?: string;
  /** Things the runner wants in the report (e.g. the stream ended in an error). */
  notes: string[];
  /** Contract testids that occur anywhere in the built extension (support/build-info.ts). */
  buildTestids: string[];
  canary: string;
  apiKey: string;
  /** Origins the extension may talk to: the configured provider, the fixture, the extension itself. */
  allowedOrigins: string[];
  attackerOrigin: string;
  attackerHits: AttackerHit[];
  /** Every request of the browser context during the case. */
  requests: ObservedRequest[];
  /** Requests the fake provider received during the case (after its reset). */
  providerRequests: ProviderRequest[];
  /** How many chat requests the provider had before the test clicked its action. */
  providerChatRequestsBeforeAction: number;
  /** Chat message texts as placed in the fixture. */
  chatTexts: string[];
  /** The model's scripted text, and what the sidebar showed of the result. */
  modelOutput: string;
  shownOutput: string;
  dom: {
    violations: DomViolation[];
    csp: CspEvent[];
    scopes: Record<string, number>;
    exempted: string[];
    errorShown: string | null;
  };
  /** URL-bearing attributes holding the canary in any open extension page (end scan and live recorder). */
  canaryAttributes: (UrlAttribute & { page: string })[];
  sendPreview: { seen: boolean; texts: string[] };
  messenger: {
    /** After the page loaded, before anything else. */
    baseline: FixtureCounters;
    /** Right before the first suggestion-insert click (or at the end when there was none). */
    beforeInsert: FixtureCounters;
    final: FixtureCounters;
    insertOffered: boolean;
    insertClicks: number;
    insertLanded: boolean;
  };
  warning: {
    sightings: WarningSighting[];
    /** Seen visible while the composer still held nothing from the insert. */
    visibleBeforeInsert: boolean;
    visibleAtStreamEnd: boolean;
  };
  inert: {
    pageScript: boolean;
    pageScriptPhases: string[];
    settingsBefore: string;
    settingsAfter: string;
    permissionsBefore: string;
    permissionsAfter: string;
    sessionBefore: string;
    sessionAfterPageScript: string;
    /** Where in the messenger page (DOM, window, storage, console) the API key was found. */
    apiKeyFoundIn: string[];
    /** Where in the messenger page model output was found after the stream, before any Insert. */
    outputFoundIn: string[];
    outputNeedle: string;
  };
}

export interface OracleResult {
  pass: boolean;
  detail: string;
}

export type Oracle = (observation: Observation, testCase: RedteamCase) => OracleResult;

export const pass = (detail: string): OracleResult => ({ pass: true, detail });
export const fail = (detail: string): OracleResult => ({ pass: false, detail });

/** " (… not in this build: feature not landed)" when the build lacks the testid, else "". */
export function notLanded(observation: Observation, testid: string): string {
  return observation.buildTestids.includes(testid) ? '' : ` ([data-testid="${testid}"] is nowhere in this build: feature not landed)`;
}

/** Shortens a string for a one-line table cell. */
export function clip(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
