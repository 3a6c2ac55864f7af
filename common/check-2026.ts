/** Facts of the 2026 check that both its evaluation (main/core) and its sentences (common/i18n) use. */

/** The zones the check named. */
export const CHECK_2026_ZONES = ['Asia/Shanghai', 'Asia/Urumqi'] as const;

/** How the verdict was reportedly smuggled into the system prompt, for the UI to show. */
export const CHECK_2026_SIGNALLING = {
  phrase: "Today's date is",
  apostrophes: [
    { char: '\u0027', codePoint: 'U+0027', name: 'APOSTROPHE' },
    { char: '\u2019', codePoint: 'U+2019', name: 'RIGHT SINGLE QUOTATION MARK' },
    { char: '\u02BC', codePoint: 'U+02BC', name: 'MODIFIER LETTER APOSTROPHE' },
    { char: '\u02B9', codePoint: 'U+02B9', name: 'MODIFIER LETTER PRIME' },
  ],
  dateSeparators: { normal: '-', flagged: '/' },
} as const;
