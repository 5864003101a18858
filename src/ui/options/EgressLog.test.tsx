import { afterEach, describe, expect, it } from 'vitest';
import { EgressLog } from './EgressLog';
import { FakeApi } from '../testing/fake-api';
import { allByTestId, cleanup, click, getByTestId, mount, settle } from '../testing/dom';
import type { EgressLogEntry } from '../../shared/protocol';

afterEach(cleanup);

const ENTRIES: EgressLogEntry[] = [
  { id: 2, time: Date.UTC(2026, 4, 14, 9, 30), origin: 'https://api.openai.com', method: 'POST', bytes: 2048, chatKey: 'whatsapp:Ana', action: 'reply', status: 200 },
  { id: 1, time: Date.UTC(2026, 4, 14, 9, 0), origin: 'http://127.0.0.1:11434', method: 'GET', bytes: 0, chatKey: null, action: 'list-models', status: null },
];

describe('egress log', () => {
  it('lists recent requests newest first and clears them', async () => {
    let entries = [...ENTRIES];
    const api = new FakeApi()
      .on('ui->background:get-egress-log', () => ({ entries }))
      .on('ui->background:clear-egress-log', () => {
        entries = [];
        return { cleared: true };
      });
    const { container } = await mount(<EgressLog api={api} />);
    await settle();
    const log = getByTestId(container, 'egress-log');
    const rows = allByTestId(log, 'egress-entry');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('https://api.openai.com');
    expect(rows[0]!.textContent).toContain('2,048');
    expect(rows[0]!.textContent).toContain('whatsapp:Ana');
    expect(rows[0]!.textContent).toContain('reply');
    expect(rows[0]!.textContent).toContain('200');
    expect(rows[1]!.textContent).toContain('failed');
    expect(api.callsOf('ui->background:get-egress-log')).toEqual([{}]);

    await click(getByTestId(container, 'egress-clear'));
    await settle();
    expect(api.callsOf('ui->background:clear-egress-log')).toHaveLength(1);
    expect(allByTestId(log, 'egress-entry')).toHaveLength(0);
    expect(log.textContent).toContain('No requests recorded.');
  });
});
