import { describe, expect, it } from 'vitest';
import {
  approveRefusal,
  assignRefusal,
  closeRefusal,
  mergeRefusal,
  reopenRefusal,
  routeRefusal,
  workingStatus,
  type CaseFacts,
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
    expect(mergeRefusal(head, routed, fresh)).toBeNull();
    expect(mergeRefusal(clerk, routed, fresh)).toBe('NOT_CASE_LEAD');
    expect(mergeRefusal(head, routed, { ...fresh, status: 'merged' })).toBe('CASE_NOT_PENDING');
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
});
