/**
 * Every key of the English catalogue, the reference the other locales must match. One line per area
 * file in locales/en/: add the area's file here when you add it (type imports only: nothing is bundled).
 */
import type manifest from './locales/en/manifest.json';

export type MessageKey = keyof typeof manifest;
