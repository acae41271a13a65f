// The keys whose signatures the extension accepts on a feed manifest.
//
// Production builds trust only the project's key below (its private half never enters the
// repository). A build made with WXT_FEED_TEST_PUBLIC_KEY set to a public JWK also trusts that
// key: the end-to-end tests build this way with a key they generate at run time. Vite replaces
// the variable at build time, so a build without it carries no test key at all.
import { isFeedPublicKey, type FeedPublicKey } from './crypto';

/** Key id 0d784f1057b0409f, made with `npm run feed:keygen`. */
export const PROJECT_PUBLIC_KEY: FeedPublicKey = {
  kty: 'EC',
  crv: 'P-256',
  x: '6IPiNjcmaNHJHEEkhcgPcWWWbe88gYXaFvD7rMg4JxM',
  y: 'EM91-YGgV3CGNcsupFm38jB4vZ5T-A04aRhoxEV9z14',
};

function buildTimeTestKey(): FeedPublicKey[] {
  // Scripts run this module in Node, where import.meta.env does not exist.
  const raw: unknown = import.meta.env?.WXT_FEED_TEST_PUBLIC_KEY;
  if (typeof raw !== 'string' || raw.trim() === '') return [];
  const parsed: unknown = JSON.parse(raw);
  if (!isFeedPublicKey(parsed)) throw new Error('WXT_FEED_TEST_PUBLIC_KEY is not an EC P-256 public JWK');
  return [{ kty: 'EC', crv: 'P-256', x: parsed.x, y: parsed.y }];
}

export const FEED_PUBLIC_KEYS: readonly FeedPublicKey[] = [PROJECT_PUBLIC_KEY, ...buildTimeTestKey()];
