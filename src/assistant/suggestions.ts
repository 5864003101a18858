/**
 * Splits a streamed reply-suggestions answer into drafts. The prompt asks for drafts separated by a
 * line holding only `---`; models also number them, so numbered lists are accepted too. Text with
 * neither is one draft. Works on partial text, so the sidebar can show drafts as they stream in.
 */
const SEPARATOR_LINE = /^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$/m;
const NUMBERED_LINE = /^[ \t]*(?:\*\*)?(?:\d{1,2}[.)]|[-*•])(?:\*\*)?[ \t]+/;

export const SUGGESTION_COUNT = 3;

export function splitSuggestions(raw: string): string[] {
  const text = raw.replace(/\r\n?/g, '\n');
  let parts: string[];
  if (SEPARATOR_LINE.test(text)) {
    parts = text.split(new RegExp(SEPARATOR_LINE.source, 'gm'));
  } else if (countNumberedStarts(text) >= 2) {
    parts = splitAtNumberedStarts(text);
  } else {
    parts = [text];
  }
  return parts.map(cleanDraft).filter((part) => part.length > 0);
}

function countNumberedStarts(text: string): number {
  return text.split('\n').filter((line) => /^[ \t]*\d{1,2}[.)][ \t]+/.test(line)).length;
}

function splitAtNumberedStarts(text: string): string[] {
  const drafts: string[] = [];
  let current: string[] | null = null;
  for (const line of text.split('\n')) {
    if (/^[ \t]*\d{1,2}[.)][ \t]+/.test(line)) {
      if (current) drafts.push(current.join('\n'));
      current = [line];
    } else if (current) {
      current.push(line);
    }
  }
  if (current) drafts.push(current.join('\n'));
  return drafts;
}

/**
 * The rewrite task's answer: one draft, taken whole. A rewritten message may itself be a numbered list,
 * so it is never split; only the quotes a model wraps around it go.
 */
export function singleDraft(raw: string): string[] {
  const draft = cleanQuotes(raw.replace(/\r\n?/g, '\n').trim());
  return draft.length > 0 ? [draft] : [];
}

/** Drafts of a drafting task's (partial or complete) answer. */
export function draftsFor(task: string, raw: string): string[] {
  // A rewrite and a template's answer are one text each: never split, even when they hold a list or ---.
  return task === 'rewrite' || task === 'template' ? singleDraft(raw) : splitSuggestions(raw).slice(0, SUGGESTION_COUNT);
}

function cleanDraft(part: string): string {
  return cleanQuotes(part.trim().replace(NUMBERED_LINE, ''));
}

function cleanQuotes(text: string): string {
  let draft = text;
  // A model sometimes wraps each draft in quotes; the user wants the words, not the quotes.
  const quoted = /^["“](.*)["”]$/s.exec(draft);
  if (quoted?.[1] !== undefined) draft = quoted[1];
  return draft.trim();
}
