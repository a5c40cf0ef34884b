import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../app/LanguageProvider';
import { useApiQuery } from '../../../api/hooks';
import { navigate } from '../../../app/routes';
import { useDebouncedValue } from '../../../components/useDebouncedValue';
import { formatDay } from '../../../format/dates';
import { StatusChip } from '../shared/StatusChip';

/** Enough typed to compare: a category, a district and a sentence or so. */
const minTextLength = 10;

/**
 * Likely duplicates of what is being typed (same category and district, similar words, recent):
 * for information only; the clerk may still register, and a head can merge later.
 */
export function DuplicateHints({
  categoryId,
  district,
  text,
}: {
  categoryId: string;
  district: string;
  text: string;
}) {
  const { t } = useTranslation('complaints');
  const { language } = useLanguage();
  // Debounced as a string: a fresh object each render would restart the timer forever.
  const settled = useDebouncedValue(
    JSON.stringify({
      categoryId,
      district: district.trim().slice(0, 80),
      text: text.trim().slice(0, 5200),
    }),
    600,
  );
  const probe = JSON.parse(settled) as { categoryId: string; district: string; text: string };
  const ready =
    probe.categoryId !== '' && probe.district.length >= 2 && probe.text.length >= minTextLength;
  const duplicates = useApiQuery('complaints:duplicates', probe, {
    enabled: ready,
    placeholderData: keepPreviousData,
  });
  const found = ready ? (duplicates.data ?? []) : [];
  return (
    <Paper
      variant="outlined"
      component="aside"
      aria-label={t('intake.duplicates.title')}
      sx={{ p: 2, mb: 2, borderColor: found.length > 0 ? 'warning.main' : undefined }}
      data-testid="intake-duplicates"
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <ContentCopyIcon color={found.length > 0 ? 'warning' : 'action'} fontSize="small" />
        <Typography variant="h3" component="h2">
          {t('intake.duplicates.title')}
        </Typography>
      </Box>
      {ready && duplicates.isFetching && <LinearProgress sx={{ mb: 1 }} />}
      <Typography variant="body2" color="text.secondary" data-testid="intake-duplicates-state">
        {!ready
          ? t('intake.duplicates.waiting')
          : duplicates.isError
            ? t(`errors:${duplicates.error.code}`)
            : found.length === 0
              ? duplicates.isFetched
                ? t('intake.duplicates.none')
                : t('intake.duplicates.checking')
              : t('intake.duplicates.found', { count: found.length })}
      </Typography>
      {found.length > 0 && (
        <List dense disablePadding>
          {found.map((candidate) => (
            <ListItem
              key={candidate.id}
              disableGutters
              divider
              sx={{ display: 'block', py: 1 }}
              data-testid="intake-duplicate"
            >
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                <Typography sx={{ fontWeight: 600 }}>
                  <bdi dir="ltr">{candidate.number}</bdi>
                </Typography>
                <StatusChip status={candidate.status} />
              </Box>
              <Typography>{candidate.subject}</Typography>
              <Typography variant="body2" color="text.secondary">
                {t('intake.duplicates.meta', {
                  date: formatDay(candidate.receivedOn, language),
                  district: candidate.district,
                  score: Math.round(candidate.score * 100),
                })}
              </Typography>
              <Button
                size="small"
                startIcon={<OpenInNewIcon />}
                onClick={() => navigate('complaints/case', candidate.id)}
                data-testid="intake-duplicate-open"
              >
                {t('intake.duplicates.open')}
              </Button>
            </ListItem>
          ))}
        </List>
      )}
    </Paper>
  );
}
