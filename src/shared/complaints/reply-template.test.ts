import { describe, expect, it } from 'vitest';
import { fillTemplate } from './reply-template';

describe('reply templates', () => {
  it('fills the placeholders and leaves an unknown one visible', () => {
    const values = {
      citizen_name: 'فاطمة الزهراء العلمي',
      number: '2026/0123',
      received_on: '2026-11-20',
      subject: 'انقطاع الإنارة',
      today: '2026-11-29',
    };
    expect(
      fillTemplate(
        'السيد(ة) {{citizen_name}}، جوابا على شكايتكم رقم {{ number }} {{oops}}',
        values,
      ),
    ).toBe('السيد(ة) فاطمة الزهراء العلمي، جوابا على شكايتكم رقم 2026/0123 {{oops}}');
  });

  it('does not treat a value as a placeholder again', () => {
    const values = {
      citizen_name: '{{number}}',
      number: 'X',
      received_on: '',
      subject: '',
      today: '',
    };
    expect(fillTemplate('{{citizen_name}}', values)).toBe('{{number}}');
  });
});
