import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { DocumentDeps } from './documents.ts';
import { createDocuments, sanitizePdfFileName } from './documents.ts';

const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

function documents(overrides: Partial<DocumentDeps<string>> = {}) {
  const deps: DocumentDeps<string> = {
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/agent/Documents/Q-1.pdf' })),
    writeFile: vi.fn(async () => {}),
    openPath: vi.fn(async () => ''),
    printWindow: vi.fn(async () => ({ success: true, failureReason: '' })),
    documentsDir: '/home/agent/Documents',
    makeTempDir: vi.fn(async () => '/tmp/comptoir/print-abc'),
    locale: () => 'fr',
    ...overrides,
  };
  return { deps, documents: createDocuments(deps) };
}

describe('PDF file names', () => {
  it.each([
    ['Q-2026-000123.pdf', 'Q-2026-000123.pdf'],
    ['Devis Dupont', 'Devis Dupont.pdf'],
    ['../../.ssh/authorized_keys', '-..-.ssh-authorized_keys.pdf'],
    ['C:\\Windows\\win.ini', 'C--Windows-win.ini.pdf'],
    ['con', 'con-document.pdf'],
    ['...', 'document.pdf'],
    ['a\u0000b', 'a-b.pdf'],
  ])('turns %j into %j', (suggested, expected) => {
    expect(sanitizePdfFileName(suggested)).toBe(expected);
  });
});

describe('saving a PDF', () => {
  it('asks where to save (in French), writes the bytes and opens the file', async () => {
    const { deps, documents: docs } = documents();
    const result = await docs.savePdf('main-window', { suggestedName: 'Q-1', bytes: pdf, openAfterSave: true });
    expect(result).toEqual({ ok: true, value: { status: 'saved', path: '/home/agent/Documents/Q-1.pdf' } });
    expect(deps.showSaveDialog).toHaveBeenCalledWith('main-window', {
      title: 'Enregistrer le PDF',
      defaultPath: path.join('/home/agent/Documents', 'Q-1.pdf'),
      filters: [{ name: 'Document PDF', extensions: ['pdf'] }],
    });
    expect(deps.writeFile).toHaveBeenCalledWith('/home/agent/Documents/Q-1.pdf', pdf);
    expect(deps.openPath).toHaveBeenCalledWith('/home/agent/Documents/Q-1.pdf');
  });

  it('writes nothing when the user cancels', async () => {
    const { deps, documents: docs } = documents({ showSaveDialog: vi.fn(async () => ({ canceled: true })) });
    expect(await docs.savePdf('w', { suggestedName: 'Q-1', bytes: pdf, openAfterSave: true })).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(deps.writeFile).not.toHaveBeenCalled();
  });
});

describe('printing', () => {
  it('prints the window and tells a cancel from a failure', async () => {
    expect(await documents().documents.print('w', { target: 'window' })).toEqual({ ok: true, value: { status: 'printed' } });
    const cancelled = documents({ printWindow: vi.fn(async () => ({ success: false, failureReason: 'cancelled' })) });
    expect(await cancelled.documents.print('w', { target: 'window' })).toEqual({ ok: true, value: { status: 'cancelled' } });
    const failed = documents({ printWindow: vi.fn(async () => ({ success: false, failureReason: 'Print job failed' })) });
    expect(await failed.documents.print('w', { target: 'window' })).toMatchObject({ ok: false, error: { code: 'PRINT_FAILED' } });
  });

  it('opens a PDF in the system viewer from a private temporary directory', async () => {
    const { deps, documents: docs } = documents();
    expect(await docs.print('w', { target: 'pdf', bytes: pdf })).toEqual({ ok: true, value: { status: 'opened-in-viewer' } });
    expect(deps.writeFile).toHaveBeenCalledWith(path.join('/tmp/comptoir/print-abc', 'comptoir-print.pdf'), pdf);
  });

  it('says so when no PDF viewer is installed', async () => {
    const { documents: docs } = documents({ openPath: vi.fn(async () => 'No application is associated with the specified file') });
    expect(await docs.print('w', { target: 'pdf', bytes: pdf })).toMatchObject({ ok: false, error: { code: 'PRINT_FAILED' } });
  });
});
