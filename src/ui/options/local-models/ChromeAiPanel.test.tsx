import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { cleanup, click, getByTestId, mount, settle } from '../../testing/dom';
import type { LanguageModelApi, LanguageModelAvailability } from '../../../providers/chrome-ai/language-model-api';
import { ChromeAiPanel } from './ChromeAiPanel';

/** A fake of the documented Prompt API: availability(), and create({ monitor }) firing downloadprogress. */
function installFakeLanguageModel(state: LanguageModelAvailability) {
  let monitor: EventTarget | undefined;
  let finish: () => void = () => undefined;
  const api: LanguageModelApi = {
    availability: async () => state,
    create: (options) =>
      new Promise((resolve) => {
        monitor = new EventTarget();
        options?.monitor?.(monitor);
        finish = () => resolve({ promptStreaming: () => (async function* () {})(), destroy: () => undefined });
      }),
  };
  (globalThis as { LanguageModel?: unknown }).LanguageModel = api;
  return {
    progress: (loaded: number) => {
      monitor?.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded }));
    },
    finish: () => finish(),
  };
}

afterEach(async () => {
  await cleanup();
  delete (globalThis as { LanguageModel?: unknown }).LanguageModel;
});

describe('Chrome’s built-in model in the options', () => {
  it('without the Prompt API says so and names the alternatives', async () => {
    const { container } = await mount(<ChromeAiPanel />);
    const status = getByTestId(container, 'chrome-ai-status');
    expect(status.dataset.availability).toBe('no-api');
    expect(status.textContent).toMatch(/no built-in model.*WebLLM, Ollama or a remote API/);
  });

  it('"unavailable" is a clear sentence with the alternatives, and offers no download', async () => {
    installFakeLanguageModel('unavailable');
    const { container } = await mount(<ChromeAiPanel />);
    await settle();
    expect(getByTestId(container, 'chrome-ai-status').dataset.availability).toBe('unavailable');
    expect(container.textContent).toContain('cannot run on this device');
    expect(container.querySelector('[data-testid="chrome-ai-download"]')).toBeNull();
  });

  it('"downloadable" offers the download; its progress shows, then the model is ready', async () => {
    const fake = installFakeLanguageModel('downloadable');
    const { container } = await mount(<ChromeAiPanel />);
    await settle();
    await click(getByTestId(container, 'chrome-ai-download'));
    await act(() => fake.progress(0.25));
    const progress = getByTestId(container, 'chrome-ai-progress') as HTMLProgressElement;
    expect(progress.value).toBe(0.25);
    await act(() => fake.progress(0.75));
    expect(progress.value).toBe(0.75);
    await act(() => fake.finish());
    await settle();
    expect(getByTestId(container, 'chrome-ai-status').dataset.availability).toBe('available');
    expect(container.textContent).toContain('ready');
  });
});
