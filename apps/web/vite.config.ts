import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vitest/config';

// Libraries are read from their TypeScript source through the `kapok-source` export condition.
const conditions = ['kapok-source', 'module', 'browser', 'development|production'];

/**
 * decimal.js (used by @kapok/contracts' unit and alert rules) runs set-up code at import time, so a
 * bundler keeps all of it even when a page uses none of its exports. It has no global effects: let
 * tree-shaking drop it from chunks that do not call it (the login and shell need none).
 */
const pureDecimal: Plugin = {
  name: 'kapok:pure-decimal',
  transform(code, id) {
    if (/[\\/]node_modules[\\/]decimal\.js[\\/]/.test(id))
      return { code, map: null, moduleSideEffects: false };
    return null;
  },
};

export default defineConfig({
  plugins: [react(), pureDecimal],
  resolve: { conditions },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      // Streams as it arrives, so server-sent events on /api/v1/events reach the page at once.
      '/api': { target: process.env.KAPOK_API_URL ?? 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
    // A ceiling, not a timing: user-event typing under jsdom is slow on a loaded 2-core CI machine.
    testTimeout: 30_000,
  },
});
