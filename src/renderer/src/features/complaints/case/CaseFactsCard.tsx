import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/api/procedures/cases.procedures';
import { Fact } from './Fact';

/** What the citizen reported, where, and who in the commune has it. */
export function CaseFactsCard({
  detail,
  categoryName,
  departmentName,
}: {
  detail: CaseDetail;
  categoryName: string | undefined;
  departmentName: string | undefined;
}) {
  const { t } = useTranslation('cases');
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h2" component="h2" gutterBottom dir="auto" data-testid="case-subject">
          {detail.subject}
        </Typography>
        <Typography
          dir="auto"
          sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', mb: 2 }}
          data-testid="case-description"
        >
          {detail.description}
        </Typography>
        <Divider sx={{ mb: 1 }} />
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' },
            columnGap: 3,
          }}
        >
          <Fact label={t('facts.category')} testId="case-category">
            {categoryName}
          </Fact>
          <Fact label={t('facts.district')} testId="case-district">
            {detail.district}
          </Fact>
          <Fact label={t('facts.department')} testId="case-department">
            {departmentName}
          </Fact>
          <Fact label={t('facts.location')}>{detail.location}</Fact>
          <Fact label={t('facts.assignee')} testId="case-assignee">
            {detail.assigneeName}
          </Fact>
          <Fact label={t('facts.channel')}>{t(`complaints:channels.${detail.channel}`)}</Fact>
        </Box>
      </CardContent>
    </Card>
  );
}
