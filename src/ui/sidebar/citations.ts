/**
 * Citations in a catch-up or an answer: the prompt numbers each message ([m12]) and the model ends each
 * point with the references it used. Here the answer is cut into points (one a line; a fenced block stays
 * whole), each with the references it cites. Only references the prompt gave count: an invented one, or
 * one the model copied from a message's text, is dropped and never shown. The text keeps no reference.
 */

export interface Citation {
  /** As the prompt wrote it, e.g. "m12". */
  reference: string;
  messageId: string;
}

export interface CitedPoint {
  /** The point's Markdown, without its references. */
  text: string;
  citations: Citation[];
}

/** "[m3]", "[m3, m7]", "[m3][m7]" (a group is split below). */
const CITATION_GROUP = /\[\s*(m\d{1,5}(?:\s*[,;]\s*m\d{1,5})*)\s*\]/gi;
/** A citation still being streamed at the very end, e.g. "[m1" or "[m12, m". */
const PARTIAL_TAIL = /\[\s*(?:m\d{0,5}(?:\s*[,;]\s*m?\d{0,5})*)?\s*$/i;
const FENCE = /^\s{0,3}(```|~~~)/;

export function citedPoints(text: string, references: Readonly<Record<string, string>>, streaming = false): CitedPoint[] {
  const source = streaming ? text.replace(PARTIAL_TAIL, '') : text;
  const points: CitedPoint[] = [];
  let fence: string[] | null = null;
  for (const line of source.split('\n')) {
    if (fence) {
      fence.push(line);
      if (FENCE.test(line)) {
        points.push({ text: fence.join('\n'), citations: [] });
        fence = null;
      }
      continue;
    }
    if (FENCE.test(line)) {
      fence = [line];
      continue;
    }
    if (line.trim().length === 0) continue;
    points.push(citedLine(line, references));
  }
  if (fence) points.push({ text: fence.join('\n'), citations: [] });
  return points;
}

function citedLine(line: string, references: Readonly<Record<string, string>>): CitedPoint {
  const citations: Citation[] = [];
  const text = line
    .replace(CITATION_GROUP, (_match, group: string) => {
      for (const written of group.split(/[,;]/)) {
        const reference = written.trim().toLowerCase();
        const messageId = Object.hasOwn(references, reference) ? references[reference] : undefined;
        if (messageId !== undefined && !citations.some((citation) => citation.reference === reference)) {
          citations.push({ reference, messageId });
        }
      }
      return '';
    })
    .replace(/[ \t]+([.,;:!?])/g, '$1')
    .replace(/[ \t]+$/, '');
  return { text, citations };
}

/** Whether an answer has any citation worth showing as such. */
export function hasReferences(references: Readonly<Record<string, string>> | null | undefined): references is Record<string, string> {
  return references !== null && references !== undefined && Object.keys(references).length > 0;
}
