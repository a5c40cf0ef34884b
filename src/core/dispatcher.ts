import type { z } from 'zod';
import { contract } from '../shared/api/contract';
import type { Access } from '../shared/api/procedure';
import { procedureNames, type ProcedureName } from '../shared/api/procedure-names';
import type { SessionUser } from '../shared/api/procedures/session.procedures';
import { AppError, type ApiResult } from '../shared/errors';
import type { DatabaseState, HandlerContext } from './handler-context';
import { handlers, runsOutsideTransaction } from './handlers';
import type { Handler } from './handlers.types';

const knownNames = new Set<string>(procedureNames);

/** What the dispatcher needs from core for one call. */
export interface DispatchTarget {
  currentUser(): SessionUser | null;
  /** Locks an idle session (returns true if the session is locked now). */
  checkLock(): boolean;
  /** Records activity of the signed-in user. */
  touch(): void;
  databaseState(): DatabaseState;
  /** Runs `work` with a fresh context, inside a transaction when the database is open. */
  runInTransaction<T>(kind: 'query' | 'mutation' | 'none', work: (ctx: HandlerContext) => T): T;
}

/** What still works when the database is not open, by the reason it is not. */
const availableWithout: Record<Exclude<DatabaseState['kind'], 'ok'>, ReadonlySet<ProcedureName>> = {
  damaged: new Set([
    'session:status',
    'recovery:backups',
    'recovery:restore',
    'recovery:startEmpty',
  ]),
  'too-new': new Set(['session:status']),
  unavailable: new Set(['session:status', 'recovery:retry']),
};

const unavailableError = {
  damaged: 'DATABASE_DAMAGED',
  'too-new': 'DATABASE_TOO_NEW',
  unavailable: 'DATABASE_UNAVAILABLE',
} as const;

function allowed(access: Access, user: SessionUser | null): AppError | null {
  if (access === 'public') return null;
  if (!user) return new AppError('UNAUTHENTICATED');
  if (access === 'signed-in') return null;
  return access.some((role) => user.roles.includes(role)) ? null : new AppError('FORBIDDEN');
}

function validationError(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    // A refinement names its problem in its message (a validation.json key such as in_future).
    fields[path] ??= issue.code === 'custom' ? issue.message : issue.code;
  }
  return new AppError('VALIDATION', 'invalid input', fields);
}

export function toErrorResult(error: unknown): ApiResult<never> {
  if (error instanceof AppError) {
    return {
      ok: false,
      error: {
        code: error.code,
        message: error.message,
        ...(error.fields ? { fields: error.fields } : {}),
      },
    };
  }
  // Unexpected: log for developers, give the clerk a code the UI translates, never a stack trace.
  console.error('[core] unexpected error', error);
  return { ok: false, error: { code: 'INTERNAL', message: 'internal error' } };
}

/**
 * The one entry point for every call (DESIGN.md, One API): find the procedure, check the caller
 * from the session core holds, validate the input with zod, run the handler in a transaction, and
 * answer with a typed result whose error codes the renderer translates.
 *
 * Authorization comes before validation on purpose: a caller who may not use a procedure learns
 * nothing about its input schema.
 */
export function dispatch(
  target: DispatchTarget,
  name: unknown,
  rawInput: unknown,
): ApiResult<unknown> {
  try {
    if (typeof name !== 'string' || !knownNames.has(name)) {
      return toErrorResult(new AppError('UNKNOWN_PROCEDURE', `unknown procedure ${String(name)}`));
    }
    const procedureName = name as ProcedureName;
    const procedure = contract[procedureName];
    const database = target.databaseState().kind;
    if (database !== 'ok' && !availableWithout[database].has(procedureName)) {
      throw new AppError(unavailableError[database]);
    }
    if (procedure.access !== 'public' && target.checkLock()) throw new AppError('LOCKED');
    const denied = allowed(procedure.access, target.currentUser());
    if (denied) throw denied;
    const parsed = procedure.input.safeParse(rawInput);
    if (!parsed.success) throw validationError(parsed.error);
    const handler = handlers[procedureName] as Handler<ProcedureName>;
    const kind = runsOutsideTransaction.has(procedureName) ? 'none' : procedure.kind;
    // The output passes its schema inside the transaction: unknown fields are dropped (nothing
    // such as a password hash can reach the window by accident) and a wrong shape rolls back.
    const value = target.runInTransaction(kind, (ctx) =>
      procedure.output.parse(handler(ctx, parsed.data as never)),
    );
    if (procedure.access !== 'public') target.touch();
    return { ok: true, value };
  } catch (error) {
    return toErrorResult(error);
  }
}
