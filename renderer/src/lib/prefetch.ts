// The first screen's data, asked for while React is still rendering the shell. The queries would
// otherwise start only once their components have rendered, after the whole bundle has run; asked
// here, main answers while the renderer works. Same keys as useApi, so the screens find them.
import type { QueryClient } from '@tanstack/react-query';
import type { MethodInput, MethodName } from '../../../electron/api/contract';
import { call } from './api';
import { parseRoute } from './router';

/** The key the pipeline keeps its Board/Table choice under (PipelineScreen reads the same). */
export const PIPELINE_VIEW_KEY = 'courtesy.pipeline.view';

/** An answer this young counts as fresh: the screen that mounts just after the prefetch does not ask again. */
const FRESH_MS = 5000;

export function prefetchFirstScreen(qc: QueryClient): void {
  const ask = <M extends MethodName>(method: M, input: MethodInput<M>) => {
    // Writes still refresh these at once (invalidateAfter ignores staleness); only the mount's second ask goes.
    qc.setQueryDefaults([method], { staleTime: FRESH_MS });
    void qc.prefetchQuery({ queryKey: [method, input], queryFn: () => call(method, input) });
  };
  ask('settings.get', {});
  ask('system.info', {});
  const route = parseRoute(window.location.hash);
  if (route.name === 'pipeline' && (localStorage.getItem(PIPELINE_VIEW_KEY) ?? 'board') === 'board') ask('applications.board', {});
  else if (route.name === 'today') ask('today.get', {});
}
