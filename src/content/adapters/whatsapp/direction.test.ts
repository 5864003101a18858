import { describe, expect, it } from 'vitest';
import { decideFromSignals, isRightBelow } from './direction';
import { renderWhatsAppPage, type RenderChatSpec } from './fixtures/render-chat';
import { readConversation } from './reader';
import { FIXTURES } from './selectors';
import { loadFixture, parseHtml } from './testing/load-fixture';

/** Runs both ways, as WhatsApp of 2026-08 draws them: a tail on each run's first bubble only, no direction class. */
const AUGUST_GROUP: RenderChatSpec = {
  title: 'Climbing',
  isGroup: true,
  era: '2026-08',
  messages: [
    { direction: 'in', sender: 'Ana', text: 'a1', date: '10/08/2026' },
    { direction: 'in', sender: 'Ana', text: 'a2' },
    { direction: 'in', sender: 'Ana', text: 'a3' },
    { direction: 'out', text: 'o1' },
    { direction: 'out', text: 'o2' },
    { direction: 'in', sender: 'Ben', text: 'b1' },
    { direction: 'in', sender: 'Ben', text: 'b2' },
  ],
};

function page(spec: RenderChatSpec, edit?: (doc: Document) => void): Document {
  const doc = parseHtml(renderWhatsAppPage(spec));
  edit?.(doc);
  return doc;
}

const row = (doc: Document, text: string) =>
  [...doc.querySelectorAll('[data-id]')].find((container) => container.textContent?.includes(text))!;
const directions = (doc: Document) => readConversation(doc).messages.map((message) => `${message.text}:${message.direction}`);

describe('direction on pages without message-in/out classes', () => {
  it('reads every bubble of a run, though only the first has a tail', () => {
    const conversation = readConversation(page(AUGUST_GROUP));
    expect(conversation.messages.map((message) => [message.text, message.direction, message.sender])).toEqual([
      ['a1', 'in', 'Ana'], ['a2', 'in', 'Ana'], ['a3', 'in', 'Ana'], ['o1', 'out', null], ['o2', 'out', null],
      ['b1', 'in', 'Ben'], ['b2', 'in', 'Ben'],
    ]);
    expect(conversation.health).toEqual({ status: 'ok' });
    expect(conversation.diagnostics.selectorTiers).toMatchObject({ incomingBubble: 2, outgoingBubble: 2, continuedRun: 1 });
  });

  it('never carries a direction over a date separator, a notice or the unread divider: the row is counted unreadable', () => {
    for (const between of [
      '<div role="row"><div class="x1n2onr6"><span dir="auto">11/08/2026</span></div></div>',
      '<div role="row"><div class="x78zum5"><span aria-live="polite">2 unread messages</span></div></div>',
      '<div role="row"><div data-id="3EB0FFFF0000000000000001" data-testid="conv-msg-3EB0FFFF0000000000000001"><div data-testid="msg-notification-container"><span dir="auto">Ana changed the group name</span></div></div></div>',
    ]) {
      const conversation = readConversation(page(AUGUST_GROUP, (doc) => row(doc, 'a2').parentElement!.insertAdjacentHTML('afterend', between)));
      // a3 has no tail, author or status, and the message above it is no longer right above.
      expect(conversation.messages.find((message) => message.text === 'a3')).toBeUndefined();
      expect(conversation.diagnostics.unreadableRows).toBe(1);
      expect(conversation.health.status).toBe('degraded');
    }
  });

  it('reads the run after a date separator from its own tail', () => {
    const spec: RenderChatSpec = { ...AUGUST_GROUP, messages: [...AUGUST_GROUP.messages, { direction: 'in', sender: 'Ben', text: 'b3', date: '11/08/2026' }] };
    expect(directions(page(spec)).slice(-2)).toEqual(['b2:in', 'b3:in']);
  });

  it("lets a quote of the owner's message (its tail and ticks) leave the quoting message incoming", () => {
    const doc = page(AUGUST_GROUP, (doc) => {
      const a2 = row(doc, 'a2');
      a2.querySelector('.copyable-text')!.insertAdjacentHTML(
        'afterbegin',
        '<div role="button" aria-label="Quoted message"><span data-icon="tail-out" aria-hidden="true"></span><div role=""><span data-testid="author" dir="auto">You</span></div><span class="quoted-mention">o1</span><span data-icon="wds-ic-read" aria-label=" Read "></span><span aria-label="You:"></span></div>',
      );
    });
    const conversation = readConversation(doc);
    expect(directions(doc).slice(0, 3)).toEqual(['a1:in', 'a2:in', 'a3:in']);
    expect(conversation.messages[1]!.quote).toEqual({ sender: 'You', text: 'o1' });
  });

  it("reads a group message by its own author block where no tail is drawn, never by a quote's author", () => {
    const after = (doc: Document, text: string) => row(doc, text).parentElement!.insertAdjacentHTML('beforebegin', '<div role="row"><span dir="auto">11/08/2026</span></div>');
    const withoutTail = readConversation(page(AUGUST_GROUP, (doc) => {
      after(doc, 'b1');
      row(doc, 'b1').querySelector('[data-icon="tail-in"]')!.remove();
    }));
    expect(withoutTail.messages.find((message) => message.text === 'b1')).toMatchObject({ direction: 'in', sender: 'Ben' });
    expect(withoutTail.diagnostics.selectorTiers.incomingBubble).toBe(3);
    // A row below a separator whose only author is its quote's: nothing of its own tells, so it is not read.
    const quoteOnly = readConversation(page(AUGUST_GROUP, (doc) => {
      after(doc, 'a3');
      row(doc, 'a3').querySelector('.copyable-text')!.insertAdjacentHTML(
        'afterbegin',
        '<div role="button" aria-label="Quoted message"><div role=""><span data-testid="author" dir="auto">Ben</span></div><span class="quoted-mention">b1</span></div>',
      );
    }));
    expect(quoteOnly.messages.map((message) => message.text)).not.toContain('a3');
    expect(quoteOnly.diagnostics.unreadableRows).toBe(1);
  });

  it('trusts a status icon over a tail: only the owner’s messages show one', () => {
    const doc = page(AUGUST_GROUP, (doc) => {
      row(doc, 'o1').querySelector('[data-icon="tail-out"]')!.setAttribute('data-icon', 'tail-in');
    });
    expect(directions(doc)).toContain('o1:out');
  });

  it("reads the owner's deleted message (no status icon) from the invisible You: label, in the user's language", () => {
    const doc = page(AUGUST_GROUP, (doc) => {
      const o1 = row(doc, 'o1');
      o1.querySelector('[data-icon="wds-ic-read"]')!.remove();
      o1.querySelector('[data-icon="tail-out"]')!.remove();
      o1.querySelector('[aria-label="You:"]')!.setAttribute('aria-label', 'Você:');
    });
    const conversation = readConversation(doc);
    expect(directions(doc)).toEqual(expect.arrayContaining(['o1:out', 'o2:out']));
    expect(conversation.diagnostics.selectorTiers.outgoingBubble).toBe(5);
    // A known era's own hooks: no note that the page may have changed.
    expect(conversation.health).toEqual({ status: 'ok' });
  });

  it('counts a row whose signals contradict each other as unreadable, never guessing', () => {
    const doc = page(AUGUST_GROUP, (doc) => {
      const b1 = row(doc, 'b1');
      b1.querySelector('[data-testid="author"]')!.parentElement!.remove();
      b1.querySelector('[data-icon="tail-in"]')!.insertAdjacentHTML('afterend', '<span aria-label="You:"></span>');
    });
    const conversation = readConversation(doc);
    expect(conversation.messages.map((message) => message.text)).not.toContain('b1');
    // b2 continued b1's run: with b1 unreadable, it cannot be read either.
    expect(conversation.diagnostics.unreadableRows).toBe(2);
  });

  it("swaps the tails' meaning on a right-to-left page, learning it from rows with a status icon", () => {
    const rightToLeft = (doc: Document) => {
      for (const tail of doc.querySelectorAll('[data-icon^="tail-"]')) {
        tail.setAttribute('data-icon', tail.getAttribute('data-icon') === 'tail-in' ? 'tail-out' : 'tail-in');
      }
    };
    expect(directions(page(AUGUST_GROUP, rightToLeft))).toEqual(directions(page(AUGUST_GROUP)));
    // No status icon to learn from: the page's own direction says it.
    const incomingOnly: RenderChatSpec = { ...AUGUST_GROUP, isGroup: false, messages: AUGUST_GROUP.messages.filter((message) => message.direction === 'in') };
    const hebrew = page(incomingOnly, (doc) => {
      rightToLeft(doc);
      doc.documentElement.setAttribute('dir', 'rtl');
    });
    expect(readConversation(hebrew).messages.every((message) => message.direction === 'in')).toBe(true);
  });

  it('reads the same directions again from the row cache, a run’s later bubbles included', () => {
    const doc = page(AUGUST_GROUP);
    const first = directions(doc);
    expect(directions(doc)).toEqual(first);
    row(doc, 'b2').querySelector('[data-testid="selectable-text"]')!.textContent = 'b2 edited';
    expect(directions(doc)).toContain('b2 edited:in');
  });

  it('leaves pages with the classes to the classes', () => {
    const conversation = readConversation(loadFixture(FIXTURES.group202605));
    expect(conversation.diagnostics.selectorTiers.continuedRun).toBeUndefined();
    expect(conversation.diagnostics.selectorTiers.outgoingBubble).toBe(1);
    expect(conversation.diagnostics.selectorTiers.incomingBubble).toBe(1);
  });
});

describe('decideFromSignals', () => {
  it('ranks a status icon first, then tails and labels', () => {
    expect(decideFromSignals({ status: 1, tailIn: true })).toEqual({ direction: 'out', entry: 'outgoingBubble', tier: 2 });
    expect(decideFromSignals({ status: 2 })).toEqual({ direction: 'out', entry: 'outgoingBubble', tier: 3 });
    expect(decideFromSignals({ tailOut: true, ownerLabel: true })).toEqual({ direction: 'out', entry: 'outgoingBubble', tier: 4 });
    expect(decideFromSignals({ authorBlock: true })).toEqual({ direction: 'in', entry: 'incomingBubble', tier: 3 });
    expect(decideFromSignals({ tailIn: true }, true)).toEqual({ direction: 'out', entry: 'outgoingBubble', tier: 4 });
    expect(decideFromSignals({ tailOut: true, authorBlock: true })).toBeNull();
    expect(decideFromSignals({})).toBeNull();
  });
});

describe('isRightBelow', () => {
  it('takes only the row right after, or the next message within one row', () => {
    const doc = parseHtml(
      '<div id="main"><div role="row"><div id="a" data-id="1"></div></div><div role="row"><div id="b" data-id="2"></div><div id="c" data-id="3"></div></div><div role="row"></div><div role="row"><div id="d" data-id="4"></div></div></div>',
    );
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => doc.getElementById(id)!);
    expect(isRightBelow(a!, b!)).toBe(true);
    expect(isRightBelow(b!, c!)).toBe(true);
    expect(isRightBelow(a!, c!)).toBe(false);
    expect(isRightBelow(c!, d!)).toBe(false);
  });
});
