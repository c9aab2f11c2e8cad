import { describe, expect, it } from 'vitest';
import type { WebRequestLike } from './content-security-policy.ts';
import { buildContentSecurityPolicy, installCspHeaders } from './content-security-policy.ts';

function directives(policy: string): Map<string, string> {
  return new Map(policy.split('; ').map((part) => {
    const [name = '', ...values] = part.split(' ');
    return [name, values.join(' ')];
  }));
}

describe('Content Security Policy (Electron security checklist §7)', () => {
  it('lets the renderer connect to the configured sync server only', () => {
    const policy = directives(buildContentSecurityPolicy('https://comptoir.example.com'));
    expect(policy.get('connect-src')).toBe("'self' https://comptoir.example.com");
    expect(policy.get('default-src')).toBe("'self' app:");
  });

  it('allows no network origin before a server is configured', () => {
    expect(directives(buildContentSecurityPolicy(null)).get('connect-src')).toBe("'self'");
  });

  it('allows scripts from the bundle only: no inline script, no eval', () => {
    const policy = buildContentSecurityPolicy('https://comptoir.example.com');
    expect(directives(policy).get('script-src')).toBe("'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(directives(policy).get('object-src')).toBe("'none'");
    expect(directives(policy).get('base-uri')).toBe("'none'");
  });

  it('replaces whatever CSP a response carried, whatever its casing', () => {
    let listener: Parameters<WebRequestLike['onHeadersReceived']>[0] | null = null;
    installCspHeaders({ onHeadersReceived: (l) => void (listener = l) }, () => 'ours');
    let answered: Record<string, string[]> | undefined;
    listener!(
      { url: 'https://comptoir.example.com/api', responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['application/json'] } },
      (response) => void (answered = response.responseHeaders),
    );
    expect(answered).toEqual({ 'Content-Type': ['application/json'], 'Content-Security-Policy': ['ours'] });
  });
});
