import { describe, expect, it } from 'vitest';
import { parseHash, sectionOf } from './routes';

describe('routes', () => {
  it('reads a page and a record id from the hash, and falls back to home', () => {
    expect(parseHash('#/complaints')).toEqual({ route: 'complaints', param: null });
    expect(parseHash('#/complaints/case/0193a1b2-0000-7000-8000-000000000001')).toEqual({
      route: 'complaints/case',
      param: '0193a1b2-0000-7000-8000-000000000001',
    });
    expect(parseHash('#/complaints/case/not-an-id')).toEqual({ route: 'home', param: null });
    expect(parseHash('#/nowhere')).toEqual({ route: 'home', param: null });
    expect(parseHash('')).toEqual({ route: 'home', param: null });
  });

  it('highlights the section a page belongs to', () => {
    expect(sectionOf('complaints/case')).toBe('complaints');
    expect(sectionOf('admin/users')).toBe('admin/users');
  });
});
