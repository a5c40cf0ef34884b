import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SyncStatus } from '../../../shared/api/procedures/sync.procedures';
import { queryKey } from './hooks';

/** Maps core's table names to the procedure domains whose queries show them. */
const domainsOfTable: Record<string, string[]> = {
  users: ['users', 'session', 'home'],
  departments: ['departments', 'home'],
  audit_log: ['audit', 'home'],
  complaints: ['complaints', 'cases', 'complaintStats', 'home'],
  complaint_events: ['cases', 'complaints'],
  complaint_replies: ['cases', 'complaints'],
  complaint_attachments: ['cases'],
  categories: ['categories', 'complaints', 'complaintStats'],
  reply_templates: ['replyTemplates'],
};

/** Listens to core's pushed events and refetches what they make stale. */
export function usePushedEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const stopData = window.api.on('data:changed', ({ tables }) => {
      const domains = new Set(tables.flatMap((table) => domainsOfTable[table] ?? [table]));
      const predicate = (query: { queryKey: readonly unknown[] }) => {
        const name = String(query.queryKey[0]);
        // Any write may add to the changes waiting to be sent, which the header counts.
        return domains.has(name.split(':')[0] ?? '') || name === 'sync:status';
      };
      // A first fetch still in flight may have read before this change: cancel it, or its answer
      // would count as fresh and the screen would keep the older data.
      void queryClient
        .cancelQueries({ predicate })
        .then(() => queryClient.invalidateQueries({ predicate }));
    });
    const stopSync = window.api.on('sync:changed', ({ state, progress }) => {
      const statusKey = queryKey('sync:status', {});
      const known = queryClient.getQueryData<SyncStatus>(statusKey);
      if (known) queryClient.setQueryData<SyncStatus>(statusKey, { ...known, state, progress });
      // A pull reports progress many times a second: those only move the bar, already done above.
      if (known?.state === state && state === 'syncing') return;
      void queryClient.invalidateQueries({
        predicate: (query) => String(query.queryKey[0]).startsWith('sync:'),
      });
    });
    const stopSession = window.api.on('session:changed', () => {
      void queryClient.invalidateQueries();
    });
    return () => {
      stopData();
      stopSession();
      stopSync();
    };
  }, [queryClient]);
}
