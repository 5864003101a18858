/** Words and numbers of the in-browser model picker: sizes, progress, time left. */
import type { LocalDownloadView, LocalModelView } from '../../../shared/protocol';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

const QUALITY_WORDS: Record<LocalModelView['quality'], string> = {
  basic: 'basic answers',
  good: 'good answers',
  better: 'better answers',
  best: 'best answers, slow',
};

export function describeModel(model: LocalModelView): string {
  const size = model.vramMB === null ? 'size unknown' : `needs ${formatBytes(model.vramMB * 1024 * 1024)} of GPU memory`;
  const parameters = model.parametersB === null ? '' : `${model.parametersB < 1 ? `${Math.round(model.parametersB * 1000)}M` : `${model.parametersB}B`} parameters · `;
  return `${parameters}${size} · ${QUALITY_WORDS[model.quality]}`;
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
    left = secondsLeft < 60 ? ` · about ${Math.max(1, Math.round(secondsLeft))} s left` : ` · about ${Math.round(secondsLeft / 60)} min left`;
  }
  return { percent, text: `${formatBytes(download.loadedBytes)} of ${formatBytes(download.totalBytes)} · ${percent}%${left}` };
}
