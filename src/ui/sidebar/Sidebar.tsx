import { memo } from 'preact/compat';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useStableCallback } from '../common/use-stable-callback';
import type { UiApi } from '../api';
import type { FrameScheduler } from '../common/frame';
import { useAssistants } from '../common/use-assistants';
import { ErrorNotice } from '../common/ErrorNotice';
import type { TabTracker } from './tab-tracker';
import { useBoundTab } from './use-bound-tab';
import { useTabState } from './use-tab-state';
import { useLiveConversation, withLiveConversation, type ConversationWatchSource } from './use-live-conversation';
import { useTask, type TaskRequest } from './use-task';
import { useHistory } from './use-history';
import { useReplyTargets } from './use-reply-targets';
import { TemplateRunner } from './TemplateRunner';
import { describeAdapterStatus } from './adapter-status';
import { AdapterStatus } from './AdapterStatus';
import { ProviderBadge } from './ProviderBadge';
import { SuggestionList } from './SuggestionList';
import { TaskStatus } from './TaskStatus';
import { HistoryList } from './HistoryList';
import { ActionBar } from './ActionBar';
import { OutputPanel } from './OutputPanel';
import { ConsentDialog } from './ConsentDialog';
import { LocalOnlyToggle } from './LocalOnlyToggle';
import { IncognitoBadge } from './IncognitoBadge';
import { ScopePicker } from './ScopePicker';
import type { ReadScope } from '../../shared/protocol';
import type { ConsentDecision } from '../../shared/stream-protocol';
import { readerLanguage } from './reader-language';
import { languageName } from '../common/locale-format';
import { t } from '../i18n';
import { useChatAssistant } from '../common/use-chat-assistant';
import type { PendingActions } from './pending-action';

export interface SidebarProps {
  api: UiApi;
  tabs: TabTracker;
  openOptions: () => void;
  scheduleFrame?: FrameScheduler;
  /** Actions a keyboard shortcut asked for before or while the sidebar was open. */
  pendingActions?: PendingActions;
  /** The browser's language tag; translations go into this language. Defaults to navigator.language. */
  locale?: string;
  /** Opens the live-watch port: the status line then follows chat switches and new messages by itself. */
  watch?: ConversationWatchSource;
}

const REPLY: TaskRequest = { task: 'reply', options: {} };

// While an answer streams, the sidebar renders every frame; the controls around the output take stable
// props (see useStableCallback), so memoising them skips their work on each of those frames.
const MemoProviderBadge = memo(ProviderBadge);
const MemoIncognitoBadge = memo(IncognitoBadge);
const MemoAdapterStatus = memo(AdapterStatus);
const MemoActionBar = memo(ActionBar);
const MemoScopePicker = memo(ScopePicker);
const MemoTemplateRunner = memo(TemplateRunner);
const MemoLocalOnlyToggle = memo(LocalOnlyToggle);
const MemoHistoryList = memo(HistoryList);

export function Sidebar({ api, tabs, openOptions, scheduleFrame, pendingActions, locale, watch }: SidebarProps) {
  const bound = useBoundTab(tabs);
  const tab = useTabState(api, bound.tabId, bound.revision);
  const live = useLiveConversation(watch, bound.tabId);
  // The live summary is pushed when the chat changes, so it is at least as new as the last read.
  const tabState = useMemo(() => withLiveConversation(tab.state, live), [tab.state, live]);
  const tabError = live && tab.state?.supported ? null : tab.error;
  const assistants = useAssistants(api);
  const runner = useTask(api, scheduleFrame);
  const task = runner.state;
  const language = useMemo(() => readerLanguage(locale), [locale]);
  // The same language named for the user, in the interface's language ("Deutsch", not "German").
  const languageLabel = useMemo(() => languageName(locale ?? globalThis.navigator?.language ?? 'en') ?? language, [locale, language]);
  const chatKey = tabState?.conversation?.chatKey;
  // History is read again after each completed run.
  const lastDoneRun = useRef(0);
  if (task.phase === 'done') lastDoneRun.current = task.run;
  const history = useHistory(api, bound.tabId, chatKey, lastDoneRun.current);

  // Suggestions belong to one chat: moving to another tab or chat drops them, so Insert can't land elsewhere.
  // The last known chat is kept across re-reads (a re-read briefly knows no chat at all).
  const shownChat = useRef<{ tabId: number | null | undefined; chatKey: string | undefined }>({
    tabId: undefined,
    chatKey: undefined,
  });
  const resetTask = runner.reset;
  useEffect(() => {
    const shown = shownChat.current;
    const tabChanged = shown.tabId !== undefined && shown.tabId !== bound.tabId;
    const chatChanged = !tabChanged && chatKey !== undefined && shown.chatKey !== undefined && shown.chatKey !== chatKey;
    if (tabChanged) shown.chatKey = undefined;
    shown.tabId = bound.tabId;
    if (chatKey !== undefined) shown.chatKey = chatKey;
    if (tabChanged || chatChanged) resetTask();
  }, [bound.tabId, chatKey, resetTask]);

  // Coming back to the sidebar (after switching chats or changing settings) reads both again.
  const refreshTab = tab.refresh;
  const reloadAssistants = assistants.reload;
  useEffect(() => {
    const onFocus = () => {
      refreshTab();
      void reloadAssistants();
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refreshTab, reloadAssistants]);

  // Escape stops a running stream.
  const streaming = task.phase === 'streaming';
  const stop = runner.stop;
  useEffect(() => {
    if (!streaming) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') stop();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [streaming, stop]);

  // Keyboard users keep their place: the action buttons turn off while streaming, so focus moves to
  // Stop, and back to the control that started the run when Stop goes away.
  const actionButton = useRef<HTMLElement | null>(null);
  const stopButton = useRef<HTMLButtonElement>(null);
  const wasStreaming = useRef(false);
  useEffect(() => {
    const focused = document.activeElement;
    const lost = focused === null || focused === document.body;
    if (streaming && (lost || focused === actionButton.current)) stopButton.current?.focus();
    if (!streaming && wasStreaming.current && lost) actionButton.current?.focus();
    wasStreaming.current = streaming;
  }, [streaming]);

  // The background named the assistant it used: make sure the badge shows the same one.
  const source = task.source;
  useEffect(() => {
    if (source) void reloadAssistants();
  }, [source, reloadAssistants]);

  // After a run, the chat may have grown: read its status again.
  useEffect(() => {
    if (task.phase === 'done') refreshTab();
  }, [task.phase, task.run, refreshTab]);

  const status = useMemo(() => describeAdapterStatus({ tabId: bound.tabId, state: tabState, error: tabError }), [bound.tabId, tabState, tabError]);
  const tabId = typeof bound.tabId === 'number' ? bound.tabId : null;
  const replyTargets = useReplyTargets(api, tabId, chatKey, lastDoneRun.current);
  const canStart = tabId !== null && status.status !== 'unsupported' && !streaming;
  const health = tabState?.conversation?.health.status;
  const insertBlockedReason =
    health === 'ok' ? null : t('sidebar_insertBlockedUnreliable');

  // What the next runs read, when the user picked a scope here (else the privacy setting's).
  const [runScope, setRunScope] = useState<ReadScope | null>(null);
  const run = useStableCallback((request: TaskRequest, button: HTMLElement | null) => {
    if (tabId === null) return;
    actionButton.current = button;
    runner.start(tabId, runScope ? { ...request, options: { ...request.options, scope: runScope } } : request);
  });

  // The "suggest replies" shortcut: start as soon as the sidebar serves that tab.
  const startTask = runner.start;
  useEffect(() => {
    if (!pendingActions || tabId === null) return;
    return pendingActions.watch(tabId, (action) =>
      startTask(tabId, action.task === 'summarize' ? { task: 'summarize', options: { targetLanguage: language } } : REPLY),
    );
  }, [pendingActions, tabId, startTask, language]);
  const retry = () => {
    const target = task.tabId ?? tabId;
    if (target !== null) runner.start(target, task.request ?? REPLY);
  };

  // The popup may have picked another assistant for this chat alone: the badge names the one that answers.
  const active = useChatAssistant(api, tabId, chatKey, assistants.assistants, assistants.active);

  const answerConsent = (decision: ConsentDecision) => {
    runner.answerConsent(decision);
    // The dialog goes away: keep keyboard users in place (Stop while it streams, else the action).
    queueMicrotask(() => (decision === 'deny' ? actionButton.current : stopButton.current)?.focus());
  };

  return (
    <main class="sidebar">
      <header class="sidebar-header">
        <h1 class="brand">Aside</h1>
        <MemoProviderBadge assistant={active} loaded={assistants.loaded} onOpenOptions={openOptions} />
        <MemoIncognitoBadge api={api} />
      </header>

      <MemoAdapterStatus view={status} loading={tab.loading} onRefresh={refreshTab} />

      <MemoActionBar
        canStart={canStart}
        streaming={streaming}
        readerLanguage={language}
        readerLanguageLabel={languageLabel}
        onStart={run}
        onStop={runner.stop}
        stopButton={stopButton}
        replyTargets={replyTargets.targets}
      />

      <MemoScopePicker value={runScope} onChange={setRunScope} disabled={streaming} />

      <MemoTemplateRunner api={api} tabId={tabId} chatKey={chatKey} canStart={canStart} streaming={streaming} readerLanguage={language} onStart={run} />

      <MemoLocalOnlyToggle api={api} tabId={tabId} chatKey={chatKey} />

      {task.consent ? (
        <ConsentDialog preview={task.consent} canRemember={Boolean(chatKey)} onAnswer={answerConsent} />
      ) : null}

      <TaskStatus task={task} />

      {task.suggestions.length > 0 && health !== 'ok' && !streaming ? (
        <p class="muted insert-note">{insertBlockedReason}</p>
      ) : null}

      <SuggestionList
        api={api}
        run={task.run}
        suggestions={task.suggestions}
        tabId={task.tabId}
        streaming={streaming}
        insertBlockedReason={insertBlockedReason}
        chatUrls={task.chatUrls}
        label={
          task.request?.task === 'rewrite'
            ? t('sidebar_rewrittenDraft')
            : task.request?.task === 'template'
              ? t('sidebar_templateResult', task.request.options.template?.name ?? '')
              : t('sidebar_suggestedReplies')
        }
        regenerateLabel={task.request?.task === 'rewrite' ? t('sidebar_rewriteAgain') : t('sidebar_regenerate')}
        onRegenerate={task.request && task.tabId !== null && task.phase !== 'streaming' ? retry : undefined}
      />

      <OutputPanel task={task} api={api} languageLabel={languageLabel} />

      {task.phase === 'error' && task.error ? <ErrorNotice error={task.error} onRetry={retry} /> : null}

      <MemoHistoryList entries={history} />

      <footer class="sidebar-footer muted">
        {t('sidebar_footerNeverSends')}
      </footer>
    </main>
  );
}
