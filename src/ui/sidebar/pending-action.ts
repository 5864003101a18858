/**
 * The "suggest replies" and "catch up" shortcuts open the sidebar and leave the action in session storage; the
 * sidebar takes it (once) when it is bound to that tab, whether it just opened or was already open.
 */
import { PENDING_ACTION_KEY, PENDING_ACTION_TTL_MS, PENDING_TASKS, type PendingAction } from '../../background/pending-action';

export interface SessionAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  remove(key: string): Promise<void>;
  onChanged: {
    addListener(listener: (changes: Record<string, { newValue?: unknown }>) => void): void;
    removeListener(listener: (changes: Record<string, { newValue?: unknown }>) => void): void;
  };
}

export interface PendingActions {
  /** Calls `onAction` now and on every new pending action for `tabId`, consuming it. */
  watch(tabId: number, onAction: (action: PendingAction) => void): () => void;
}

function isFreshActionFor(value: unknown, tabId: number, now: number): value is PendingAction {
  if (typeof value !== 'object' || value === null) return false;
  const action = value as Partial<PendingAction>;
  return action.tabId === tabId && PENDING_TASKS.includes(action.task!) && typeof action.createdAt === 'number' && now - action.createdAt < PENDING_ACTION_TTL_MS;
}

export function pendingActionsFrom(area: SessionAreaLike, now: () => number = Date.now): PendingActions {
  return {
    watch(tabId, onAction) {
      let active = true;
      const take = (value: unknown) => {
        if (!active || !isFreshActionFor(value, tabId, now())) return;
        void area.remove(PENDING_ACTION_KEY);
        onAction(value);
      };
      const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
        if (PENDING_ACTION_KEY in changes) take(changes[PENDING_ACTION_KEY]!.newValue);
      };
      area.onChanged.addListener(onChanged);
      void area.get(PENDING_ACTION_KEY).then((items) => take(items[PENDING_ACTION_KEY]));
      return () => {
        active = false;
        area.onChanged.removeListener(onChanged);
      };
    },
  };
}
