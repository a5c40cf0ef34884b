import AltRouteIcon from '@mui/icons-material/AltRoute';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import CallMergeIcon from '@mui/icons-material/CallMerge';
import EditNoteIcon from '@mui/icons-material/EditNote';
import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import MarkEmailReadIcon from '@mui/icons-material/MarkEmailRead';
import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import OutboxIcon from '@mui/icons-material/Outbox';
import PhoneIcon from '@mui/icons-material/Phone';
import SendIcon from '@mui/icons-material/Send';
import StickyNote2Icon from '@mui/icons-material/StickyNote2';
import TuneIcon from '@mui/icons-material/Tune';
import UndoIcon from '@mui/icons-material/Undo';
import VerifiedIcon from '@mui/icons-material/Verified';
import type { ReactNode } from 'react';
import type { ComplaintEventType } from '../../../../../shared/complaints/complaint-values';

/** Where an event belongs: the internal file, or the answer to the citizen. */
export type TimelineStrand = 'case' | 'note' | 'reply';

export const eventIcons: Record<ComplaintEventType, ReactNode> = {
  received: <MoveToInboxIcon fontSize="small" />,
  acknowledged: <MarkEmailReadIcon fontSize="small" />,
  routed: <AltRouteIcon fontSize="small" />,
  assigned: <AssignmentIndIcon fontSize="small" />,
  triaged: <TuneIcon fontSize="small" />,
  called: <PhoneIcon fontSize="small" />,
  note: <StickyNote2Icon fontSize="small" />,
  attachment_added: <AttachFileIcon fontSize="small" />,
  reply_drafted: <EditNoteIcon fontSize="small" />,
  reply_submitted: <SendIcon fontSize="small" />,
  reply_returned: <UndoIcon fontSize="small" />,
  reply_approved: <VerifiedIcon fontSize="small" />,
  reply_delivered: <OutboxIcon fontSize="small" />,
  closed: <LockIcon fontSize="small" />,
  reopened: <LockOpenIcon fontSize="small" />,
  merged_into: <CallMergeIcon fontSize="small" />,
  merged_from: <CallMergeIcon fontSize="small" />,
};

export function strandOf(type: ComplaintEventType): TimelineStrand {
  if (type === 'note') return 'note';
  return type.startsWith('reply_') ? 'reply' : 'case';
}
