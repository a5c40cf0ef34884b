import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillTemplate, templatePlaceholders } from '../../shared/complaints/reply-template';
import { replyBodySchema } from '../../shared/tables/complaints.tables';
import { createTestCore, setUpAdmin, signInWithRoles, type TestCore } from '../testing/test-core';
import { categoryId, signInAs } from './complaint-fixtures';

let t: TestCore;
beforeEach(() => {
  t = createTestCore();
  setUpAdmin(t);
});
afterEach(() => t.dispose());

const draft = {
  categoryId: null,
  language: 'ar' as const,
  title: 'جواب: طلب وثيقة',
  body: 'السيد(ة) {{citizen_name}}، جوابا على طلبكم المسجل تحت عدد {{number}}...',
};

describe('reply templates', () => {
  it('seeds general answers and acknowledgements in both languages, and one for lighting', () => {
    const seeded = t.ok('replyTemplates:list', {});
    expect(seeded.map((r) => [r.language, r.categoryId === null ? 'general' : 'category'])).toEqual(
      [
        ['ar', 'general'],
        ['ar', 'general'],
        ['fr', 'general'],
        ['fr', 'general'],
        ['ar', 'category'],
      ],
    );
    expect(seeded.at(-1)?.categoryId).toBe(categoryId(t, 'الإنارة العمومية'));
    for (const template of seeded) {
      // Valid as if typed, and only known placeholders: none would stay as typed in a letter.
      expect(replyBodySchema.safeParse(template.body).success, template.title).toBe(true);
      const filled = fillTemplate(
        template.body,
        Object.fromEntries(templatePlaceholders.map((name) => [name, 'X'])) as never,
      );
      expect(filled, template.title).not.toMatch(/\{\{/);
      expect(template.body).toContain('{{citizen_name}}');
      expect(template.body).toContain('{{number}}');
    }
  });

  it('lets a head create, edit and delete a template; deleting leaves a tombstone', () => {
    signInWithRoles(t, ['head'], 'hind');
    const created = t.ok('replyTemplates:save', draft);
    const edited = t.ok('replyTemplates:save', {
      ...draft,
      id: created.id,
      title: 'جواب: وثيقة إدارية',
    });
    expect(edited).toMatchObject({ id: created.id, title: 'جواب: وثيقة إدارية' });
    expect(t.ok('replyTemplates:list', {}).filter((r) => r.id === created.id)).toHaveLength(1);

    expect(t.ok('replyTemplates:delete', { id: created.id })).toBeNull();
    expect(t.ok('replyTemplates:list', {}).map((r) => r.id)).not.toContain(created.id);
    expect(
      t.core.database().prepare('SELECT deleted FROM reply_templates WHERE id = ?').get(created.id),
    ).toEqual({ deleted: 1 });
    expect(t.call('replyTemplates:save', { ...draft, id: created.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(t.call('replyTemplates:delete', { id: created.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('refuses an unknown category and a body too short to answer', () => {
    signInAs(t, 'admin');
    expect(
      t.call('replyTemplates:save', {
        ...draft,
        categoryId: '01970000-0000-7000-8000-000000000000',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { categoryId: 'not_found' } },
    });
    expect(t.call('replyTemplates:save', { ...draft, body: 'شكرا' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { body: 'too_small' } },
    });
  });

  it('is read by clerks and the director, written by heads and administrators only', () => {
    signInWithRoles(t, ['clerk'], 'karim');
    expect(t.ok('replyTemplates:list', {})).toHaveLength(5);
    expect(t.call('replyTemplates:save', draft)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    signInWithRoles(t, ['director'], 'driss');
    expect(t.ok('replyTemplates:list', {})).toHaveLength(5);
    expect(
      t.call('replyTemplates:delete', { id: '01970000-7e3b-7000-8000-000000000001' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
