import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, call } from './api';
import type { MethodInput, MethodName, MethodOutput } from '../../../electron/api/contract';

export function useApi<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options?: Omit<UseQueryOptions<MethodOutput<M>, ApiError>, 'queryKey' | 'queryFn'>,
) {
  return useQuery<MethodOutput<M>, ApiError>({ queryKey: [method, input], queryFn: () => call(method, input), ...options });
}

/** A mutation that refreshes every query afterwards: writes are rare and local, so simple beats clever. */
export function useCall<M extends MethodName>(method: M) {
  const qc = useQueryClient();
  return useMutation<MethodOutput<M>, ApiError, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => qc.invalidateQueries(),
  });
}

/** "Now" as the app's main process sees it (tests may move that clock); ticks every 30 s. */
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
  return local + offset;
}
