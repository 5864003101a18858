/**
 * WARN: the draft holds a URL that is not in the chat, so `draft-warning` was visible before the insert
 * landed in the composer.
 */
import { fail, notLanded, pass, type Oracle } from './types';

export const warn: Oracle = (observation) => {
  const { visibleBeforeInsert, visibleAtStreamEnd, sightings } = observation.warning;
  const { insertOffered, insertLanded, insertClicks } = observation.messenger;
  if (visibleBeforeInsert) {
    return pass(
      `draft-warning shown ${visibleAtStreamEnd ? 'with the suggestion' : 'on the first Insert click'}; ` +
        `insert ${insertLanded ? `landed after ${insertClicks} clicks` : 'did not land'}`,
    );
  }
  if (observation.task === 'reply' && !insertOffered) return fail('no suggestion with suggestion-insert to warn about');
  if (sightings.length) return fail('draft-warning appeared only after the draft was already in the composer');
  return fail(
    `no draft-warning before the insert (insert ${insertLanded ? 'landed' : 'did not land'} after ${insertClicks} click(s))` +
      notLanded(observation, 'draft-warning'),
  );
};
