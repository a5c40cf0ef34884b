import { workingCalendar } from '../../shared/calendar/working-calendar';
import { infoRequestDueOn } from '../../shared/info-requests/deadlines';

/**
 * An access-to-information request as the information officer's app registers it, in application
 * form (tests only; the register's screens come with the module).
 */
export function infoRequestValues(
  createdBy: string,
  overrides: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const receivedOn = (overrides.received_on as string | undefined) ?? '2026-03-09';
  const urgent = (overrides.urgent as boolean | undefined) ?? false;
  return {
    local_number: 'PC07-2026-0001',
    official_number: null,
    channel: 'in_person',
    urgent,
    urgent_reason: urgent ? 'حياة السكان مهددة بانهيار جدار المدرسة القديمة.' : null,
    received_on: receivedOn,
    requester_name: 'يوسف العلمي',
    requester_address: '12 زنقة الأندلس، القصر الكبير',
    requester_id_number: 'LB456789',
    requester_email: 'youssef@example.ma',
    requester_phone: null,
    subject: 'ميزانية الجماعة لسنة 2025',
    information_requested: 'نسخة من الميزانية المصادق عليها لسنة 2025 وبرنامج عمل الجماعة.',
    delivery_form: 'electronic',
    department_id: null,
    assignee_id: null,
    status: 'received',
    due_on: infoRequestDueOn(workingCalendar(), receivedOn, urgent),
    extended_due_on: null,
    extension_reason: null,
    extension_notified_on: null,
    answered_on: null,
    refusal_ground: null,
    refusal_reason: null,
    created_by: createdBy,
    created_at: `${receivedOn}T10:00:00.000Z`,
    ...overrides,
  };
}
