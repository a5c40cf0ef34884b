import PrintIcon from '@mui/icons-material/Print';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import GlobalStyles from '@mui/material/GlobalStyles';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { navigate, useRouteParam } from '../../../app/routes';
import { ApiCallError } from '../../../api/api-error';
import { useApiQuery } from '../../../api/hooks';
import { CenteredProgress } from '../../../components/CenteredProgress';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { departmentName } from '../../admin/department-name';
import { BackButton } from '../shared/BackButton';
import { letterReply } from './letter-reply';
import { LetterSheet } from './LetterSheet';

// Only the letters go to paper: whatever is marked data-print="hide" (the app's bar and menu,
// this page's buttons) stays on screen.
const printStyles = (
  <GlobalStyles
    styles={{
      '@page': { size: 'A4', margin: '15mm 0' },
      '@media print': {
        'body, #root, main': { background: '#fff !important' },
        '[data-print="hide"]': {
          display: 'none !important',
        },
        main: { padding: '0 !important' },
        '.letter-sheet': {
          boxShadow: 'none !important',
          margin: '0 auto !important',
          minHeight: 'auto !important',
          paddingTop: '0 !important',
          paddingBottom: '0 !important',
          breakAfter: 'page',
        },
        '.letter-sheet:last-of-type': { breakAfter: 'auto' },
      },
    }}
  />
);

/**
 * #/complaints/letter/<case id>: the approved reply as printable A4 letters, one per citizen the
 * case answers (its own and those of merged cases). Printing goes through the system dialog, which
 * also saves as PDF.
 */
export function LetterPage() {
  const id = useRouteParam();
  if (!id) return <ErrorAlert error={new ApiCallError({ code: 'NOT_FOUND', message: '' })} />;
  return <Letters key={id} id={id} />;
}

function Letters({ id }: { id: string }) {
  const { t } = useTranslation('cases');
  const detail = useApiQuery('cases:get', { id });
  const departments = useApiQuery('departments:list', {});
  if (detail.isPending) return <CenteredProgress />;
  if (detail.isError)
    return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const reply = letterReply(detail.data);
  const department = departments.data?.find((d) => d.id === detail.data.departmentId);
  return (
    <>
      {printStyles}
      <Box
        data-print="hide"
        sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 2, flexWrap: 'wrap' }}
      >
        <BackButton onClick={() => navigate('complaints/case', id)} data-testid="letter-back">
          {t('letter.back')}
        </BackButton>
        <Typography variant="h1" component="h1" sx={{ flexGrow: 1 }}>
          {t('letter.title')} <bdi dir="ltr">{detail.data.number}</bdi>
        </Typography>
        {reply && (
          <Button
            variant="contained"
            startIcon={<PrintIcon />}
            onClick={() => window.print()}
            data-testid="print"
          >
            {t('letter.print')}
          </Button>
        )}
      </Box>
      {reply ? (
        <>
          {detail.data.citizens.length > 1 && (
            <Alert severity="info" data-print="hide" sx={{ mb: 2 }}>
              {t('letter.onePerCitizen', { count: detail.data.citizens.length })}
            </Alert>
          )}
          {detail.data.citizens.map((citizen) => (
            <LetterSheet
              key={citizen.complaintId}
              detail={detail.data}
              reply={reply}
              citizen={citizen}
              departmentName={department && departmentName(department, reply.language)}
            />
          ))}
        </>
      ) : (
        <Alert severity="warning" data-testid="letter-none">
          {t('letter.noApprovedReply')}
        </Alert>
      )}
    </>
  );
}
