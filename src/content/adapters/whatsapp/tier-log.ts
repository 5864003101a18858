import type { SelectorName } from './selectors';

/**
 * Which selector tier found each field, over the whole read. Keeps the worst (highest) tier per selector:
 * one row read through a fallback is enough to say the page may have changed.
 */
export class TierLog {
  private readonly worst = new Map<SelectorName, number>();

  record(name: SelectorName, tier: number): void {
    // Called several times per row: one lookup when nothing changes.
    const worst = this.worst.get(name);
    if (worst === undefined || tier > worst) this.worst.set(name, tier);
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
