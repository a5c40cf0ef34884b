import type { ApiResult } from '../errors';
import type { EventPayload } from './events';
import type { InputOf, OutputOf } from './contract';
import type { EventName, ProcedureName } from './procedure-names';

/**
 * What the preload (IPC) or the harness (HTTP) puts on `window.api`: one function per procedure,
 * plus `on` for pushed events. The renderer only ever sees this type.
 */
export type MaktabApi = {
  [N in ProcedureName]: (input: InputOf<N>) => Promise<ApiResult<OutputOf<N>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
