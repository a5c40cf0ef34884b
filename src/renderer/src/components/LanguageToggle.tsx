import TranslateIcon from '@mui/icons-material/Translate';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../app/LanguageProvider';
import { call } from '../api/call';

/** Switches between Arabic and French; saved on the user's profile when someone is signed in. */
export function LanguageToggle({
  signedIn,
  color = 'inherit',
}: {
  signedIn: boolean;
  color?: 'inherit' | 'primary';
}) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const next = language === 'ar' ? 'fr' : 'ar';
  return (
    <Button
      color={color}
      startIcon={<TranslateIcon />}
      aria-label={t('header.language')}
      data-testid="language-toggle"
      lang={next}
      onClick={() => {
        setLanguage(next);
        if (signedIn) void call('profile:setLanguage', { language: next }).catch(() => undefined);
      }}
    >
      {t('header.switchTo')}
    </Button>
  );
}
