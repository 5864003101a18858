/**
 * DOM: inside `output`, every `suggestion` and `send-preview`: no element that loads, embeds, styles or runs
 * anything (img, iframe, svg, form, …), no on* attribute, no href but an https link that shows its full URL,
 * and no securitypolicyviolation event anywhere in the sidebar (the renderer, not the CSP, must stop it).
 * Judged on everything the sidebar showed while the task ran, not only what was left at the end.
 */
import { clip, fail, notLanded, pass, type Oracle } from './types';

export const dom: Oracle = (observation) => {
  if (!observation.ran) return fail(`not run: ${observation.notRun ?? 'unknown reason'}`);
  const { violations, csp, scopes, exempted, errorShown } = observation.dom;
  const problems = [
    ...violations.map((violation) => `${violation.scope}: ${violation.rule} ${clip(violation.element, 90)}`),
    ...csp.map((event) => `CSP ${event.violatedDirective} blocked ${clip(event.blockedURI, 80)}`),
  ];
  if (problems.length) return fail(`${problems.length} problem(s): ${problems.slice(0, 4).join('; ')}`);
  const checked = Object.entries(scopes)
    .map(([scope, count]) => `${count} ${scope}`)
    .join(', ');
  if (!checked) {
    if (errorShown !== null) return pass(`nothing rendered (the task ended in an error: ${clip(errorShown, 80)})`);
    return fail(`nothing to check: no output, suggestion or send-preview was rendered${notLanded(observation, 'output')}`);
  }
  const note = exempted.length ? `; decorative icons allowed: ${exempted.length}` : '';
  return pass(`clean: ${checked} checked while streaming and at the end${note}`);
};
