import { mayCall } from '../../../shared/api/may-call';
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
  { route: 'complaints', label: 'nav.complaints', gate: 'complaints:queue' },
  { route: 'info-requests', label: 'nav.infoRequests' },
  { route: 'articles', label: 'nav.articles' },
  { route: 'slec', label: 'nav.slec' },
];

export const adminNav: readonly NavItem[] = [
  { route: 'admin/users', label: 'nav.users', gate: 'users:list' },
  { route: 'admin/departments', label: 'nav.departments', gate: 'departments:create' },
  { route: 'admin/categories', label: 'nav.categories', gate: 'categories:create' },
  { route: 'admin/audit', label: 'nav.audit', gate: 'audit:list' },
  { route: 'admin/settings', label: 'nav.settings', gate: 'settings:update' },
];

export function visibleTo(item: NavItem, roles: readonly Role[]): boolean {
  return !item.gate || mayCall(item.gate, roles);
}

/** Pages reached from within a section, each gated by the procedure it exists for. */
const pageGates: Partial<Record<Route, ProcedureName>> = {
  'complaints/new': 'complaints:create',
  'complaints/case': 'cases:get',
  'complaints/letter': 'cases:get',
  'complaints/stats': 'complaintStats:summary',
  'complaints/templates': 'replyTemplates:save',
  // Reached from the header's sync menu: rejections concern everyone, conflicts the heads.
  'sync/rejections': 'sync:rejections',
  'sync/conflicts': 'sync:resolveConflict',
};

/** Whether these roles may open a page; core refuses the calls anyway, this spares a dead end. */
export function mayVisit(route: Route, roles: readonly Role[]): boolean {
  const gate = pageGates[route];
  if (gate) return mayCall(gate, roles);
  const item = [...mainNav, ...adminNav].find((candidate) => candidate.route === route);
  return item !== undefined && visibleTo(item, roles);
}
