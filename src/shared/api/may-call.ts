import type { Role } from '../roles';
import { contract } from './contract';
import type { ProcedureName } from './procedure-names';

/** Whether these roles may call a procedure, by its declared access (the dispatcher's rule). */
export function mayCall(name: ProcedureName, roles: readonly Role[]): boolean {
  const access = contract[name].access;
  return (
    access === 'public' || access === 'signed-in' || access.some((role) => roles.includes(role))
  );
}
