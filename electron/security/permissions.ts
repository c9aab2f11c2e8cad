/**
 * Deny-by-default permission handlers (Electron security checklist §5 "Handle session permission
 * requests from remote content"). By default Electron grants every permission a page asks for —
 * camera, microphone, geolocation, MIDI, HID… A sales desk needs two, and only for its own page:
 * - `notifications`, so the web Notification API (the renderer's browser fallback) keeps working;
 * - `clipboard-sanitized-write`, so an agent can copy a quote or dossier number with one click.
 * Reading the clipboard, media, location, devices, and everything else are refused.
 */
import { APP_ORIGIN, isAppUrl } from './app-origin.ts';

const ALLOWED = new Set<string>(['notifications', 'clipboard-sanitized-write']);

/** The decision shared by the request and the check handler. */
export function permissionAllowed(permission: string, requestingUrl: string): boolean {
  return ALLOWED.has(permission) && (requestingUrl === APP_ORIGIN || isAppUrl(requestingUrl));
}

/** The part of `Session` the handlers are installed on. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { readonly requestingUrl?: string }) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string, requestingOrigin: string) => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

export function installPermissionHandlers(session: PermissionSession, log: (message: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = permissionAllowed(permission, details.requestingUrl ?? '');
    if (!granted) log(`permission refused: ${permission} for ${(details.requestingUrl ?? '').slice(0, 100)}`);
    callback(granted);
  });
  // Checks happen without a prompt (e.g. `Notification.permission`); same rule.
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin));
  // WebHID / WebUSB / Web Serial: no device is ever exposed to the page.
  session.setDevicePermissionHandler(() => false);
}
