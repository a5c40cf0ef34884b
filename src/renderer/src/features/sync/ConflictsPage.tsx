import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../../../shared/api/procedures/sync.procedures';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useLanguage } from '../../app/LanguageProvider';
import { CenteredProgress } from '../../components/CenteredProgress';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import type { NoticeMessage } from '../../components/notice-text';
import { SuccessNotice } from '../../components/SuccessNotice';
import { useSessionUser } from '../complaints/shared/useSessionUser';
import { cellLabel } from './cell-label';
import { describeCellValue } from './cell-value';
import { cellValueText } from './cell-value-text';
import { ConflictCard } from './ConflictCard';
import { useRecordNames } from './useRecordNames';

/** A dialog sentence quotes the value; a reply's whole text would drown it. */
const quotedLength = 120;

/** Heads review what sync settled alone on legally significant columns: keep, or restore. */
export function ConflictsPage() {
  const { t } = useTranslation('sync');
  const { language } = useLanguage();
  const roles = useSessionUser()?.roles ?? [];
  const [includeResolved, setIncludeResolved] = useState(false);
  const conflicts = useApiQuery('sync:conflicts', { includeResolved });
  const resolve = useApiMutation('sync:resolveConflict');
  const names = useRecordNames((conflicts.data?.length ?? 0) > 0);
  const [restoring, setRestoring] = useState<SyncConflict | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const rows = [...(conflicts.data ?? [])].sort(
    (a, b) => Number(a.resolved) - Number(b.resolved) || b.at.localeCompare(a.at),
  );

  const settle = (conflict: SyncConflict, keep: 'kept' | 'lost') =>
    resolve.mutate(
      { id: conflict.id, keep },
      {
        onSuccess: () => {
          setRestoring(null);
          setNotice({
            key: keep === 'kept' ? 'sync:conflicts.keptNotice' : 'sync:conflicts.restoredNotice',
          });
        },
      },
    );
  const quoted = (conflict: SyncConflict) => {
    const text = cellValueText(
      describeCellValue(conflict.table, conflict.column, conflict.lostValue),
      t,
      language,
      names,
    );
    return text.length > quotedLength ? `${text.slice(0, quotedLength)}…` : text;
  };

  return (
    <>
      <PageHeader
        title={t('conflicts.title')}
        intro={t('conflicts.intro')}
        action={
          <FormControlLabel
            control={
              <Switch
                checked={includeResolved}
                onChange={(e) => setIncludeResolved(e.target.checked)}
                slotProps={{ input: { 'data-testid': 'conflicts-show-resolved' } as object }}
              />
            }
            label={t('conflicts.showResolved')}
          />
        }
      />
      {conflicts.isError && (
        <ErrorAlert error={conflicts.error} onRetry={() => void conflicts.refetch()} />
      )}
      {resolve.isError && restoring === null && <ErrorAlert error={resolve.error} />}
      {conflicts.isPending ? (
        <CenteredProgress />
      ) : conflicts.data && rows.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography color="text.secondary" data-testid="conflicts-empty">
            {t('conflicts.empty')}
          </Typography>
        </Paper>
      ) : (
        rows.map((conflict) => (
          <ConflictCard
            key={conflict.id}
            conflict={conflict}
            names={names}
            roles={roles}
            pending={resolve.isPending}
            onKeep={() => settle(conflict, 'kept')}
            onRestore={() => {
              resolve.reset();
              setRestoring(conflict);
            }}
          />
        ))
      )}
      <ConfirmDialog
        open={restoring !== null}
        title={t('conflicts.restoreTitle')}
        body={
          restoring
            ? t('conflicts.restoreBody', {
                value: quoted(restoring),
                cell: cellLabel(t, restoring.table, restoring.column),
              })
            : ''
        }
        confirmLabel={t('conflicts.restore')}
        onConfirm={() => restoring && settle(restoring, 'lost')}
        onClose={() => setRestoring(null)}
        pending={resolve.isPending}
        error={restoring ? resolve.error : null}
        testId="conflict-restore-dialog"
      />
      <SuccessNotice message={notice} onClose={() => setNotice(null)} />
    </>
  );
}
