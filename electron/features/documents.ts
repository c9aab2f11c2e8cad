/**
 * Saving and printing the PDFs the renderer generates (quotes, invoices). The renderer never
 * names a path: the user picks it in the save dialog, or the file goes to a temporary directory
 * the main process chose. The suggested name is sanitised so that it cannot steer the dialog
 * outside the documents folder.
 */
import path from 'node:path';
import type { IpcResult, PrintOutcome, PrintRequest, SavePdfOutcome, SavePdfRequest, UiLocale } from '../bridge.ts';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A safe file name ending in `.pdf`: no separators, no reserved characters, no dot-files. */
export function sanitizePdfFileName(suggested: string): string {
  const base = suggested
    .replace(/\.pdf$/i, '')
    // Path separators, Windows-reserved characters and control characters.
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '-')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120);
  const name = base === '' ? 'document' : WINDOWS_RESERVED.test(base) ? `${base}-document` : base;
  return `${name}.pdf`;
}

/** Options for `dialog.showSaveDialog`. */
export interface SaveDialogRequest {
  readonly title: string;
  readonly defaultPath: string;
  readonly filters: { name: string; extensions: string[] }[];
}

/** What the documents feature needs from Electron and the file system; `Win` is the window type. */
export interface DocumentDeps<Win> {
  readonly showSaveDialog: (window: Win, options: SaveDialogRequest) => Promise<{ canceled: boolean; filePath?: string }>;
  readonly writeFile: (file: string, bytes: Uint8Array) => Promise<void>;
  /** `shell.openPath`: resolves to an error message, or '' on success. */
  readonly openPath: (file: string) => Promise<string>;
  /** `webContents.print` with its callback turned into a promise. */
  readonly printWindow: (window: Win) => Promise<{ success: boolean; failureReason: string }>;
  readonly documentsDir: string;
  /** A fresh private directory for a PDF to print. */
  readonly makeTempDir: () => Promise<string>;
  readonly locale: () => UiLocale;
}

const LABELS = {
  fr: { title: 'Enregistrer le PDF', filter: 'Document PDF' },
  en: { title: 'Save PDF', filter: 'PDF document' },
} as const satisfies Record<UiLocale, { title: string; filter: string }>;

export function createDocuments<Win>(deps: DocumentDeps<Win>) {
  return {
    async savePdf(window: Win, request: SavePdfRequest): Promise<IpcResult<SavePdfOutcome>> {
      const labels = LABELS[deps.locale()];
      const choice = await deps.showSaveDialog(window, {
        title: labels.title,
        defaultPath: path.join(deps.documentsDir, sanitizePdfFileName(request.suggestedName)),
        filters: [{ name: labels.filter, extensions: ['pdf'] }],
      });
      if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return { ok: true, value: { status: 'cancelled' } };
      await deps.writeFile(choice.filePath, request.bytes);
      if (request.openAfterSave) {
        // The file is saved either way; a missing PDF viewer is not worth failing the call for.
        await deps.openPath(choice.filePath);
      }
      return { ok: true, value: { status: 'saved', path: choice.filePath } };
    },

    async print(window: Win, request: PrintRequest): Promise<IpcResult<PrintOutcome>> {
      if (request.target === 'pdf') {
        const file = path.join(await deps.makeTempDir(), 'comptoir-print.pdf');
        await deps.writeFile(file, request.bytes);
        const error = await deps.openPath(file);
        if (error !== '') return { ok: false, error: { code: 'PRINT_FAILED', message: `No PDF viewer could open the document: ${error}` } };
        return { ok: true, value: { status: 'opened-in-viewer' } };
      }
      const result = await deps.printWindow(window);
      if (result.success) return { ok: true, value: { status: 'printed' } };
      if (result.failureReason === 'cancelled') return { ok: true, value: { status: 'cancelled' } };
      return { ok: false, error: { code: 'PRINT_FAILED', message: `Printing failed: ${result.failureReason}` } };
    },
  };
}
