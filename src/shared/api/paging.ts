import { z } from 'zod';

/** Lists that may grow large page, sort and filter in core, never in the renderer (DESIGN.md). */
export const pageRequestSchema = z.strictObject({
  page: z.int().min(0).max(100_000),
  pageSize: z.int().min(1).max(200),
});

export function pageOf<T extends z.ZodType>(row: T) {
  return z.object({ rows: z.array(row), total: z.int().min(0) });
}
