import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { InputOf, OutputOf } from '../../../shared/api/contract';
import type { ProcedureName } from '../../../shared/api/procedure-names';
import type { ApiCallError } from './api-error';
import { call } from './call';

/** Query keys start with the procedure name, so a `data:changed` event can refetch by domain. */
export function queryKey<N extends ProcedureName>(name: N, input: InputOf<N>): readonly unknown[] {
  return [name, input];
}

export function useApiQuery<N extends ProcedureName>(
  name: N,
  input: InputOf<N>,
  options: Omit<UseQueryOptions<OutputOf<N>, ApiCallError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<OutputOf<N>, ApiCallError>({
    queryKey: queryKey(name, input),
    queryFn: () => call(name, input),
    ...options,
  });
}

/** A typed mutation; on success, queries of the same domain and the session are refetched. */
export function useApiMutation<N extends ProcedureName>(name: N) {
  const queryClient = useQueryClient();
  return useMutation<OutputOf<N>, ApiCallError, InputOf<N>>({
    mutationFn: (input) => call(name, input),
    onSuccess: async () => {
      const domain = name.split(':')[0];
      await queryClient.invalidateQueries({
        predicate: (query) => {
          const key = String(query.queryKey[0]);
          return key.startsWith(`${domain}:`) || key === 'session:status' || key === 'home:counts';
        },
      });
    },
  });
}
