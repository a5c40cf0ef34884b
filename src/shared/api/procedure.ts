import type { z } from 'zod';
import type { Role } from '../roles';

/**
 * Who may call a procedure: anybody (before sign-in), any signed-in user, or the listed roles.
 * Checked in core by the dispatcher, from the session core holds, never from the renderer's word.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface ProcedureDefinition<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
> {
  /** Queries read; mutations write and make core announce `data:changed`. */
  readonly kind: 'query' | 'mutation';
  readonly input: I;
  readonly output: O;
  readonly access: Access;
}

export function query<I extends z.ZodType, O extends z.ZodType>(
  definition: Omit<ProcedureDefinition<I, O>, 'kind'>,
): ProcedureDefinition<I, O> {
  return { kind: 'query', ...definition };
}

export function mutation<I extends z.ZodType, O extends z.ZodType>(
  definition: Omit<ProcedureDefinition<I, O>, 'kind'>,
): ProcedureDefinition<I, O> {
  return { kind: 'mutation', ...definition };
}
