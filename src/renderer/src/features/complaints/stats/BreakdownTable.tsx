import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../app/LanguageProvider';
import { formatCount, formatShare } from './stats-numbers';

export interface BreakdownRow {
  key: string;
  label: string;
  count: number;
}

/** One breakdown of the period's cases: a line per kind, category, department or status. */
export function BreakdownTable({
  title,
  dimension,
  rows,
  total,
  testId,
}: {
  title: string;
  /** The heading of the first column (kind, category...). */
  dimension: string;
  rows: readonly BreakdownRow[];
  total: number;
  testId: string;
}) {
  const { t } = useTranslation('complaintStats');
  const { language } = useLanguage();
  const head = { fontWeight: 600 };
  return (
    <TableContainer component={Paper} variant="outlined" sx={{ height: '100%' }}>
      <Typography variant="h3" component="h2" sx={{ px: 2, pt: 2, pb: 1 }}>
        {title}
      </Typography>
      <Table size="small" aria-label={title} data-testid={testId}>
        <TableHead>
          <TableRow>
            <TableCell sx={head}>{dimension}</TableCell>
            <TableCell sx={{ ...head, width: 90 }} align="right">
              {t('columns.count')}
            </TableCell>
            <TableCell sx={{ ...head, width: 150 }}>{t('columns.share')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={3} sx={{ color: 'text.secondary', py: 3 }}>
                {t('empty')}
              </TableCell>
            </TableRow>
          )}
          {rows.map((row) => {
            const share = total === 0 ? 0 : row.count / total;
            return (
              <TableRow key={row.key} hover data-key={row.key}>
                <TableCell>{row.label}</TableCell>
                <TableCell align="right" data-testid={`${testId}-count`}>
                  {formatCount(row.count, language)}
                </TableCell>
                <TableCell>
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                    <LinearProgress
                      variant="determinate"
                      value={share * 100}
                      aria-hidden
                      sx={{ flex: 1, height: 6, borderRadius: 3 }}
                    />
                    <Box component="span" sx={{ minWidth: 52, textAlign: 'end' }}>
                      {formatShare(share, language)}
                    </Box>
                  </Box>
                </TableCell>
              </TableRow>
            );
          })}
          {rows.length > 0 && (
            <TableRow>
              <TableCell sx={head}>{t('total')}</TableCell>
              <TableCell sx={head} align="right">
                {formatCount(total, language)}
              </TableCell>
              <TableCell />
            </TableRow>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
