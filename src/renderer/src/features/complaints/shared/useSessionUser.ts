import type { SessionUser } from '../../../../../shared/api/procedures/session.procedures';
import { useApiQuery } from '../../../api/hooks';

/** The signed-in user (the shell is only shown with one), or null while the status loads. */
export function useSessionUser(): SessionUser | null {
  return useApiQuery('session:status', {}).data?.user ?? null;
}
