/** Words and numbers of the in-browser model picker: sizes, progress, time left. */
import type { LocalDownloadView, LocalModelView } from '../../../shared/protocol';
import { uiLanguage } from '../../common/locale-format';
import { i18nKey, t, type MessageKey } from '../../i18n';

/** `value` with `digits` decimals (at most `maxDigits`), in the interface's language ("1.5" in English, "1,5" in German). */
function decimal(value: number, digits: number, maxDigits = digits): string {
  const options = { minimumFractionDigits: digits, maximumFractionDigits: maxDigits, useGrouping: false };
  try {
    return value.toLocaleString(uiLanguage(), options);
  } catch {
    return value.toFixed(maxDigits);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${decimal(bytes, 0)} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${decimal(value, value < 10 ? 1 : 0)} ${units[unit]}`;
}

const QUALITY_WORDS: Record<LocalModelView['quality'], MessageKey> = {
  basic: i18nKey('optionsLocalModels_qualityBasic'),
  good: i18nKey('optionsLocalModels_qualityGood'),
  better: i18nKey('optionsLocalModels_qualityBetter'),
  best: i18nKey('optionsLocalModels_qualityBest'),
};

export function describeModel(model: LocalModelView): string {
  const size = model.vramMB === null ? t('optionsLocalModels_sizeUnknown') : t('optionsLocalModels_needsMemory', formatBytes(model.vramMB * 1024 * 1024));
  const parameters = model.parametersB === null ? '' : `${t('optionsLocalModels_parameters', parameterCount(model.parametersB))} · `;
  return `${parameters}${size} · ${t(QUALITY_WORDS[model.quality])}`;
}

/** "500M", "1B", "1.5B": the model's size in parameters, as model cards write it. */
function parameterCount(billions: number): string {
  if (billions < 1) return `${decimal(Math.round(billions * 1000), 0)}M`;
  return `${decimal(billions, 0, 2)}B`;
}

/** "312 MB of 1.0 GB · 30% · about 2 min left" (time left once the rate is known). */
export function describeProgress(download: LocalDownloadView, now: number): { percent: number; text: string } {
  const total = Math.max(download.totalBytes, download.loadedBytes, 1);
  const percent = Math.min(100, Math.floor((download.loadedBytes / total) * 100));
  const elapsedSeconds = (now - download.startedAt) / 1000;
  let left = '';
  // Guessed only once a little of it is in: the first bytes are small files, not the pace of the shards.
  if (download.status === 'downloading' && elapsedSeconds > 1 && download.loadedBytes / total >= 0.02) {
    const secondsLeft = ((download.totalBytes - download.loadedBytes) / download.loadedBytes) * elapsedSeconds;
    left =
      secondsLeft < 60
        ? ` · ${t('optionsLocalModels_secondsLeft', Math.max(1, Math.round(secondsLeft)))}`
        : ` · ${t('optionsLocalModels_minutesLeft', Math.round(secondsLeft / 60))}`;
  }
  return { percent, text: `${t('optionsLocalModels_progress', formatBytes(download.loadedBytes), formatBytes(download.totalBytes), percent)}${left}` };
}
