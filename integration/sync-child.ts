import { intakeInput } from '../src/core/complaints/complaint-fixtures';
import { Core } from '../src/core/core';
import { lightingCategory } from '../src/core/sync/sync-fixtures';
import { complaintsTable } from '../src/shared/tables/complaints.tables';

/**
 * An office PC in a process of its own, for sync-killed.test.ts: it signs in, then registers and
 * edits cases and syncs, over and over, until its parent kills it (SIGKILL) at a random moment.
 * argv: data folder, wall clock (ms), username, password.
 */
const [dataDir, clockMs, username, password] = process.argv.slice(2);
if (!dataDir || !clockMs || !username || !password) throw new Error('usage: data clock user pass');

const core = new Core({ dataDir, wallClock: () => Number(clockMs), syncPullLimit: 40 });
const signIn = core.dispatch('session:signIn', { username, password });
if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.error.code}`);
process.stdout.write('ready\n');

for (let round = 0; ; round += 1) {
  const created = core.dispatch(
    'complaints:create',
    intakeInput(lightingCategory, { subject: `شكاية من عملية مستقلة ${round}` }),
  );
  if (!created.ok) throw new Error(`create failed: ${created.error.code}`);
  const { id } = created.value as { id: string };
  core.runInTransaction('mutation', (ctx) =>
    ctx.write.update(complaintsTable, id, { district: `حي رقم ${round}` }),
  );
  await core.sync.runNow();
}
