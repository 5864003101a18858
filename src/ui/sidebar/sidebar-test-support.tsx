/** A Sidebar on a scripted background, for the sidebar's tests. Test-only. */
import { beforeAll, vi } from 'vitest';
import { loadMarkdownParser } from '../render';
import type { TaskHandlers } from '../api';
import type { TaskName, TaskOptions } from '../../shared/stream-protocol';
import type { TabState } from '../../shared/protocol';
import type { AssistantView } from '../../shared/settings';
import { FakeApi } from '../testing/fake-api';
import { manualFrames, mount, settle } from '../testing/dom';
import { Sidebar } from './Sidebar';
import { fixedTabTracker } from './tab-tracker';
import type { PendingActions } from './pending-action';

// The parser loads lazily in the product; tests render with it already there.
beforeAll(() => loadMarkdownParser());

export const LLAMA: AssistantView = {
  id: 'a1',
  name: 'Local Llama',
  kind: 'ollama',
  baseUrl: 'http://localhost:11434/v1',
  model: 'llama3.2',
  hasApiKey: false,
  locality: 'local',
};

export const OK_CHAT: TabState = {
  supported: true,
  conversation: { site: 'whatsapp', title: 'Ana', isGroup: false, chatKey: 'whatsapp:ana', messageCount: 3, health: { status: 'ok' } },
};

/** FakeApi that also records the options each task was started with. */
export class OptionsRecordingApi extends FakeApi {
  readonly options: TaskOptions[] = [];
  override startTask(tabId: number, task: TaskName, handlers: TaskHandlers, options: TaskOptions = {}) {
    this.options.push(options);
    return super.startTask(tabId, task, handlers);
  }
}

export async function mountSidebar({
  locale = 'en-US',
  state = OK_CHAT,
  setup,
  pendingActions,
}: {
  locale?: string;
  state?: TabState;
  /** More scripted answers, given before the sidebar mounts (it asks some questions at once). */
  setup?: (api: OptionsRecordingApi) => void;
  pendingActions?: PendingActions;
} = {}) {
  const api = new OptionsRecordingApi()
    .on('ui->background:get-tab-state', () => state)
    .on('ui->background:get-assistants', () => ({ assistants: [LLAMA], activeAssistantId: 'a1' }))
    .on('ui->background:get-history', () => ({ entries: [] }))
    .on('ui->background:insert-draft', () => ({ ok: true, method: 'paste' }));
  setup?.(api);
  const frames = manualFrames();
  const open = vi.fn();
  const { container } = await mount(
    <Sidebar
      api={api}
      tabs={fixedTabTracker(12)}
      openOptions={open}
      scheduleFrame={frames.schedule}
      locale={locale}
      {...(pendingActions ? { pendingActions } : {})}
    />,
  );
  await settle();
  return { api, frames, container };
}
