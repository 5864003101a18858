/**
 * The options page's requests about in-browser models, answered through the engine host. Failures are
 * returned as data with the user-facing wording of providers/webllm/errors.ts.
 */
import type { Payload, Response } from '../shared/protocol';
import type { ListResult } from '../llm-host/engine-host';
import type { HostDownloadState } from '../llm-host/protocol';
import { describeWebLLMError } from '../providers/webllm';
import { toUserFacingError } from './errors';
import type { LocalEngineClient } from './local-engine';

function failure(error: unknown, model: string) {
  return { ok: false as const, error: toUserFacingError(describeWebLLMError(error, model)) };
}

export function localEngineHandlers(client: LocalEngineClient) {
  return {
    async 'ui->background:local-models'(): Promise<Response<'ui->background:local-models'>> {
      try {
        const listed = await client.request<ListResult>({ type: 'list' });
        const { webgpu, adapter, shaderF16, isFallbackAdapter } = listed.capabilities;
        return { ok: true, gpu: { webgpu, adapter, shaderF16, isFallbackAdapter }, models: listed.models, download: client.downloadState() };
      } catch (error) {
        return failure(error, '');
      }
    },
    async 'ui->background:local-model-progress'(): Promise<Response<'ui->background:local-model-progress'>> {
      return { download: client.downloadState() };
    },
    async 'ui->background:local-model-download'(payload: Payload<'ui->background:local-model-download'>): Promise<Response<'ui->background:local-model-download'>> {
      try {
        await client.request<HostDownloadState>({ type: 'download', model: payload.model });
        const download = client.downloadState();
        if (!download) throw new Error('The download did not start.');
        return { ok: true, download };
      } catch (error) {
        return failure(error, payload.model);
      }
    },
    async 'ui->background:local-model-cancel'(payload: Payload<'ui->background:local-model-cancel'>): Promise<Response<'ui->background:local-model-cancel'>> {
      await client.request({ type: 'cancel-download', model: payload.model });
      return { cancelled: true };
    },
    async 'ui->background:local-model-delete'(payload: Payload<'ui->background:local-model-delete'>): Promise<Response<'ui->background:local-model-delete'>> {
      try {
        await client.request({ type: 'delete', model: payload.model });
        return { ok: true };
      } catch (error) {
        return failure(error, payload.model);
      }
    },
  };
}
