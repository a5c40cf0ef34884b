import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryRow } from '../../../../../shared/api/procedures/complaints.procedures';
import { useLanguage } from '../../../app/LanguageProvider';
import { useApiQuery } from '../../../api/hooks';
import { CenteredProgress } from '../../../components/CenteredProgress';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import type { NoticeMessage } from '../../../components/notice-text';
import { SuccessNotice } from '../../../components/SuccessNotice';
import { departmentName } from '../../admin/department-name';
import { categoryName } from '../shared/category-name';
import { useSessionUser } from '../shared/useSessionUser';
import { CategoryDialog } from './CategoryDialog';
import { useAssignableStaff } from './useAssignableStaff';

type DialogState = { kind: 'none' } | { kind: 'open'; category: CategoryRow | null };

/** The complaint categories: each routes its cases to a department and a default assignee. */
export function CategoriesPage() {
  const { t } = useTranslation('complaints');
  const { language } = useLanguage();
  const user = useSessionUser();
  const categories = useApiQuery('categories:list', { includeInactive: true });
  const departments = useApiQuery('departments:list', {});
  const { staff, loaded: staffLoaded, error: staffError } = useAssignableStaff(user?.roles ?? []);
  const [dialog, setDialog] = useState<DialogState>({ kind: 'none' });
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const rows = [...(categories.data ?? [])].sort(
    (a, b) =>
      a.position - b.position ||
      categoryName(a, language).localeCompare(categoryName(b, language), language),
  );
  const departmentNames = new Map(
    (departments.data ?? []).map((d) => [d.id, departmentName(d, language)]),
  );
  const staffNames = new Map(staff.map((person) => [person.id, person.displayName]));
  const nextPosition = rows.reduce((last, row) => Math.max(last, row.position + 10), 10);
  const none = t('common:noValue');
  const head = { fontWeight: 600 } as const;

  return (
    <>
      <PageHeader
        title={t('categoryAdmin.title')}
        intro={t('categoryAdmin.intro')}
        action={
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setDialog({ kind: 'open', category: null })}
            data-testid="add-category"
          >
            {t('categoryAdmin.add')}
          </Button>
        }
      />
      {categories.isError && (
        <ErrorAlert error={categories.error} onRetry={() => void categories.refetch()} />
      )}
      {staffError ? <ErrorAlert error={staffError} /> : null}
      {categories.isPending ? (
        <CenteredProgress />
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table aria-label={t('categoryAdmin.title')} data-testid="categories-table">
            <TableHead>
              <TableRow>
                <TableCell sx={{ ...head, width: 80 }}>
                  {t('categoryAdmin.columns.position')}
                </TableCell>
                <TableCell sx={head}>{t('categoryAdmin.columns.nameAr')}</TableCell>
                <TableCell sx={head}>{t('categoryAdmin.columns.nameFr')}</TableCell>
                <TableCell sx={head}>{t('categoryAdmin.columns.department')}</TableCell>
                <TableCell sx={head}>{t('categoryAdmin.columns.defaultAssignee')}</TableCell>
                <TableCell sx={head}>{t('categoryAdmin.columns.status')}</TableCell>
                <TableCell sx={{ ...head, width: 120 }}>
                  {t('categoryAdmin.columns.actions')}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={7} sx={{ color: 'text.secondary', py: 4 }}>
                    {t('categoryAdmin.empty')}
                  </TableCell>
                </TableRow>
              )}
              {rows.map((category) => (
                <TableRow
                  key={category.id}
                  hover
                  sx={{ opacity: category.active ? 1 : 0.6 }}
                  data-testid="category-row"
                >
                  <TableCell>{category.position}</TableCell>
                  <TableCell>
                    <bdi lang="ar" dir="rtl">
                      {category.nameAr}
                    </bdi>
                  </TableCell>
                  <TableCell>
                    <bdi lang="fr" dir="ltr">
                      {category.nameFr}
                    </bdi>
                  </TableCell>
                  <TableCell>
                    {category.departmentId
                      ? (departmentNames.get(category.departmentId) ?? none)
                      : t('categoryAdmin.noDepartment')}
                  </TableCell>
                  <TableCell>
                    {category.defaultAssigneeId
                      ? (staffNames.get(category.defaultAssigneeId) ??
                        (staffLoaded ? t('categoryAdmin.unlistedAssignee') : none))
                      : none}
                  </TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={category.active ? 'success' : 'default'}
                      variant={category.active ? 'filled' : 'outlined'}
                      label={t(category.active ? 'categoryAdmin.active' : 'categoryAdmin.inactive')}
                    />
                  </TableCell>
                  <TableCell>
                    <Button
                      size="small"
                      startIcon={<EditIcon />}
                      onClick={() => setDialog({ kind: 'open', category })}
                      data-testid="category-edit"
                    >
                      {t('common:actions.edit')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {dialog.kind === 'open' && (
        <CategoryDialog
          category={dialog.category}
          nextPosition={nextPosition}
          departments={departments.data ?? []}
          staff={staff}
          onClose={() => setDialog({ kind: 'none' })}
          onSaved={(saved) => {
            setDialog({ kind: 'none' });
            setNotice({
              key: dialog.category
                ? 'complaints:categoryAdmin.edit.done'
                : 'complaints:categoryAdmin.create.done',
              values: { name: categoryName(saved, language) },
            });
          }}
        />
      )}
      <SuccessNotice message={notice} onClose={() => setNotice(null)} />
    </>
  );
}
