import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One labelled fact of a case; an empty value shows as a dash, text keeps its own direction. */
export function Fact({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === '';
  return (
    <Box sx={{ display: 'flex', gap: 1, py: 0.5, alignItems: 'baseline', flexWrap: 'wrap' }}>
      <Typography variant="body2" color="text.secondary" sx={{ minWidth: 130, flexShrink: 0 }}>
        {label}
      </Typography>
      <Box sx={{ flex: '1 1 0', minWidth: 0, overflowWrap: 'anywhere' }} data-testid={testId}>
        {empty ? t('noValue') : typeof children === 'string' ? <bdi>{children}</bdi> : children}
      </Box>
    </Box>
  );
}
