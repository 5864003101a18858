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
    if (await save(next, draft.id === null ? `Added “${template.name}”.` : `Saved “${template.name}”.`)) setDraft(EMPTY);
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const outcome = importTemplates(list, await file.text());
    if (!outcome.ok) {
      setStatus(null);
      setError({ kind: 'config', message: outcome.message, hint: 'Pick a file made with “Export templates”.', retryable: false });
      return;
    }
    const count = outcome.added + outcome.replaced;
    await save(outcome.templates, `Imported ${count} template${count === 1 ? '' : 's'}: ${outcome.added} new, ${outcome.replaced} updated.`);
  };

  return (
    <section class="panel templates" aria-labelledby="templates-heading" data-testid="templates-section">
      <h3 id="templates-heading">Your templates</h3>
      <p class="muted">
        Your own instructions, run from the sidebar on the open chat. Use <code>{'{chat}'}</code> for the chat,{' '}
        <code>{'{selection}'}</code> for the messages you selected in WhatsApp, <code>{'{draft}'}</code> for what you typed in
        the message box, and <code>{'{language}'}</code> for your language. Chat text always reaches the model marked as
        data, never as part of your instruction.
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      {status ? (
        <p class="muted" role="status" data-testid="templates-status">
          {status}
        </p>
      ) : null}
      {templates === null ? null : list.length === 0 ? (
        <p class="muted">No templates yet.</p>
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
                  aria-label={`Edit template ${template.name}`}
                  onClick={() => setDraft({ id: template.id, name: template.name, instruction: template.instruction })}
                >
                  Edit
                </button>
                <button
                  type="button"
                  class="button button-quiet"
                  data-testid="template-delete"
                  aria-label={`Delete template ${template.name}`}
                  onClick={() => {
                    if (window.confirm(`Delete the template “${template.name}”?`)) {
                      void save(list.filter((item) => item.id !== template.id), `Deleted “${template.name}”.`);
                    }
                  }}
                >
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}

      <div class="template-form" role="group" aria-label={draft.id === null ? 'New template' : 'Edit template'}>
        <label>
          Name
          <input
            type="text"
            data-testid="template-name"
            maxLength={MAX_TEMPLATE_NAME_LENGTH}
            value={draft.name}
            onInput={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
          />
        </label>
        <label>
          Instruction
          <textarea
            data-testid="template-instruction"
            rows={3}
            maxLength={MAX_TEMPLATE_INSTRUCTION_LENGTH}
            placeholder="e.g. List the dates and places in {chat}, in {language}."
            value={draft.instruction}
            onInput={(event) => setDraft({ ...draft, instruction: event.currentTarget.value })}
          />
        </label>
        {unknown.length > 0 ? (
          <p class="template-warning" role="alert" data-testid="template-unknown-variables">
            Not a variable: {unknown.map((name) => `{${name}}`).join(', ')}. Aside fills in only {'{chat}'}, {'{selection}'}, {'{draft}'} and {'{language}'}.
          </p>
        ) : null}
        <div class="template-form-actions">
          <button type="button" class="button button-primary" data-testid="template-save" disabled={!canSave} onClick={() => void submit()}>
            {draft.id === null ? 'Add template' : 'Save template'}
          </button>
          {draft.id !== null || draft.name || draft.instruction ? (
            <button type="button" class="button button-quiet" onClick={() => setDraft(EMPTY)}>
              Cancel
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
            download('aside-templates.json', templatesFileText(list));
            setStatus(`Saved aside-templates.json with ${list.length} template${list.length === 1 ? '' : 's'}.`);
          }}
        >
          Export templates
        </button>
        <label class="button">
          Import templates…
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
