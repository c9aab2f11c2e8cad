import { describe, expect, it } from 'vitest';
import { findDeepLinkInArgv, parseDeepLink } from './deep-link.ts';

describe('comptoir:// deep links', () => {
  it.each([
    ['comptoir://dossier/D-2026-000042', 'D-2026-000042'],
    ['comptoir://dossier/D-2026-000042/', 'D-2026-000042'],
    ['COMPTOIR://Dossier/abc_DEF-123', 'abc_DEF-123'],
  ])('opens the dossier of %s', (link, id) => {
    expect(parseDeepLink(link)).toEqual({ ok: true, value: { kind: 'dossier', dossierId: id } });
  });

  it.each([
    'comptoir://dossier/',
    'comptoir://dossier',
    'comptoir://dossier/D-1/quotes',
    'comptoir://dossier/..%2F..%2Fetc',
    'comptoir://dossier/D%201',
    'comptoir://dossier/<script>',
    'comptoir://dossier/D-1?redirect=https://evil.example',
    'comptoir://dossier/D-1#x',
    'comptoir://user:pass@dossier/D-1',
    'comptoir://dossier:8080/D-1',
    'comptoir://settings/server',
    'comptoir:dossier/D-1',
    'https://dossier/D-1',
    `comptoir://dossier/${'a'.repeat(65)}`,
    `comptoir://dossier/${'a'.repeat(600)}`,
    'comptoir://dossier/D-1" --gpu-launcher="calc.exe',
  ])('refuses %s', (link) => {
    expect(parseDeepLink(link)).toMatchObject({ ok: false, error: { code: 'INVALID_DEEP_LINK' } });
  });

  it('finds the link on a second instance command line (Windows, Linux)', () => {
    const argv = ['C:\\Program Files\\Comptoir\\comptoir.exe', '--allow-file-access-from-files', 'comptoir://dossier/D-7/'];
    expect(findDeepLinkInArgv(argv)).toEqual({ kind: 'dossier', dossierId: 'D-7' });
  });

  it('finds nothing when the command line has no valid link', () => {
    expect(findDeepLinkInArgv(['/usr/bin/comptoir'])).toBeNull();
    expect(findDeepLinkInArgv(['/usr/bin/comptoir', 'comptoir://dossier/../x'])).toBeNull();
  });
});
