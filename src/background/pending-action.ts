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
