import PlaceIcon from '@mui/icons-material/Place';
import Box from '@mui/material/Box';
import type { GridColDef } from '@mui/x-data-grid';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentRow } from '../../../../../shared/api/procedures/admin.procedures';
import type {
  CategoryRow,
  QueueRow,
} from '../../../../../shared/api/procedures/complaints.procedures';
import { useLanguage } from '../../../app/LanguageProvider';
import { formatDay } from '../../../format/dates';
import { departmentName } from '../../admin/department-name';
import { categoryName } from '../shared/category-name';
import { DaysLeftChip } from '../shared/DaysLeftChip';
import { StatusChip } from '../shared/StatusChip';
import { UrgencyFlags } from '../shared/UrgencyFlags';
import { CaseNumber } from './CaseNumber';

function Missing({ label }: { label: string }) {
  return (
    <Box component="span" sx={{ color: 'text.secondary' }}>
      {label}
    </Box>
  );
}

/**
 * The queue's columns, narrow enough that days left and status show without scrolling on an
 * office screen beside the navigation: the kind sits under the number, the district under the
 * subject. Only the three fields core sorts on can be sorted (queueSortFields).
 */
export function useQueueColumns(
  categories: readonly CategoryRow[],
  departments: readonly DepartmentRow[],
): GridColDef<QueueRow>[] {
  const { t } = useTranslation('complaints');
  const { language } = useLanguage();
  return useMemo(() => {
    const categoryNames = new Map(categories.map((c) => [c.id, categoryName(c, language)]));
    const departmentNames = new Map(departments.map((d) => [d.id, departmentName(d, language)]));
    const fixed = { sortable: false, resizable: true } as const;
    return [
      {
        ...fixed,
        field: 'number',
        sortable: true,
        headerName: t('queue.columns.number'),
        width: 130,
        renderCell: ({ row }) => (
          <CaseNumber
            id={row.id}
            number={row.number}
            official={row.officialNumber !== null}
            kind={row.kind}
          />
        ),
      },
      {
        ...fixed,
        field: 'receivedOn',
        sortable: true,
        headerName: t('queue.columns.receivedOn'),
        width: 85,
        renderCell: ({ row }) => formatDay(row.receivedOn, language),
      },
      {
        ...fixed,
        field: 'urgent',
        headerName: t('queue.columns.urgency'),
        width: 100,
        renderCell: ({ row }) => <UrgencyFlags urgent={row.urgent} callToday={row.callToday} />,
      },
      {
        ...fixed,
        field: 'categoryId',
        headerName: t('queue.columns.category'),
        width: 100,
        renderCell: ({ row }) => categoryNames.get(row.categoryId) ?? t('deadline.none'),
      },
      {
        ...fixed,
        field: 'subject',
        headerName: t('queue.columns.subject'),
        flex: 1,
        minWidth: 120,
        renderCell: ({ row }) => (
          <Box sx={{ minWidth: 0 }}>
            {row.subject}
            <Box
              sx={{ display: 'flex', alignItems: 'center', gap: 0.25, color: 'text.secondary' }}
              data-testid="case-district"
            >
              <PlaceIcon sx={{ fontSize: 14 }} />
              {row.district}
            </Box>
          </Box>
        ),
      },
      {
        ...fixed,
        field: 'departmentId',
        headerName: t('queue.columns.department'),
        width: 100,
        renderCell: ({ row }) =>
          row.departmentId ? (
            (departmentNames.get(row.departmentId) ?? t('deadline.none'))
          ) : (
            <Missing label={t('queue.notRouted')} />
          ),
      },
      {
        ...fixed,
        field: 'assigneeName',
        headerName: t('queue.columns.assignee'),
        width: 90,
        renderCell: ({ row }) => row.assigneeName ?? <Missing label={t('queue.notAssigned')} />,
      },
      {
        ...fixed,
        field: 'status',
        headerName: t('queue.columns.status'),
        width: 105,
        renderCell: ({ row }) => <StatusChip status={row.status} />,
      },
      {
        ...fixed,
        field: 'daysLeft',
        sortable: true,
        headerName: t('queue.columns.daysLeft'),
        width: 120,
        renderCell: ({ row }) => (
          <DaysLeftChip
            daysLeft={row.daysLeft}
            dueKind={row.dueKind}
            dueOn={row.nextDueOn}
            testId="days-left"
          />
        ),
      },
    ];
  }, [t, language, categories, departments]);
}
