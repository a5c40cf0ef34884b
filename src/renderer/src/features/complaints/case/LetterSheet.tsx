import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type {
  CaseCitizen,
  CaseDetail,
  CaseReply,
} from '../../../../../shared/api/procedures/cases.procedures';
import { communeToday } from '../../../../../shared/complaints/legal-clock';
import { formatDay } from '../../../format/dates';
import { directionOf } from '../../../i18n/i18n';
import { letterBody } from './reply-placeholders';

const letterheadLines = ['kingdom', 'ministry', 'region', 'province', 'commune'] as const;

/**
 * One A4 page of the answer to one citizen, entirely in the reply's language (right-to-left for
 * Arabic, whatever the screen's language): the commune's letterhead, reference, date, addressee,
 * subject, the approved text and the signature block.
 */
export function LetterSheet({
  detail,
  reply,
  citizen,
  departmentName,
}: {
  detail: CaseDetail;
  reply: CaseReply;
  citizen: CaseCitizen;
  departmentName: string | undefined;
}) {
  const language = reply.language;
  const { t } = useTranslation('cases', { lng: language });
  // A letter given on a known day keeps that date when printed again.
  const dated =
    reply.delivery === 'letter' && reply.deliveredOn ? reply.deliveredOn : communeToday(new Date());
  return (
    <Box
      component="article"
      className="letter-sheet"
      dir={directionOf(language)}
      lang={language}
      data-testid="letter-sheet"
      sx={{
        width: '210mm',
        minHeight: '297mm',
        mx: 'auto',
        mb: 3,
        p: '18mm 20mm',
        bgcolor: '#fff',
        color: '#000',
        boxShadow: 3,
        boxSizing: 'border-box',
        display: 'flex',
        flexDirection: 'column',
        textAlign: 'start',
        fontSize: '12pt',
        lineHeight: 1.7,
      }}
    >
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <Box sx={{ textAlign: 'center', fontWeight: 700, lineHeight: 1.6 }}>
          {letterheadLines.map((line) => (
            <Typography key={line} component="p" sx={{ font: 'inherit' }}>
              {t(`letter.letterhead.${line}`)}
            </Typography>
          ))}
          {departmentName && (
            <Typography component="p" sx={{ font: 'inherit', fontWeight: 400 }}>
              {departmentName}
            </Typography>
          )}
        </Box>
        <Typography component="p" sx={{ font: 'inherit' }} data-testid="letter-date">
          {t('letter.placeDate', { date: formatDay(dated, language) })}
        </Typography>
      </Box>

      <Typography component="p" sx={{ font: 'inherit', mt: 3 }} data-testid="letter-reference">
        {t('letter.reference')} <bdi dir="ltr">{citizen.number}</bdi>
      </Typography>

      <Box sx={{ my: 3, marginInlineStart: '45%' }} data-testid="letter-addressee">
        <Typography component="p" sx={{ font: 'inherit', fontWeight: 700 }}>
          {t('letter.to', { name: citizen.name })}
        </Typography>
        {citizen.address && (
          <Typography component="p" sx={{ font: 'inherit' }}>
            {citizen.address}
          </Typography>
        )}
      </Box>

      <Typography component="p" sx={{ font: 'inherit', mb: 2 }} data-testid="letter-subject">
        <Box component="span" sx={{ fontWeight: 700, textDecoration: 'underline' }}>
          {t('letter.subjectLabel')}
        </Box>{' '}
        {t(`letter.subject.${detail.kind}`, { number: citizen.number, subject: detail.subject })}
      </Typography>

      <Typography
        component="div"
        sx={{ font: 'inherit', whiteSpace: 'pre-wrap', textAlign: 'justify', flexGrow: 1 }}
        data-testid="letter-body"
      >
        {letterBody(reply.body, detail, citizen, language)}
      </Typography>

      <Box
        sx={{
          mt: 4,
          alignSelf: 'flex-end',
          textAlign: 'center',
          minWidth: '40%',
          breakInside: 'avoid',
        }}
        data-testid="letter-signature"
      >
        <Typography component="p" sx={{ font: 'inherit', fontWeight: 700 }}>
          {t('letter.signatory')}
        </Typography>
        <Typography component="p" sx={{ font: 'inherit', color: '#555', mt: 8, fontSize: '10pt' }}>
          {t('letter.signatureAndStamp')}
        </Typography>
      </Box>
    </Box>
  );
}
