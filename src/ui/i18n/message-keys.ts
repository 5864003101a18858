/**
 * Every key of the English catalogue, the reference the other locales must match. One line per area
 * file in locales/en/: add the area's file here when you add it (type imports only: nothing is bundled).
 */
import type manifest from './locales/en/manifest.json';
import type history from './locales/en/history.json';
import type common from './locales/en/common.json';
import type render from './locales/en/render.json';
import type sidebar from './locales/en/sidebar.json';
import type options from './locales/en/options.json';
import type optionsData from './locales/en/options-data.json';
import type optionsHistory from './locales/en/options-history.json';
import type optionsLocalModels from './locales/en/options-local-models.json';
import type optionsPrivacy from './locales/en/options-privacy.json';
import type optionsTemplates from './locales/en/options-templates.json';
import type popup from './locales/en/popup.json';
import type errors from './locales/en/errors.json';

export type MessageKey =
  | keyof typeof manifest
  | keyof typeof history
  | keyof typeof common
  | keyof typeof render
  | keyof typeof sidebar
  | keyof typeof options
  | keyof typeof optionsData
  | keyof typeof optionsHistory
  | keyof typeof optionsLocalModels
  | keyof typeof optionsPrivacy
  | keyof typeof optionsTemplates
  | keyof typeof popup
  | keyof typeof errors;
