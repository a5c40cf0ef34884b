import { describe, expect, it } from 'vitest';
import { bulkPermissions, noSelection, selectedIds } from './queue-selection';

describe('selectedIds', () => {
  const page = ['a', 'b', 'c'];

  it('keeps only the checked rows of the page on screen, in the page order', () => {
    expect(selectedIds({ type: 'include', ids: new Set(['c', 'a', 'gone']) }, page)).toEqual([
      'a',
      'c',
    ]);
  });

  it('reads an "all but" selection against the page, never the whole register', () => {
    expect(selectedIds({ type: 'exclude', ids: new Set(['b']) }, page)).toEqual(['a', 'c']);
  });

  it('selects nothing by default', () => {
    expect(selectedIds(noSelection, page)).toEqual([]);
  });
});

describe('bulkPermissions', () => {
  const roads = 'dep-roads';
  const lighting = 'dep-lighting';
  const clerk = { id: 'c1', roles: ['clerk' as const], departmentId: roads };
  const head = { id: 'h1', roles: ['head' as const], departmentId: lighting };
  const fresh = { status: 'received' as const, departmentId: null, assigneeId: null };
  const routed = { status: 'routed' as const, departmentId: roads, assigneeId: null };
  const elsewhere = { ...routed, departmentId: lighting };

  it('offers a clerk the route of new cases only, and assignment within their department only', () => {
    expect(bulkPermissions(clerk, [fresh])).toEqual({ route: true, assign: false });
    expect(bulkPermissions(clerk, [routed])).toEqual({ route: false, assign: true });
    expect(bulkPermissions(clerk, [routed, elsewhere])).toEqual({ route: false, assign: false });
  });

  it('offers a head both on any pending case, and nothing on a closed one or none', () => {
    expect(bulkPermissions(head, [fresh, routed, elsewhere])).toEqual({
      route: true,
      assign: true,
    });
    expect(bulkPermissions(head, [routed, { ...routed, status: 'closed' }])).toEqual({
      route: false,
      assign: false,
    });
    expect(bulkPermissions(head, [])).toEqual({ route: false, assign: false });
  });
});
