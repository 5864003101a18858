/**
 * In-browser models (WebLLM) in real Chromium with the built extension: the options page's model picker,
 * the download with its progress, cancel, failures and retry, the downloaded-models list, and the GPU
 * check that ends it. Model files come from the real addresses (https://huggingface.co/…,
 * https://raw.githubusercontent.com/…), which this spec's Chromium resolves to a fake HTTPS file server
 * (e2e/fake-servers/webllm-files.ts) serving a fake model whose shards have real sizes: the engine host
 * (Chrome's offscreen document) fetches what a user's browser would.
 *
 * This machine has no GPU (Chromium runs with --disable-gpu, and headless WebGPU finds no adapter), so the
 * run stops at the GPU check with its message. Loading weights onto a GPU and generating text need a
 * machine with one (see the README's "Models in the browser").
 */
import type { BrowserContext, Page } from '@playwright/test';
import { startFakeModelFiles, type FakeModelFiles } from './fake-servers/webllm-files';
import { closeExtensionContext, expect, extensionWorker, launchWithExtension, test } from './support/extension';
import { WhatsAppFixture, type ChatSpec } from './fixtures/whatsapp/page';
import { ExtensionPages, tabIdOf } from './support/pages';

const MODEL = 'Llama-3.2-1B-Instruct-q4f32_1-MLC';
const MODEL_LIB = 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/Llama-3.2-1B-Instruct-q4f32_1_cs1k-webgpu.wasm';
const SHARDS = 6;
const SHARD_SIZE = 2 * 1024 * 1024;

let context: BrowserContext;
let pages: ExtensionPages;
let files: FakeModelFiles;
let serviceWorker: Awaited<ReturnType<typeof extensionWorker>>;

const CHAT: ChatSpec = {
  title: 'Book club',
  isGroup: true,
  ownerName: 'Sam Reyes',
  messages: [{ id: '3EB0C1C2D3E4F5060801', direction: 'in', sender: 'Ana Souza', text: 'Who picks the next book?', time: '10:02', date: '14/05/2026' }],
};

test.describe.configure({ mode: 'serial' });

const F16_MODEL = 'Llama-3.2-1B-Instruct-q4f16_1-MLC';
const F16_MODEL_LIB = 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/Llama-3.2-1B-Instruct-q4f16_1_cs1k-webgpu.wasm';

async function openPicker(model = MODEL): Promise<Page> {
  const options = await pages.openOptions();
  await options.kind.selectOption('webllm');
  await expect(options.page.getByTestId('local-models')).toBeVisible({ timeout: 20_000 });
  await options.page.getByTestId('local-model-select').selectOption(model);
  return options.page;
}

const shardRequests = () => files.requested.filter((path) => path.endsWith('.bin'));

test.describe('without a GPU (headless Chromium, --disable-gpu: WebGPU has no adapter)', () => {
  test.beforeAll(async () => {
    files = await startFakeModelFiles({ models: [{ model: MODEL, modelLib: MODEL_LIB }, { model: F16_MODEL, modelLib: F16_MODEL_LIB }], shards: SHARDS, shardSize: SHARD_SIZE, pieceDelayMs: 40 });
    context = await launchWithExtension(undefined, { extraArgs: files.chromiumArgs });
    serviceWorker = await extensionWorker(context);
    pages = new ExtensionPages(context, new URL(serviceWorker.url()).host);
  });

  test.afterAll(async () => {
    await pages?.dispose();
    if (context) await closeExtensionContext(context);
    await files?.close();
  });


  test('the picker lists WebLLM’s prebuilt models, says why none runs without a GPU, and keeps base URL and key out of sight', async () => {
    const page = await openPicker();
    await expect(page.getByTestId('local-gpu-status')).toHaveAttribute('data-status', /no-adapter|no-webgpu/);
    await expect(page.getByTestId('local-gpu-status')).toContainText(/Ollama|remote API/);
    expect(await page.getByTestId('local-model-select').locator('option').count()).toBeGreaterThan(50);
    await expect(page.getByTestId('local-model-details')).toContainText(/1B parameters · needs 1\.\d GB of GPU memory · good answers/);
    await expect(page.getByTestId('local-model-unsupported')).toBeVisible();
    await expect(page.getByTestId('provider-base-url')).toHaveCount(0);
    await expect(page.getByTestId('provider-api-key')).toHaveCount(0);
    await expect(page.getByTestId('local-model-cache-empty')).toBeVisible();
  });

  test('a 404 on the model config is a clear “not found” error, and nothing else is fetched', async () => {
    const page = await openPicker();
    files.failNext('mlc-chat-config.json', 404);
    await page.getByTestId('local-model-download').click();
    const state = page.getByTestId('local-model-download-state');
    await expect(state).toHaveAttribute('data-status', 'failed');
    const error = page.getByTestId('local-model-download-error');
    await expect(error).toHaveAttribute('data-kind', 'model');
    await expect(error).toContainText(`A file of the model “${MODEL}” was not found at huggingface.co (HTTP 404).`);
    expect(shardRequests()).toEqual([]);
  });

  test('cancel stops the download: no shard is fetched after it, and the page says so', async () => {
    const page = await openPicker();
    const held = files.holdShards();
    await page.getByTestId('local-model-download').click();
    const state = page.getByTestId('local-model-download-state');
    await expect(state).toHaveAttribute('data-status', 'downloading');
    // The small files are in and the total is known: bytes and percent are shown before any shard lands.
    await expect(page.getByTestId('local-model-progress-text')).toContainText(/^\d+(\.\d)? KB of 12 MB · 0%$/);
    await page.getByTestId('local-model-cancel').click();
    await expect(state).toHaveAttribute('data-status', 'cancelled');
    held.release();
    const before = shardRequests().length;
    await page.waitForTimeout(800);
    expect(shardRequests().length).toBe(before);
    await expect(page.getByTestId('local-model-progress-text')).toContainText('Cancelled');
    await expect(page.getByTestId('local-model-download')).toHaveText('Resume download');
  });

  test('a 500 midway is a server error with Retry; Retry resumes without fetching finished shards again', async () => {
    const page = await openPicker();
    files.failNext('params_shard_3.bin', 500);
    const shardsBefore = shardRequests().length;
    await page.getByTestId('local-model-download').click();
    const state = page.getByTestId('local-model-download-state');
    await expect(state).toHaveAttribute('data-status', 'failed', { timeout: 15_000 });
    const error = page.getByTestId('local-model-download-error');
    await expect(error).toHaveAttribute('data-kind', 'server');
    await expect(error).toContainText('huggingface.co failed to send a model file (HTTP 500).');
    // Progress moved before the failure: three of six shards (6 of 12 MB) were stored.
    await expect(page.getByTestId('local-model-progress-text')).toContainText(/^6\.\d MB of 12 MB · 5\d%/);

    await page.getByTestId('local-model-retry').click();
    await expect(state).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
    await expect(page.getByTestId('local-model-progress-text')).toContainText('Downloaded (12 MB)');
    const fetched = shardRequests().slice(shardsBefore);
    for (const shard of ['params_shard_0.bin', 'params_shard_1.bin', 'params_shard_2.bin']) {
      expect(fetched.filter((path) => path.endsWith(shard)), shard).toHaveLength(1);
    }
    await expect(page.getByTestId('local-model-cached').filter({ hasText: MODEL })).toHaveCount(1);

    // The Privacy section's egress log lists the download's requests, per origin, like any other request.
    await page.getByTestId('egress-refresh').click();
    const downloads = page.getByTestId('egress-log').getByTestId('egress-entry').filter({ hasText: 'model-download' });
    const weights = downloads.filter({ hasText: 'https://huggingface.co' });
    await expect(weights.filter({ hasText: /2,097,152/ }).first()).toBeVisible();
    // The failed shard is there too, with its status (the sixth column).
    await expect(weights.filter({ has: page.locator('td:nth-child(6)', { hasText: /^500$/ }) })).toHaveCount(1);
    await expect(downloads.filter({ hasText: 'https://raw.githubusercontent.com' }).first()).toBeVisible();
    await expect(page.getByTestId('egress-log').getByTestId('egress-entry').filter({ hasText: 'model-download-blocked' })).toHaveCount(0);
  });

  test('the GPU check ends it: saved and tested, the assistant says WebGPU found no adapter, with alternatives', async () => {
    const page = await openPicker();
    await page.getByTestId('provider-save').click();
    await expect(page.getByTestId('save-result')).toContainText('Saved');
    await expect(page.getByTestId('permission-warning')).toHaveCount(0);
    await page.getByTestId('provider-test').click();
    const result = page.getByTestId('test-result');
    await expect(result).toHaveAttribute('data-ok', 'false', { timeout: 20_000 });
    await expect(result).toHaveAttribute('data-kind', 'webgpu');
    await expect(result).toContainText(/WebGPU found no usable graphics adapter|does not offer WebGPU/);
    await expect(result).toContainText(/Ollama.*remote API/);
  });

  test('in the sidebar the WebLLM assistant is local (no consent asked) and fails with the webgpu error and its alternatives', async () => {
    const whatsApp = new WhatsAppFixture(context);
    await whatsApp.install();
    try {
      await whatsApp.open(CHAT);
      const sidebar = await pages.openSidebar(await tabIdOf(serviceWorker));
      await expect(sidebar.providerBadge).toHaveAttribute('data-locality', 'local');
      await sidebar.action('reply').click();
      await expect(sidebar.error).toHaveAttribute('data-kind', 'webgpu', { timeout: 15_000 });
      await expect(sidebar.error).toContainText(/WebGPU found no usable graphics adapter|does not offer WebGPU/);
      await expect(sidebar.error).toContainText(/Ollama.*remote API/);
      await expect(sidebar.consentDialog).toBeHidden();
    } finally {
      await whatsApp.dispose();
    }
  });

  test('a downloaded model can be deleted from the list', async () => {
    const page = await openPicker();
    const cached = page.getByTestId('local-model-cached').filter({ hasText: MODEL });
    await expect(cached).toHaveCount(1);
    await cached.getByTestId('local-model-delete').click();
    await expect(cached).toHaveCount(0);
    await expect(page.getByTestId('local-model-download')).toBeVisible();
  });

  test('the download goes on with the options page closed, and the reopened page shows where it stands', async () => {
    const page = await openPicker();
    const held = files.holdShards();
    await page.getByTestId('local-model-download').click();
    await expect(page.getByTestId('local-model-download-state')).toHaveAttribute('data-status', 'downloading');
    await page.close();
    held.release();
    await expect.poll(() => shardRequests().length, { timeout: 15_000 }).toBeGreaterThanOrEqual(SHARDS);
    const reopened = await openPicker();
    await expect(reopened.getByTestId('local-model-cached').filter({ hasText: MODEL })).toHaveCount(1, { timeout: 15_000 });
  });
});

test.describe('on a software WebGPU adapter (--enable-unsafe-webgpu: SwiftShader, no shader-f16)', () => {
  test.beforeAll(async () => {
    files = await startFakeModelFiles({ models: [{ model: MODEL, modelLib: MODEL_LIB }, { model: F16_MODEL, modelLib: F16_MODEL_LIB }], shards: 2, shardSize: 256 * 1024, pieceDelayMs: 5 });
    context = await launchWithExtension(undefined, { extraArgs: [...files.chromiumArgs, '--enable-unsafe-webgpu'] });
    serviceWorker = await extensionWorker(context);
    pages = new ExtensionPages(context, new URL(serviceWorker.url()).host);
  });

  test.afterAll(async () => {
    await pages?.dispose();
    if (context) await closeExtensionContext(context);
    await files?.close();
  });

  test('the picker says the adapter is a slow fallback, and a q4f16 model won’t run: saved and tested, it says why', async () => {
    const page = await openPicker(F16_MODEL);
    await expect(page.getByTestId('local-gpu-status')).toHaveAttribute('data-status', 'fallback');
    await expect(page.getByTestId('local-model-unsupported')).toContainText('shader-f16');
    await page.getByTestId('local-model-download').click();
    await expect(page.getByTestId('local-model-download-state')).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
    await page.getByTestId('provider-save').click();
    await expect(page.getByTestId('save-result')).toContainText('Saved');
    await page.getByTestId('provider-test').click();
    const result = page.getByTestId('test-result');
    await expect(result).toHaveAttribute('data-kind', 'webgpu', { timeout: 20_000 });
    await expect(result).toContainText(`The model “${F16_MODEL}” needs 16-bit float shaders (shader-f16), which this graphics adapter lacks.`);
    await expect(result).toContainText('q4f32');
  });

  test('a q4f32 model passes the check, and web-llm then loads it from the downloaded files alone (no network)', async () => {
    const page = await openPicker(MODEL);
    await expect(page.getByTestId('local-model-unsupported')).toHaveCount(0);
    await page.getByTestId('local-model-download').click();
    await expect(page.getByTestId('local-model-download-state')).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
    await page.getByTestId('provider-save').click();
    await expect(page.getByTestId('save-result')).toContainText('Saved');
    await page.getByTestId('provider-test').click();
    await expect(page.getByTestId('test-result')).toHaveAttribute('data-ok', 'true', { timeout: 20_000 });

    // Make it the active assistant and ask for replies: the engine host runs web-llm's reload(), which finds
    // the config and the library in Cache Storage and fails only at instantiating the fake library.
    const before = files.requested.length;
    const whatsApp = new WhatsAppFixture(context);
    await whatsApp.install();
    try {
      await whatsApp.open(CHAT);
      const popup = await pages.openPopup();
      await popup.assistantOptions.filter({ hasText: MODEL }).click();
      const sidebar = await pages.openSidebar(await tabIdOf(serviceWorker));
      await sidebar.action('reply').click();
      await expect(sidebar.error).toHaveAttribute('data-kind', 'webgpu', { timeout: 20_000 });
      await expect(sidebar.error).toContainText(`The model library of “${MODEL}” could not be started in this browser.`);
      expect(files.requested.slice(before), 'web-llm read every file from the cache').toEqual([]);
    } finally {
      await whatsApp.dispose();
    }
  });
});
