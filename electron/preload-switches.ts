/**
 * Command-line switches the main process adds for the preload (webPreferences.additionalArguments).
 * Shared by both sides; kept apart so the preload bundle pulls in nothing else from the main process.
 */

/** `--comptoir-version=1.2.3`: the app version, which a sandboxed preload cannot ask `app` for. */
export const VERSION_SWITCH = '--comptoir-version=';
