import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, setUpAdmin, signInWithRoles, type TestCore } from '../testing/test-core';
import { countRows, createStaff, signInAs } from './complaint-fixtures';

let t: TestCore;
beforeEach(() => {
  t = createTestCore();
  setUpAdmin(t);
});
afterEach(() => t.dispose());

const newCategory = {
  nameAr: 'الإشهار',
  nameFr: 'Affichage publicitaire',
  departmentId: null,
  defaultAssigneeId: null,
  position: 115,
  active: true,
};

describe('categories', () => {
  it("seeds the commune's categories in order, with the same ids everywhere and nothing to sync", () => {
    const seeded = t.ok('categories:list', {});
    expect(seeded.map((c) => c.nameAr)).toEqual([
      'الإنارة العمومية',
      'الطرق والأزقة',
      'جمع النفايات',
      'التطهير السائل وقنوات الصرف',
      'المساحات الخضراء',
      'الأسواق',
      'التعمير ورخص البناء',
      'الضجيج',
      'الحيوانات الضالة',
      'الحالة المدنية',
      'أخرى',
    ]);
    expect(seeded[0]).toEqual({
      id: '01970000-ca7e-7000-8000-000000000001',
      nameAr: 'الإنارة العمومية',
      nameFr: 'Éclairage public',
      departmentId: null,
      defaultAssigneeId: null,
      position: 10,
      active: true,
    });
    expect(seeded.at(-1)?.id).toBe('01970000-ca7e-7000-8000-00000000000b');
    const logged = t.core
      .database()
      .prepare("SELECT count(*) AS n FROM changes WHERE tbl IN ('categories', 'reply_templates')")
      .get() as { n: number };
    expect(logged.n).toBe(0);
  });

  it('lets the administrator add a category, route it, and retire it from intake', () => {
    const department = t.ok('departments:create', {
      nameAr: 'قسم الشؤون الاقتصادية',
      nameFr: 'Affaires économiques',
    });
    const clerk = createStaff(t, 'salma', ['clerk'], department.id);
    const created = t.ok('categories:create', {
      ...newCategory,
      departmentId: department.id,
      defaultAssigneeId: clerk,
    });
    expect(created).toMatchObject({
      nameAr: 'الإشهار',
      departmentId: department.id,
      defaultAssigneeId: clerk,
    });
    expect(t.ok('categories:list', {}).map((c) => c.id)).toContain(created.id);

    const retired = t.ok('categories:update', { ...created, active: false });
    expect(retired.active).toBe(false);
    expect(t.ok('categories:list', {}).map((c) => c.id)).not.toContain(created.id);
    expect(t.ok('categories:list', { includeInactive: true }).map((c) => c.id)).toContain(
      created.id,
    );
  });

  it('refuses an unknown department, an unknown or ineligible assignee, an unknown category', () => {
    const director = createStaff(t, 'driss', ['director']);
    const expectRefused = (result: { ok: boolean }, error: object) =>
      expect(result).toMatchObject({ ok: false, error });
    const before = countRows(t, 'categories');
    expectRefused(
      t.call('categories:create', {
        ...newCategory,
        departmentId: '01970000-0000-7000-8000-000000000000',
      }),
      { code: 'VALIDATION', fields: { departmentId: 'not_found' } },
    );
    expectRefused(
      t.call('categories:create', {
        ...newCategory,
        defaultAssigneeId: '01970000-0000-7000-8000-000000000000',
      }),
      { code: 'VALIDATION', fields: { defaultAssigneeId: 'not_found' } },
    );
    expectRefused(t.call('categories:create', { ...newCategory, defaultAssigneeId: director }), {
      code: 'ASSIGNEE_NOT_ELIGIBLE',
    });
    expectRefused(
      t.call('categories:update', { ...newCategory, id: '01970000-0000-7000-8000-000000000000' }),
      { code: 'NOT_FOUND' },
    );
    expect(countRows(t, 'categories')).toBe(before);
  });

  it('is read by every signed-in user and edited by the administrator only', () => {
    signInWithRoles(t, ['head'], 'hind');
    expect(t.ok('categories:list', {})).toHaveLength(11);
    expect(t.call('categories:create', newCategory)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    signInAs(t, 'admin');
    expect(t.call('categories:create', newCategory).ok).toBe(true);
  });
});
