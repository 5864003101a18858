import { useEffect, useState } from 'preact/hooks';
import './templates.css';
import { toUserFacingError, type UiApi } from '../../api';
import type { UserFacingError } from '../../../shared/errors';
import {
  MAX_TEMPLATE_INSTRUCTION_LENGTH,
  MAX_TEMPLATE_NAME_LENGTH,
  MAX_TEMPLATES,
  unknownVariables,
  type PromptTemplate,
} from '../../../shared/templates';
import { ErrorNotice } from '../../common/ErrorNotice';
import { i18nKey, t } from '../../i18n';
import { importTemplates, newTemplateId, templatesFileText } from './template-file';

interface Props {
  api: UiApi;
  /** Saves text as a file the user downloads (nothing leaves the browser). */
  download: (filename: string, text: string) => void;
}

interface Draft {
  /** null: a new template. */
  id: string | null;
  name: string;
  instruction: string;
}

const EMPTY: Draft = { id: null, name: '', instruction: '' };
const TEMPLATES_FILE_NAME = 'aside-templates.json';

/**
 * Options → Prompts: the user's own templates. Each is a name and an instruction with variables ({chat},
 * {selection}, {draft}, {language}) that the sidebar runs on the open chat. Export writes them to a file;
 * import adds a file's templates (one with the same id replaces the one here). The background validates
 * every save again.
 */
export function TemplatesSection({ api, download }: Props) {
  const [templates, setTemplates] = useState<PromptTemplate[] | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<UserFacingError | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    api
      .request('ui->background:get-templates', {})
      .then((answer) => setTemplates(answer.templates))
      .catch((cause: unknown) => setError(toUserFacingError(cause)));
  }, [api]);

  const save = async (next: PromptTemplate[], said: string) => {
    setError(null);
    setStatus(null);
    try {
      const answer = await api.request('ui->background:save-templates', { templates: next });
      setTemplates(answer.templates);
      setStatus(said);
      return true;
    } catch (cause) {
      setError(toUserFacingError(cause));
      return false;
    }
  };

  const list = templates ?? [];
  const unknown = unknownVariables(draft.instruction);
  const canSave = draft.name.trim().length > 0 && draft.instruction.trim().length > 0 && (draft.id !== null || list.length < MAX_TEMPLATES);

  const submit = async () => {
    if (!canSave) return;
    const template: PromptTemplate = { id: draft.id ?? newTemplateId(), name: draft.name.trim(), instruction: draft.instruction.trim() };
    const next = draft.id === null ? [...list, template] : list.map((item) => (item.id === draft.id ? template : item));
    const said = draft.id === null ? t('optionsTemplates_added', template.name) : t('optionsTemplates_saved', template.name);
    if (await save(next, said)) setDraft(EMPTY);
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const outcome = importTemplates(list, await file.text());
    if (!outcome.ok) {
      setStatus(null);
      setError({ kind: 'config', message: outcome.message, hint: t('optionsTemplates_importHint'), retryable: false });
      return;
    }
    const count = outcome.added + outcome.replaced;
    const said =
      count === 1
        ? t('optionsTemplates_importedOne', outcome.added, outcome.replaced)
        : t('optionsTemplates_importedOther', count, outcome.added, outcome.replaced);
    await save(outcome.templates, said);
  };

  return (
    <section class="panel templates" aria-labelledby="templates-heading" data-testid="templates-section">
      <h3 id="templates-heading">{t('optionsTemplates_title')}</h3>
      <p class="muted">{withCodeVariables(t('optionsTemplates_intro'))}</p>
      {error ? <ErrorNotice error={error} /> : null}
      {status ? (
        <p class="muted" role="status" data-testid="templates-status">
          {status}
        </p>
      ) : null}
      {templates === null ? null : list.length === 0 ? (
        <p class="muted">{t('optionsTemplates_empty')}</p>
      ) : (
        <ul class="template-list">
          {list.map((template) => (
            <li key={template.id} class="template-item" data-testid="template-item">
              <strong>{template.name}</strong>
              <p class="template-instruction muted">{template.instruction}</p>
              <div class="template-item-actions">
                <button
                  type="button"
                  class="button button-quiet"
                  data-testid="template-edit"
                  aria-label={t('optionsTemplates_editLabel', template.name)}
                  onClick={() => setDraft({ id: template.id, name: template.name, instruction: template.instruction })}
                >
                  {t('optionsTemplates_edit')}
                </button>
                <button
                  type="button"
                  class="button button-quiet"
                  data-testid="template-delete"
                  aria-label={t('optionsTemplates_deleteLabel', template.name)}
                  onClick={() => {
                    if (window.confirm(t('optionsTemplates_deleteConfirm', template.name))) {
                      void save(list.filter((item) => item.id !== template.id), t('optionsTemplates_deleted', template.name));
                    }
                  }}
                >
                  {t('optionsTemplates_delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}

      <div class="template-form" role="group" aria-label={draft.id === null ? t('optionsTemplates_newGroup') : t('optionsTemplates_editGroup')}>
        <label>
          {t('optionsTemplates_name')}
          <input
            type="text"
            data-testid="template-name"
            maxLength={MAX_TEMPLATE_NAME_LENGTH}
            value={draft.name}
            onInput={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
          />
        </label>
        <label>
          {t('optionsTemplates_instruction')}
          <textarea
            data-testid="template-instruction"
            rows={3}
            maxLength={MAX_TEMPLATE_INSTRUCTION_LENGTH}
            placeholder={t('optionsTemplates_instructionPlaceholder')}
            value={draft.instruction}
            onInput={(event) => setDraft({ ...draft, instruction: event.currentTarget.value })}
          />
        </label>
        {unknown.length > 0 ? (
          <p class="template-warning" role="alert" data-testid="template-unknown-variables">
            {t('optionsTemplates_unknownVariables', unknown.map((name) => `{${name}}`).join(', '))}
          </p>
        ) : null}
        <div class="template-form-actions">
          <button type="button" class="button button-primary" data-testid="template-save" disabled={!canSave} onClick={() => void submit()}>
            {draft.id === null ? t('optionsTemplates_add') : t('optionsTemplates_save')}
          </button>
          {draft.id !== null || draft.name || draft.instruction ? (
            <button type="button" class="button button-quiet" onClick={() => setDraft(EMPTY)}>
              {t('optionsTemplates_cancel')}
            </button>
          ) : null}
        </div>
      </div>

      <div class="template-transfer">
        <button
          type="button"
          class="button"
          data-testid="templates-export"
          disabled={list.length === 0}
          onClick={() => {
            download(TEMPLATES_FILE_NAME, templatesFileText(list));
            const key = list.length === 1 ? i18nKey('optionsTemplates_exportedOne') : i18nKey('optionsTemplates_exportedOther');
            setStatus(t(key, TEMPLATES_FILE_NAME, list.length));
          }}
        >
          {t('optionsTemplates_export')}
        </button>
        <label class="button">
          {t('optionsTemplates_import')}
          <input
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            data-testid="templates-import"
            onChange={(event) => void importFile(event.currentTarget)}
          />
        </label>
      </div>
    </section>
  );
}

/**
 * The translated intro names the variables as plain `{chat}` text (translators keep them as they are);
 * they are shown as code, as the user must type them exactly.
 */
function withCodeVariables(text: string) {
  return text.split(/(\{(?:chat|selection|draft|language)\})/).map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));
}
