import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentRow } from '../../../../shared/api/procedures/admin.procedures';
import { useLanguage } from '../../app/LanguageProvider';
import { useApiQuery } from '../../api/hooks';
import { CenteredProgress } from '../../components/CenteredProgress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import type { NoticeMessage } from '../../components/notice-text';
import { SuccessNotice } from '../../components/SuccessNotice';
import { DepartmentDialog } from './DepartmentDialog';
import { departmentName } from './department-name';

type DepartmentDialogState = { kind: 'none' } | { kind: 'open'; department: DepartmentRow | null };

/** The commune's departments and services, each with its Arabic and French official name. */
export function DepartmentsPage() {
  const { t } = useTranslation('admin');
  const { language } = useLanguage();
  const departments = useApiQuery('departments:list', {});
  const [dialog, setDialog] = useState<DepartmentDialogState>({ kind: 'none' });
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const rows = [...(departments.data ?? [])].sort((a, b) =>
    departmentName(a, language).localeCompare(departmentName(b, language), language),
  );

  return (
    <>
      <PageHeader
        title={t('departments.title')}
        intro={t('departments.intro')}
        action={
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setDialog({ kind: 'open', department: null })}
            data-testid="add-department"
          >
            {t('departments.add')}
          </Button>
        }
      />
      {departments.isError && (
        <ErrorAlert error={departments.error} onRetry={() => void departments.refetch()} />
      )}
      {departments.isPending ? (
        <CenteredProgress />
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table aria-label={t('departments.title')} data-testid="departments-table">
            <TableHead>
              <TableRow>
                <TableCell sx={{ fontWeight: 600 }}>{t('departments.columns.nameAr')}</TableCell>
                <TableCell sx={{ fontWeight: 600 }}>{t('departments.columns.nameFr')}</TableCell>
                <TableCell sx={{ fontWeight: 600, width: 140 }}>
                  {t('departments.columns.actions')}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={3} sx={{ color: 'text.secondary', py: 4 }}>
                    {t('departments.empty')}
                  </TableCell>
                </TableRow>
              )}
              {rows.map((department) => (
                <TableRow key={department.id} hover>
                  <TableCell>
                    <bdi lang="ar" dir="rtl">
                      {department.nameAr}
                    </bdi>
                  </TableCell>
                  <TableCell>
                    <bdi lang="fr" dir="ltr">
                      {department.nameFr}
                    </bdi>
                  </TableCell>
                  <TableCell>
                    <Button
                      size="small"
                      startIcon={<EditIcon />}
                      onClick={() => setDialog({ kind: 'open', department })}
                      data-testid="department-edit"
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
        <DepartmentDialog
          department={dialog.department}
          onClose={() => setDialog({ kind: 'none' })}
          onSaved={(saved) => {
            setDialog({ kind: 'none' });
            setNotice({
              key: dialog.department
                ? 'admin:departments.edit.done'
                : 'admin:departments.create.done',
              values: { name: departmentName(saved, language) },
            });
          }}
        />
      )}
      <SuccessNotice message={notice} onClose={() => setNotice(null)} />
    </>
  );
}
