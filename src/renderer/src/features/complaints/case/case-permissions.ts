import type { ProcedureName } from '../../../../../shared/api/procedure-names';
import type { CaseDetail, CaseReply } from '../../../../../shared/api/procedures/cases.procedures';
import type { AssigneeRow } from '../../../../../shared/api/procedures/complaints.procedures';
import type { SessionUser } from '../../../../../shared/api/procedures/session.procedures';
import { isPending, type ReplyStatus } from '../../../../../shared/complaints/complaint-values';
import {
  approveRefusal,
  assignAnyoneRefusal,
  assignRefusal,
  closeRefusalWithTies,
  mergeRefusal,
  reopenRefusal,
  routeRefusal,
  type CaseFacts,
  type CaseTies,
  type Worker,
} from '../../../../../shared/complaints/workflow';
import { mayCall } from '../../../../../shared/api/may-call';

/** What the signed-in user may do on this case: the buttons core would refuse stay hidden. */
export interface CasePermissions {
  route: boolean;
  assign: boolean;
  triage: boolean;
  acknowledge: boolean;
  markCalled: boolean;
  addNote: boolean;
  addAttachment: boolean;
  /** Start a new reply: none is being drafted, reviewed or waiting to be given. */
  draftReply: boolean;
  /** Edit and submit the reply in draft or returned. */
  editReply: boolean;
  review: boolean;
  deliver: boolean;
  merge: boolean;
  close: boolean;
  reopen: boolean;
}

type CaseUser = Pick<SessionUser, 'id' | 'roles' | 'departmentId'>;

function workerOf(user: CaseUser): Worker {
  return { id: user.id, roles: user.roles, departmentId: user.departmentId };
}

function factsOf(detail: CaseDetail): CaseFacts {
  return {
    status: detail.status,
    departmentId: detail.departmentId,
    assigneeId: detail.assigneeId,
  };
}

/** What core reads from the case's other rows, as the detail shows them. */
function tiesOf(detail: CaseDetail): CaseTies {
  const underWay = (status: ReplyStatus): status is 'submitted' | 'approved' =>
    status === 'submitted' || status === 'approved';
  return {
    // The first citizen is the case's own; the others come from cases merged into it.
    hasMergedCases: detail.citizens.length > 1,
    replyUnderWay: detail.replies.map((reply) => reply.status).find(underWay) ?? null,
  };
}

/** The reply a clerk is working on, if any: the draft, or the one a head sent back. */
export function editableReply(replies: readonly CaseReply[]): CaseReply | null {
  return (
    replies.findLast((reply) => reply.status === 'draft' || reply.status === 'returned') ?? null
  );
}

export function casePermissions(user: CaseUser, detail: CaseDetail): CasePermissions {
  const worker = workerOf(user);
  const facts = factsOf(detail);
  const pending = isPending(detail.status);
  const may = (name: ProcedureName) => mayCall(name, user.roles);
  const ties = tiesOf(detail);
  const replyBusy = ties.replyUnderWay !== null;
  const working = pending && detail.status !== 'awaiting_approval' && detail.status !== 'approved';
  const hasEditable = editableReply(detail.replies) !== null;
  return {
    route: may('cases:route') && routeRefusal(worker, facts) === null,
    // Only when there is someone this user may hand it to (a clerk: within their department).
    assign: may('cases:assign') && assignAnyoneRefusal(worker, facts) === null,
    triage: may('cases:triage') && pending,
    acknowledge: may('cases:acknowledge') && pending && detail.acknowledgedOn === null,
    markCalled: may('cases:markCalled') && detail.callToday,
    addNote: may('cases:addNote') && detail.status !== 'merged',
    addAttachment: may('cases:addAttachment') && detail.status !== 'merged',
    draftReply: may('cases:saveReply') && working && !replyBusy && !hasEditable,
    editReply: may('cases:saveReply') && working && hasEditable,
    review:
      may('cases:reviewReply') &&
      detail.replies.some((reply) => reply.status === 'submitted') &&
      approveRefusal(worker, facts) === null,
    deliver:
      may('cases:deliverReply') && pending && detail.replies.some((r) => r.status === 'approved'),
    // Whether a given source may join is checked per source; here: may this user merge into it.
    merge: may('cases:merge') && mergeRefusal(worker, facts, facts) === null,
    close: may('cases:close') && closeRefusalWithTies(worker, facts, ties) === null,
    reopen: may('cases:reopen') && reopenRefusal(worker, facts) === null,
  };
}

/** Whether this user may hand the case to a person (assignRefusal; assignees are all active). */
export function mayAssignTo(
  user: CaseUser,
  detail: CaseDetail,
): (assignee: AssigneeRow) => boolean {
  const worker = workerOf(user);
  const facts = factsOf(detail);
  return (assignee) => assignRefusal(worker, facts, { ...assignee, active: true }) === null;
}
