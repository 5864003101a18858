/**
 * A cited answer streams point by point: the points before the last are kept as they are (rendered once)
 * while the last one grows. What the user sees must be what the same text shows rendered at once, at every
 * step, with each point's citation buttons, and a citation still being written never shows half-typed.
 */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { UiApi } from '../api';
import '../render/render-test-support';
import { CitedOutput } from './CitedOutput';

const REFERENCES = { m1: 'id-ana', m2: 'id-ben', m3: 'id-cy' };
const api = { request: async () => ({ found: true }) } as unknown as UiApi;

const ANSWER = [
  '**Plans and dates**',
  '',
  '- Hike on Saturday at 8 [m1]',
  '- Ben drives, see [route](https://maps.example/r) [m2][m77]',
  '',
  '```',
  'code line',
  '',
  'after a blank line',
  '```',
  '- Cy asks who brings `water` [m3, m1]',
  '- Pay at the door [m9]',
].join('\n');

function renderOnce(text: string, streaming: boolean): string {
  const container = document.createElement('div');
  render(<CitedOutput api={api} text={text} references={REFERENCES} tabId={1} streaming={streaming} />, container);
  return container.innerHTML;
}

/** Hundreds of renders: generous, for a busy CI machine. */
describe('a cited answer while it streams', { timeout: 60_000 }, () => {
  it('shows at every step what the same text shows rendered at once, and the same at its end', () => {
    const container = document.createElement('div');
    for (let end = 1; end <= ANSWER.length; end += 2) {
      const shown = ANSWER.slice(0, end);
      render(<CitedOutput api={api} text={shown} references={REFERENCES} tabId={1} streaming />, container);
      expect(container.innerHTML, shown).toBe(renderOnce(shown, true));
      // A citation being typed is never shown as text.
      expect(container.textContent).not.toMatch(/\[m\d*$/);
    }
    render(<CitedOutput api={api} text={ANSWER} references={REFERENCES} tabId={1} streaming={false} />, container);
    expect(container.innerHTML).toBe(renderOnce(ANSWER, false));
    const buttons = [...container.querySelectorAll('[data-testid="citation"]')].map((button) => button.textContent);
    expect(buttons).toEqual(['m1', 'm2', 'm3', 'm1']);
  });

  it('a new answer replaces every point of the previous one', () => {
    const container = document.createElement('div');
    render(<CitedOutput api={api} text={ANSWER} references={REFERENCES} tabId={1} streaming={false} />, container);
    render(<CitedOutput api={api} text={'- Only this [m2]'} references={REFERENCES} tabId={1} streaming />, container);
    expect(container.innerHTML).toBe(renderOnce('- Only this [m2]', true));
    expect(container.textContent).not.toContain('Hike');
  });
});
