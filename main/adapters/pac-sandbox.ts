/**
 * What the PAC worker (pac-worker.ts) imports: QuickJS and pac-resolver. The Electron bundle builds
 * this module into a file of its own (dist/electron/pac-sandbox.js, main/scripts/electron-bundle.ts)
 * with both packages and their dependencies inlined, since the packaged app carries no
 * node_modules code for them; run from node_modules (the CLI), the worker imports the packages.
 */
export { QuickJS } from 'quickjs-wasi';
export { createPacResolver } from 'pac-resolver';
