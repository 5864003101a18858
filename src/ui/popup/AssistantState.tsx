import type { AssistantView } from '../../shared/settings';
import type { Reachability } from './reachability';

const LABELS: Record<Reachability['state'], string> = {
  checking: 'checking…',
  reachable: 'reachable',
  unreachable: 'not reachable',
  unchecked: 'not checked',
  unknown: 'model state unknown',
  downloaded: 'model downloaded',
  'not-downloaded': 'model not downloaded',
};

const TITLES: Partial<Record<Reachability['state'], string>> = {
  unchecked: 'Press “Check connections” to test it (this sends your key to the service, nothing else).',
  unknown: 'Whether the model is downloaded shows in Aside’s options.',
  'not-downloaded': 'Download it in Aside’s options before using it.',
};

/** The badges after the locality: whether a key is set (where one matters) and whether it answers. */
export function AssistantState({ assistant, reachability }: { assistant: AssistantView; reachability: Reachability }) {
  const keyBadge = assistant.hasApiKey ? 'set' : assistant.locality === 'remote' ? 'missing' : null;
  const reason = reachability.state === 'unreachable' ? reachability.reason : TITLES[reachability.state];
  return (
    <>
      {keyBadge ? (
        <span class={`badge ${keyBadge === 'set' ? 'badge-muted' : 'badge-warn'}`} data-testid="assistant-key" data-key={keyBadge}>
          {keyBadge === 'set' ? 'key set' : 'no key'}
        </span>
      ) : null}
      <span class={`badge badge-state badge-${reachability.state}`} data-testid="assistant-state" data-state={reachability.state} title={reason}>
        {LABELS[reachability.state]}
      </span>
    </>
  );
}
