/**
 * Routes "open this dossier" requests (a deep link, a notification click) to the renderer. Until
 * the renderer has asked for its launch dossier it may not be listening yet, so a link is kept for
 * it to take; afterwards links are sent as events. This closes the window between the page
 * loading and the renderer subscribing, when a sent event would be lost.
 */
import type { DossierId } from '../../core/shared/ids.ts';
import type { OpenDossierRequest } from '../bridge.ts';

export function createDossierLinks(deliver: (request: OpenDossierRequest) => boolean) {
  let pending: DossierId | null = null;
  let rendererListening = false;

  return {
    /** Opens the dossier now if the renderer listens, else keeps it for {@link take}. */
    open(dossierId: DossierId, source: OpenDossierRequest['source']): void {
      if (rendererListening && deliver({ dossierId, source })) return;
      pending = dossierId;
    },
    /** The renderer's start-up call: hands out the kept dossier once and marks the renderer as listening. */
    take(): DossierId | null {
      rendererListening = true;
      const dossier = pending;
      pending = null;
      return dossier;
    },
    /** The window closed (macOS keeps running): the next renderer starts over. */
    rendererGone(): void {
      rendererListening = false;
    },
  };
}
