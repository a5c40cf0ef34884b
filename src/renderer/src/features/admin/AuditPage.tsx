import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/api/procedures/audit.procedures';
import { useLanguage } from '../../app/LanguageProvider';
import { useApiQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PagedDataGrid } from '../../components/PagedDataGrid';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { usePagination } from '../../components/usePagination';
import { formatDateTime } from '../../format/dates';
import {
  auditActionKey,
  auditDetailEntries,
  noAuditFilters,
  type AuditFilterValues,
} from './audit-format';
import { AuditFilters } from './AuditFilters';
import { auditActions } from '../../../../shared/audit-actions';

/** Who did what to which record, newest first, filtered and paged in core. */
export function AuditPage() {
  const { t } = useTranslation('admin');
  const { language } = useLanguage();
  const session = useApiQuery('session:status', {});
  const mayListUsers = session.data?.user?.roles.includes('admin') ?? false;
  const [filters, setFilters] = useState<AuditFilterValues>(noAuditFilters);
  const tableName = useDebouncedValue(filters.tableName.trim());
  const rowId = useDebouncedValue(filters.rowId.trim());
  const criteria = {
    ...(filters.userId ? { userId: filters.userId } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(tableName ? { tableName } : {}),
    ...(rowId ? { rowId } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
  const [paging, setPaging] = usePagination(JSON.stringify(criteria), 50);
  const entries = useApiQuery(
    'audit:list',
    { page: paging.page, pageSize: paging.pageSize, ...criteria },
    { placeholderData: keepPreviousData },
  );
  const users = useApiQuery(
    'users:list',
    { page: 0, pageSize: 200, includeInactive: true },
    { enabled: mayListUsers },
  );

  const columns = useMemo<GridColDef<AuditEntry>[]>(
    () => [
      {
        field: 'at',
        headerName: t('audit.columns.at'),
        width: 190,
        valueFormatter: (value: string) => formatDateTime(value, language),
      },
      {
        field: 'userName',
        headerName: t('audit.columns.user'),
        flex: 1,
        minWidth: 150,
        valueGetter: (_value, row) => row.userName ?? (row.userId ? row.userId : t('audit.system')),
      },
      {
        field: 'action',
        headerName: t('audit.columns.action'),
        flex: 1,
        minWidth: 160,
        valueFormatter: (value: string) => t(auditActionKey(value), { defaultValue: value }),
      },
      {
        field: 'rowId',
        headerName: t('audit.columns.record'),
        flex: 1.3,
        minWidth: 290,
        renderCell: ({ row }) =>
          row.tableName || row.rowId ? (
            <Box>
              {row.tableName && (
                <Typography variant="body2">
                  {t(`auditTables.${row.tableName}`, { defaultValue: row.tableName })}
                </Typography>
              )}
              {row.rowId && (
                <Typography
                  variant="caption"
                  color="text.secondary"
                  dir="ltr"
                  component="bdi"
                  sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
                >
                  {row.rowId}
                </Typography>
              )}
            </Box>
          ) : (
            t('common:noValue')
          ),
      },
      {
        field: 'detail',
        headerName: t('audit.columns.detail'),
        flex: 1.4,
        minWidth: 200,
        renderCell: ({ row }) => {
          const pairs = auditDetailEntries(row.detail);
          if (pairs.length === 0) return t('common:noValue');
          return (
            <Box>
              {pairs.map(({ key, value }) => (
                <Box key={key}>
                  <Typography variant="caption" color="text.secondary" component="p">
                    {t(`audit.detailKeys.${key}`, { defaultValue: key })}
                  </Typography>
                  <Typography variant="body2" dir="ltr" component="bdi">
                    {value}
                  </Typography>
                </Box>
              ))}
            </Box>
          );
        },
      },
    ],
    [t, language],
  );

  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      <AuditFilters
        value={filters}
        onChange={setFilters}
        actions={auditActions}
        users={mayListUsers ? (users.data?.rows ?? []) : null}
      />
      {entries.isError && (
        <ErrorAlert error={entries.error} onRetry={() => void entries.refetch()} />
      )}
      <PagedDataGrid
        rows={entries.data?.rows ?? []}
        columns={columns}
        total={entries.data?.total ?? 0}
        paginationModel={paging}
        onPaginationModelChange={setPaging}
        loading={entries.isFetching}
        label={t('audit.gridLabel')}
        testId="audit-grid"
      />
    </>
  );
}
