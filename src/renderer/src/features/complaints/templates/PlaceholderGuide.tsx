import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import {
  templatePlaceholders,
  type TemplatePlaceholder,
} from '../../../../../shared/complaints/reply-template';

/**
 * The placeholders a reply template may carry (reply-template.ts) and what each becomes in the
 * draft; with `onInsert`, each can be put at the cursor.
 */
export function PlaceholderGuide({
  onInsert,
}: {
  onInsert?: (placeholder: TemplatePlaceholder) => void;
}) {
  const { t } = useTranslation('complaints');
  return (
    <Paper variant="outlined" sx={{ p: 2, bgcolor: 'grey.50' }} data-testid="placeholder-guide">
      <Typography variant="subtitle2" component="h2" gutterBottom>
        {t('templates.placeholders.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('templates.placeholders.intro')}
      </Typography>
      <Box
        component="dl"
        sx={{
          display: 'grid',
          gridTemplateColumns: 'auto 1fr',
          columnGap: 2,
          rowGap: 0.5,
          m: 0,
          alignItems: 'center',
        }}
      >
        {templatePlaceholders.map((name) => (
          <Box key={name} sx={{ display: 'contents' }}>
            <Box component="dt" sx={{ m: 0 }}>
              {onInsert ? (
                <Button
                  size="small"
                  variant="outlined"
                  onClick={() => onInsert(name)}
                  title={t('templates.placeholders.insert')}
                  sx={{ fontFamily: 'monospace', textTransform: 'none' }}
                  data-testid={`placeholder-${name}`}
                >
                  <bdi dir="ltr">{`{{${name}}}`}</bdi>
                </Button>
              ) : (
                <Box component="code" sx={{ fontFamily: 'monospace' }}>
                  <bdi dir="ltr">{`{{${name}}}`}</bdi>
                </Box>
              )}
            </Box>
            <Box component="dd" sx={{ m: 0 }}>
              <Typography variant="body2">{t(`templates.placeholders.names.${name}`)}</Typography>
            </Box>
          </Box>
        ))}
      </Box>
    </Paper>
  );
}
