import { describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/conversation';
import { readConversation } from './reader';
import { FIXTURES } from './selectors';
import { loadFixture } from './testing/load-fixture';

// WhatsApp Web draws one play button (data-icon "media-play") over a video's thumbnail and over the video link
// preview of a text message (docs/research/whatsapp-media.md): the button alone must not make a text a video.
const VIDEO = '3EB0A0B1C2D3E4F50601';
const TEXT_NAMING_KINDS = '3EB0A0B1C2D3E4F5060D';

function read(edit: (doc: Document) => void) {
  const doc = loadFixture(FIXTURES.mediaGroup202605);
  edit(doc);
  const conversation = readConversation(doc);
  const byId = (id: string): Message => conversation.messages.find((message) => message.id === id)!;
  return { conversation, byId };
}

function row(doc: Document, id: string): Element {
  return doc.querySelector(`[data-id="${id}"]`)!;
}

/** A video link preview as WhatsApp renders it in a text bubble: a thumbnail under the shared play button. */
function addVideoLinkPreview(doc: Document, id: string): void {
  const preview = doc.createElement('div');
  preview.setAttribute('role', 'button');
  preview.innerHTML =
    '<div><span data-testid="media-play" aria-hidden="true" data-icon="media-play"><svg><title>media-play</title></svg></span></div>';
  const text = row(doc, id).querySelector('span[data-testid="selectable-text"]')!;
  text.parentElement!.before(preview);
}

/**
 * The video row as an HD video: an HD badge in place of the camera badge (the media fixture already draws the
 * thumbnail as WhatsApp does since 2026, a CSS background rather than an image).
 */
function asHdVideo(doc: Document): Element {
  const video = row(doc, VIDEO);
  video.querySelector('[data-icon="msg-video"]')!.remove();
  return video;
}

describe('the play button shared by videos and video link previews', () => {
  it('keeps a text message with a video link preview a text message, with no media kind', () => {
    const before = read(() => {}).byId(TEXT_NAMING_KINDS);
    const { byId, conversation } = read((doc) => addVideoLinkPreview(doc, TEXT_NAMING_KINDS));
    expect(byId(TEXT_NAMING_KINDS).text).toBe(before.text);
    expect(byId(TEXT_NAMING_KINDS).media).toBeUndefined();
    expect(conversation.health.status).toBe('ok');
  });

  it('still knows a video without its camera badge (an HD video shows an HD badge instead) by the play button', () => {
    const { byId } = read((doc) => asHdVideo(doc).querySelector('span[data-testid="selectable-text"]')!.remove());
    expect(byId(VIDEO).media).toEqual({ kind: 'video' });
  });

  it('gives a captioned video with neither badge its caption and no kind, rather than a guessed one', () => {
    const { byId } = read(asHdVideo);
    expect(byId(VIDEO).text).toBe('Sunset from the bridge 🌅');
    expect(byId(VIDEO).media).toBeUndefined();
  });
});
