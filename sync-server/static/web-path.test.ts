import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isClientRoute, isHashedAsset, webContentType, webFilePath } from './web-path.ts';

const root = path.resolve('/srv/comptoir/web');

describe('web paths', () => {
  it('maps request paths to files under the root', () => {
    expect(webFilePath(root, '/')).toBe(root);
    expect(webFilePath(root, '/assets/index-Bl7dTRd1.js')).toBe(path.join(root, 'assets', 'index-Bl7dTRd1.js'));
    expect(webFilePath(root, '/fonts/Inter%20Bold.woff2')).toBe(path.join(root, 'fonts', 'Inter Bold.woff2'));
    expect(webFilePath(root, '//assets//x.css')).toBe(path.join(root, 'assets', 'x.css'));
  });

  it.each(['/../web-secrets/x', '/..%2f..%2fetc%2fpasswd', '/a/%2e%2e/%2e%2e/x', '/.git/config', '/a\\..\\..\\x', '/%00', '/%E0%A4%A'])('refuses %s', (requestPath) => {
    expect(webFilePath(root, requestPath)).toBeNull();
  });

  it('tells hashed assets and client routes apart', () => {
    expect(isHashedAsset('/assets/index-Bl7dTRd1.js')).toBe(true);
    expect(isHashedAsset('/assets/purify.es-Dzkdzyfv.js')).toBe(true);
    expect(isHashedAsset('/favicon.svg')).toBe(false);
    expect(isHashedAsset('/assets/logo.png')).toBe(false);
    expect(isClientRoute('/dossiers/dossier-42')).toBe(true);
    expect(isClientRoute('/logo.png')).toBe(false);
    expect(webContentType('a/b.woff2')).toBe('font/woff2');
    expect(webContentType('a/b.unknown')).toBe('application/octet-stream');
  });
});
