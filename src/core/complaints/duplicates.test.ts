import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/api/contract';
import { createTestCore, setUpAdmin, signInWithRoles, type TestCore } from '../testing/test-core';
import { categoryId, editComplaint, intakeInput } from './complaint-fixtures';
import { duplicateThreshold, sameDistrictBonus } from './duplicates.service';

let t: TestCore;
let lighting: string;
const ids: Record<string, string> = {};

const fallenLights = {
  subject: 'انقطاع الإنارة العمومية بزنقة المسيرة',
  description: 'الأعمدة الكهربائية مطفأة منذ أسبوع والزنقة مظلمة ليلا مما يشكل خطرا على المارة.',
  district: 'حي المسيرة',
};

beforeAll(() => {
  t = createTestCore();
  setUpAdmin(t);
  lighting = categoryId(t, 'الإنارة العمومية');
  const roads = categoryId(t, 'الطرق والأزقة');
  signInWithRoles(t, ['clerk'], 'karim');
  const create = (name: string, input: InputOf<'complaints:create'>) => {
    ids[name] = t.ok('complaints:create', input).id;
  };
  create('original', intakeInput(lighting, { ...fallenLights, receivedOn: '2026-11-25' }));
  create(
    'samePoleLeaning',
    intakeInput(lighting, {
      subject: 'عمود إنارة مائل في زنقة المسيرة',
      description: 'عمود الإنارة العمومية مائل بشكل خطير بعد العاصفة ويهدد المارة.',
      district: 'حي المسيرة',
      receivedOn: '2026-11-20',
    }),
  );
  create(
    'unrelated',
    intakeInput(lighting, {
      subject: 'طلب تركيب عمود إنارة جديد قرب الملعب',
      description:
        'نقترح إضافة عمود إنارة في الساحة المجاورة للملعب البلدي لتشجيع الشباب على الرياضة ليلا.',
      district: 'حي المسيرة',
      receivedOn: '2026-11-28',
    }),
  );
  create('stale', intakeInput(lighting, { ...fallenLights, receivedOn: '2026-08-31' }));
  create('otherCategory', intakeInput(roads, { ...fallenLights, receivedOn: '2026-11-25' }));
  create('merged', intakeInput(lighting, { ...fallenLights, receivedOn: '2026-11-26' }));
  editComplaint(t, ids.merged!, { status: 'merged', merged_into: ids.original! });
});
afterAll(() => t.dispose());

const duplicates = (text: string, district: string, excludeId?: string) =>
  t.ok('complaints:duplicates', {
    categoryId: lighting,
    district,
    text,
    ...(excludeId ? { excludeId } : {}),
  });
const nameOf = (id: string) => Object.keys(ids).find((name) => ids[name] === id);

describe('complaints:duplicates', () => {
  // Another clerk typing the same complaint: no hamza, ta marbuta as ha, other words.
  const sameInOtherWords =
    'الاناره العموميه مقطوعه في زنقه المسيره الاعمده مطفاه من اسبوع و الزنقه مظلمه في الليل';
  const sameRetold = 'ضوء الشارع مقطوع - زنقة المسيرة بدون إنارة منذ أسبوع، أعمدة الإنارة لا تشتغل';

  it('finds the same complaint written two other ways, first, and not an unrelated one', () => {
    for (const text of [sameInOtherWords, sameRetold]) {
      const found = duplicates(text, 'حى المسيرة');
      expect(nameOf(found[0]!.id), text).toBe('original');
      expect(found.map((candidate) => nameOf(candidate.id))).not.toContain('unrelated');
      expect(found[0]!.score).toBeGreaterThanOrEqual(duplicateThreshold);
      expect(found[0]).toMatchObject({ subject: fallenLights.subject, status: 'received' });
    }
  });

  it('keeps the threshold between the two: the unrelated one scores below it', () => {
    // The district bonus alone never makes a suggestion.
    expect(sameDistrictBonus).toBeLessThan(duplicateThreshold);
    const unrelatedText = 'نطلب تركيب عمود إنارة جديد قرب الملعب البلدي';
    expect(duplicates(unrelatedText, 'حي المسيرة').map((c) => nameOf(c.id))).toContain('unrelated');
    expect(duplicates(sameRetold, 'حي المسيرة').map((c) => nameOf(c.id))).not.toContain(
      'unrelated',
    );
  });

  it('leaves out old, merged and other-category cases, and the case itself', () => {
    const found = duplicates(`${fallenLights.subject} ${fallenLights.description}`, 'حي المسيرة');
    const names = found.map((candidate) => nameOf(candidate.id));
    expect(names).toContain('original');
    for (const absent of ['stale', 'merged', 'otherCategory']) expect(names).not.toContain(absent);
    expect(
      duplicates(fallenLights.description, 'حي المسيرة', ids.original).map((c) => nameOf(c.id)),
    ).not.toContain('original');
  });

  it('counts the district: the same words elsewhere in town score lower', () => {
    const here = duplicates(sameRetold, 'حي المسيرة')[0]!;
    const elsewhere = duplicates(sameRetold, 'حي السلام');
    expect(elsewhere.find((c) => c.id === here.id)?.score ?? 0).toBeLessThan(here.score);
  });
});
