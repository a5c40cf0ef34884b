import Grid from '@mui/material/Grid';
import { useTranslation } from 'react-i18next';
import type { ComplaintStats } from '../../../../../shared/api/procedures/complaints.procedures';
import { useLanguage } from '../../../app/LanguageProvider';
import { useApiQuery } from '../../../api/hooks';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { departmentName } from '../../admin/department-name';
import { categoryName } from '../shared/category-name';
import { BreakdownTable, type BreakdownRow } from './BreakdownTable';

/** The four breakdowns, each key named in the UI language (categories and departments by id). */
export function StatsBreakdowns({ stats }: { stats: ComplaintStats }) {
  const { t } = useTranslation('complaintStats');
  const { language } = useLanguage();
  // Retired categories still name the cases filed under them.
  const categories = useApiQuery('categories:list', { includeInactive: true });
  const departments = useApiQuery('departments:list', {});
  const categoryLabel = (id: string) => {
    const category = categories.data?.find((c) => c.id === id);
    return category ? categoryName(category, language) : t('unknownCategory');
  };
  const departmentLabel = (id: string) => {
    if (id === 'none') return t('noDepartment');
    const department = departments.data?.find((d) => d.id === id);
    return department ? departmentName(department, language) : t('unknownDepartment');
  };
  const labelled = (
    rows: readonly { key: string; count: number }[],
    label: (key: string) => string,
  ): BreakdownRow[] => rows.map((row) => ({ ...row, label: label(row.key) }));
  const tables = [
    {
      id: 'kind',
      title: t('breakdowns.byKind'),
      dimension: t('columns.kind'),
      rows: labelled(stats.byKind, (key) => t(`complaints:kinds.${key}`)),
    },
    {
      id: 'status',
      title: t('breakdowns.byStatus'),
      dimension: t('columns.status'),
      rows: labelled(stats.byStatus, (key) => t(`complaints:statuses.${key}`)),
    },
    {
      id: 'category',
      title: t('breakdowns.byCategory'),
      dimension: t('columns.category'),
      rows: labelled(stats.byCategory, categoryLabel),
    },
    {
      id: 'department',
      title: t('breakdowns.byDepartment'),
      dimension: t('columns.department'),
      rows: labelled(stats.byDepartment, departmentLabel),
    },
  ];
  const namesFailed = categories.isError ? categories : departments.isError ? departments : null;
  return (
    <>
      {namesFailed && (
        <Grid size={12}>
          <ErrorAlert error={namesFailed.error} onRetry={() => void namesFailed.refetch()} />
        </Grid>
      )}
      {tables.map((table) => (
        <Grid key={table.id} size={{ xs: 12, lg: 6 }}>
          <BreakdownTable
            title={table.title}
            dimension={table.dimension}
            rows={table.rows}
            total={stats.total}
            testId={`stats-by-${table.id}`}
          />
        </Grid>
      ))}
    </>
  );
}
