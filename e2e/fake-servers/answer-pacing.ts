/** How a fake model's answer is cut into pieces and paced, shared by every fake server's stream. */
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
