/**
 * The CLI run from source, like bin/telltale.js runs the built one: `npx tsx main/scripts/cli-source.ts
 * serve`. `npm run dev:serve` runs it under `tsx watch`, so the browser host restarts on changes.
 */
import { main } from '../cli.js';

process.exitCode = await main(process.argv.slice(2));
