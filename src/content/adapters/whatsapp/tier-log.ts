import type { SelectorName } from './selectors';

/** What one row recorded, as flat pairs (name, tier, name, tier, …): no array per record on the hot path. */
export type TierRecords = ReadonlyArray<SelectorName | number>;

/**
 * Which selector tier found each field, over the whole read. Keeps the worst (highest) tier per selector:
 * one row read through a fallback is enough to say the page may have changed.
 */
export class TierLog {
  private readonly worst = new Map<SelectorName, number>();
  /** While one row is read for the row cache: what it records, replayed when a later read takes it from there. */
  private capturing = false;
  private readonly captured: Array<SelectorName | number> = [];
  private readonly replayed = new Set<TierRecords>();

  record(name: SelectorName, tier: number): void {
    if (this.capturing) this.captured.push(name, tier);
    // Called several times per row: one lookup when nothing changes.
    const worst = this.worst.get(name);
    if (worst === undefined || tier > worst) this.worst.set(name, tier);
  }

  /**
   * Records what a cached row recorded when it was read in full. The row cache hands out one shared list per
   * distinct set of records, so a read replays each set once however many rows share it.
   */
  replay(records: TierRecords): void {
    if (this.replayed.has(records)) return;
    this.replayed.add(records);
    for (let index = 0; index < records.length; index += 2) {
      this.record(records[index] as SelectorName, records[index + 1] as number);
    }
  }

  /** The worst tier recorded for `name`, or undefined when it matched nothing. */
  tierOf(name: SelectorName): number | undefined {
    return this.worst.get(name);
  }

  /**
   * Starts keeping what is recorded (one row at a time); `endCapture` stops and hands it back, in a list
   * that the next capture reuses: copy what is kept.
   */
  startCapture(): void {
    this.captured.length = 0;
    this.capturing = true;
  }

  endCapture(): TierRecords {
    this.capturing = false;
    return this.captured;
  }

  /** Selectors that needed a fallback tier, with that tier. */
  fallbacks(): Array<[SelectorName, number]> {
    return [...this.worst].filter(([, tier]) => tier > 1).sort(([a], [b]) => a.localeCompare(b));
  }

  /** Every selector that matched, with its worst tier, sorted by name for stable output. */
  toJSON(): Partial<Record<SelectorName, number>> {
    return Object.fromEntries([...this.worst].sort(([a], [b]) => a.localeCompare(b)));
  }
}
