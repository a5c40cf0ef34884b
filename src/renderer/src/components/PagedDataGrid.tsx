import Box from '@mui/material/Box';
import {
  DataGrid,
  type GridColDef,
  type GridPaginationModel,
  type GridValidRowModel,
} from '@mui/x-data-grid';
import { useDataGridLocaleText } from './useDataGridLocaleText';

const pageSizeOptions = [25, 50, 100];

interface PagedDataGridProps<R extends GridValidRowModel> {
  rows: readonly R[];
  columns: readonly GridColDef<R>[];
  /** All the rows core holds for the current filters, not just this page. */
  total: number;
  paginationModel: GridPaginationModel;
  onPaginationModelChange: (model: GridPaginationModel) => void;
  loading: boolean;
  /** The grid's accessible name. */
  label: string;
  testId: string;
}

/**
 * A grid over one page of a list that core pages, sorts and filters (DESIGN.md: never the
 * renderer), so sorting and filtering inside the grid are switched off.
 */
export function PagedDataGrid<R extends GridValidRowModel>({
  rows,
  columns,
  total,
  paginationModel,
  onPaginationModelChange,
  loading,
  label,
  testId,
}: PagedDataGridProps<R>) {
  const localeText = useDataGridLocaleText();
  return (
    <Box data-testid={testId}>
      <DataGrid<R>
        rows={rows}
        columns={columns}
        rowCount={total}
        paginationMode="server"
        paginationModel={paginationModel}
        onPaginationModelChange={onPaginationModelChange}
        pageSizeOptions={pageSizeOptions}
        loading={loading}
        localeText={localeText}
        aria-label={label}
        autoHeight
        getRowHeight={() => 'auto'}
        disableColumnSorting
        disableColumnFilter
        disableColumnMenu
        disableRowSelectionOnClick
        sx={{
          bgcolor: 'background.paper',
          '& .MuiDataGrid-cell': { py: 1, display: 'flex', alignItems: 'center' },
          '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 600 },
        }}
      />
    </Box>
  );
}
