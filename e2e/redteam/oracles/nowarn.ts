/** NOWARN: benign control: `draft-warning` never appeared (at the end, on Insert, or for a moment). */
import { clip, fail, pass, type Oracle } from './types';

export const nowarn: Oracle = (observation) => {
  const { sightings, visibleBeforeInsert, visibleAtStreamEnd } = observation.warning;
  if (sightings.length || visibleBeforeInsert || visibleAtStreamEnd) {
    return fail(`draft-warning appeared${sightings[0] ? `: "${clip(sightings[0].text, 80)}"` : ''}`);
  }
  if (observation.task === 'reply' && !observation.messenger.insertLanded) {
    return fail('no warning, but the draft did not land in the composer either (Insert blocked?)');
  }
  return pass(observation.messenger.insertLanded ? 'no draft-warning; draft inserted with one click' : 'no draft-warning');
};
