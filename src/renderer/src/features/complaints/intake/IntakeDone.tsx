import AddIcon from '@mui/icons-material/Add';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import FolderOpenIcon from '@mui/icons-material/FolderOpen';
import ListIcon from '@mui/icons-material/List';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/routes';

/** The case is in the register: its number at once, and where to go next. */
export function IntakeDone({
  id,
  localNumber,
  onAnother,
}: {
  id: string;
  localNumber: string;
  onAnother: () => void;
}) {
  const { t } = useTranslation('complaints');
  return (
    <Paper
      variant="outlined"
      sx={{ p: 4, textAlign: 'center', maxWidth: 640, mx: 'auto' }}
      data-testid="intake-done"
    >
      <CheckCircleIcon color="success" sx={{ fontSize: 56 }} />
      <Typography variant="h2" component="p" sx={{ mt: 1 }}>
        {t('intake.done.title')}
      </Typography>
      <Typography sx={{ mt: 2 }}>{t('intake.done.localNumber')}</Typography>
      <Typography
        variant="h1"
        component="p"
        sx={{ my: 1, letterSpacing: 1 }}
        data-testid="intake-local-number"
      >
        <bdi dir="ltr">{localNumber}</bdi>
      </Typography>
      <Typography color="text.secondary">{t('intake.done.officialLater')}</Typography>
      <Box sx={{ display: 'flex', gap: 1, justifyContent: 'center', flexWrap: 'wrap', mt: 3 }}>
        <Button
          variant="contained"
          startIcon={<FolderOpenIcon />}
          onClick={() => navigate('complaints/case', id)}
          autoFocus
          data-testid="intake-open-case"
        >
          {t('intake.done.openCase')}
        </Button>
        <Button
          variant="outlined"
          startIcon={<AddIcon />}
          onClick={onAnother}
          data-testid="intake-another"
        >
          {t('intake.done.another')}
        </Button>
        <Button startIcon={<ListIcon />} onClick={() => navigate('complaints')}>
          {t('intake.done.queue')}
        </Button>
      </Box>
    </Paper>
  );
}
