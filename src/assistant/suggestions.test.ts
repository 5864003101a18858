import { describe, expect, it } from 'vitest';
import { splitSuggestions } from './suggestions';

describe('splitSuggestions', () => {
  it('splits drafts on separator lines', () => {
    expect(splitSuggestions('Sounds good!\n---\nSee you at 8.\n---\nCan we make it 9?')).toEqual([
      'Sounds good!', 'See you at 8.', 'Can we make it 9?',
    ]);
  });

  it('keeps line breaks inside one draft', () => {
    expect(splitSuggestions('Hi!\nSee you soon.\n---\nOk')).toEqual(['Hi!\nSee you soon.', 'Ok']);
  });

  it('accepts numbered lists and strips the numbers and quotes', () => {
    expect(splitSuggestions('1. "Sure"\n2) Not today\n3. **Maybe** later')).toEqual([
      'Sure', 'Not today', '**Maybe** later',
    ]);
  });

  it('treats free text as one draft', () => {
    expect(splitSuggestions('Haha, pizza it is!')).toEqual(['Haha, pizza it is!']);
  });

  it('shows partial drafts while streaming, without empty ones', () => {
    expect(splitSuggestions('Sounds good!\n---\n')).toEqual(['Sounds good!']);
    expect(splitSuggestions('Sounds good!\n---\nSee y')).toEqual(['Sounds good!', 'See y']);
  });

  it('does not split a draft that merely mentions a number mid-line', () => {
    expect(splitSuggestions('Meet at 8. then dinner')).toEqual(['Meet at 8. then dinner']);
  });
});
