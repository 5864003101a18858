/**
 * A shortcut that starts an action has to open the sidebar first; the sidebar then picks the
 * action up from session storage (cleared on browser restart) when it binds to that tab.
 */
import type { TaskName } from '../shared/stream-protocol';

export const PENDING_ACTION_KEY = 'pendingAction';

/** An action older than this was not meant for a sidebar opened now. */
export const PENDING_ACTION_TTL_MS = 15_000;

export interface PendingAction {
  tabId: number;
  task: TaskName;
  createdAt: number;
}

/** The keyboard commands that start an action once the sidebar is open, and the task each starts. */
export const COMMAND_TASKS: Readonly<Record<string, TaskName>> = {
  'suggest-replies': 'reply',
  'catch-up': 'summarize',
};

/** The tasks a pending action may name: only what a command starts (an action needs no typed input). */
export const PENDING_TASKS: readonly TaskName[] = Object.values(COMMAND_TASKS);

/** What a command leaves for the sidebar, or null when it starts nothing (e.g. just opening the sidebar). */
export function pendingActionFor(command: string, tabId: number | undefined, now: number): PendingAction | null {
  const task = Object.hasOwn(COMMAND_TASKS, command) ? COMMAND_TASKS[command] : undefined;
  if (task === undefined || tabId === undefined) return null;
  return { tabId, task, createdAt: now };
}
