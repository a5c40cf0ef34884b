import type { InputOf, OutputOf } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/errors';
import type { ProcedureName } from '../../../shared/api/procedure-names';
import { ApiCallError } from './api-error';

/** Calls a procedure through window.api (IPC in the app, HTTP in the harness); throws ApiCallError. */
export async function call<N extends ProcedureName>(
  name: N,
  input: InputOf<N>,
): Promise<OutputOf<N>> {
  const procedure = window.api[name] as (input: InputOf<N>) => Promise<ApiResult<OutputOf<N>>>;
  let result: ApiResult<OutputOf<N>>;
  try {
    result = await procedure(input);
  } catch {
    throw new ApiCallError({ code: 'INTERNAL', message: 'transport failed' });
  }
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}
