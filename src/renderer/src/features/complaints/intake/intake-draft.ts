import type { AttachmentUpload } from '../../../../../shared/api/procedures/complaints.procedures';
import type {
  ComplaintChannel,
  ComplaintKind,
} from '../../../../../shared/complaints/complaint-values';

/** A file the clerk chose, read and ready to send with the intake. */
export interface PendingAttachment extends AttachmentUpload {
  key: string;
  size: number;
}

/** The intake form as typed: text as in the boxes, files already read. */
export interface IntakeForm {
  kind: ComplaintKind;
  channel: ComplaintChannel;
  urgent: boolean;
  receivedOn: string;
  citizenName: string;
  citizenPhone: string;
  citizenEmail: string;
  citizenAddress: string;
  citizenCin: string;
  subject: string;
  description: string;
  district: string;
  location: string;
  categoryId: string;
  attachments: PendingAttachment[];
}

export function emptyIntakeForm(today: string): IntakeForm {
  return {
    kind: 'complaint',
    channel: 'in_person',
    urgent: false,
    receivedOn: today,
    citizenName: '',
    citizenPhone: '',
    citizenEmail: '',
    citizenAddress: '',
    citizenCin: '',
    subject: '',
    description: '',
    district: '',
    location: '',
    categoryId: '',
    attachments: [],
  };
}

/**
 * The form being typed survives a visit to a likely duplicate's page and back. Kept in memory
 * only (never on disk: it holds a citizen's details) and only for the user who typed it.
 */
let draft: { userId: string; form: IntakeForm } | null = null;

export function readIntakeDraft(userId: string): IntakeForm | null {
  return draft?.userId === userId ? draft.form : null;
}

export function keepIntakeDraft(userId: string, form: IntakeForm | null): void {
  draft = form ? { userId, form } : null;
}
