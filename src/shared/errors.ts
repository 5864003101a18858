import * as v from 'valibot';
import type { Wording } from './wording';

/**
 * The kinds of failure a user can see, each with its own message and next step.
 * The sidebar shows `kind` as `data-kind` on the `error` element.
 */
export type ErrorKind =
  | 'auth'          // 401/403: key missing, wrong or lacking permission
  | 'rate-limit'    // 429
  | 'quota'         // out of credits / insufficient quota
  | 'network'       // the provider could not be reached
  | 'timeout'       // no first byte, or a stall between chunks
  | 'server'        // 5xx, or an error event mid-stream
  | 'model'         // 404: model not found
  | 'context'       // the prompt is too long for the model
  | 'protocol'      // the provider sent something we could not parse
  | 'config'        // no assistant configured, invalid settings
  | 'permission'    // the browser denied host access to the provider
  | 'adapter'       // the chat could not be read or written
  | 'interrupted'   // the background worker went away mid-stream
  | 'webgpu';       // local engine cannot run here

export interface UserFacingError {
  kind: ErrorKind;
  /** What happened, one sentence. */
  message: string;
  /** What the user can do about it, one sentence. */
  hint?: string;
  /** True when pressing Retry may succeed. */
  retryable: boolean;
  /**
   * The same two sentences as catalogue ids with their substitutions (src/shared/wording.ts), so the
   * interface can show them in the user's language; `message` and `hint` stay the English fallback.
   * Absent where the words were never worded (content-script errors, a server's raw text).
   */
  messageWording?: Wording;
  hintWording?: Wording;
}

/**
 * A wording as it arrives from another context: an id of the errors catalogue (never another area's
 * key, so a message cannot borrow an unrelated label) and at most nine short substitutions.
 */
export const WordingSchema = v.object({
  key: v.pipe(v.string(), v.regex(/^error_[A-Za-z0-9_]{1,80}$/)),
  args: v.pipe(v.array(v.pipe(v.string(), v.maxLength(2_000))), v.maxLength(9)),
});

