import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const consoleRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

// The console is served by the API at `/` (ARCHITECTURE.md), so the build lands in dist/console. The public lookup
// site (lookup.html, src/lookup-site) is a second entry of the same build, served by the API at `/lookup`.
export default defineConfig({
  root: consoleRoot,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@app/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)),
      '@app/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    // libs/domain and libs/contracts live outside the Vite root.
    fs: { allow: [repoRoot] },
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    // No source maps in the served build: security scans (等保测评) flag them as source disclosure.
    sourcemap: false,
    // react-admin + MUI make one large vendor chunk; it is cached across releases, so only warn beyond 2 MB.
    chunkSizeWarningLimit: 2048,
    rolldownOptions: {
      input: {
        console: fileURLToPath(new URL('index.html', import.meta.url)),
        lookup: fileURLToPath(new URL('lookup.html', import.meta.url)),
      },
      output: {
        codeSplitting: {
          // entriesAware: the public site loads only the vendor code it imports (React, MUI), not react-admin's.
          groups: [{ name: 'vendor', test: /node_modules/, entriesAware: true }],
        },
      },
    },
  },
});
