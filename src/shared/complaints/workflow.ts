import type { Role } from '../roles';
import type { ComplaintStatus } from './complaint-values';
import { isPending } from './complaint-values';

/**
 * Who may do what to a case (DOMAIN.md, People and roles). The contract lets the roles in; these
 * rules decide per case, in core and again on the server for every synced change.
 */

/** Register, triage, draft, note: the clerks and their heads. */
export const caseWorkerRoles = ['clerk', 'head'] as const satisfies readonly Role[];
/** Everyone who reads the complaints register: the director and the president read all. */
export const complaintReaderRoles = [
  'clerk',
  'head',
  'director',
  'president',
] as const satisfies readonly Role[];
/** Approve replies, reassign across departments, merge, reopen. */
export const approverRoles = ['head', 'director'] as const satisfies readonly Role[];
/** The CIN is shown in full only to these (law 09-08); others see it masked. */
export const cinReaderRoles = ['head', 'director', 'president'] as const satisfies readonly Role[];
/** Statistics of the register. */
export const complaintStatsRoles = [
  'head',
  'director',
  'president',
] as const satisfies readonly Role[];

export interface Worker {
  id: string;
  roles: readonly Role[];
  departmentId: string | null;
}

export interface CaseFacts {
  status: ComplaintStatus;
  departmentId: string | null;
  assigneeId: string | null;
}

const has = (worker: Worker, roles: readonly Role[]) => worker.roles.some((r) => roles.includes(r));

/** The director approves anywhere; a head within their department (or anywhere without one). */
function leadsCase(worker: Worker, facts: CaseFacts): boolean {
  if (worker.roles.includes('director')) return true;
  if (!worker.roles.includes('head')) return false;
  return worker.departmentId === null || worker.departmentId === facts.departmentId;
}

export type Refusal =
  | 'CASE_NOT_PENDING'
  | 'CASE_ALREADY_ROUTED'
  | 'NOT_YOUR_DEPARTMENT'
  | 'NOT_CASE_LEAD'
  | 'ASSIGNEE_NOT_ELIGIBLE'
  | 'CASE_NOT_CLOSABLE'
  | 'CASE_NOT_REOPENABLE';

/** null when allowed, else the reason (an error code the screens translate). */
export function routeRefusal(worker: Worker, facts: CaseFacts): Refusal | null {
  if (!isPending(facts.status)) return 'CASE_NOT_PENDING';
  if (has(worker, approverRoles)) return null;
  // A clerk sends a new case to its department; moving it elsewhere is the heads' call.
  return facts.departmentId === null ? null : 'CASE_ALREADY_ROUTED';
}

export interface Assignee {
  roles: readonly Role[];
  departmentId: string | null;
  active: boolean;
}

export function assignRefusal(
  worker: Worker,
  facts: CaseFacts,
  assignee: Assignee,
): Refusal | null {
  if (!isPending(facts.status)) return 'CASE_NOT_PENDING';
  if (
    !assignee.active ||
    !assignee.roles.some((r) => (caseWorkerRoles as readonly Role[]).includes(r))
  )
    return 'ASSIGNEE_NOT_ELIGIBLE';
  if (has(worker, approverRoles)) return null;
  // A clerk hands out work within their own department only.
  if (worker.departmentId === null || facts.departmentId !== worker.departmentId)
    return 'NOT_YOUR_DEPARTMENT';
  return assignee.departmentId === worker.departmentId ? null : 'NOT_YOUR_DEPARTMENT';
}

export function approveRefusal(worker: Worker, facts: CaseFacts): Refusal | null {
  if (!isPending(facts.status)) return 'CASE_NOT_PENDING';
  return leadsCase(worker, facts) ? null : 'NOT_CASE_LEAD';
}

export function mergeRefusal(worker: Worker, target: CaseFacts, source: CaseFacts): Refusal | null {
  if (!isPending(target.status) || !isPending(source.status)) return 'CASE_NOT_PENDING';
  return has(worker, approverRoles) ? null : 'NOT_CASE_LEAD';
}

/**
 * A case is closed with a resolution once answered; a head may also close a pending case (a
 * suggestion recorded, a complaint withdrawn), never a merged one.
 */
export function closeRefusal(worker: Worker, facts: CaseFacts): Refusal | null {
  if (facts.status === 'answered') return null;
  if (isPending(facts.status)) return leadsCase(worker, facts) ? null : 'CASE_NOT_CLOSABLE';
  return 'CASE_NOT_CLOSABLE';
}

/** Decree 2-17-265: a closed complaint can be reopened, by those who lead the case. */
export function reopenRefusal(worker: Worker, facts: CaseFacts): Refusal | null {
  if (facts.status !== 'closed' && facts.status !== 'answered') return 'CASE_NOT_REOPENABLE';
  return leadsCase(worker, facts) ? null : 'NOT_CASE_LEAD';
}

/** The status a pending case falls back to when its reply is returned or it is reopened. */
export function workingStatus(
  facts: Pick<CaseFacts, 'departmentId' | 'assigneeId'>,
): ComplaintStatus {
  if (facts.assigneeId !== null) return 'in_progress';
  return facts.departmentId !== null ? 'routed' : 'received';
}
