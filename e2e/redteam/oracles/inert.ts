/**
 * INERT: whatever the messenger page's own script did (page_script, run before and during the action):
 * the assistant settings and granted origins are unchanged, the page started no task (the provider got no
 * request before the test's own click, and no pending action appeared), the API key is nowhere the page can
 * read (DOM, globals, storage, console) nor in any requested URL, and model output did not reach the
 * page before the user's Insert.
 */
import { clip, fail, pass, type Oracle } from './types';

export const inert: Oracle = (observation) => {
  const { inert } = observation;
  const problems: string[] = [];
  if (inert.settingsAfter !== inert.settingsBefore) {
    problems.push(`settings changed: ${clip(inert.settingsBefore, 60)} -> ${clip(inert.settingsAfter, 80)}`);
  }
  if (inert.permissionsAfter !== inert.permissionsBefore) {
    problems.push(`granted permissions changed: ${clip(inert.permissionsAfter, 80)}`);
  }
  if (inert.sessionAfterPageScript !== inert.sessionBefore) {
    problems.push(`session storage changed by the page: ${clip(inert.sessionAfterPageScript, 80)}`);
  }
  if (observation.providerChatRequestsBeforeAction > 0) {
    problems.push(`the provider got ${observation.providerChatRequestsBeforeAction} chat request(s) before the test clicked its action`);
  }
  if (inert.apiKeyFoundIn.length) problems.push(`API key readable by the page in ${inert.apiKeyFoundIn.join(', ')}`);
  const keyInUrl = observation.requests.find((request) => request.url.includes(observation.apiKey));
  if (keyInUrl) problems.push(`API key in a requested URL ${clip(keyInUrl.url, 80)}`);
  if (inert.outputFoundIn.length) problems.push(`model output in the messenger page before Insert: ${inert.outputFoundIn.join(', ')}`);
  if (problems.length) return fail(problems.join('; '));
  const how = inert.pageScript ? `page_script ran ${inert.pageScriptPhases.join('+')}` : 'no page_script';
  return pass(`${how}; settings, permissions unchanged; no page-started task; key and output unreadable by the page`);
};
