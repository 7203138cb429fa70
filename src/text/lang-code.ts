/**
 * A language as records and manifests write it, as the code the rest of the tool uses: `en`,
 * `ar`. Exports write `en-US`, `AR`, `ar_SA`, `English`, `Arabic`, `العربية`; left as written,
 * `ar-SA` was not `ar` to the outlet aliases (RT + ar → RT Arabic), to the report's language
 * columns or to a spreadsheet filter.
 */
import type { Lang } from '../types.js';

/** Language names in English and in the language itself, lower-cased, for the languages of the stop-word profiles and scripts detected. */
const NAMES: Record<string, Lang> = {
  english: 'en', arabic: 'ar', 'عربي': 'ar', 'العربية': 'ar', 'عربية': 'ar', russian: 'ru', 'русский': 'ru',
  ukrainian: 'uk', 'українська': 'uk', french: 'fr', 'français': 'fr', francais: 'fr', spanish: 'es', 'español': 'es',
  german: 'de', deutsch: 'de', italian: 'it', italiano: 'it', portuguese: 'pt', 'português': 'pt', hebrew: 'he', 'עברית': 'he',
  persian: 'fa', farsi: 'fa', 'فارسی': 'fa', turkish: 'tr', 'türkçe': 'tr', greek: 'el', chinese: 'zh', japanese: 'ja', korean: 'ko',
};

/**
 * The ISO 639 code of a stated language (its primary subtag, lower case; or a known name), or
 * undefined when the value is none of these — the caller then detects the language from the text.
 */
export function languageCode(value: string | undefined): Lang | undefined {
  if (value === undefined) return undefined;
  const lowered = value.trim().toLowerCase();
  if (lowered === '') return undefined;
  const named = NAMES[lowered];
  if (named !== undefined) return named;
  const primary = /^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/.exec(lowered);
  return primary?.[1];
}
