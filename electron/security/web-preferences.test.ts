import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from './web-preferences.ts';

describe('secure webPreferences', () => {
  it('isolates and sandboxes the renderer, with Node off everywhere', () => {
    const preferences = secureWebPreferences({ preloadPath: '/app/dist/electron/preload.cjs', appVersion: '1.4.0', devTools: false });
    expect(preferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      additionalArguments: ['--comptoir-version=1.4.0'],
    });
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
  });
});
