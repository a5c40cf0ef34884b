import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/api/procedures/cases.procedures';
import { Fact } from './Fact';

/** Who wrote: contact details, and the CIN in full only for the roles law 09-08 allows. */
export function CitizenCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation('cases');
  return (
    <Card variant="outlined" data-testid="citizen">
      <CardContent>
        <Typography variant="h3" component="h2" gutterBottom>
          {t('citizen.title')}
        </Typography>
        <Fact label={t('citizen.name')} testId="citizen-name">
          {detail.citizenName}
        </Fact>
        <Fact label={t('citizen.phone')} testId="citizen-phone">
          {detail.citizenPhone && <bdi dir="ltr">{detail.citizenPhone}</bdi>}
        </Fact>
        <Fact label={t('citizen.email')} testId="citizen-email">
          {detail.citizenEmail && <bdi dir="ltr">{detail.citizenEmail}</bdi>}
        </Fact>
        <Fact label={t('citizen.address')}>{detail.citizenAddress}</Fact>
        <Fact label={t('citizen.cin')} testId="citizen-cin">
          {detail.citizenCin && <bdi dir="ltr">{detail.citizenCin}</bdi>}
        </Fact>
        {detail.citizenCin && detail.citizenCinMasked && (
          <Typography variant="caption" color="text.secondary" component="p">
            {t('citizen.cinMasked')}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
