/** Builds the screens (renderer/) into dist/renderer. Relative asset paths let the same
 *  build load from file:// in Electron and from the browser shell's loopback server. */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // antd and the date pickers make one big chunk; it loads from disk, not a network.
    chunkSizeWarningLimit: 3000,
  },
});
