import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageToggle } from '../../components/LanguageToggle';

/** The frame of the screens before the app: name of the app, the commune, a language switch. */
export function AuthLayout({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        p: 2,
        bgcolor: 'background.default',
      }}
    >
      <Paper
        component="main"
        elevation={0}
        variant="outlined"
        sx={{ width: '100%', maxWidth: 460, p: 4 }}
      >
        <Box
          sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', mb: 2 }}
        >
          <Box>
            <Typography variant="h2" component="p" color="primary">
              {t('appName')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {t('appTagline')}
            </Typography>
          </Box>
          <LanguageToggle signedIn={false} color="primary" />
        </Box>
        <Typography variant="h1" sx={{ mt: 3 }}>
          {title}
        </Typography>
        {intro && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {intro}
          </Typography>
        )}
        {children}
      </Paper>
    </Box>
  );
}
