/** The in-browser model picker's sizes and progress read naturally in the interface's language. */
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalDownloadView, LocalModelView } from '../../../shared/protocol';
import { describeModel, describeProgress, formatBytes } from './format';
import { installCatalogue } from '../../i18n/with-catalogue';

const MB = 1024 * 1024;
const MODEL: LocalModelView = { id: 'Llama-3.2-1B-Instruct-q4f32_1-MLC', vramMB: 1229, parametersB: 1.5, quality: 'good', lowResource: false, downloaded: false, unsupportedReason: '' };
const DOWNLOAD: LocalDownloadView = { model: MODEL.id, status: 'downloading', loadedBytes: 6.1 * MB, totalBytes: 12 * MB, startedAt: 0, updatedAt: 10_000 };

function speak(locale: 'en' | 'de') {
  installCatalogue(locale);
  document.documentElement.lang = locale;
}

afterEach(() => speak('en'));

describe('local model words', () => {
  it('in English: sizes, parameters, quality and progress', () => {
    speak('en');
    expect(formatBytes(1.23 * 1024 * MB)).toBe('1.2 GB');
    expect(describeModel(MODEL)).toBe('1.5B parameters · needs 1.2 GB of GPU memory · good answers');
    expect(describeModel({ ...MODEL, parametersB: 0.5, vramMB: null })).toBe('500M parameters · size unknown · good answers');
    expect(describeProgress(DOWNLOAD, 10_000).text).toBe('6.1 MB of 12 MB · 50% · about 10 s left');
  });

  it('in German: decimal commas and German words', () => {
    speak('de');
    expect(formatBytes(1.23 * 1024 * MB)).toBe('1,2 GB');
    expect(describeModel(MODEL)).toBe('1,5B Parameter · braucht 1,2 GB GPU-Speicher · gute Antworten');
    expect(describeProgress(DOWNLOAD, 10_000).text).toBe('6,1 MB von 12 MB · 50 % · noch etwa 10 s');
  });
});
