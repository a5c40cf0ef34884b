import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/api/procedures/cases.procedures';

/** Urgent and nobody has called yet: danger to people or property needs a call today, not a letter. */
export function CallTodayBanner({
  detail,
  onMarkCalled,
}: {
  detail: CaseDetail;
  /** Absent when this user may not record the call. */
  onMarkCalled: (() => void) | null;
}) {
  const { t } = useTranslation('cases');
  return (
    <Alert
      severity="error"
      variant="filled"
      icon={<PhoneInTalkIcon fontSize="inherit" />}
      sx={{ mb: 2, '& .MuiAlert-message': { flexGrow: 1 } }}
      data-testid="call-today"
      action={
        onMarkCalled && (
          <Button
            color="inherit"
            variant="outlined"
            onClick={onMarkCalled}
            data-testid="mark-called"
            sx={{ whiteSpace: 'nowrap' }}
          >
            {t('call.markCalled')}
          </Button>
        )
      }
    >
      <AlertTitle sx={{ fontWeight: 700 }}>{t('complaints:callToday')}</AlertTitle>
      {detail.citizenPhone ? (
        <>
          {t('call.callOn', { name: detail.citizenName })}{' '}
          <bdi dir="ltr" style={{ fontWeight: 700, fontSize: '1.1em' }}>
            {detail.citizenPhone}
          </bdi>
        </>
      ) : (
        t('call.noPhone', { name: detail.citizenName })
      )}
    </Alert>
  );
}
