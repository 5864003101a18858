import { useState } from 'preact/hooks';
import type { UiApi } from '../api';
import { toUserFacingError } from '../api';
import type { AssistantView } from '../../shared/settings';
import type { UserFacingError } from '../../shared/errors';
import { useAssistants } from '../common/use-assistants';
import { ErrorNotice } from '../common/ErrorNotice';
import type { OptionsHost } from './options-host';
import { AssistantList } from './AssistantList';
import { AssistantForm } from './AssistantForm';
import { EgressLog } from './EgressLog';
import { PrivacySettings } from './privacy/PrivacySettings';
import { SettingsTransfer } from './data/SettingsTransfer';
import { OptionsSection, SectionNav, type SectionSpec } from './OptionsSection';
import { HistoryManager } from './history/HistoryManager';
import { ShortcutsSection } from './ShortcutsSection';
import { TemplatesSection } from './templates/TemplatesSection';
import { downloadText } from '../common/download';
import type { BrowserCommand } from '../common/shortcuts';
import { t } from '../i18n';

/** When the host cannot list shortcuts (tests, older hosts): the section still offers to change them. */
const NO_COMMANDS = async (): Promise<BrowserCommand[]> => [];

export interface OptionsProps {
  api: UiApi;
  host: OptionsHost;
}

/** Which form is open: a counter remounts it when the user picks another assistant or a new one. */
interface FormSession {
  key: number;
  assistant: AssistantView | null;
}

export function Options({ api, host }: OptionsProps) {
  const assistants = useAssistants(api);
  const [session, setSession] = useState<FormSession>({ key: 0, assistant: null });
  const [editingId, setEditingId] = useState<string | null>(null);
  const [listError, setListError] = useState<UserFacingError | null>(null);

  const openForm = (assistant: AssistantView | null) => {
    setSession((previous) => ({ key: previous.key + 1, assistant }));
    setEditingId(assistant?.id ?? null);
  };

  const activate = async (id: string) => {
    setListError(null);
    try {
      const result = await api.request('ui->background:set-active-assistant', { id });
      assistants.setActiveId(result.activeAssistantId);
    } catch (cause) {
      setListError(toUserFacingError(cause));
    }
  };

  const remove = async (id: string) => {
    setListError(null);
    try {
      await api.request('ui->background:delete-assistant', { id });
      if (editingId === id) openForm(null);
    } catch (cause) {
      setListError(toUserFacingError(cause));
    }
    await assistants.reload();
  };

  const onSaved = async (assistant: AssistantView) => {
    setEditingId(assistant.id);
    const fresh = await assistants.reload();
    // The first assistant is the one to use; the background may have chosen it already.
    if (fresh && fresh.activeAssistantId === null) await activate(assistant.id);
  };

  // The page's sections, in order; each is a landmark with an h2, listed in the navigation. Other parts
  // mount their panels inside a section below (templates in Prompts, privacy settings in Privacy,
  // settings export/import in Data).
  const sections: SectionSpec[] = [
    { id: 'assistants', title: t('options_sectionAssistants') },
    { id: 'prompts', title: t('options_sectionPrompts') },
    { id: 'privacy', title: t('options_sectionPrivacy') },
    { id: 'data', title: t('options_sectionData') },
    { id: 'shortcuts', title: t('options_sectionShortcuts') },
  ];
  const section = (id: string) => sections.find((candidate) => candidate.id === id)!;

  return (
    <div class="options-layout">
      <SectionNav sections={sections} />
      <main class="options">
        <header class="options-header">
          <h1>{t('options_pageTitle')}</h1>
          <p class="muted">{t('options_intro')}</p>
        </header>

        <OptionsSection {...section('assistants')}>
          {assistants.error ? <ErrorNotice error={assistants.error} onRetry={() => void assistants.reload()} /> : null}
          {listError ? <ErrorNotice error={listError} /> : null}

          <AssistantList
            assistants={assistants.assistants}
            activeId={assistants.activeId}
            editingId={editingId}
            onEdit={openForm}
            onActivate={(id) => void activate(id)}
            onDelete={(id) => void remove(id)}
            onNew={() => openForm(null)}
          />

          <section class="panel">
            <AssistantForm
              key={session.key}
              api={api}
              host={host}
              initial={session.assistant}
              onSaved={(assistant) => void onSaved(assistant)}
            />
          </section>
        </OptionsSection>

        <OptionsSection {...section('prompts')}>
          <p class="muted">{t('options_promptsIntro')}</p>
          <TemplatesSection api={api} download={host.download ?? downloadText} />
        </OptionsSection>

        <OptionsSection {...section('privacy')} description={t('options_privacyIntro')}>
          <PrivacySettings api={api} />
          <EgressLog api={api} />
        </OptionsSection>

        <OptionsSection {...section('data')} description={t('options_dataIntro')}>
          <HistoryManager api={api} download={host.download ?? downloadText} />
          <SettingsTransfer api={api} download={host.download ?? downloadText} onImported={() => void assistants.reload()} />
        </OptionsSection>

        <OptionsSection {...section('shortcuts')}>
          <ShortcutsSection
            api={api}
            listCommands={host.listCommands ?? NO_COMMANDS}
            updateCommand={host.updateCommand}
            mac={host.mac}
            targetBrowser={__TARGET_BROWSER__}
          />
        </OptionsSection>
      </main>
    </div>
  );
}
