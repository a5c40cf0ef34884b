import { BenchDatabase, cachedDatabase, type GeneratedDatabase } from './bench-database';
import { appendAuditHistory, seedCommune } from './platform-data';

/** The platform tables of a commune after two years of use, at a given audit-log size. */
export interface PlatformDatasetSpec {
  generatorVersion: number;
  auditRecords: number;
  staff: number;
  seed: number;
  /** Simulated period, as ISO dates: fixed, so the cached file stays valid from run to run. */
  from: string;
  to: string;
}

export const platformPassword = 'Lixus-Loukkos-77';

export function platformDataset(auditRecords: number): PlatformDatasetSpec {
  return {
    generatorVersion: 2,
    auditRecords,
    staff: 120,
    seed: 20_261_129,
    from: '2024-11-01',
    to: '2026-11-01',
  };
}

/** Generates (or reuses from the cache) the platform dataset; progress goes to stderr. */
export function platformDatabase(spec: PlatformDatasetSpec): GeneratedDatabase {
  return cachedDatabase(`platform-${spec.auditRecords}`, { ...spec }, (file) => {
    const from = Date.parse(`${spec.from}T00:00:00Z`);
    // The commune's IT set the app up on the first morning of the period.
    const bench = BenchDatabase.create(file, { seed: spec.seed, startAt: from + 8 * 3_600_000 });
    const commune = seedCommune(bench, { staff: spec.staff, password: platformPassword });
    const started = performance.now();
    let reported = 0;
    appendAuditHistory(bench, commune, {
      total: spec.auditRecords,
      from,
      to: Date.parse(`${spec.to}T00:00:00Z`),
      onProgress: (done, of) => {
        const percent = Math.floor((done / of) * 10) * 10;
        if (percent > reported || done === of) {
          reported = percent;
          const rate = done / ((performance.now() - started) / 1000);
          process.stderr.write(
            `  generating audit history: ${done}/${of} (${Math.round(rate)} entries/s)\n`,
          );
        }
      },
    });
    const counts = {
      audit_log: bench.count('audit_log'),
      changes: bench.count('changes'),
      users: bench.count('users'),
      departments: bench.count('departments'),
      local_credentials: bench.count('local_credentials'),
    };
    bench.close();
    return counts;
  });
}
