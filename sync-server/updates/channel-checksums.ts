/**
 * The `sha512` an electron-builder channel file gives each file it names: the `files[]` entries
 * (`url` then `sha512`) and the legacy top-level `path` / `sha512` pair. Pure text reading, like
 * feed.ts `summarizeChannelFile` (the server has no YAML dependency); a sha512 line belongs to the
 * nearest `url:` / `path:` line above it.
 */
export function channelFileChecksums(text: string): ReadonlyMap<string, string> {
  const checksums = new Map<string, string>();
  let current: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const named = /^\s*(?:- )?(?:url|path):\s*['"]?([^'"\s]+)['"]?\s*$/.exec(line);
    if (named !== null) {
      current = named[1] ?? null;
      continue;
    }
    const sha = /^\s*(?:- )?sha512:\s*['"]?([A-Za-z0-9+/=]+)['"]?\s*$/.exec(line);
    if (sha !== null && current !== null) {
      checksums.set(current, sha[1] ?? '');
      current = null;
    }
  }
  return checksums;
}
