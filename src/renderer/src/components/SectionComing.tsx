import ConstructionIcon from '@mui/icons-material/Construction';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

/** A section whose module has not landed yet says so plainly, in both languages. */
export function SectionComing({ titleKey }: { titleKey: string }) {
  const { t } = useTranslation();
  const section = t(titleKey);
  return (
    <>
      <Typography variant="h1" gutterBottom>
        {section}
      </Typography>
      <Paper variant="outlined" sx={{ p: 4, display: 'flex', gap: 2, alignItems: 'center' }}>
        <ConstructionIcon color="action" fontSize="large" />
        <div>
          <Typography variant="h3">{t('sectionComing.title')}</Typography>
          <Typography color="text.secondary">{t('sectionComing.body', { section })}</Typography>
        </div>
      </Paper>
    </>
  );
}
