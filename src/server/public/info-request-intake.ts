import type { z } from 'zod';
import { infoRequestDueOn } from '../../shared/info-requests/deadlines';
import {
  websiteAuthorId,
  type PublicInfoRequestResponse,
  type publicInfoRequestSchema,
} from '../../shared/public-api';
import {
  infoRequestEventsTable,
  infoRequestsTable,
} from '../../shared/tables/info-requests.tables';
import type { ServerDb } from '../db/server-db';
import { serverCalendar } from './server-calendar';
import { fileFromWebsite } from './website-intake';

type InfoRequestForm = z.output<typeof publicInfoRequestSchema>;

/**
 * An access-to-information request from the website (law 31-13) lands in the register as the
 * information officer's desk would file it: received, no department, no assignee, its deadline
 * counted in working days on the calendar the server holds now (the administrator's corrections
 * included).
 */
export async function fileWebsiteInfoRequest(
  db: ServerDb,
  input: InfoRequestForm,
  nowMs: number,
): Promise<PublicInfoRequestResponse> {
  const urgent = input.urgent ?? false;
  let dueOn = '';
  const filed = await fileFromWebsite(db, nowMs, async (tx, filing) => {
    dueOn = infoRequestDueOn(await serverCalendar(tx), filing.receivedOn, urgent);
    return {
      table: infoRequestsTable,
      values: {
        local_number: filing.trackingNumber,
        channel: 'website',
        urgent,
        urgent_reason: input.urgentReason ?? null,
        received_on: filing.receivedOn,
        requester_name: input.requesterName,
        requester_address: input.requesterAddress,
        requester_id_number: input.requesterIdNumber,
        requester_email: input.requesterEmail ?? null,
        requester_phone: input.requesterPhone ?? null,
        subject: input.subject,
        information_requested: input.informationRequested,
        delivery_form: input.deliveryForm,
        department_id: null,
        assignee_id: null,
        status: 'received',
        due_on: dueOn,
        extended_due_on: null,
        extension_reason: null,
        extension_notified_on: null,
        answered_on: null,
        refusal_ground: null,
        refusal_reason: null,
        created_by: websiteAuthorId,
        created_at: filing.at,
      },
      event: {
        table: infoRequestEventsTable,
        values: {
          request_id: filing.rowId,
          at: filing.at,
          user_id: null,
          type: 'received',
          detail: { channel: 'website', urgent, due_on: dueOn },
          body: null,
        },
      },
    };
  });
  const { trackingNumber, secret, officialNumber, receivedOn } = filed;
  return { trackingNumber, secret, officialNumber, receivedOn, dueOn };
}
