import Box from '@mui/material/Box';
import {
  DataGrid,
  type GridColDef,
  type GridPaginationModel,
  type GridRowId,
  type GridRowSelectionModel,
  type GridSortModel,
} from '@mui/x-data-grid';
import type { QueueRow } from '../../../../../shared/api/procedures/complaints.procedures';
import { useDataGridLocaleText } from '../../../components/useDataGridLocaleText';

const pageSizeOptions = [25, 50, 100];

interface QueueGridProps {
  rows: readonly QueueRow[];
  columns: readonly GridColDef<QueueRow>[];
  /** All the cases core holds for this view and these filters, not just this page. */
  total: number;
  loading: boolean;
  paginationModel: GridPaginationModel;
  onPaginationModelChange: (model: GridPaginationModel) => void;
  sortModel: GridSortModel;
  onSortModelChange: (model: GridSortModel) => void;
  /** Null when this user may not act on cases in bulk: no checkboxes then. */
  selection: GridRowSelectionModel | null;
  onSelectionChange: (model: GridRowSelectionModel) => void;
  onOpen: (id: string) => void;
  /** The "a" key on a row: assign it, or the checked rows. */
  onAssignKey: (focusedId: string) => void;
  label: string;
}

/**
 * One page of the triage queue. Core pages and sorts (sortingMode server): the grid only says
 * which page and which order. Arrows move between rows (the grid's own), Enter and a double
 * click open the case, "a" assigns.
 */
export function QueueGrid({
  rows,
  columns,
  total,
  loading,
  paginationModel,
  onPaginationModelChange,
  sortModel,
  onSortModelChange,
  selection,
  onSelectionChange,
  onOpen,
  onAssignKey,
  label,
}: QueueGridProps) {
  const localeText = useDataGridLocaleText();
  const idOf = (id: GridRowId) => String(id);
  return (
    <Box data-testid="queue-grid">
      <DataGrid<QueueRow>
        rows={rows}
        columns={columns}
        rowCount={total}
        paginationMode="server"
        sortingMode="server"
        filterMode="server"
        paginationModel={paginationModel}
        onPaginationModelChange={onPaginationModelChange}
        pageSizeOptions={pageSizeOptions}
        sortModel={sortModel}
        onSortModelChange={onSortModelChange}
        // No "unsorted" third click: core always orders the queue.
        sortingOrder={['asc', 'desc']}
        checkboxSelection={selection !== null}
        rowSelectionModel={selection ?? undefined}
        onRowSelectionModelChange={onSelectionChange}
        disableRowSelectionOnClick
        disableRowSelectionExcludeModel
        keepNonExistentRowsSelected={false}
        onRowDoubleClick={({ id }) => onOpen(idOf(id))}
        onCellKeyDown={(params, event) => {
          if (event.ctrlKey || event.metaKey || event.altKey) return;
          if (event.key === 'Enter' && params.field !== '__check__') {
            event.defaultMuiPrevented = true;
            event.preventDefault();
            onOpen(idOf(params.id));
          } else if (event.code === 'KeyA' && selection !== null) {
            // By the key's place, not its letter: on an Arabic layout the same key types "ش".
            event.defaultMuiPrevented = true;
            event.preventDefault();
            onAssignKey(idOf(params.id));
          }
        }}
        getRowClassName={({ row }) => (row.urgent ? 'queue-row-urgent' : '')}
        loading={loading}
        localeText={localeText}
        aria-label={label}
        autoHeight
        getRowHeight={() => 'auto'}
        disableColumnFilter
        disableColumnMenu
        sx={{
          bgcolor: 'background.paper',
          fontSize: '0.8125rem',
          '& .MuiDataGrid-cell': {
            py: 1,
            px: 0.75,
            display: 'flex',
            alignItems: 'center',
            lineHeight: 1.4,
            whiteSpace: 'normal',
          },
          '& .MuiDataGrid-columnHeader': { px: 0.75 },
          '& .MuiDataGrid-columnHeaderTitle': {
            fontWeight: 600,
            whiteSpace: 'normal',
            lineHeight: 1.3,
          },
          // A red edge at the start of urgent rows (the rtl style plugin mirrors it in Arabic).
          '& .queue-row-urgent': {
            boxShadow: (theme) => `inset 4px 0 0 ${theme.palette.error.main}`,
          },
          '& .MuiDataGrid-row': { cursor: 'default' },
        }}
      />
    </Box>
  );
}
