/**
 * Reads a model list. OpenAI-compatible servers answer `{"data":[{"id"}]}`; a base URL that points at
 * Ollama's native API instead answers `{"models":[{"name"}]}`, which is read too rather than failing.
 */
import type { ModelInfo } from '../types';

/** The ids, in the server's order and without duplicates; undefined when the shape is unknown. */
export function readModelList(text: string): ModelInfo[] | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const record = json as Record<string, unknown>;
  const entries = Array.isArray(record.data) ? record.data : Array.isArray(record.models) ? record.models : undefined;
  if (!entries) return undefined;

  const ids = new Set<string>();
  for (const entry of entries) {
    const id = modelIdOf(entry);
    if (id) ids.add(id);
  }
  return [...ids].map((id) => ({ id }));
}

function modelIdOf(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry.trim() || undefined;
  if (typeof entry !== 'object' || entry === null) return undefined;
  const record = entry as Record<string, unknown>;
  for (const key of ['id', 'name', 'model']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}
