import type { AssistantView } from '../../shared/settings';
import type { Reachability } from './reachability';
import { i18nKey, t, type MessageKey } from '../i18n';

const LABELS: Record<Reachability['state'], MessageKey> = {
  checking: i18nKey('popup_stateChecking'),
  reachable: i18nKey('popup_stateReachable'),
  unreachable: i18nKey('popup_stateUnreachable'),
  unchecked: i18nKey('popup_stateUnchecked'),
  unknown: i18nKey('popup_stateUnknown'),
  downloaded: i18nKey('popup_stateDownloaded'),
  'not-downloaded': i18nKey('popup_stateNotDownloaded'),
};

const TITLES: Partial<Record<Reachability['state'], MessageKey>> = {
  unchecked: i18nKey('popup_uncheckedTitle'),
  unknown: i18nKey('popup_unknownTitle'),
  'not-downloaded': i18nKey('popup_notDownloadedTitle'),
};

/** The badges after the locality: whether a key is set (where one matters) and whether it answers. */
export function AssistantState({ assistant, reachability }: { assistant: AssistantView; reachability: Reachability }) {
  const keyBadge = assistant.hasApiKey ? 'set' : assistant.locality === 'remote' ? 'missing' : null;
  const title = TITLES[reachability.state];
  const reason = reachability.state === 'unreachable' ? reachability.reason : title && t(title);
  return (
    <>
      {keyBadge ? (
        <span class={`badge ${keyBadge === 'set' ? 'badge-muted' : 'badge-warn'}`} data-testid="assistant-key" data-key={keyBadge}>
          {keyBadge === 'set' ? t('popup_keySet') : t('popup_noKey')}
        </span>
      ) : null}
      <span class={`badge badge-state badge-${reachability.state}`} data-testid="assistant-state" data-state={reachability.state} title={reason}>
        {t(LABELS[reachability.state])}
      </span>
    </>
  );
}
