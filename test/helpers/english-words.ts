/** English prose, found by its words: for Vitest's checks (i18n-checks.ts) and the Playwright specs alike (which cannot load Vitest). */

/** Words of English prose; none is a value, a name or a technical term the Chinese keeps. */
export const ENGLISH_WORDS =
  /\b(?:the|a|an|and|or|is|are|be|can|could|may|you|your|of|in|to|with|by|from|for|not|its|it|that|would|tools|tell|guess|located|mirror|used|mostly|through|unless|only|set|probably|almost|certainly|possibly|work|at|which|but|more|independent|evidence|points|start|turn|off|remove|move|keep|use|take|treats|like|requests|hidden|openly|unset|neutral|readable|every|app|belongs|company|lab|host|time|zone|locale|registry|search|network|internal|endpoint|accounts|script|answer|system|setting|config|flagged|reported|swapped|separator|switched|apostrophe|custom|base|vendor|changes|any|some|service|worldwide|run|provider|public)\b/i;
