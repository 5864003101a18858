/**
 * Dispatches request/response messages from the extension's own pages. Anything from another
 * context (a content script, a web page, another extension) is ignored before any handler runs;
 * payloads are validated against the protocol's schemas; failures come back as data.
 */
import * as v from 'valibot';
import { isMessageType, payloadSchemas, type MessageType, type Payload, type Reply, type Response } from '../shared/protocol';
import { toUserFacingError, userError } from './errors';
import { wording } from '../shared/wording';
import { isExtensionPage, type ExtensionIdentity, type SenderInfo } from './sender';

export type UiMessageType = Extract<MessageType, `ui->background:${string}`>;

export type UiHandlers = {
  [T in UiMessageType]: (payload: Payload<T>, sender: SenderInfo) => Promise<Response<T>>;
};

export function createMessageRouter(handlers: UiHandlers, extension: ExtensionIdentity) {
  return function route(raw: unknown, sender: SenderInfo): Promise<Reply<UiMessageType>> | undefined {
    if (!isExtensionPage(sender, extension)) return undefined;
    if (typeof raw !== 'object' || raw === null) return undefined;
    const { type, payload } = raw as { type?: unknown; payload?: unknown };
    if (!isMessageType(type) || !type.startsWith('ui->background:')) return undefined;
    const uiType = type as UiMessageType;
    const parsed = v.safeParse(payloadSchemas[uiType], payload);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const where = issue?.path?.map((item) => String(item.key)).join('.') || 'request';
      return Promise.resolve({
        ok: false,
        error: userError('config', wording('error_invalidRequest', where, issue?.message ?? 'rejected'), wording('error_invalidRequestHint')),
      });
    }
    const handler = handlers[uiType] as (payload: unknown, sender: SenderInfo) => Promise<Response<UiMessageType>>;
    return handler(parsed.output, sender).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error: toUserFacingError(error) }),
    );
  };
}
