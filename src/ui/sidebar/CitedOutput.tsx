import { memo } from 'preact/compat';
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { UiApi } from '../api';
import { toUserFacingError } from '../api';
import { t } from '../i18n';
import { SafeMarkdown, sharedDefinitionsOf } from '../render';
import { citedPoints, type Citation, type CitedPoint } from './citations';
import { errorLine } from '../common/error-text';

interface Props {
  api: UiApi;
  text: string;
  references: Readonly<Record<string, string>>;
  /** The tab whose chat the answer is about: citations scroll that chat. */
  tabId: number | null;
  streaming: boolean;
}

/**
 * An answer that cites the chat: each point through SafeMarkdown, followed by one button per message it
 * came from. A citation is a button, never a link: it asks the background to scroll the chat to that
 * message (and highlight it); nothing is opened or fetched.
 */
export function CitedOutput({ api, text, references, tabId, streaming }: Props) {
  const points = useMemo(() => citedPoints(text, references, streaming), [text, references, streaming]);
  // Each point is its own Markdown; a reference (`![x][r]`) and its definition may sit in different points.
  const shared = useMemo(() => sharedDefinitionsOf(text), [text]);
  const definitions = shared.source;
  const usedLabels = shared.usedLabels;
  const [note, setNote] = useState<string | null>(null);

  const showLatest = useRef<(citation: Citation) => Promise<void>>(async () => undefined);
  showLatest.current = async (citation: Citation) => {
    if (tabId === null) return;
    setNote(null);
    try {
      const { found } = await api.request('ui->background:scroll-to-message', { tabId, messageId: citation.messageId });
      if (!found) setNote(t('sidebar_citationNotLoaded', citation.reference));
    } catch (cause) {
      const error = toUserFacingError(cause);
      setNote(errorLine(error));
    }
  };

  // One stable callback, so a point that did not change is not rendered again while the answer streams.
  const show = useCallback((citation: Citation) => void showLatest.current(citation), []);

  const settled = useSettledPoints(points);
  const last = points.at(-1);

  return (
    <div class="cited-output">
      <SettledPoints points={settled} definitions={definitions} usedLabels={usedLabels} onShow={show} />
      {last ? <CitedPointView key={points.length - 1} point={last} streaming={streaming} definitions={definitions} usedLabels={usedLabels} onShow={show} /> : null}
      {note ? (
        <p class="citation-note muted" role="status" data-testid="citation-note">
          {note}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Every point but the last, as the same array (and the same point objects) for as long as they are
 * unchanged: a stream grows only the last point, so the points before it are skipped in one comparison
 * instead of each being compared every frame.
 */
function useSettledPoints(points: readonly CitedPoint[]): readonly CitedPoint[] {
  const kept = useRef<readonly CitedPoint[]>([]);
  const count = Math.max(0, points.length - 1);
  const previous = kept.current;
  const stable = previous.length <= count && previous.every((point, index) => samePoint(point, points[index]!));
  if (stable && previous.length === count) return previous;
  kept.current = stable ? [...previous, ...points.slice(previous.length, count)] : points.slice(0, count);
  return kept.current;
}

function samePoint(a: CitedPoint, b: CitedPoint): boolean {
  return (
    a.text === b.text &&
    a.citations.length === b.citations.length &&
    a.citations.every((citation, index) => citation.messageId === b.citations[index]!.messageId && citation.reference === b.citations[index]!.reference)
  );
}

interface SettledPointsProps {
  points: readonly CitedPoint[];
  definitions: string;
  usedLabels: string;
  onShow(citation: Citation): void;
}

/** The complete points; rendered again only when one more completes or what they share changes. */
const SettledPoints = memo(function SettledPoints({ points, definitions, usedLabels, onShow }: SettledPointsProps) {
  return (
    <>
      {points.map((point, index) => (
        <CitedPointView key={index} point={point} streaming={false} definitions={definitions} usedLabels={usedLabels} onShow={onShow} />
      ))}
    </>
  );
});

interface PointProps {
  point: CitedPoint;
  streaming: boolean;
  definitions: string;
  usedLabels: string;
  onShow(citation: Citation): void;
}

/**
 * One point and its citation buttons. Memoised on what it shows: a streaming answer grows only its last
 * point, and re-rendering every earlier one each frame would block the sidebar on long answers.
 */
const CitedPointView = memo(
  function CitedPointView({ point, streaming, definitions, usedLabels, onShow }: PointProps) {
    return (
      <div class="cited-point">
        <SafeMarkdown text={point.text} streaming={streaming} sharedDefinitions={{ source: definitions, usedLabels }} />
        {point.citations.length > 0 ? (
          <span class="citations" role="group" aria-label={t('sidebar_citationsLabel')}>
            {point.citations.map((citation) => (
              <button
                key={citation.reference}
                type="button"
                class="citation"
                data-testid="citation"
                data-reference={citation.reference}
                aria-label={t('sidebar_citationLabel', citation.reference)}
                title={t('sidebar_citationTitle')}
                onClick={() => onShow(citation)}
              >
                {citation.reference}
              </button>
            ))}
          </span>
        ) : null}
      </div>
    );
  },
  (previous, next) =>
    previous.streaming === next.streaming &&
    previous.definitions === next.definitions &&
    previous.usedLabels === next.usedLabels &&
    previous.onShow === next.onShow &&
    samePoint(previous.point, next.point),
);
