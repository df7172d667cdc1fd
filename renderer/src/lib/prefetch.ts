// The first screen's data in the query cache before its components ask. The requests themselves left
// in lib/early.ts as the bundle began to run; here they become queries under the same keys as useApi
// (and useTablePages), so the screens find them, answered or on their way.
import type { QueryClient } from '@tanstack/react-query';
import type { MethodInput, MethodName } from '../../../electron/api/contract';
import { call } from './api';
import { firstScreen, firstScreenCalls, takeEarly } from './early';

export { PIPELINE_VIEW_KEY } from './early';

/** An answer this young counts as fresh: the screen that mounts just after the prefetch does not ask again. */
const FRESH_MS = 5000;

const FIRST_BOARD_KEY = ['applications.board', {}];
let partialBoard = false;

/** What the board's first frame carries for Element Timing (PipelineScreen's keyboard hint). */
export const BOARD_PAINTED = 'board-painted';

/**
 * Once the board has shown its first answer: if that was the first screen's short one, ask for the whole
 * board (each column's usual 100) once the frame that paints it is on screen, so neither the first paint
 * nor its raster (on a busy machine, tens of ms after the main thread has painted) waits for it.
 */
export function fullBoardAfterPaint(qc: QueryClient): void {
  if (!partialBoard) return;
  partialBoard = false;
  whenOnScreen(BOARD_PAINTED, () => void qc.invalidateQueries({ queryKey: FIRST_BOARD_KEY, exact: true }));
}

/**
 * Runs fn once the element marked elementtiming=<identifier> has been presented: Element Timing reports
 * a frame after it reached the screen. Without Element Timing, after the next main-thread paint (a rAF
 * callback runs just before it; a task queued from it, after); never later than a second.
 */
function whenOnScreen(identifier: string, fn: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    clearTimeout(timer);
    setTimeout(fn, 0);
  };
  const timer = setTimeout(run, 1000);
  const observer = PerformanceObserver.supportedEntryTypes?.includes('element')
    ? new PerformanceObserver((list) => {
        if (list.getEntries().some((e) => (e as PerformanceEntry & { identifier?: string }).identifier === identifier)) run();
      })
    : undefined;
  if (observer) observer.observe({ type: 'element', buffered: true });
  else requestAnimationFrame(() => setTimeout(run, 0));
}

/** Resolves once every first-screen answer is in the query cache (or failed: the screen shows that). */
export function prefetchFirstScreen(qc: QueryClient): Promise<unknown> {
  const all: Promise<void>[] = [];
  const ask = <M extends MethodName>(method: M, input: MethodInput<M>) => {
    // Writes still refresh these at once (invalidateAfter ignores staleness); only the mount's second ask goes.
    qc.setQueryDefaults([method], { staleTime: FRESH_MS });
    all.push(qc.prefetchQuery({ queryKey: [method, input], queryFn: () => takeEarly(method, input) ?? call(method, input) }));
  };
  for (const c of firstScreenCalls(firstScreen())) {
    if (c.method === 'applications.board') {
      // The first board, a few cards per column (early.ts), under the key of the board PipelineScreen asks
      // for (no search, no filter), so it renders them; fullBoardAfterPaint then asks for the whole board.
      qc.setQueryDefaults([c.method], { staleTime: FRESH_MS });
      partialBoard = true;
      all.push(qc.prefetchQuery({ queryKey: FIRST_BOARD_KEY, queryFn: () => takeEarly(c.method, c.input) ?? call(c.method, c.input) }));
      continue;
    }
    if (c.method !== 'applications.list') {
      ask(c.method, c.input);
      continue;
    }
    // The table's pages are one infinite query (PipelineTable's useTablePages): its key and first page.
    const key = ['applications.list', c.input, 'pages'];
    qc.setQueryDefaults(key, { staleTime: FRESH_MS });
    all.push(
      qc.prefetchInfiniteQuery({
        queryKey: key,
        queryFn: () => takeEarly('applications.list', c.input) ?? call('applications.list', c.input),
        initialPageParam: null,
      }),
    );
  }
  return Promise.all(all);
}
