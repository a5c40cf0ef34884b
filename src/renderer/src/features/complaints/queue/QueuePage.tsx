import AddIcon from '@mui/icons-material/Add';
import BarChartIcon from '@mui/icons-material/BarChart';
import KeyboardIcon from '@mui/icons-material/Keyboard';
import TextSnippetIcon from '@mui/icons-material/TextSnippet';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import type { GridRowSelectionModel, GridSortModel } from '@mui/x-data-grid';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../../shared/api/procedures/session.procedures';
import { useApiQuery } from '../../../api/hooks';
import { mayCall } from '../../../../../shared/api/may-call';
import { mayVisit } from '../../../app/navigation';
import { navigate } from '../../../app/routes';
import { CenteredProgress } from '../../../components/CenteredProgress';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import type { NoticeMessage } from '../../../components/notice-text';
import { SuccessNotice } from '../../../components/SuccessNotice';
import { useDebouncedValue } from '../../../components/useDebouncedValue';
import { AssignDialog } from '../shared/AssignDialog';
import {
  defaultQueueSort,
  readQueueMemory,
  writeQueueMemory,
  type QueueFilterValues,
  type QueueMemory,
  type QueueSortField,
} from '../shared/queue-memory';
import { RouteDialog } from '../shared/RouteDialog';
import { useSessionUser } from '../shared/useSessionUser';
import { BulkActions } from './BulkActions';
import { QueueFilters } from './QueueFilters';
import { QueueGrid } from './QueueGrid';
import { QueueViewTabs } from './QueueViewTabs';
import { bulkPermissions, noSelection, selectedIds } from './queue-selection';
import { useQueueColumns } from './useQueueColumns';

type BulkDialog =
  | { kind: 'none' }
  | { kind: 'route'; ids: string[] }
  | { kind: 'assign'; ids: string[]; departmentId: string };

function queueFilters(values: QueueFilterValues) {
  return {
    ...(values.kind ? { kind: values.kind } : {}),
    ...(values.status ? { status: values.status } : {}),
    ...(values.categoryId ? { categoryId: values.categoryId } : {}),
    ...(values.departmentId ? { departmentId: values.departmentId } : {}),
    ...(values.urgentOnly ? { urgent: true } : {}),
  };
}

/** The triage queue: saved views, search, filters and one page of cases, paged and sorted in core. */
export function QueuePage() {
  const user = useSessionUser();
  return user ? <Queue user={user} /> : <CenteredProgress />;
}

function Queue({ user }: { user: SessionUser }) {
  const { t } = useTranslation('complaints');
  const queryClient = useQueryClient();
  const [memory, setMemory] = useState<QueueMemory>(() => readQueueMemory(user.id));
  useEffect(() => writeQueueMemory(memory), [memory]);
  const update = (change: Partial<QueueMemory>) => setMemory((m) => ({ ...m, ...change }));
  const settledSearch = useDebouncedValue(memory.search.trim());

  const queue = useApiQuery(
    'complaints:queue',
    {
      page: memory.page,
      pageSize: memory.pageSize,
      view: memory.view,
      sort: memory.sort,
      filters: queueFilters(memory.filters),
      ...(settledSearch ? { search: settledSearch } : {}),
    },
    { placeholderData: keepPreviousData },
  );
  const counts = useApiQuery('complaints:viewCounts', {});
  const categories = useApiQuery('categories:list', { includeInactive: true });
  const departments = useApiQuery('departments:list', {});
  const columns = useQueueColumns(categories.data ?? [], departments.data ?? []);

  const mayAct = mayCall('cases:route', user.roles);
  const [selection, setSelection] = useState<GridRowSelectionModel>(noSelection);
  const [dialog, setDialog] = useState<BulkDialog>({ kind: 'none' });
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const rows = queue.data?.rows ?? [];
  const checked = selectedIds(
    selection,
    rows.map((row) => row.id),
  );

  const rowsOf = (ids: readonly string[]) => rows.filter((row) => ids.includes(row.id));
  const allowed = bulkPermissions(user, rowsOf(checked));

  const openCase = (id: string) => navigate('complaints/case', id);
  const openAssign = (ids: string[]) => {
    const chosen = rowsOf(ids);
    const shared = new Set(chosen.map((row) => row.departmentId));
    const [only] = [...shared];
    setDialog({
      kind: 'assign',
      ids,
      departmentId: shared.size === 1 && only ? only : (user.departmentId ?? ''),
    });
  };
  const bulkDone = (message: NoticeMessage) => {
    setDialog({ kind: 'none' });
    setSelection(noSelection);
    setNotice(message);
    // cases:* calls refresh cases:* queries by themselves; the queue and its counts are complaints:*.
    void queryClient.invalidateQueries({
      predicate: (query) => String(query.queryKey[0]).startsWith('complaints:'),
    });
  };
  const sortModel: GridSortModel = [{ field: memory.sort.field, sort: memory.sort.direction }];

  return (
    <>
      <PageHeader
        title={t('queue.title')}
        intro={t('queue.intro')}
        action={
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            {mayVisit('complaints/templates', user.roles) && (
              <Button
                variant="outlined"
                startIcon={<TextSnippetIcon />}
                onClick={() => navigate('complaints/templates')}
                data-testid="open-templates"
              >
                {t('queue.templates')}
              </Button>
            )}
            {mayVisit('complaints/stats', user.roles) && (
              <Button
                variant="outlined"
                startIcon={<BarChartIcon />}
                onClick={() => navigate('complaints/stats')}
                data-testid="open-stats"
              >
                {t('queue.stats')}
              </Button>
            )}
            {mayVisit('complaints/new', user.roles) && (
              <Button
                variant="contained"
                startIcon={<AddIcon />}
                onClick={() => navigate('complaints/new')}
                data-testid="new-complaint"
              >
                {t('queue.newComplaint')}
              </Button>
            )}
          </Box>
        }
      />
      <QueueViewTabs
        value={memory.view}
        onChange={(view) => update({ view, page: 0 })}
        counts={counts.data}
      />
      <QueueFilters
        search={memory.search}
        onSearchChange={(search) => update({ search, page: 0 })}
        value={memory.filters}
        onChange={(filters) => update({ filters, page: 0 })}
        categories={categories.data ?? []}
        departments={departments.data ?? []}
      />
      {queue.isError && <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />}
      {counts.isError && !queue.isError && (
        <ErrorAlert error={counts.error} onRetry={() => void counts.refetch()} />
      )}
      <Typography
        variant="body2"
        color="text.secondary"
        sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}
        data-testid="queue-keyboard-hint"
      >
        <KeyboardIcon fontSize="small" />
        {t(mayAct ? 'queue.keyboardHint' : 'queue.keyboardHintReadOnly')}
      </Typography>
      {queue.data?.limited && (
        <Alert severity="info" sx={{ mb: 1 }} data-testid="queue-limited">
          {t(settledSearch ? 'queue.limitedSearch' : 'queue.limitedTotal', {
            count: queue.data.total,
          })}
        </Alert>
      )}
      {mayAct && checked.length > 0 && (
        <BulkActions
          count={checked.length}
          onRoute={allowed.route ? () => setDialog({ kind: 'route', ids: checked }) : null}
          onAssign={allowed.assign ? () => openAssign(checked) : null}
          onClear={() => setSelection(noSelection)}
        />
      )}
      <QueueGrid
        rows={rows}
        columns={columns}
        total={queue.data?.total ?? 0}
        loading={queue.isFetching}
        paginationModel={{ page: memory.page, pageSize: memory.pageSize }}
        onPaginationModelChange={({ page, pageSize }) =>
          update({ page: pageSize === memory.pageSize ? page : 0, pageSize })
        }
        sortModel={sortModel}
        onSortModelChange={(model) => {
          const [first] = model;
          update({
            sort:
              first && first.sort
                ? { field: first.field as QueueSortField, direction: first.sort }
                : defaultQueueSort,
            page: 0,
          });
        }}
        selection={mayAct ? selection : null}
        onSelectionChange={setSelection}
        onOpen={openCase}
        onAssignKey={(focusedId) => {
          const ids = checked.length > 0 ? checked : [focusedId];
          if (mayAct && bulkPermissions(user, rowsOf(ids)).assign) openAssign(ids);
        }}
        label={t('queue.gridLabel')}
      />
      {dialog.kind === 'route' && (
        <RouteDialog
          ids={dialog.ids}
          title={t('queue.route.title', { count: dialog.ids.length })}
          intro={t('queue.route.body')}
          departments={departments.data ?? []}
          onClose={() => setDialog({ kind: 'none' })}
          onDone={(count) => bulkDone({ key: 'complaints:queue.route.done', values: { count } })}
        />
      )}
      {dialog.kind === 'assign' && (
        <AssignDialog
          ids={dialog.ids}
          title={t('queue.assign.title', { count: dialog.ids.length })}
          initialDepartmentId={dialog.departmentId}
          departments={departments.data ?? []}
          onClose={() => setDialog({ kind: 'none' })}
          onDone={(count) => bulkDone({ key: 'complaints:queue.assign.done', values: { count } })}
        />
      )}
      <SuccessNotice message={notice} onClose={() => setNotice(null)} />
    </>
  );
}
