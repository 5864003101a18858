import { describe, expect, it } from 'vitest';
import { shortcutFromKeyPress, type KeyPress } from './shortcut-keys';

const press = (code: string, modifiers: Partial<KeyPress> = {}, key = code): KeyPress => ({
  key,
  code,
  altKey: false,
  ctrlKey: false,
  shiftKey: false,
  metaKey: false,
  ...modifiers,
});

describe('shortcutFromKeyPress', () => {
  it('writes modifiers and the key as the commands API spells them', () => {
    expect(shortcutFromKeyPress(press('KeyS', { altKey: true, shiftKey: true }, 'S'))).toEqual({ kind: 'shortcut', shortcut: 'Alt+Shift+S' });
    expect(shortcutFromKeyPress(press('Digit7', { ctrlKey: true }, '7'))).toEqual({ kind: 'shortcut', shortcut: 'Ctrl+7' });
    expect(shortcutFromKeyPress(press('ArrowUp', { ctrlKey: true, altKey: true }))).toEqual({ kind: 'shortcut', shortcut: 'Ctrl+Alt+Up' });
    expect(shortcutFromKeyPress(press('Comma', { altKey: true }, ','))).toEqual({ kind: 'shortcut', shortcut: 'Alt+Comma' });
    expect(shortcutFromKeyPress(press('F9'))).toEqual({ kind: 'shortcut', shortcut: 'F9' });
  });

  it('reads the physical key, whatever character the layout gives it', () => {
    expect(shortcutFromKeyPress(press('KeyY', { altKey: true }, 'z'))).toEqual({ kind: 'shortcut', shortcut: 'Alt+Y' });
  });

  it('uses MacCtrl and Command on macOS', () => {
    expect(shortcutFromKeyPress(press('KeyK', { ctrlKey: true, metaKey: true }), true)).toEqual({ kind: 'shortcut', shortcut: 'MacCtrl+Command+K' });
  });

  it('waits while only modifiers are held, and refuses what the browser would refuse', () => {
    expect(shortcutFromKeyPress(press('ShiftLeft', { shiftKey: true }, 'Shift'))).toEqual({ kind: 'incomplete' });
    expect(shortcutFromKeyPress(press('KeyS'), false)).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('Ctrl or Alt') });
    expect(shortcutFromKeyPress(press('KeyS', { shiftKey: true }))).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('Shift alone') });
    expect(shortcutFromKeyPress(press('KeyS', { metaKey: true, altKey: true }))).toMatchObject({ kind: 'invalid' });
    expect(shortcutFromKeyPress(press('Backquote', { altKey: true }, '`'))).toMatchObject({ kind: 'invalid' });
  });
});
