import type { z } from 'zod';
import type { ProcedureDefinition } from './procedure';
import type { ProcedureName } from './procedure-names';
import { adminProcedures } from './procedures/admin.procedures';
import { auditProcedures } from './procedures/audit.procedures';
import { casesProcedures } from './procedures/cases.procedures';
import { complaintsProcedures } from './procedures/complaints.procedures';
import { sessionProcedures } from './procedures/session.procedures';
import { syncProcedures } from './procedures/sync.procedures';
import { systemProcedures } from './procedures/system.procedures';

/** The one API: every procedure declared once, with its input, output and who may call it. */
export const contract = {
  ...sessionProcedures,
  ...adminProcedures,
  ...auditProcedures,
  ...systemProcedures,
  ...complaintsProcedures,
  ...casesProcedures,
  ...syncProcedures,
} satisfies Record<ProcedureName, ProcedureDefinition>;

export type Contract = typeof contract;

// The name list and the contract must hold exactly the same procedures.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const contractMatchesNames: Exactly<keyof Contract, ProcedureName> = true;

export type InputOf<N extends ProcedureName> = z.input<Contract[N]['input']>;
export type ParsedInputOf<N extends ProcedureName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends ProcedureName> = z.infer<Contract[N]['output']>;
