import type { OutputOf, ParsedInputOf } from '../shared/api/contract';
import type { ProcedureName } from '../shared/api/procedure-names';
import type { HandlerContext } from './handler-context';

export type Handler<N extends ProcedureName> = (
  ctx: HandlerContext,
  input: ParsedInputOf<N>,
) => OutputOf<N>;

/** Handlers for the procedures whose names start with a prefix, e.g. `HandlersFor<'users:'>`. */
export type HandlersFor<Prefix extends string> = {
  [N in Extract<ProcedureName, `${Prefix}${string}`>]: Handler<N>;
};

/** Every procedure has exactly one handler: a missing one fails to compile. */
export type HandlerMap = { [N in ProcedureName]: Handler<N> };
