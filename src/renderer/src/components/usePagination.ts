import type { GridPaginationModel } from '@mui/x-data-grid';
import { useCallback, useMemo, useState } from 'react';

/**
 * The grid's page and page size; back to the first page whenever `filterKey` changes, so a new
 * search never asks core for a page beyond its results.
 */
export function usePagination(
  filterKey: string,
  pageSize = 25,
): [GridPaginationModel, (model: GridPaginationModel) => void] {
  const [state, setState] = useState({ key: filterKey, model: { page: 0, pageSize } });
  const model = useMemo(
    () => (state.key === filterKey ? state.model : { page: 0, pageSize: state.model.pageSize }),
    [state, filterKey],
  );
  const setModel = useCallback(
    (next: GridPaginationModel) => setState({ key: filterKey, model: next }),
    [filterKey],
  );
  return [model, setModel];
}
