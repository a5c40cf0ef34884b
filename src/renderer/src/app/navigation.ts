import { contract } from '../../../shared/api/contract';
import type { ProcedureName } from '../../../shared/api/procedure-names';
import type { Role } from '../../../shared/roles';
import type { Route } from './routes';

export interface NavItem {
  route: Route;
  /** Key in common.json's nav. */
  label: string;
  /**
   * Shown only to those who may call this procedure, the page's reason to exist: the contract's
   * rule, the one core enforces, rather than a second list of roles here.
   */
  gate?: ProcedureName;
}

export const mainNav: readonly NavItem[] = [
  { route: 'home', label: 'nav.home' },
  { route: 'complaints', label: 'nav.complaints' },
  { route: 'info-requests', label: 'nav.infoRequests' },
  { route: 'articles', label: 'nav.articles' },
  { route: 'slec', label: 'nav.slec' },
];

export const adminNav: readonly NavItem[] = [
  { route: 'admin/users', label: 'nav.users', gate: 'users:list' },
  { route: 'admin/departments', label: 'nav.departments', gate: 'departments:create' },
  { route: 'admin/audit', label: 'nav.audit', gate: 'audit:list' },
  { route: 'admin/settings', label: 'nav.settings', gate: 'settings:update' },
];

export function visibleTo(item: NavItem, roles: readonly Role[]): boolean {
  if (!item.gate) return true;
  const access = contract[item.gate].access;
  return (
    access === 'public' || access === 'signed-in' || access.some((role) => roles.includes(role))
  );
}
