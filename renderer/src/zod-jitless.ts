import { z } from 'zod';

// The page's CSP forbids eval (and Trusted Types forbid turning a string into code): without this
// zod probes `Function('')` the first time it parses, which logs a violation. Imported first by
// main.tsx, so it runs before any module parses a schema while loading.
z.config({ jitless: true });
