// Every server call goes through TanStack Query: reads with useApi (cached under [method, input]), writes
// and on-demand reads with useCall. A successful write refreshes only the query domains it makes stale
// (lib/effects.ts), never every query.
import { useMutation, useQuery, useQueryClient, type QueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../electron/api/contract';
import { ApiError, call } from './api';
import { domainOf, staleAfter } from './effects';

export function useApi<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options?: Omit<UseQueryOptions<MethodOutput<M>, ApiError>, 'queryKey' | 'queryFn'>,
) {
  return useQuery<MethodOutput<M>, ApiError>({ queryKey: [method, input], queryFn: () => call(method, input), ...options });
}

/** Marks stale, and refetches where shown, every query whose domain `method` affects. */
export function invalidateAfter(qc: QueryClient, method: MethodName): Promise<void> {
  const stale = staleAfter(method);
  if (stale.size === 0) return Promise.resolve();
  return qc.invalidateQueries({ predicate: (q) => typeof q.queryKey[0] === 'string' && stale.has(domainOf(q.queryKey[0])) });
}

/**
 * A call that may change data. Once it succeeds, the queries it affects are refetched before
 * mutateAsync resolves, so the next screen state is never older than the write.
 */
export function useCall<M extends MethodName>(method: M) {
  const qc = useQueryClient();
  return useMutation<MethodOutput<M>, ApiError, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => invalidateAfter(qc, method),
  });
}

/**
 * "Now" as the app's main process sees it; ticks every 30 s. A test clock (--test-clock) stands still on the
 * server until the test moves it, so the page shows that same still time rather than running on from it.
 */
export function useNow(): number {
  const { data, dataUpdatedAt } = useApi('system.info', {}, { staleTime: 30_000, refetchInterval: 30_000 });
  // One shared tick and one offset (from the shared query) for every caller, so two parts of a screen
  // never show "in 19 h" and "in 18 h" for the same due time because their timers ticked apart.
  const local = useSyncExternalStore(subscribeTick, () => tick);
  if (data?.clockOverridden) return data.now;
  return data ? local + (data.now - dataUpdatedAt) : local;
}

let tick = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const tickListeners = new Set<() => void>();
function subscribeTick(cb: () => void) {
  tickListeners.add(cb);
  if (!timer) {
    tick = Date.now();
    timer = setInterval(() => {
      tick = Date.now();
      tickListeners.forEach((l) => l());
    }, 30_000);
  }
  return () => {
    tickListeners.delete(cb);
    if (!tickListeners.size) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
