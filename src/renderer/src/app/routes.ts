import { useSyncExternalStore } from 'react';

/** The app's sections; the hash keeps the place across a reload of the window. */
export const routes = [
  'home',
  'complaints',
  'info-requests',
  'articles',
  'slec',
  'admin/users',
  'admin/departments',
  'admin/audit',
  'admin/settings',
] as const;

export type Route = (typeof routes)[number];

function currentRoute(): Route {
  const hash = window.location.hash.replace(/^#\/?/, '');
  return (routes as readonly string[]).includes(hash) ? (hash as Route) : 'home';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, currentRoute);
}

export function navigate(route: Route): void {
  window.location.hash = `/${route}`;
}
