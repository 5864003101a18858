import { describe, expect, it } from 'vitest';
import { citedPoints } from './citations';

const REFERENCES = { m1: 'id-a', m2: 'id-b', m3: 'id-c' };

describe('citedPoints', () => {
  it('gives each line its own valid citations and removes them from the text', () => {
    const points = citedPoints('**Decisions**\n\n- Hike on Saturday [m1][m3].\n- Ben drives [m2, m3]', REFERENCES);
    expect(points).toEqual([
      { text: '**Decisions**', citations: [] },
      { text: '- Hike on Saturday.', citations: [{ reference: 'm1', messageId: 'id-a' }, { reference: 'm3', messageId: 'id-c' }] },
      { text: '- Ben drives', citations: [{ reference: 'm2', messageId: 'id-b' }, { reference: 'm3', messageId: 'id-c' }] },
    ]);
  });

  it('drops references the prompt never gave, and never shows them', () => {
    const [point] = citedPoints('- Pay now [m99][m1] [m0]', REFERENCES);
    expect(point).toEqual({ text: '- Pay now', citations: [{ reference: 'm1', messageId: 'id-a' }] });
  });

  it('does not take an inherited property for a reference', () => {
    const [point] = citedPoints('- x [m1] [constructor]', { m1: 'id-a' });
    expect(point!.citations).toEqual([{ reference: 'm1', messageId: 'id-a' }]);
    expect(citedPoints('- y [m1]', Object.create({ m1: 'inherited' }) as Record<string, string>)[0]!.citations).toEqual([]);
  });

  it('hides a citation still being streamed, and keeps a fenced block whole', () => {
    expect(citedPoints('- Hike at 8 [m', REFERENCES, true)).toEqual([{ text: '- Hike at 8', citations: [] }]);
    expect(citedPoints('- Hike at 8 [m1, m', REFERENCES, true)).toEqual([{ text: '- Hike at 8', citations: [] }]);
    const fenced = citedPoints('```\ncode [m1]\n\nmore\n```\nafter [m2]', REFERENCES);
    expect(fenced).toEqual([
      { text: '```\ncode [m1]\n\nmore\n```', citations: [] },
      { text: 'after', citations: [{ reference: 'm2', messageId: 'id-b' }] },
    ]);
  });

  it('leaves a link’s brackets alone', () => {
    expect(citedPoints('[the tickets](https://tickets.example.org/event/42) [m3]', REFERENCES)[0]).toEqual({
      text: '[the tickets](https://tickets.example.org/event/42)',
      citations: [{ reference: 'm3', messageId: 'id-c' }],
    });
  });
});
