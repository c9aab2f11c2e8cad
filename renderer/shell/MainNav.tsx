import { routeHash, routeStore, type Route } from '../app/route-store.ts';
import { uiStore } from '../app/ui-store.ts';
import { useT } from '../i18n/useT.ts';
import { sessionStore } from '../session/session-store.ts';

const SCREENS: readonly Extract<Route['name'], 'inbox' | 'pipeline' | 'table' | 'dashboard'>[] = ['inbox', 'pipeline', 'table', 'dashboard'];

export function MainNav() {
  const { t } = useT();
  const route = routeStore((s) => s.route);
  const isAdmin = sessionStore((s) => s.user?.role === 'admin');
  return (
    <nav className="nav" aria-label={t.nav.label}>
      {SCREENS.map((name) => (
        <a key={name} href={routeHash({ name })} aria-current={route.name === name ? 'page' : undefined}>
          {t.nav[name]}
        </a>
      ))}
      {isAdmin && (
        <a href={routeHash({ name: 'offers' })} aria-current={route.name === 'offers' || route.name === 'offer' ? 'page' : undefined}>
          {t.nav.offers}
        </a>
      )}
      <button type="button" className="btn primary" style={{ marginLeft: 8 }} onClick={() => uiStore.getState().open('newCall')}>
        {t.nav.newCall} <kbd style={{ background: 'transparent', color: '#dfe8f7' }}>F2</kbd>
      </button>
    </nav>
  );
}
