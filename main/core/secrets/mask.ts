/** What every secret is replaced with; rules replace only the secret part and keep the label. */
export const REDACTED = '***';

/** Already masked: "***", or "\\*\\*\\*" once Markdown-escaped (renderers scrub their own output). */
export const isMasked = (value: string): boolean => /^(?:\\?\*){3}/.test(value);
