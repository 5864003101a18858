/**
 * Port-based streaming between a UI page and the background: the client starts a task,
 * the background answers with deltas and one end or error; either side may cancel by
 * sending `cancel` or disconnecting.
 */
import * as v from 'valibot';
import type { UserFacingError } from './errors';

export const TASK_PORT_NAME = 'aside:task';

export const TASKS = ['reply'] as const;
export type TaskName = (typeof TASKS)[number];

export const ClientStreamMessageSchema = v.variant('type', [
  v.object({
    type: v.literal('start'),
    tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
    task: v.picklist(TASKS),
  }),
  v.object({ type: v.literal('cancel') }),
]);
export type ClientStreamMessage = v.InferOutput<typeof ClientStreamMessageSchema>;

export type ServerStreamMessage =
  | { type: 'start'; assistantName: string; model: string; locality: 'local' | 'remote' }
  | { type: 'delta'; text: string }
  | { type: 'end'; finishReason: string; suggestions?: string[] }
  | { type: 'error'; error: UserFacingError };
