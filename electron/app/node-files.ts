/**
 * The file operations the main process needs, on `node:fs`. Injected everywhere else so that the
 * features are tested without touching the disk. Writes are atomic (temporary file + rename): a
 * crash mid-write must not leave a truncated settings file or token behind.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface NodeFiles {
  readText(file: string): Promise<string>;
  /** The file's bytes, or null when it does not exist. */
  readBytesIfExists(file: string): Promise<Buffer | null>;
  readBytes(file: string): Promise<Uint8Array>;
  writeTextAtomic(file: string, text: string): Promise<void>;
  writeBytesAtomic(file: string, data: Uint8Array): Promise<void>;
  writeBytes(file: string, data: Uint8Array): Promise<void>;
  remove(file: string): Promise<void>;
  makeTempDir(parent: string, prefix: string): Promise<string>;
}

async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomUUID()}.tmp`;
  // 0o600: settings and tokens are the user's own business, not other local accounts'.
  await writeFile(temporary, data, { mode: 0o600 });
  await rename(temporary, file);
}

export function nodeFiles(): NodeFiles {
  return {
    readText: (file) => readFile(file, 'utf8'),
    async readBytesIfExists(file) {
      try {
        return await readFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    readBytes: (file) => readFile(file),
    writeTextAtomic: (file, text) => writeAtomic(file, text),
    writeBytesAtomic: (file, data) => writeAtomic(file, data),
    writeBytes: (file, data) => writeFile(file, data),
    remove: (file) => rm(file, { force: true }),
    async makeTempDir(parent, prefix) {
      await mkdir(parent, { recursive: true });
      return mkdtemp(path.join(parent, prefix));
    },
  };
}
