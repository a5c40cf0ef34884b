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

/**
 * The director leads every case; a head leads the cases of their own department only. A head
 * without a department (an account not set up yet, or between departments) leads nothing: leading
 * everywhere is the director's role, never a default.
 */
function leadsCase(worker: Worker, facts: CaseFacts): boolean {
  if (worker.roles.includes('director')) return true;
  if (!worker.roles.includes('head')) return false;
  return worker.departmentId !== null && worker.departmentId === facts.departmentId;
}

export type Refusal =
  | 'CASE_NOT_PENDING'
  | 'CASE_ALREADY_ROUTED'
  | 'NOT_YOUR_DEPARTMENT'
  | 'NOT_CASE_LEAD'
  | 'ASSIGNEE_NOT_ELIGIBLE'
  | 'CASE_NOT_CLOSABLE'
  | 'CASE_NOT_REOPENABLE'
  | 'REPLY_UNDER_WAY';

/** What a case's other rows say, for the rules that look past its own columns. */
export interface CaseTies {
  /** Some case was merged into it: their citizens wait on its answer. */
  hasMergedCases: boolean;
  /** Its reply submitted to a head or approved and not yet given, if any. */
  replyUnderWay: 'submitted' | 'approved' | null;
}

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

/**
 * Whether the worker could hand the case to someone at all: to an active clerk of the case's
 * department. The screens offer Assign only then (a clerk would otherwise open an empty list).
 */
export function assignAnyoneRefusal(worker: Worker, facts: CaseFacts): Refusal | null {
  return assignRefusal(worker, facts, {
    roles: ['clerk'],
    departmentId: facts.departmentId,
    active: true,
  });
}

/**
 * The head who leads the case, or the director, approves its reply. That head may have drafted
 * the reply: small services have one person who writes and signs, and decree 2-17-265 asks for a
 * reasoned answer given in time, not for two signatures. So approving one's own draft is allowed
 * on purpose; the timeline names who drafted and who approved.
 */
export function approveRefusal(worker: Worker, facts: CaseFacts): Refusal | null {
  if (!isPending(facts.status)) return 'CASE_NOT_PENDING';
  return leadsCase(worker, facts) ? null : 'NOT_CASE_LEAD';
}

/**
 * Merging ends the source's own clock and hands its citizen to the target: like closing, it is
 * for whoever leads both cases, never a head of another department.
 */
export function mergeRefusal(worker: Worker, target: CaseFacts, source: CaseFacts): Refusal | null {
  if (!isPending(target.status) || !isPending(source.status)) return 'CASE_NOT_PENDING';
  return leadsCase(worker, target) && leadsCase(worker, source) ? null : 'NOT_CASE_LEAD';
}

/**
 * mergeRefusal, and a source whose reply is with the head or approved stays out: once merged it is
 * no longer pending, so that reply could be neither reviewed nor given. Review or deliver it first.
 */
export function mergeSourceRefusal(
  worker: Worker,
  target: CaseFacts,
  source: CaseFacts,
  sourceTies: Pick<CaseTies, 'replyUnderWay'>,
): Refusal | null {
  const refusal = mergeRefusal(worker, target, source);
  if (refusal !== null) return refusal;
  return sourceTies.replyUnderWay === null ? null : 'REPLY_UNDER_WAY';
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

/**
 * closeRefusal, and a pending case stays open while it owes someone an answer it is about to give:
 * cases merged into it (their citizens wait on its answer, which closing now would never send), or
 * a reply with the head or approved (answer or return it first). An answered case closes.
 */
export function closeRefusalWithTies(
  worker: Worker,
  facts: CaseFacts,
  ties: CaseTies,
): Refusal | null {
  const refusal = closeRefusal(worker, facts);
  if (refusal !== null || !isPending(facts.status)) return refusal;
  return ties.hasMergedCases || ties.replyUnderWay !== null ? 'CASE_NOT_CLOSABLE' : null;
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

/**
 * The status of a case taken up again (reopened): it still waits on a reply with the head or
 * approved, as after a reassignment; otherwise it goes back to whoever holds it.
 */
export function resumedStatus(
  facts: Pick<CaseFacts, 'departmentId' | 'assigneeId'>,
  replyUnderWay: CaseTies['replyUnderWay'],
): ComplaintStatus {
  if (replyUnderWay === 'submitted') return 'awaiting_approval';
  if (replyUnderWay === 'approved') return 'approved';
  return workingStatus(facts);
}
