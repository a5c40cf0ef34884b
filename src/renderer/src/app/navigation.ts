import type { Role } from '../../../shared/roles';
import type { Route } from './routes';

export interface NavItem {
  route: Route;
  /** Key in common.json's nav. */
  label: string;
  /** Shown only to these roles; the same rule is enforced by core for the data behind. */
  roles?: readonly Role[];
}

export const mainNav: readonly NavItem[] = [
  { route: 'home', label: 'nav.home' },
  { route: 'complaints', label: 'nav.complaints' },
  { route: 'info-requests', label: 'nav.infoRequests' },
  { route: 'articles', label: 'nav.articles' },
  { route: 'slec', label: 'nav.slec' },
];

export const adminNav: readonly NavItem[] = [
  { route: 'admin/users', label: 'nav.users', roles: ['admin'] },
  { route: 'admin/departments', label: 'nav.departments', roles: ['admin'] },
  { route: 'admin/audit', label: 'nav.audit', roles: ['admin', 'director'] },
  { route: 'admin/settings', label: 'nav.settings', roles: ['admin'] },
];

export function visibleTo(item: NavItem, roles: readonly Role[]): boolean {
  return !item.roles || item.roles.some((role) => roles.includes(role));
}
