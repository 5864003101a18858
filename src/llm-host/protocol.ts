/**
 * The channel between the background and the engine host (Chrome: the offscreen document, which
 * connects a port to the background; Firefox: the same code running inside the background page).
 * Requests carry an id; the host answers each with one `reply`, streams `chunk`s for a generation,
 * pushes `progress` for the download under way, and `egress` for each request a download made (the
 * background writes it to the egress log). Both ends validate what they receive.
 */
import * as v from 'valibot';

export const LLM_HOST_PORT_NAME = 'aside:llm-host';

const id = v.pipe(v.number(), v.integer(), v.minValue(0));
const model = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const message = v.object({
  role: v.picklist(['system', 'user', 'assistant']),
  content: v.pipe(v.string(), v.maxLength(2_000_000)),
});

export const HostRequestSchema = v.variant('type', [
  /** The prebuilt model list, described for this adapter, with what is downloaded. */
  v.object({ type: v.literal('list'), id }),
  v.object({ type: v.literal('download'), id, model }),
  v.object({ type: v.literal('cancel-download'), id, model }),
  v.object({ type: v.literal('delete'), id, model }),
  /** Whether `model` can run here now: WebGPU, adapter, features, downloaded. Loads nothing. */
  v.object({ type: v.literal('check'), id, model }),
  /** Streams an answer; the model is loaded onto the GPU first if needed. */
  v.object({
    type: v.literal('generate'),
    id,
    model,
    messages: v.pipe(v.array(message), v.maxLength(2_000)),
    maxTokens: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    temperature: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(2))),
  }),
  /** Stops the generation started by request `target`. */
  v.object({ type: v.literal('interrupt'), id, target: id }),
  /** The current download state (after the background restarted). */
  v.object({ type: v.literal('status'), id }),
]);
export type HostRequest = v.InferOutput<typeof HostRequestSchema>;

const errorData = v.object({
  name: v.string(),
  message: v.string(),
  status: v.optional(v.number()),
  url: v.optional(v.string()),
});

const downloadState = v.object({
  model,
  status: v.picklist(['downloading', 'done', 'failed', 'cancelled']),
  loadedBytes: v.number(),
  totalBytes: v.number(),
  startedAt: v.number(),
  updatedAt: v.number(),
  error: v.optional(errorData),
});

/** One request the host made for a model download, for the background's egress log. */
const egressEntry = v.object({
  time: v.number(),
  origin: v.pipe(v.string(), v.maxLength(300)),
  method: v.picklist(['GET', 'HEAD']),
  bytes: v.pipe(v.number(), v.minValue(0)),
  status: v.nullable(v.pipe(v.number(), v.integer())),
  action: v.picklist(['model-download', 'model-download-blocked']),
});

export const HostEventSchema = v.variant('type', [
  v.object({ type: v.literal('reply'), id, ok: v.literal(true), value: v.unknown() }),
  v.object({ type: v.literal('reply'), id, ok: v.literal(false), error: errorData }),
  v.object({ type: v.literal('chunk'), id, chunk: v.unknown() }),
  v.object({ type: v.literal('progress'), state: downloadState }),
  v.object({ type: v.literal('egress'), entry: egressEntry }),
]);
export type HostEvent = v.InferOutput<typeof HostEventSchema>;
export type HostDownloadState = v.InferOutput<typeof downloadState>;
export type HostEgressEntry = v.InferOutput<typeof egressEntry>;

/** A two-way channel of structured messages: a runtime Port, or an in-process pair (Firefox). */
export interface HostChannel<Out, In> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}
