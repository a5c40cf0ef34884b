import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CaseCitizen } from '../../../../../shared/api/procedures/cases.procedures';
import { navigate } from '../../../app/routes';

/** Everyone this case answers: its own citizen and those of the cases merged into it. */
export function RecipientsCard({
  caseId,
  citizens,
}: {
  caseId: string;
  citizens: readonly CaseCitizen[];
}) {
  const { t } = useTranslation('cases');
  return (
    <Card variant="outlined" data-testid="recipients">
      <CardContent>
        <Typography variant="h3" component="h2" gutterBottom>
          {t('merged.recipients', { count: citizens.length })}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('merged.recipientsHint')}
        </Typography>
        <List dense disablePadding>
          {citizens.map((citizen) => (
            <ListItem key={citizen.complaintId} disableGutters data-testid="recipient">
              <ListItemText
                primary={<bdi>{citizen.name}</bdi>}
                secondary={
                  <>
                    {citizen.complaintId === caseId ? (
                      <bdi dir="ltr">{citizen.number}</bdi>
                    ) : (
                      <Link
                        component="button"
                        type="button"
                        onClick={() => navigate('complaints/case', citizen.complaintId)}
                      >
                        <bdi dir="ltr">{citizen.number}</bdi>
                      </Link>
                    )}
                    {citizen.phone && (
                      <>
                        {' · '}
                        <bdi dir="ltr">{citizen.phone}</bdi>
                      </>
                    )}
                  </>
                }
              />
            </ListItem>
          ))}
        </List>
      </CardContent>
    </Card>
  );
}
