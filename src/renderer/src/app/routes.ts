import { useSyncExternalStore } from 'react';

/** The app's pages; the hash keeps the place across a reload of the window. */
export const routes = [
  'home',
  'complaints',
  'complaints/new',
  'complaints/case',
  'complaints/letter',
  'complaints/stats',
  'complaints/templates',
  'info-requests',
  'articles',
  'slec',
  'admin/users',
  'admin/departments',
  'admin/categories',
  'admin/audit',
  'admin/settings',
  'sync/rejections',
  'sync/conflicts',
] as const;

export type Route = (typeof routes)[number];

/** Where the window is: a page and, for a record's page, the record's id (#/complaints/case/<id>). */
export interface Location {
  route: Route;
  param: string | null;
}

const paramPattern = /^[0-9a-f-]{36}$/;

export function parseHash(hash: string): Location {
  const path = hash.replace(/^#\/?/, '');
  if ((routes as readonly string[]).includes(path)) return { route: path as Route, param: null };
  const cut = path.lastIndexOf('/');
  const base = path.slice(0, cut);
  const param = path.slice(cut + 1);
  if (cut > 0 && (routes as readonly string[]).includes(base) && paramPattern.test(param))
    return { route: base as Route, param };
  return { route: 'home', param: null };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => parseHash(window.location.hash).route);
}

/** The id in the hash, for the pages of one record. */
export function useRouteParam(): string | null {
  return useSyncExternalStore(subscribe, () => parseHash(window.location.hash).param);
}

export function navigate(route: Route, param?: string): void {
  window.location.hash = param ? `/${route}/${param}` : `/${route}`;
}

/** The main section a page belongs to, for the navigation's highlight. */
export function sectionOf(route: Route): string {
  return route.startsWith('admin/') ? route : (route.split('/')[0] ?? route);
}
