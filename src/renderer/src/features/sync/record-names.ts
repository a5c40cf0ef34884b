/** Names for the ids a synced cell may hold (users, departments, categories), in the UI language. */
export interface RecordNames {
  user: (id: string) => string | null;
  department: (id: string) => string | null;
  category: (id: string) => string | null;
}
