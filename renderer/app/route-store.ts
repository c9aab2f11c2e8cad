import { create } from 'zustand';

/** The screens, addressable by URL hash so a reload or a deep link lands on the same one. */
export type Route =
  | { readonly name: 'inbox' }
  | { readonly name: 'pipeline' }
  | { readonly name: 'table' }
  | { readonly name: 'dashboard' }
  | { readonly name: 'dossier'; readonly id: string }
  | { readonly name: 'quote'; readonly id: string }
  | { readonly name: 'offers' }
  /** `discount` (`<engagement number>-<discount code>`) is highlighted: "Consulter la remise" (seed 002). */
  | { readonly name: 'offer'; readonly id: string; readonly discount?: string };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseHash(hash: string): Route {
  const [name, id] = hash.replace(/^#\/?/, '').split('/');
  if (name === 'dossiers' && id !== undefined && ID.test(id)) return { name: 'dossier', id };
  if (name === 'quotes' && id !== undefined && ID.test(id)) return { name: 'quote', id };
  if (name === 'offers' && id !== undefined && ID.test(id)) {
    const discount = hash.replace(/^#\/?/, '').split('/')[2];
    return discount !== undefined && ID.test(discount) ? { name: 'offer', id, discount } : { name: 'offer', id };
  }
  if (name === 'offers') return { name };
  if (name === 'pipeline' || name === 'table' || name === 'inbox' || name === 'dashboard') return { name };
  return { name: 'inbox' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'dossier':
      return `#/dossiers/${route.id}`;
    case 'quote':
      return `#/quotes/${route.id}`;
    case 'offer':
      return route.discount === undefined ? `#/offers/${route.id}` : `#/offers/${route.id}/${route.discount}`;
    default:
      return `#/${route.name}`;
  }
}

interface RouteState {
  readonly route: Route;
  navigate(route: Route): void;
}

export const routeStore = create<RouteState>()((set) => ({
  route: parseHash(globalThis.location?.hash ?? ''),
  navigate(route) {
    const hash = routeHash(route);
    if (location.hash !== hash) location.hash = hash;
    set({ route });
  },
}));

globalThis.addEventListener?.('hashchange', () => routeStore.setState({ route: parseHash(location.hash) }));

export function navigate(route: Route): void {
  routeStore.getState().navigate(route);
}
