import { describe, expect, it, vi } from 'vitest';
import type { GuardedContents } from './navigation-guards.ts';
import { decideNavigation, decideWindowOpen, externalUrlAllowed, installNavigationGuards } from './navigation-guards.ts';

type Listener = (event: { preventDefault(): void }, url: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let windowOpen: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardedContents = {
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler) => {
      windowOpen = handler;
    },
  };
  const fire = (event: string, url: string) => {
    const preventDefault = vi.fn();
    listeners.get(event)?.({ preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => windowOpen?.({ url }) };
}

function guarded() {
  const fake = fakeContents();
  const openExternal = vi.fn(() => Promise.resolve());
  const log = vi.fn();
  installNavigationGuards(fake.contents, { openExternal, log });
  return { ...fake, openExternal, log };
}

describe('shell.openExternal allow-list (Electron security checklist §15)', () => {
  it.each(['https://www.example.com/conditions', 'mailto:client@example.com?subject=Devis%20Q-2026-000123'])('allows %s', (url) => {
    expect(externalUrlAllowed(url).ok).toBe(true);
  });

  it.each([
    'http://example.com/',
    'file:///C:/Windows/System32/calc.exe',
    'smb://attacker.example/share',
    'ms-msdt:/id PCWDiagnostic',
    'javascript:alert(1)',
    'comptoir://dossier/D-1',
    'https://bank.example@evil.example/',
    'tel:+33123456789',
    'not a url',
  ])('refuses %s', (url) => {
    expect(externalUrlAllowed(url).ok).toBe(false);
  });
});

describe('navigation guard (Electron security checklist §13)', () => {
  it('lets the window move within the app origin', () => {
    const { fire, openExternal } = guarded();
    expect(fire('will-navigate', 'app://comptoir/index.html')).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('stops a navigation to a web page and opens it in the browser instead', () => {
    const { fire, openExternal } = guarded();
    expect(fire('will-navigate', 'https://www.example.com/')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://www.example.com/');
  });

  it('stops a navigation to anything else without opening it', () => {
    const { fire, openExternal, log } = guarded();
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'http://phishing.example/login')).toBe(true);
    expect(fire('will-redirect', 'app://comptoir.evil/')).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('navigation refused'));
  });

  it('refuses every webview', () => {
    const { fire } = guarded();
    expect(fire('will-attach-webview', '')).toBe(true);
  });

  it('decides from the URL alone', () => {
    expect(decideNavigation('app://comptoir/dossiers/D-1')).toBe('stay');
    expect(decideNavigation('mailto:a@b.example')).toBe('open-external');
    expect(decideNavigation('data:text/html,<script>alert(1)</script>')).toBe('refuse');
  });
});

describe('window-open guard (Electron security checklist §14)', () => {
  it('denies every new window and sends https links to the browser', () => {
    const { open, openExternal } = guarded();
    expect(open('https://maps.example.com/?q=Lyon')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://maps.example.com/?q=Lyon');
  });

  it('denies a second app window too (one window per IndexedDB, DESIGN §11)', () => {
    const { open, openExternal } = guarded();
    expect(open('app://comptoir/index.html')).toEqual({ action: 'deny' });
    expect(decideWindowOpen('app://comptoir/index.html')).toBe('refuse');
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies and drops anything else', () => {
    const { open, openExternal } = guarded();
    expect(open('file:///C:/evil.hta')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });
});
