import type { GridRowId, GridRowSelectionModel } from '@mui/x-data-grid';
import type { QueueRow } from '../../../../../shared/api/procedures/complaints.procedures';
import type { SessionUser } from '../../../../../shared/api/procedures/session.procedures';
import {
  assignAnyoneRefusal,
  routeRefusal,
  type Worker,
} from '../../../../../shared/complaints/workflow';

export const noSelection: GridRowSelectionModel = { type: 'include', ids: new Set() };

/**
 * The ids a bulk action applies to: only rows of the page on screen (the renderer never holds the
 * whole set, so "all" can only mean all of this page).
 */
export function selectedIds(
  model: GridRowSelectionModel,
  pageRowIds: readonly GridRowId[],
): string[] {
  const ids =
    model.type === 'include'
      ? pageRowIds.filter((id) => model.ids.has(id))
      : pageRowIds.filter((id) => !model.ids.has(id));
  return ids.map(String);
}

type QueueFacts = Pick<QueueRow, 'status' | 'departmentId' | 'assigneeId'>;

/**
 * Which bulk actions core would take for every one of these cases (a bulk action is all or
 * nothing): a clerk may not move a routed case, nor assign outside their department.
 */
export function bulkPermissions(
  user: Pick<SessionUser, 'id' | 'roles' | 'departmentId'>,
  rows: readonly QueueFacts[],
): { route: boolean; assign: boolean } {
  const worker: Worker = { id: user.id, roles: user.roles, departmentId: user.departmentId };
  const facts = rows.map(({ status, departmentId, assigneeId }) => ({
    status,
    departmentId,
    assigneeId,
  }));
  return {
    route: facts.length > 0 && facts.every((f) => routeRefusal(worker, f) === null),
    assign: facts.length > 0 && facts.every((f) => assignAnyoneRefusal(worker, f) === null),
  };
}
