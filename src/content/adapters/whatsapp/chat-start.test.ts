import { describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/conversation';
import { listFitsWithoutScrolling, opensWithEncryptionNotice } from './chat-start';

const system = (text: string): Message => ({ id: 's1', direction: 'system', sender: null, timestamp: null, text });
const said = (text: string): Message => ({ id: 'm1', direction: 'in', sender: 'Ana', timestamp: null, text });

describe('the start of a chat', () => {
  it('is the encryption notice WhatsApp opens every chat with, in each interface language', () => {
    for (const text of [
      'Messages and calls are end-to-end encrypted. Only people in this chat can read, listen to, or share them.',
      'As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta.',
      'Los mensajes y las llamadas están cifrados de extremo a extremo.',
      'Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt.',
    ]) {
      expect(opensWithEncryptionNotice([system(text), said('hi')]), text).toBe(true);
    }
  });

  it('is not a participant quoting the notice, nor the notice anywhere but first', () => {
    expect(opensWithEncryptionNotice([said('Messages and calls are end-to-end encrypted.')])).toBe(false);
    expect(opensWithEncryptionNotice([said('hi'), system('Messages and calls are end-to-end encrypted.')])).toBe(false);
    expect(opensWithEncryptionNotice([system('Ana added Ben')])).toBe(false);
    expect(opensWithEncryptionNotice([])).toBe(false);
  });

  it('is reached when every row fits in the list, but only where the list has a layout', () => {
    const list = (clientHeight: number, scrollHeight: number) => ({ clientHeight, scrollHeight }) as Element;
    expect(listFitsWithoutScrolling(list(800, 640))).toBe(true);
    expect(listFitsWithoutScrolling(list(800, 800))).toBe(true);
    expect(listFitsWithoutScrolling(list(800, 2_400))).toBe(false);
    expect(listFitsWithoutScrolling(list(0, 0))).toBe(false);
  });
});
