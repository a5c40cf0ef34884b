import CloudSyncIcon from '@mui/icons-material/CloudSync';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Tooltip from '@mui/material/Tooltip';
import { useTranslation } from 'react-i18next';
import type { ComplaintKind } from '../../../../../shared/complaints/complaint-values';
import { navigate } from '../../../app/routes';

/**
 * The register number, a link to the case, with the legal kind under it. Until the server gives
 * the official number, this PC's own number shows, marked so nobody quotes it as final.
 */
export function CaseNumber({
  id,
  number,
  official,
  kind,
}: {
  id: string;
  number: string;
  official: boolean;
  kind: ComplaintKind;
}) {
  const { t } = useTranslation('complaints');
  return (
    <Box sx={{ minWidth: 0 }}>
      <Link
        component="button"
        type="button"
        // Keyboard users open from the row (Enter); the link would be a second tab stop per row.
        tabIndex={-1}
        onClick={() => navigate('complaints/case', id)}
        sx={{ fontWeight: 600, whiteSpace: 'nowrap', fontSize: 'inherit' }}
        data-testid="case-number"
      >
        <bdi dir="ltr">{number}</bdi>
      </Link>
      <Box
        sx={{ display: 'flex', alignItems: 'center', gap: 0.5, color: 'text.secondary' }}
        data-testid="case-kind"
      >
        {t(`kinds.${kind}`)}
        {!official && (
          <Tooltip title={t('officialNumberPending')}>
            <CloudSyncIcon
              sx={{ fontSize: 16 }}
              aria-label={t('officialNumberPending')}
              aria-hidden={false}
              data-testid="official-number-pending"
            />
          </Tooltip>
        )}
      </Box>
    </Box>
  );
}
