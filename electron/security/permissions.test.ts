import { describe, expect, it, vi } from 'vitest';
import type { PermissionSession } from './permissions.ts';
import { installPermissionHandlers, permissionAllowed } from './permissions.ts';

function fakeSession() {
  const handlers: {
    request?: Parameters<PermissionSession['setPermissionRequestHandler']>[0];
    check?: Parameters<PermissionSession['setPermissionCheckHandler']>[0];
    device?: () => boolean;
  } = {};
  const session: PermissionSession = {
    setPermissionRequestHandler: (handler) => void (handlers.request = handler),
    setPermissionCheckHandler: (handler) => void (handlers.check = handler),
    setDevicePermissionHandler: (handler) => void (handlers.device = handler),
  };
  return { session, handlers };
}

describe('permission handlers (Electron security checklist §5)', () => {
  it.each(['media', 'geolocation', 'clipboard-read', 'midiSysex', 'openExternal', 'hid', 'display-capture', 'unknown'])('refuse %s to the app itself', (permission) => {
    const { session, handlers } = fakeSession();
    installPermissionHandlers(session, vi.fn());
    const callback = vi.fn();
    handlers.request?.({}, permission, callback, { requestingUrl: 'app://comptoir/index.html' });
    expect(callback).toHaveBeenCalledWith(false);
    expect(handlers.check?.({}, permission, 'app://comptoir')).toBe(false);
  });

  it('grant notifications and clipboard writes to the app origin only', () => {
    const { session, handlers } = fakeSession();
    installPermissionHandlers(session, vi.fn());
    const granted = vi.fn();
    handlers.request?.({}, 'notifications', granted, { requestingUrl: 'app://comptoir/index.html' });
    expect(granted).toHaveBeenCalledWith(true);
    expect(handlers.check?.({}, 'clipboard-sanitized-write', 'app://comptoir')).toBe(true);
    expect(permissionAllowed('notifications', 'https://evil.example')).toBe(false);
    expect(permissionAllowed('notifications', '')).toBe(false);
  });

  it('expose no USB, HID or serial device', () => {
    const { session, handlers } = fakeSession();
    installPermissionHandlers(session, vi.fn());
    expect(handlers.device?.()).toBe(false);
  });
});
