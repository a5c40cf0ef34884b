import type { CaseDetail, CaseReply } from '../../../../../shared/api/procedures/cases.procedures';

/**
 * The reply a letter carries: the latest one a head approved (still to give, or already given).
 * The letter's route holds the case id, so the letter also reaches the citizens of merged cases.
 */
export function letterReply(detail: Pick<CaseDetail, 'replies'>): CaseReply | null {
  return (
    detail.replies.findLast(
      (reply) => reply.status === 'approved' || reply.status === 'delivered',
    ) ?? null
  );
}
