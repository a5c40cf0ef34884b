import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncRejection } from '../../../../shared/api/procedures/sync.procedures';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useLanguage } from '../../app/LanguageProvider';
import { mayVisit } from '../../app/navigation';
import { navigate } from '../../app/routes';
import { CenteredProgress } from '../../components/CenteredProgress';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import type { NoticeMessage } from '../../components/notice-text';
import { SuccessNotice } from '../../components/SuccessNotice';
import { formatDateTime } from '../../format/dates';
import { useSessionUser } from '../complaints/shared/useSessionUser';
import { cellLabel } from './cell-label';
import { CellValue } from './CellValue';
import { useRecordNames } from './useRecordNames';

/** Changes the server refused: what, why, and the value the cell went back to; then dismissed. */
export function RejectionsPage() {
  const { t } = useTranslation('sync');
  const { language } = useLanguage();
  const roles = useSessionUser()?.roles ?? [];
  const rejections = useApiQuery('sync:rejections', {});
  const dismiss = useApiMutation('sync:dismissRejection');
  const names = useRecordNames((rejections.data?.length ?? 0) > 0);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const rows = [...(rejections.data ?? [])].sort((a, b) => b.at.localeCompare(a.at));
  const head = { fontWeight: 600 } as const;

  const value = (row: SyncRejection, stored: string | null) => (
    <CellValue table={row.table} column={row.column} value={stored} names={names} roles={roles} />
  );

  return (
    <>
      <PageHeader title={t('rejections.title')} intro={t('rejections.intro')} />
      {rejections.isError && (
        <ErrorAlert error={rejections.error} onRetry={() => void rejections.refetch()} />
      )}
      {dismiss.isError && <ErrorAlert error={dismiss.error} />}
      {rejections.isPending ? (
        <CenteredProgress />
      ) : rejections.data && rows.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography color="text.secondary" data-testid="rejections-empty">
            {t('rejections.empty')}
          </Typography>
        </Paper>
      ) : rows.length > 0 ? (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={t('rejections.title')}>
            <TableHead>
              <TableRow>
                <TableCell sx={head}>{t('rejections.at')}</TableCell>
                <TableCell sx={head}>{t('rejections.cell')}</TableCell>
                <TableCell sx={head}>{t('rejections.reason')}</TableCell>
                <TableCell sx={head}>{t('rejections.yourValue')}</TableCell>
                <TableCell sx={head}>{t('rejections.serverValue')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow
                  key={row.id}
                  data-testid={`rejection-${row.id}`}
                  sx={{ verticalAlign: 'top' }}
                >
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(row.at, language)}
                  </TableCell>
                  <TableCell data-testid={`rejection-cell-${row.id}`}>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {cellLabel(t, row.table, row.column)}
                    </Typography>
                    {row.table === 'complaints' && mayVisit('complaints/case', roles) && (
                      <Link
                        component="button"
                        type="button"
                        variant="body2"
                        onClick={() => navigate('complaints/case', row.rowId)}
                      >
                        {t('rejections.openCase')}
                      </Link>
                    )}
                  </TableCell>
                  <TableCell sx={{ maxWidth: 280 }} data-testid={`rejection-reason-${row.id}`}>
                    <Typography variant="body2">{t(`reasons.${row.reason}`)}</Typography>
                  </TableCell>
                  <TableCell sx={{ maxWidth: 260 }} data-testid={`rejection-local-${row.id}`}>
                    {value(row, row.localValue)}
                  </TableCell>
                  <TableCell sx={{ maxWidth: 260 }} data-testid={`rejection-server-${row.id}`}>
                    {value(row, row.serverValue)}
                  </TableCell>
                  <TableCell align="right">
                    <Button
                      size="small"
                      variant="outlined"
                      sx={{ whiteSpace: 'nowrap' }}
                      data-testid={`rejection-dismiss-${row.id}`}
                      loading={dismiss.isPending && dismiss.variables.id === row.id}
                      disabled={dismiss.isPending}
                      onClick={() =>
                        dismiss.mutate(
                          { id: row.id },
                          { onSuccess: () => setNotice({ key: 'sync:rejections.dismissed' }) },
                        )
                      }
                    >
                      {t('rejections.dismiss')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
      <SuccessNotice message={notice} onClose={() => setNotice(null)} />
    </>
  );
}
