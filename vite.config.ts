// Builds and serves the renderer (DESIGN §1 "browser" runtime mode). `base: './'` keeps every asset
// URL relative so the same build loads under Electron's app:// protocol and from any HTTP path.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

// In the browser the sync server is the page's own origin: the dev and preview servers forward the
// API to it, so the renderer never needs CORS. COMPTOIR_SERVER_URL points them at another server.
const serverUrl = process.env.COMPTOIR_SERVER_URL ?? 'http://127.0.0.1:8787';
const proxy = {
  '/api': { target: serverUrl, changeOrigin: true },
  '/health': { target: serverUrl, changeOrigin: true },
};

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: { outDir, emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
  server: { proxy },
  preview: { proxy },
});
