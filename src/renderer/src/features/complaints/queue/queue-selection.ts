import type { GridRowId, GridRowSelectionModel } from '@mui/x-data-grid';

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
