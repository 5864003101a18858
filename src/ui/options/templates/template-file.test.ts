import { describe, expect, it } from 'vitest';
import { importTemplates, templatesFileText } from './template-file';

const DIGEST = { id: 'digest', name: 'Digest', instruction: 'List what {chat} decided.' };
const HAIKU = { id: 'haiku', name: 'Haiku', instruction: 'A haiku about {chat}.' };

describe('templates file', () => {
  it('round-trips: what export writes, import reads back', () => {
    const outcome = importTemplates([], templatesFileText([DIGEST, HAIKU]));
    expect(outcome).toEqual({ ok: true, templates: [DIGEST, HAIKU], added: 2, replaced: 0 });
  });

  it('replaces a template with the same id in place and adds the others after', () => {
    const changed = { ...DIGEST, instruction: 'List what {chat} decided, with dates.' };
    const other = { id: 'other', name: 'Other', instruction: 'Translate {draft} into {language}.' };
    const outcome = importTemplates([DIGEST, HAIKU], templatesFileText([other, changed]));
    expect(outcome).toEqual({ ok: true, templates: [changed, HAIKU, other], added: 1, replaced: 1 });
  });

  it.each([
    ['not JSON', 'hello', /not JSON/],
    ['another file', JSON.stringify({ format: 'aside-settings', version: 1, templates: [] }), /format is not an Aside templates file/],
    ['a newer version', JSON.stringify({ format: 'aside-templates', version: 2, templates: [] }), /version is a version/],
    ['an empty instruction', JSON.stringify({ format: 'aside-templates', version: 1, templates: [{ ...DIGEST, instruction: '' }] }), /templates\.0\.instruction is empty/],
    ['a bad id', JSON.stringify({ format: 'aside-templates', version: 1, templates: [{ ...DIGEST, id: 'a b' }] }), /templates\.0\.id must be/],
    ['a huge file', ' '.repeat(300_000), /too large/],
  ])('refuses %s, saying what is wrong', (_name, text, message) => {
    const outcome = importTemplates([DIGEST], text);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(message);
  });

  it('refuses an import that would go over the limit', () => {
    const many = Array.from({ length: 50 }, (_, index) => ({ ...DIGEST, id: `t${index}` }));
    const outcome = importTemplates([HAIKU], templatesFileText(many));
    expect(!outcome.ok && outcome.message).toMatch(/at most 50/);
  });
});
