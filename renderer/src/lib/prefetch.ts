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

export function prefetchFirstScreen(qc: QueryClient): void {
  const ask = <M extends MethodName>(method: M, input: MethodInput<M>) => {
    // Writes still refresh these at once (invalidateAfter ignores staleness); only the mount's second ask goes.
    qc.setQueryDefaults([method], { staleTime: FRESH_MS });
    void qc.prefetchQuery({ queryKey: [method, input], queryFn: () => takeEarly(method, input) ?? call(method, input) });
  };
  for (const c of firstScreenCalls(firstScreen())) {
    if (c.method !== 'applications.list') {
      ask(c.method, c.input);
      continue;
    }
    // The table's pages are one infinite query (PipelineTable's useTablePages): its key and first page.
    const key = ['applications.list', c.input, 'pages'];
    qc.setQueryDefaults(key, { staleTime: FRESH_MS });
    void qc.prefetchInfiniteQuery({
      queryKey: key,
      queryFn: () => takeEarly('applications.list', c.input) ?? call('applications.list', c.input),
      initialPageParam: null,
    });
  }
}
