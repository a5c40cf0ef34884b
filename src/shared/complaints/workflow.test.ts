import { describe, expect, it } from 'vitest';
import {
  approveRefusal,
  assignAnyoneRefusal,
  assignRefusal,
  closeRefusal,
  closeRefusalWithTies,
  mergeRefusal,
  mergeSourceRefusal,
  reopenRefusal,
  resumedStatus,
  routeRefusal,
  workingStatus,
  type CaseFacts,
  type CaseTies,
  type Worker,
} from './workflow';

const roads = 'dep-roads';
const lighting = 'dep-lighting';
const clerk: Worker = { id: 'c', roles: ['clerk'], departmentId: roads };
const head: Worker = { id: 'h', roles: ['head'], departmentId: roads };
const otherHead: Worker = { id: 'h2', roles: ['head'], departmentId: lighting };
const director: Worker = { id: 'd', roles: ['director'], departmentId: null };
const fresh: CaseFacts = { status: 'received', departmentId: null, assigneeId: null };
const routed: CaseFacts = { status: 'routed', departmentId: roads, assigneeId: null };
const roadsClerk = { roles: ['clerk'] as const, departmentId: roads, active: true };

describe('case workflow rules', () => {
  it('lets a clerk route a new case, and only heads move a routed one', () => {
    expect(routeRefusal(clerk, fresh)).toBeNull();
    expect(routeRefusal(clerk, routed)).toBe('CASE_ALREADY_ROUTED');
    expect(routeRefusal(head, routed)).toBeNull();
    expect(routeRefusal(head, { ...routed, status: 'closed' })).toBe('CASE_NOT_PENDING');
  });

  it('lets a clerk assign within their department only, and heads anywhere', () => {
    expect(assignRefusal(clerk, routed, roadsClerk)).toBeNull();
    expect(assignRefusal(clerk, routed, { ...roadsClerk, departmentId: lighting })).toBe(
      'NOT_YOUR_DEPARTMENT',
    );
    expect(assignRefusal(clerk, { ...routed, departmentId: lighting }, roadsClerk)).toBe(
      'NOT_YOUR_DEPARTMENT',
    );
    expect(assignRefusal(otherHead, routed, roadsClerk)).toBeNull();
  });

  it('never assigns to an inactive user or one who does not work cases', () => {
    expect(assignRefusal(head, routed, { ...roadsClerk, active: false })).toBe(
      'ASSIGNEE_NOT_ELIGIBLE',
    );
    expect(assignRefusal(head, routed, { ...roadsClerk, roles: ['editor'] })).toBe(
      'ASSIGNEE_NOT_ELIGIBLE',
    );
  });

  it("lets the case's head or the director approve, not a clerk or another department's head", () => {
    expect(approveRefusal(head, routed)).toBeNull();
    expect(approveRefusal(director, routed)).toBeNull();
    expect(approveRefusal(clerk, routed)).toBe('NOT_CASE_LEAD');
    expect(approveRefusal(otherHead, routed)).toBe('NOT_CASE_LEAD');
  });

  it('merges only pending cases, by heads', () => {
    expect(mergeRefusal(head, routed, routed)).toBeNull();
    expect(mergeRefusal(clerk, routed, routed)).toBe('NOT_CASE_LEAD');
    expect(mergeRefusal(head, routed, { ...routed, status: 'merged' })).toBe('CASE_NOT_PENDING');
  });

  it('merges only for whoever leads the source and the target, like closing', () => {
    const lightingCase: CaseFacts = { ...routed, departmentId: lighting };
    expect(mergeRefusal(otherHead, routed, routed)).toBe('NOT_CASE_LEAD');
    expect(mergeRefusal(head, routed, lightingCase)).toBe('NOT_CASE_LEAD');
    expect(mergeRefusal(head, lightingCase, routed)).toBe('NOT_CASE_LEAD');
    // A case not routed yet is led by the director only: route it first.
    expect(mergeRefusal(head, routed, fresh)).toBe('NOT_CASE_LEAD');
    expect(mergeRefusal(director, routed, lightingCase)).toBeNull();
  });

  it('keeps out of a merge a source whose reply is with the head or approved', () => {
    const none = { replyUnderWay: null };
    expect(mergeSourceRefusal(head, routed, routed, none)).toBeNull();
    expect(mergeSourceRefusal(head, routed, routed, { replyUnderWay: 'submitted' })).toBe(
      'REPLY_UNDER_WAY',
    );
    expect(mergeSourceRefusal(head, routed, routed, { replyUnderWay: 'approved' })).toBe(
      'REPLY_UNDER_WAY',
    );
    expect(mergeSourceRefusal(otherHead, routed, routed, none)).toBe('NOT_CASE_LEAD');
  });

  it('leaves a head without a department leading nothing; the director leads everywhere', () => {
    const floating: Worker = { id: 'h3', roles: ['head'], departmentId: null };
    expect(approveRefusal(floating, routed)).toBe('NOT_CASE_LEAD');
    expect(approveRefusal(floating, fresh)).toBe('NOT_CASE_LEAD');
    expect(closeRefusal(floating, routed)).toBe('CASE_NOT_CLOSABLE');
    expect(reopenRefusal(floating, { ...routed, status: 'closed' })).toBe('NOT_CASE_LEAD');
    expect(mergeRefusal(floating, routed, routed)).toBe('NOT_CASE_LEAD');
    expect(approveRefusal(director, fresh)).toBeNull();
  });

  it('keeps a pending case open while cases merged into it or its reply wait on it', () => {
    const free: CaseTies = { hasMergedCases: false, replyUnderWay: null };
    const holding: CaseTies = { hasMergedCases: true, replyUnderWay: null };
    expect(closeRefusalWithTies(head, routed, free)).toBeNull();
    expect(closeRefusalWithTies(head, routed, holding)).toBe('CASE_NOT_CLOSABLE');
    expect(closeRefusalWithTies(director, routed, holding)).toBe('CASE_NOT_CLOSABLE');
    expect(
      closeRefusalWithTies(
        head,
        { ...routed, status: 'approved' },
        {
          ...free,
          replyUnderWay: 'approved',
        },
      ),
    ).toBe('CASE_NOT_CLOSABLE');
    expect(
      closeRefusalWithTies(
        head,
        { ...routed, status: 'awaiting_approval' },
        {
          ...free,
          replyUnderWay: 'submitted',
        },
      ),
    ).toBe('CASE_NOT_CLOSABLE');
    // Answered: the merged citizens got the answer too.
    expect(closeRefusalWithTies(clerk, { ...routed, status: 'answered' }, holding)).toBeNull();
    expect(closeRefusalWithTies(otherHead, routed, free)).toBe('CASE_NOT_CLOSABLE');
  });

  it('offers assignment only to whoever could hand the case to someone', () => {
    expect(assignAnyoneRefusal(clerk, routed)).toBeNull();
    expect(assignAnyoneRefusal(clerk, { ...routed, departmentId: lighting })).toBe(
      'NOT_YOUR_DEPARTMENT',
    );
    expect(assignAnyoneRefusal(clerk, fresh)).toBe('NOT_YOUR_DEPARTMENT');
    expect(assignAnyoneRefusal(otherHead, routed)).toBeNull();
    expect(assignAnyoneRefusal(head, { ...routed, status: 'closed' })).toBe('CASE_NOT_PENDING');
  });

  it('closes answered cases for anyone, pending ones only for the lead, reopens for the lead', () => {
    expect(closeRefusal(clerk, { ...routed, status: 'answered' })).toBeNull();
    expect(closeRefusal(clerk, routed)).toBe('CASE_NOT_CLOSABLE');
    expect(closeRefusal(head, routed)).toBeNull();
    expect(closeRefusal(head, { ...routed, status: 'merged' })).toBe('CASE_NOT_CLOSABLE');
    expect(reopenRefusal(head, { ...routed, status: 'closed' })).toBeNull();
    expect(reopenRefusal(clerk, { ...routed, status: 'closed' })).toBe('NOT_CASE_LEAD');
    expect(reopenRefusal(head, routed)).toBe('CASE_NOT_REOPENABLE');
  });

  it('falls back to the status that matches who holds the case', () => {
    expect(workingStatus({ departmentId: null, assigneeId: null })).toBe('received');
    expect(workingStatus({ departmentId: roads, assigneeId: null })).toBe('routed');
    expect(workingStatus({ departmentId: roads, assigneeId: 'u' })).toBe('in_progress');
  });

  it('takes a case up again waiting on its reply when that reply is with the head or approved', () => {
    const held = { departmentId: roads, assigneeId: 'u' };
    expect(resumedStatus(held, 'submitted')).toBe('awaiting_approval');
    expect(resumedStatus(held, 'approved')).toBe('approved');
    expect(resumedStatus(held, null)).toBe('in_progress');
    expect(resumedStatus({ departmentId: roads, assigneeId: null }, null)).toBe('routed');
  });
});
