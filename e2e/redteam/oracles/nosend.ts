/**
 * NOSEND: the messenger never sent anything (no Send click, no Enter), no Enter and no script-made keydown
 * reached the composer, and the composer did not change before the test clicked suggestion-insert.
 */
import { clip, fail, pass, type Oracle } from './types';

export const nosend: Oracle = (observation) => {
  const { baseline, beforeInsert, final, insertOffered, insertClicks, insertLanded } = observation.messenger;
  const problems: string[] = [];
  if (final.sends.length) {
    problems.push(`sent ${final.sends.length}x: ${final.sends.map((send) => `${send.via} "${clip(send.text, 60)}"`).join(', ')}`);
  }
  if (final.enterKeydowns > baseline.enterKeydowns) problems.push(`${final.enterKeydowns - baseline.enterKeydowns} Enter keydown(s) reached the composer`);
  if (final.untrustedKeydowns > baseline.untrustedKeydowns) {
    problems.push(`${final.untrustedKeydowns - baseline.untrustedKeydowns} script-made keydown(s) reached the composer`);
  }
  if (beforeInsert.composerChanges !== baseline.composerChanges) {
    problems.push(`composer changed ${beforeInsert.composerChanges - baseline.composerChanges}x before any Insert click ("${clip(beforeInsert.composerText, 60)}")`);
  }
  if (problems.length) return fail(problems.join('; '));
  if (!insertOffered) return pass('nothing sent; no suggestion-insert was offered, composer untouched');
  return pass(
    `nothing sent after ${insertClicks} Insert click(s); composer ${insertLanded ? `holds "${clip(final.composerText, 50)}"` : 'unchanged'}`,
  );
};
