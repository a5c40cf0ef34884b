import type { DuplicateCandidate } from '../../shared/api/procedures/complaints.procedures';
import type { ComplaintStatus } from '../../shared/complaints/complaint-values';
import { addDays } from '../../shared/complaints/legal-clock';
import { normalizeSearchText } from '../../shared/text/normalize';
import { textSimilarity } from '../../shared/text/search-tokens';
import { statement, type Db } from '../db/connection';

/** A repeat of the same problem comes within weeks; past three months it is a new complaint. */
export const duplicateWindowDays = 90;
/**
 * Same street, same problem: the district adds this much to the text's similarity. It is below
 * the threshold on its own, so two different problems in one district are never suggested.
 */
export const sameDistrictBonus = 0.2;
/**
 * Found by duplicates.test.ts: two spellings of one complaint (another clerk, other words, the
 * article, hamza and ta marbuta written differently) share about a third of their content words;
 * an unrelated complaint of the same category and district shares one or two.
 */
export const duplicateThreshold = 0.35;
const maxSuggestions = 5;

export interface DuplicateQuery {
  categoryId: string;
  district: string;
  text: string;
  excludeId?: string | undefined;
}

interface CandidateRecord {
  id: string;
  local_number: string;
  official_number: string | null;
  subject: string;
  description: string;
  district: string;
  received_on: string;
  status: ComplaintStatus;
}

/** Likely duplicates: same category, recent, not merged away, scored by text and district. */
export function findDuplicates(db: Db, query: DuplicateQuery, today: string): DuplicateCandidate[] {
  const records = statement(
    db,
    `SELECT id, local_number, official_number, subject, description, district, received_on, status
     FROM complaints
     WHERE category_id = ? AND received_on >= ? AND deleted = 0 AND status <> 'merged'
       AND id IS NOT ?`,
  ).all(
    query.categoryId,
    addDays(today, -duplicateWindowDays),
    query.excludeId ?? null,
  ) as CandidateRecord[];
  const district = normalizeSearchText(query.district);
  return records
    .map((record) => {
      const similarity = textSimilarity(query.text, `${record.subject} ${record.description}`);
      const bonus = normalizeSearchText(record.district) === district ? sameDistrictBonus : 0;
      return { record, score: Math.min(1, similarity + bonus) };
    })
    .filter((candidate) => candidate.score >= duplicateThreshold)
    .sort((a, b) => b.score - a.score || b.record.received_on.localeCompare(a.record.received_on))
    .slice(0, maxSuggestions)
    .map(({ record, score }) => ({
      id: record.id,
      number: record.official_number ?? record.local_number,
      subject: record.subject,
      district: record.district,
      receivedOn: record.received_on,
      status: record.status,
      score: Math.round(score * 1000) / 1000,
    }));
}
