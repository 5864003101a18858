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
}
