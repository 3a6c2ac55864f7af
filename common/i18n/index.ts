/** Telltale's languages: choosing one, and rendering the core's messages in it. */
export { chooseLanguage, type LanguageSources } from './choose-language.js';
export { LANGUAGES, isLanguage, languageOfLocale, type Language } from './languages.js';
export { countryName, languageName, zoneName } from './names.js';
export { renderMessage, renderSignal, renderStatement } from './render.js';
export { renderReason, signalReason } from './render-reason.js';
