import type { GridSortDirection } from '@mui/x-data-grid';
import {
  queueViews,
  type QueueView,
} from '../../../../../shared/api/procedures/complaints.procedures';
import type {
  ComplaintKind,
  ComplaintStatus,
} from '../../../../../shared/complaints/complaint-values';
import { navigate } from '../../../app/routes';

export interface QueueFilterValues {
  kind: ComplaintKind | '';
  status: ComplaintStatus | '';
  categoryId: string;
  departmentId: string;
  urgentOnly: boolean;
}

export type QueueSortField = 'daysLeft' | 'receivedOn' | 'number';

/** Where a user left the queue: back from a case, they find the same view, filters and page. */
export interface QueueMemory {
  /** Whose queue this was; another user on the same window starts afresh. */
  userId: string | null;
  view: QueueView;
  search: string;
  filters: QueueFilterValues;
  sort: { field: QueueSortField; direction: Exclude<GridSortDirection, null | undefined> };
  page: number;
  pageSize: number;
}

export const noQueueFilters: QueueFilterValues = {
  kind: '',
  status: '',
  categoryId: '',
  departmentId: '',
  urgentOnly: false,
};

/** Soonest deadline first: what the law says must be done next. */
export const defaultQueueSort: QueueMemory['sort'] = { field: 'daysLeft', direction: 'asc' };

const storageKey = 'maktab.queue';

export function freshQueueMemory(userId: string | null, view: QueueView = 'open'): QueueMemory {
  return {
    userId,
    view,
    search: '',
    filters: noQueueFilters,
    sort: defaultQueueSort,
    page: 0,
    pageSize: 25,
  };
}

function isQueueView(value: unknown): value is QueueView {
  return typeof value === 'string' && (queueViews as readonly string[]).includes(value);
}

/** What this window remembers for this user; anything unreadable gives the default queue. */
export function readQueueMemory(userId: string | null): QueueMemory {
  try {
    const stored = JSON.parse(window.sessionStorage.getItem(storageKey) ?? 'null') as Partial<
      QueueMemory & { openView: unknown }
    > | null;
    if (!stored) return freshQueueMemory(userId);
    // openQueue() leaves only a view, for whoever opens the queue next.
    if (isQueueView(stored.openView)) return freshQueueMemory(userId, stored.openView);
    if (stored.userId !== userId || !isQueueView(stored.view)) return freshQueueMemory(userId);
    return { ...freshQueueMemory(userId), ...stored, userId, view: stored.view };
  } catch {
    return freshQueueMemory(userId);
  }
}

export function writeQueueMemory(memory: QueueMemory): void {
  window.sessionStorage.setItem(storageKey, JSON.stringify(memory));
}

/** Opens the queue on one saved view, without filters (e.g. from a count on the home page). */
export function openQueue(view: QueueView): void {
  window.sessionStorage.setItem(storageKey, JSON.stringify({ openView: view }));
  navigate('complaints');
}
