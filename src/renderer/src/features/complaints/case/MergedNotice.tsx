import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/api/procedures/cases.procedures';
import { navigate } from '../../../app/routes';

/** A merged case is answered through the case it joined; the page sends the reader there. */
export function MergedNotice({
  mergedInto,
}: {
  mergedInto: NonNullable<CaseDetail['mergedInto']>;
}) {
  const { t } = useTranslation('cases');
  return (
    <Alert severity="info" sx={{ mb: 2 }} data-testid="merged-into">
      {t('merged.into')}{' '}
      <Link
        component="button"
        type="button"
        onClick={() => navigate('complaints/case', mergedInto.id)}
        sx={{ fontWeight: 700, verticalAlign: 'baseline' }}
        data-testid="merged-into-link"
      >
        <bdi dir="ltr">{mergedInto.number}</bdi>
      </Link>
      {'. '}
      {t('merged.answeredThere')}
    </Alert>
  );
}
