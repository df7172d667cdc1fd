// Every server call goes through TanStack Query: reads with useApi (cached under [method, input]), writes
// and on-demand reads with useCall. A successful write refreshes only the query domains it makes stale
// (lib/effects.ts), never every query.
import { useMutation, useQuery, useQueryClient, type QueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
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
  const { data } = useApi('system.info', {}, { staleTime: 30_000, refetchInterval: 30_000 });
  const [local, setLocal] = useState(() => Date.now());
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    if (data) setOffset(data.now - Date.now());
  }, [data]);
  useEffect(() => {
    const t = setInterval(() => setLocal(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  return data?.clockOverridden ? data.now : local + offset;
}
