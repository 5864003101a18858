/** How a fake model's answer is cut into pieces and paced, shared by every fake server's stream. */
import type { ServerResponse } from 'node:http';
import { setImmediate as nextTurn, setTimeout as delay } from 'node:timers/promises';
import { splitIntoTokenPieces } from './token-pieces';

export const DEFAULT_ANSWER = 'Hello from the fake model.';

export interface AnswerShape {
  /** The answer, split into token-like pieces. Any Unicode, markdown or HTML. Default "Hello from the fake model." */
  text?: string;
  /** Exact pieces, used instead of splitting `text`. */
  deltas?: string[];
  /** Pace of the pieces; unset sends them as fast as the socket takes them (still one write each). */
  tokensPerSecond?: number;
}

export function piecesOf(shape: AnswerShape): string[] {
  return shape.deltas ?? splitIntoTokenPieces(shape.text ?? DEFAULT_ANSWER);
}

export async function pause(shape: AnswerShape): Promise<void> {
  if (shape.tokensPerSecond && shape.tokensPerSecond > 0) await delay(1000 / shape.tokensPerSecond);
  else await nextTurn();
}

export interface StreamInterruption {
  /** Cut the connection before this piece (0: before the first). */
  cutAfter?: number;
  /** Stop writing before this piece and leave the connection open. */
  stallAfter?: number;
}

/**
 * Whether the answer stops before piece `sent`: the client left, or the script cuts the connection
 * there (the socket destroyed, after `onCut` so the cut is not taken for the client leaving), or
 * stalls it there.
 */
export function stopsBefore(
  sent: number,
  script: StreamInterruption,
  writer: { readonly closed: boolean },
  response: ServerResponse,
  onCut: () => void,
): boolean {
  if (writer.closed) return true;
  if (script.cutAfter === sent) {
    onCut();
    response.socket?.destroy();
    return true;
  }
  return script.stallAfter === sent;
}
