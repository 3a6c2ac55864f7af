/**
 * The one secrets policy: which names, values, URL parts, query parameters and headers are secrets,
 * and how each kind of data is redacted. Snapshots, reports, tap captures, probe reports and
 * messages all go through this API; nothing else decides what a secret is.
 */
export { REDACTED } from './mask.js';
export { isSecretHeader, isSecretName, isSecretParam } from './names.js';
export { isSecretValue } from './shapes.js';
export { redactText, redactUrl } from './text.js';
export { userinfoSpan, type UserinfoSpan } from './url-credentials.js';
export { redactDeep, redactHeaders, scrubSecrets, type RedactDeepOptions, type RedactedHeaders } from './deep.js';
export { createRedactor, type Redactor, type RedactorOptions } from './memo.js';
export { memoise } from './bounded-memo.js';
