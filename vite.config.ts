import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  resolve: { alias: { '@shared': path.resolve(import.meta.dirname, 'shared/src') } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The manifest lets bench/bundle-size.mjs measure exactly what the sign-in path loads.
    manifest: true,
    // No inline polyfill script: the Content-Security-Policy allows scripts from our origin only.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
