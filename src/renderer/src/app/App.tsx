import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../i18n/i18n';
import { Gate } from './Gate';
import { LanguageProvider } from './LanguageProvider';

const queryClient = new QueryClient({
  defaultOptions: {
    // Core is local: no network retries to wait for, and pushed events say when data changed.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <LanguageProvider>
          <Gate />
        </LanguageProvider>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
