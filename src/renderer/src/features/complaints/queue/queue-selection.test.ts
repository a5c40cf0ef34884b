import { describe, expect, it } from 'vitest';
import { noSelection, selectedIds } from './queue-selection';

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
