import BackupIcon from '@mui/icons-material/Backup';
import SettingsBackupRestoreIcon from '@mui/icons-material/SettingsBackupRestore';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../../shared/api/procedures/system.procedures';
import { useLanguage } from '../../app/LanguageProvider';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { CenteredProgress } from '../../components/CenteredProgress';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { NoticeMessage } from '../../components/notice-text';
import { formatDateTime } from '../../format/dates';
import { backupKind, backupSize } from '../../format/backups';

/** The backups on this PC: take one now, or restore one after a confirmation. */
export function BackupsSection({ onNotice }: { onNotice: (message: NoticeMessage) => void }) {
  const { t } = useTranslation('admin');
  const { language } = useLanguage();
  const backups = useApiQuery('backups:list', {});
  const create = useApiMutation('backups:create');
  const restore = useApiMutation('backups:restore');
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const head = { fontWeight: 600 } as const;

  return (
    <>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'flex-start',
          gap: 2,
          mb: 2,
          flexWrap: { xs: 'wrap', md: 'nowrap' },
        }}
      >
        <Box sx={{ flex: '1 1 auto', minWidth: 0 }}>
          <Typography variant="h2" gutterBottom>
            {t('backups.title')}
          </Typography>
          <Typography color="text.secondary">{t('backups.intro')}</Typography>
        </Box>
        <Button
          variant="contained"
          startIcon={<BackupIcon />}
          sx={{ flexShrink: 0 }}
          loading={create.isPending}
          onClick={() =>
            create.mutate({}, { onSuccess: () => onNotice({ key: 'admin:backups.created' }) })
          }
          data-testid="backup-now"
        >
          {t('backups.now')}
        </Button>
      </Box>
      {create.isError && <ErrorAlert error={create.error} />}
      {backups.isError && (
        <ErrorAlert error={backups.error} onRetry={() => void backups.refetch()} />
      )}
      {backups.isPending ? (
        <CenteredProgress />
      ) : (
        <TableContainer>
          <Table size="small" aria-label={t('backups.title')} data-testid="backups-table">
            <TableHead>
              <TableRow>
                <TableCell sx={head}>{t('backups.columns.createdAt')}</TableCell>
                <TableCell sx={head}>{t('backups.columns.kind')}</TableCell>
                <TableCell sx={head}>{t('backups.columns.size')}</TableCell>
                <TableCell sx={head}>{t('backups.columns.name')}</TableCell>
                <TableCell sx={head}>{t('backups.columns.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {backups.data?.length === 0 && (
                <TableRow>
                  <TableCell colSpan={5} sx={{ color: 'text.secondary', py: 3 }}>
                    {t('backups.empty')}
                  </TableCell>
                </TableRow>
              )}
              {backups.data?.map((backup) => {
                const size = backupSize(backup.sizeBytes, language);
                return (
                  <TableRow key={backup.name} hover>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(backup.createdAt, language)}
                    </TableCell>
                    <TableCell>{t(`backups.kinds.${backupKind(backup.name)}`)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {t(`backups.size.${size.unit}`, { value: size.value })}
                    </TableCell>
                    <TableCell>
                      <Typography
                        component="bdi"
                        dir="ltr"
                        variant="body2"
                        sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
                      >
                        {backup.name}
                      </Typography>
                    </TableCell>
                    <TableCell>
                      <Button
                        size="small"
                        startIcon={<SettingsBackupRestoreIcon />}
                        onClick={() => setRestoring(backup)}
                        data-testid="backup-restore"
                      >
                        {t('backups.restore')}
                      </Button>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {restoring && (
        <ConfirmDialog
          open
          title={t('backups.restoreTitle', { date: formatDateTime(restoring.createdAt, language) })}
          body={t('backups.restoreBody')}
          confirmLabel={t('backups.restoreConfirm')}
          destructive
          pending={restore.isPending}
          error={restore.error}
          onClose={() => {
            setRestoring(null);
            restore.reset();
          }}
          onConfirm={() => restore.mutate({ name: restoring.name })}
          testId="backup-restore-dialog"
        />
      )}
    </>
  );
}
