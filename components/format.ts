// Small formatting helpers shared by the popup, the options page and the hover card: dates the
// way a reader writes them, and links that can only point at web pages.

import { ageInDays, ageWords, isOldAge } from '../lib/findings/freshness';
import { lazy } from '../lib/match/lazy';

// Made on first use: the hover card's code loads in every frame of every page, and making a date
// format costs each frame a few milliseconds it would spend before it knows it shows any card.
const DATE = lazy(() => new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }));
const DATE_TIME = lazy(() => new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }));

/** "2021-05-25" → "May 25, 2021"; anything unparseable is shown as given. */
export function formatDate(value: string | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!match) return value;
  if (!match[3]) return new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(+match[1], +match[2] - 1, 1));
  return DATE().format(Date.UTC(+match[1], +match[2] - 1, +match[3]));
}

/** An ISO timestamp in the user's time zone, e.g. "Nov 26, 9:40 AM". */
export function formatDateTime(value: string | undefined): string {
  if (!value) return '';
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : DATE_TIME().format(time);
}

/**
 * Only http(s) links from the data become clickable: a tampered or mistaken entry must not be
 * able to run script (javascript:) or open extension pages.
 */
export function safeUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The page's spellings, one per symbol: "0981" and "981" are the same SMIC code. */
export function distinctTexts(texts: string[]): string[] {
  const seen = new Set<string>();
  return texts.filter((text) => {
    const key = text.toLowerCase().replace(/^0+(?=\d)/, '').replace(/\s+/g, ' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WRITTEN_DATE = new RegExp(`\\b(\\d{1,2}) (${MONTHS.join('|')}) (\\d{4})\\b`, 'g');

/**
 * Dates inside texts from the data ("30 June 2026", "2021-03-12") written like every other date on
 * screen ("Jun 30, 2026"), so one reading has one date format. Links are not texts: never pass URLs.
 */
export function readableDates(text: string): string {
  return text
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (whole) => formatDate(whole))
    .replace(WRITTEN_DATE, (_whole, day: string, month: string, year: string) =>
      formatDate(`${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`),
    );
}

/**
 * "Lists as of May 3, 2024 (949 days old); check the official lists before you trade." — the
 * date behind a warning with its age, as the popup's status line gives it, so a card or report
 * read on its own is as honest about old data as the popup.
 */
export function listsAsOfWords(date: string, now: number = Date.now()): string {
  const age = ageInDays(date, now);
  return `Lists as of ${formatDate(date)}${age === undefined ? '' : ` (${ageWords(age)})`}${isOldAge(age) ? '; check the official lists before you trade.' : '.'}`;
}
