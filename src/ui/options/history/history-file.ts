import type { HistoryEntry } from '../../../shared/protocol';

/** The export's envelope: says what the file is, so it is recognisable years later. */
export interface HistoryFile {
  format: 'aside-history';
  version: 1;
  exportedAt: string;
  entries: HistoryEntry[];
}

export function historyFile(entries: HistoryEntry[], now: Date): HistoryFile {
  return { format: 'aside-history', version: 1, exportedAt: now.toISOString(), entries };
}

/** aside-history-2026-11-25.json, in the user's local date. */
export function historyFileName(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `aside-history-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
