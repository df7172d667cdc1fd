// The first screen's requests, sent the moment the bundle starts to run. main.tsx imports this module
// first, so its body runs before React, TanStack Query and the rest of the bundle are evaluated (tens
// of milliseconds, more on a busy machine); main answers while the renderer works, and the queries
// find the answers waiting (lib/prefetch.ts hands these promises to the query cache).
// Deliberately small: api.ts and router.ts only, nothing that is slow to evaluate.
import type { MethodInput, MethodName, MethodOutput } from '../../../electron/api/contract';
import { call, initTransport } from './api';
import { parseRoute } from './router';

/** The key the pipeline keeps its Board/Table choice under (PipelineScreen reads the same). */
export const PIPELINE_VIEW_KEY = 'courtesy.pipeline.view';

/** The table's first page: the same input as useTablePages with no search or filter and the default order. */
export const TABLE_PAGE = 100;
export const DEFAULT_TABLE_SORT = { key: 'stageChangedAt', dir: 'desc' } as const;
export const firstTablePageInput = (): MethodInput<'applications.list'> => ({
  sort: DEFAULT_TABLE_SORT.key,
  dir: DEFAULT_TABLE_SORT.dir,
  limit: TABLE_PAGE,
  withDocuments: true,
});

/**
 * The board's first screen asks for this many cards per column, not the board's usual 100: more than a
 * column shows in a tall window (a card is about 107 px), and a fifth of the work for main and of the
 * JSON the renderer parses before the first paint. The rest follows once the board is painted
 * (prefetch.ts: fullBoardAfterPaint). Column totals are exact either way (no search on the first screen).
 */
export const FIRST_BOARD_PER_STAGE = 20;

export type FirstScreen = 'board' | 'table' | 'today' | 'other';

export function firstScreen(): FirstScreen {
  const route = parseRoute(window.location.hash);
  if (route.name === 'today') return 'today';
  if (route.name !== 'pipeline') return 'other';
  return localStorage.getItem(PIPELINE_VIEW_KEY) === 'table' ? 'table' : 'board';
}

const started = new Map<string, Promise<unknown>>();
const keyOf = (method: string, input: unknown) => `${method} ${JSON.stringify(input)}`;

function start<M extends MethodName>(method: M, input: MethodInput<M>) {
  const p = call(method, input);
  // Whoever takes the promise sees its failure; until then it must not count as unhandled.
  p.catch(() => undefined);
  started.set(keyOf(method, input), p);
}

/** The answer already on its way for this call, once: a later ask (a refetch) goes to main again. */
export function takeEarly<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> | undefined {
  const key = keyOf(method, input);
  const p = started.get(key) as Promise<MethodOutput<M>> | undefined;
  started.delete(key);
  return p;
}

type Call = { [M in MethodName]: { method: M; input: MethodInput<M> } }[MethodName];

/** What the first screen asks main for, in one place: sent here, handed to the query cache by prefetch.ts. */
export function firstScreenCalls(screen: FirstScreen): Call[] {
  const calls: Call[] = [
    { method: 'settings.get', input: {} },
    { method: 'system.info', input: {} },
  ];
  if (screen === 'board' || screen === 'table') calls.push({ method: 'stages.list', input: {} });
  if (screen === 'board') calls.push({ method: 'applications.board', input: { perStage: FIRST_BOARD_PER_STAGE } });
  else if (screen === 'table') calls.push({ method: 'applications.list', input: firstTablePageInput() });
  else if (screen === 'today') calls.push({ method: 'today.get', input: {} });
  return calls;
}

initTransport();
for (const c of firstScreenCalls(firstScreen())) start(c.method, c.input);
