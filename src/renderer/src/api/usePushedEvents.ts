import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

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
      void queryClient.invalidateQueries({
        predicate: (query) => domains.has(String(query.queryKey[0]).split(':')[0] ?? ''),
      });
    });
    const stopSession = window.api.on('session:changed', () => {
      void queryClient.invalidateQueries();
    });
    return () => {
      stopData();
      stopSession();
    };
  }, [queryClient]);
}
