/**
 * A failure reads in the user's language: the background sends catalogue ids with the English text,
 * and the notice shows the catalogue's translation, falling back to the English it was sent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorNotice } from './ErrorNotice';
import { errorLine } from './error-text';
import { TestResult } from '../options/TestResult';
import { cleanup, getByTestId, mount } from '../testing/dom';
import { withCatalogue } from '../i18n/with-catalogue';
import { userError } from '../../background/errors';
import { wording } from '../../shared/wording';
import type { UserFacingError } from '../../shared/errors';

const ORIGIN_REFUSED = userError(
  'auth',
  wording('error_originRejected', 'localhost:11434'),
  wording('error_ollamaOriginsHint', 'OLLAMA_ORIGINS=chrome-extension://abc'),
);

afterEach(async () => {
  await cleanup();
});

function textOf(container: HTMLElement, selector: string): string | null | undefined {
  return container.querySelector(selector)?.textContent;
}

describe('ErrorNotice', () => {
  it('shows a worded error in German from the German catalogue, with host and setting in place', async () => {
    await withCatalogue('de', async () => {
      const { container } = await mount(<ErrorNotice error={ORIGIN_REFUSED} />);
      expect(textOf(container, '.notice-message')).toBe('localhost:11434 hat Anfragen von dieser Erweiterung abgelehnt.');
      expect(textOf(container, '.notice-hint')).toBe(
        'Erlaube die Erweiterung in Ollama: Setze OLLAMA_ORIGINS=chrome-extension://abc dort, wo Ollama läuft, und starte Ollama neu.',
      );
      expect(getByTestId(container, 'error').dataset.kind).toBe('auth');
    });
  });

  it('shows the same words as the English text the error carries, in an English interface', async () => {
    const { container } = await mount(<ErrorNotice error={ORIGIN_REFUSED} />);
    expect(textOf(container, '.notice-message')).toBe(ORIGIN_REFUSED.message);
    expect(textOf(container, '.notice-hint')).toBe(ORIGIN_REFUSED.hint);
    expect(ORIGIN_REFUSED.message).toBe('localhost:11434 refused requests from this extension.');
  });

  it('keeps a server’s own words untranslated inside the translated sentence', async () => {
    const error = userError('auth', wording('error_accessDeniedSaying', 'api.example.com', 'Model gpt-9 is not enabled for this key'));
    await withCatalogue('es', async () => {
      const { container } = await mount(<ErrorNotice error={error} />);
      expect(textOf(container, '.notice-message')).toBe('api.example.com denegó el acceso: Model gpt-9 is not enabled for this key');
      // No hint was given: the kind's default next step, translated too.
      expect(textOf(container, '.notice-hint')).toBe('Revisa la clave de API en las opciones de Aside.');
    });
  });

  it('falls back to the English text for an error without ids, an unknown id, or an id outside the errors catalogue', async () => {
    const plain: UserFacingError = { kind: 'adapter', message: 'Reload the messenger tab.', retryable: true };
    const unknown: UserFacingError = { ...ORIGIN_REFUSED, messageWording: { key: 'error_fromTheFuture', args: [] } };
    const borrowed: UserFacingError = { ...ORIGIN_REFUSED, messageWording: { key: 'common_retry', args: [] } };
    const malformed = { ...ORIGIN_REFUSED, messageWording: { key: 'error_originRejected', args: [42] } } as unknown as UserFacingError;
    await withCatalogue('de', async () => {
      for (const error of [plain, unknown, borrowed, malformed]) {
        const { container, unmount } = await mount(<ErrorNotice error={error} />);
        expect(textOf(container, '.notice-message')).toBe(error.message);
        await unmount();
      }
    });
  });

  it('offers Retry, labelled in the interface language, only when the error is retryable', async () => {
    const rateLimited = userError('rate-limit', wording('error_rateLimited', 'api.openai.com'), wording('error_retryInSeconds', 17));
    await withCatalogue('pt_BR', async () => {
      const { container } = await mount(<ErrorNotice error={rateLimited} onRetry={() => undefined} />);
      expect(textOf(container, '.notice-message')).toBe('api.openai.com está limitando a frequência das solicitações.');
      expect(textOf(container, '.notice-hint')).toBe('Tente de novo em 17 segundos.');
      expect(getByTestId(container, 'retry').textContent).toBe('Tentar de novo');
    });
  });
});

describe('the other places an error is shown', () => {
  it('the options page’s test result speaks German too', async () => {
    const error = userError('auth', wording('error_keyRejected', 'api.openai.com'), wording('error_keyRejectedHint'));
    await withCatalogue('de', async () => {
      const { container } = await mount(<TestResult outcome={{ ok: false, error }} />);
      expect(textOf(container, '.notice-message')).toBe('api.openai.com hat den API-Schlüssel abgelehnt.');
      expect(textOf(container, '.notice-hint')).toContain('Prüfe den API-Schlüssel');
    });
  });

  it('a passed connection test says so in German, with the address and model count in place', async () => {
    const outcome = { ok: true as const, detail: 'Connected to http://localhost:11434 · 3 models available.', detailWording: { key: 'error_testConnectedModels', args: ['http://localhost:11434', '3'] } };
    await withCatalogue('de', async () => {
      const { container } = await mount(<TestResult outcome={outcome} />);
      expect(textOf(container, '.muted')).toBe('Verbunden mit http://localhost:11434 · 3 Modelle verfügbar.');
    });
  });

  it('the one-line notes beside sidebar buttons join the translated sentences', async () => {
    const error = userError('adapter', wording('error_notRunningInTab'), wording('error_reloadTabHint'));
    const line = await withCatalogue('de', () => errorLine(error));
    expect(line).toBe('Aside läuft in diesem Tab noch nicht. Lade den Tab mit WhatsApp Web neu und versuch es dann erneut.');
    expect(errorLine(error)).toBe('Aside is not running in this tab yet. Reload the WhatsApp Web tab, then try again.');
  });
});
