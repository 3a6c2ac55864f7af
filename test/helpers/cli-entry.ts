// Runs the CLI from source (through tsx) so integration tests do not depend on a prior build.
import { main } from '../../main/cli.js';

process.exitCode = await main(process.argv.slice(2));
