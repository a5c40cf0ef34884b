import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, setUpAdmin, type TestCore } from '../testing/test-core';
import { categoryId, createStaff, intakeInput, signInAs } from './complaint-fixtures';
import { searchWindow } from './queue-search';

let t: TestCore;

beforeAll(() => {
  t = createTestCore();
  setUpAdmin(t);
  createStaff(t, 'nadia', ['clerk']);
  signInAs(t, 'nadia');
  const roads = categoryId(t, 'الطرق والأزقة');
  // One more than the search keeps: the oldest matches of a common word fall out of the window.
  for (let i = 0; i <= searchWindow; i += 1)
    t.ok('complaints:create', intakeInput(roads, { citizenName: `مواطن رقم ${i + 1}` }));
});
afterAll(() => t.dispose());

const search = (text: string) =>
  t.ok('complaints:queue', {
    view: 'all',
    page: 0,
    pageSize: 10,
    sort: { field: 'daysLeft', direction: 'asc' },
    filters: {},
    search: text,
  });

describe('complaints:queue limits', () => {
  it('says when a search kept only its newest matches, so the screen asks for a narrower one', () => {
    const common = search('حفرة');
    expect(common.total).toBe(searchWindow);
    expect(common.limited).toBe(true);
  });

  it('says nothing when every match was kept', () => {
    const rare = search('مواطن رقم 1001');
    expect(rare.limited).toBe(false);
    expect(rare.rows.map((row) => row.citizenName)).toContain('مواطن رقم 1001');
  });
});
