import { uuidv7 } from '../../shared/ids/uuidv7';

/** A complaint as a clerk's app registers it (core's intake), in application form. */
export function complaintValues(
  createdBy: string,
  overrides: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  return {
    local_number: 'PC03-2026-0007',
    official_number: null,
    kind: 'complaint',
    channel: 'phone',
    urgent: false,
    received_on: '2026-03-09',
    citizen_name: 'عبد الرحيم الوزاني',
    citizen_phone: '0612345678',
    citizen_email: null,
    citizen_address: null,
    citizen_cin: null,
    subject: 'حفرة كبيرة وسط الطريق',
    description: 'توجد حفرة كبيرة وسط الطريق منذ شهر تشكل خطرا على السيارات والمارة.',
    district: 'حي السلام',
    location: null,
    category_id: '0190a000-0000-7000-8000-000000000001',
    department_id: null,
    assignee_id: null,
    status: 'received',
    ack_due_on: '2026-03-24',
    answer_due_on: '2026-05-08',
    acknowledged_on: null,
    called_on: null,
    answered_on: null,
    closed_on: null,
    resolution: null,
    merged_into: null,
    created_by: createdBy,
    created_at: '2026-03-09T10:00:00.000Z',
    ...overrides,
  };
}

/** A reply drafted by a clerk. */
export function replyValues(
  complaintId: string,
  draftedBy: string,
  overrides: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  return {
    complaint_id: complaintId,
    language: 'ar',
    body: 'نشكركم على تواصلكم، وقد تم إصلاح الحفرة المذكورة.',
    status: 'draft',
    drafted_by: draftedBy,
    reviewed_by: null,
    reviewed_at: null,
    review_comment: null,
    delivery: null,
    delivered_on: null,
    ...overrides,
  };
}

export const newId = (): string => uuidv7();
