import { en, type MessageKey, vi } from './messages.ts';

export type { MessageKey } from './messages.ts';

/** UI languages; Vietnamese is the default. */
export type Language = 'vi' | 'en';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];

const catalogs: Record<Language, Record<MessageKey, string>> = { vi, en };

/** The text for `key` in `language`, with `{name}` placeholders filled from `params`. */
export function translate(
  language: Language,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  const text = catalogs[language][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Formats a number for the language (vi uses "." for thousands and "," for decimals). */
export function formatNumber(language: Language, value: number, fractionDigits = 0): string {
  return value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  });
}
