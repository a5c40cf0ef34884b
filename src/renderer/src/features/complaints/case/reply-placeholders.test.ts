import { describe, expect, it } from 'vitest';
import type {
  CaseCitizen,
  CaseDetail,
} from '../../../../../shared/api/procedures/cases.procedures';
import { fillTemplate } from '../../../../../shared/complaints/reply-template';
import { letterReply } from './letter-reply';
import { draftValues, letterBody } from './reply-placeholders';

const template =
  'السيد(ة) {{citizen_name}}، جوابا على شكايتكم رقم {{number}} بتاريخ {{received_on}} حول {{subject}}.';

const own: CaseCitizen = {
  complaintId: 'c1',
  number: 'PC01-2026-0001',
  name: 'محمد العلمي',
  phone: null,
  email: null,
  address: 'زنقة 5، حي المنزه',
};
const joined: CaseCitizen = {
  ...own,
  complaintId: 'c2',
  number: 'PC01-2026-0009',
  name: 'خديجة بنعلي',
};

function detailWith(citizens: CaseCitizen[]) {
  return {
    id: own.complaintId,
    citizenName: own.name,
    number: own.number,
    receivedOn: '2026-03-02',
    subject: 'عمود إنارة مكسور',
    citizens,
  } as CaseDetail;
}

describe('reply placeholders', () => {
  it('fill everything when the answer goes to one citizen', () => {
    const body = fillTemplate(template, draftValues(detailWith([own]), 'ar'));
    expect(body).toBe(
      'السيد(ة) محمد العلمي، جوابا على شكايتكم رقم PC01-2026-0001 بتاريخ 2 مارس 2026 حول عمود إنارة مكسور.',
    );
  });

  it('keep name and number for each letter when merged cases share the answer', () => {
    const detail = detailWith([own, joined]);
    const body = fillTemplate(template, draftValues(detail, 'fr'));
    expect(body).toContain('{{citizen_name}}');
    expect(body).toContain('{{number}}');
    expect(body).toContain('2 mars 2026');
    const letter = letterBody(body, detail, joined, 'fr');
    expect(letter).toContain('خديجة بنعلي');
    expect(letter).toContain('PC01-2026-0009');
    expect(letter).not.toContain('{{');
  });

  it('address a merged case citizen by name and number even if the reply was drafted before', () => {
    const detail = detailWith([own, joined]);
    const drafted = fillTemplate(template, draftValues(detailWith([own]), 'ar'));
    const letter = letterBody(drafted, detail, joined, 'ar');
    expect(letter).toContain('السيد(ة) خديجة بنعلي');
    expect(letter).toContain('رقم PC01-2026-0009');
    expect(letter).not.toContain(own.name);
    expect(letterBody(drafted, detail, own, 'ar')).toBe(drafted);
  });

  it('print the latest approved reply, never a draft', () => {
    const reply = (id: string, status: 'draft' | 'approved' | 'delivered') =>
      ({ id, status }) as CaseDetail['replies'][number];
    expect(letterReply({ replies: [reply('a', 'delivered'), reply('b', 'draft')] })?.id).toBe('a');
    expect(letterReply({ replies: [reply('a', 'delivered'), reply('b', 'approved')] })?.id).toBe(
      'b',
    );
    expect(letterReply({ replies: [reply('a', 'draft')] })).toBeNull();
  });
});
