/** Messages between a benchmark and its server child (support/server-child.ts). */
export type ParentMessage = { type: 'memory' } | { type: 'stop' };

export type ChildMessage =
  | { type: 'ready'; url: string }
  | { type: 'memory'; asIs: NodeJS.MemoryUsage; afterGc: NodeJS.MemoryUsage | null };
