import { describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../../../../shared/api/procedures/complaints.procedures';
import { intakeProblems } from './intake-problems';

const today = '2026-03-10';
const complete: IntakeInput = {
  kind: 'complaint',
  channel: 'in_person',
  urgent: true,
  receivedOn: today,
  citizenName: 'محمد العلمي',
  citizenPhone: '٠٦١٢٣٤٥٦٧٨',
  citizenEmail: '',
  citizenAddress: '',
  citizenCin: '',
  subject: 'عمود إنارة ساقط',
  description: 'سقط عمود الإنارة العمومية قرب المدرسة ويشكل خطرا على التلاميذ.',
  district: 'حي السلام',
  location: '',
  categoryId: '0190a5a1-7c4e-7000-8000-000000000001',
  attachments: [],
};

describe('intakeProblems', () => {
  it('finds nothing wrong with a complete form; a phone in Eastern digits is fine', () => {
    expect(intakeProblems(complete, today)).toEqual({});
  });

  it('says which empty fields are required, and leaves optional ones alone', () => {
    expect(
      intakeProblems({ ...complete, citizenName: ' ', categoryId: '', subject: '' }, today),
    ).toEqual({ citizenName: 'required', categoryId: 'required', subject: 'required' });
  });

  it('refuses a receipt date in the future and malformed details', () => {
    expect(
      intakeProblems(
        { ...complete, receivedOn: '2026-03-11', citizenPhone: '12', citizenEmail: 'nobody@' },
        today,
      ),
    ).toEqual({
      receivedOn: 'in_future',
      citizenPhone: 'invalid_format',
      citizenEmail: 'invalid_format',
    });
  });

  it('says a short description is too short', () => {
    expect(intakeProblems({ ...complete, description: 'خطر' }, today)).toEqual({
      description: 'too_small',
    });
  });
});
