import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import Button, { type ButtonProps } from '@mui/material/Button';
import { useLanguage } from '../../../app/LanguageProvider';
import { directionOf } from '../../../i18n/i18n';

/** A way back whose arrow points where the page reads from: to the right in Arabic. */
export function BackButton(props: Omit<ButtonProps, 'startIcon'>) {
  const { language } = useLanguage();
  return (
    <Button
      startIcon={directionOf(language) === 'rtl' ? <ArrowForwardIcon /> : <ArrowBackIcon />}
      {...props}
    />
  );
}
