import { z } from 'zod';

/** The commune's staff roles (DOMAIN.md, "People and roles"). A user may hold several. */
export const roles = [
  'clerk',
  'head',
  'info_officer',
  'editor',
  'slec_manager',
  'director',
  'president',
  'admin',
] as const;

export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles);

/** Roles that read everything (DOMAIN.md: the director of services and the president). */
export const readEverythingRoles: readonly Role[] = ['director', 'president', 'admin'];
