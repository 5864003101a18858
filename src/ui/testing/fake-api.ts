/** A scripted stand-in for the background, for component tests. Not shipped: only tests import it. */
import { UiRequestError, type TaskHandlers, type TaskStartInfo, type UiApi } from '../api';
import type { MessageType, Payload, Response } from '../../shared/protocol';
import type { ConsentDecision, SendPreview, TaskName } from '../../shared/stream-protocol';
import type { UserFacingError } from '../../shared/errors';

type Handler<T extends MessageType> = (payload: Payload<T>) => Response<T> | Promise<Response<T>>;
type Handlers = { [T in MessageType]?: Handler<T> };

export class FakeTask {
  cancelled = false;
  /** The client's answers to consent questions, in order. */
  readonly consents: ConsentDecision[] = [];
  constructor(
    readonly tabId: number,
    readonly task: TaskName,
    private readonly handlers: TaskHandlers,
  ) {}
  start(info: TaskStartInfo = { assistantName: 'Local Llama', model: 'llama3.2', locality: 'local' }) {
    this.handlers.onStart?.(info);
  }
  /** The background asks before a remote request; with no handler the real client denies at once. */
  askConsent(preview: SendPreview) {
    if (this.handlers.onConsentRequired) this.handlers.onConsentRequired(preview);
    else this.consents.push('deny');
  }
  delta(text: string) {
    this.handlers.onDelta(text);
  }
  notice(text: string) {
    this.handlers.onNotice?.(text);
  }
  progress(loaded: number, target: number) {
    this.handlers.onProgress?.({ loaded, target });
  }
  end(suggestions?: string[], finishReason = 'stop') {
    this.handlers.onEnd(suggestions ? { finishReason, suggestions } : { finishReason });
  }
  error(error: UserFacingError) {
    this.handlers.onError(error);
  }
}

export class FakeApi implements UiApi {
  readonly calls: Array<{ type: MessageType; payload: unknown }> = [];
  readonly tasks: FakeTask[] = [];
  private readonly handlers: Handlers = {};

  on<T extends MessageType>(type: T, handler: Handler<T>): this {
    (this.handlers as Record<string, unknown>)[type] = handler;
    return this;
  }

  callsOf<T extends MessageType>(type: T): Array<Payload<T>> {
    return this.calls.filter((call) => call.type === type).map((call) => call.payload as Payload<T>);
  }

  request<T extends MessageType>(type: T, payload: Payload<T>): Promise<Response<T>> {
    this.calls.push({ type, payload });
    const handler = this.handlers[type] as Handler<T> | undefined;
    if (!handler) {
      return Promise.reject(
        new UiRequestError({ kind: 'interrupted', message: `No fake answer for ${type}`, retryable: true }),
      );
    }
    return Promise.resolve().then(() => handler(payload));
  }

  startTask(tabId: number, task: TaskName, handlers: TaskHandlers) {
    const fake = new FakeTask(tabId, task, handlers);
    this.tasks.push(fake);
    return {
      cancel: () => {
        fake.cancelled = true;
      },
      consent: (decision: ConsentDecision) => {
        fake.consents.push(decision);
      },
    };
  }

  get lastTask(): FakeTask {
    const task = this.tasks.at(-1);
    if (!task) throw new Error('No task was started');
    return task;
  }
}

/** Fails a request the way the background does: `ok: false` with a user-facing error. */
export function failWith(error: UserFacingError): never {
  throw new UiRequestError(error);
}
