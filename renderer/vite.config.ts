import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { PAGE_CSP_DIRECTIVES } from '../common/content-security-policy.js';

const CSP = PAGE_CSP_DIRECTIVES.join('; ');

/** Adds the CSP as a meta tag to the built page only: the dev server needs an inline refresh preamble. */
function cspMeta(): Plugin {
  return {
    name: 'telltale-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' },
    ],
  };
}

// base './' keeps asset URLs relative so the same build loads from the Electron app protocol,
// file:// and the loopback HTTP host.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Inlined assets would become data: URLs, which the CSP allows for images only.
    assetsInlineLimit: 0,
    // The built UI ships without source maps (the dev server has its own); the hosts refuse .map too.
    sourcemap: false,
  },
});
