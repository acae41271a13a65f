// The keys whose signatures the extension accepts on a feed manifest.
//
// Production builds trust the project's signing key and the next one (both made with
// `npm run feed:keygen`; their private halves never enter the repository, see the README,
// "Publish a feed"). The next key is trusted by a release before it ever signs, so when the
// signing key is retired no installed copy is left with a feed it cannot verify.
//
// A build made with WXT_FEED_TEST_PUBLIC_KEY set to a public JWK also trusts that key: the
// end-to-end tests build this way with a key they generate at run time. Vite replaces the variable
// at build time, so a build without it carries no test key at all.
import { isFeedPublicKey, type FeedPublicKey } from './crypto';

/** Key id 518f3cf9111c0d4b: signs the feed since 2026-12-01. */
export const PROJECT_PUBLIC_KEY: FeedPublicKey = {
  kty: 'EC',
  crv: 'P-256',
  x: 'BCMfhMYYjdpi7m4cdrfTY227Bd-HOttyfe0egMUPk_4',
  y: 'gRaiwzg-IJFcNrf50ejs4rVPlYrXLEAA4f1dRowATl8',
};

/** Key id 9c3ade46d2a2d074: trusted now, signs only after the current key is retired. */
export const NEXT_PUBLIC_KEY: FeedPublicKey = {
  kty: 'EC',
  crv: 'P-256',
  x: 'gAW-bDhO4XjFJSV5EqNgipz7yn9IUwcI6pMefxwwMN0',
  y: 'Ko7-TubtyKN-UEMV-8w34pQQYPbG3ca3AUWpCM-DHy8',
};

/**
 * Keys that must never be trusted again, by key id. 0d784f1057b0409f signed nothing the project
 * still publishes and its private half is lost: whoever finds it must not be able to sign a list.
 */
export const RETIRED_KEY_IDS: readonly string[] = ['0d784f1057b0409f'];

function buildTimeTestKey(): FeedPublicKey[] {
  // Scripts run this module in Node, where import.meta.env does not exist.
  const raw: unknown = import.meta.env?.WXT_FEED_TEST_PUBLIC_KEY;
  if (typeof raw !== 'string' || raw.trim() === '') return [];
  const parsed: unknown = JSON.parse(raw);
  if (!isFeedPublicKey(parsed)) throw new Error('WXT_FEED_TEST_PUBLIC_KEY is not an EC P-256 public JWK');
  return [{ kty: 'EC', crv: 'P-256', x: parsed.x, y: parsed.y }];
}

export const FEED_PUBLIC_KEYS: readonly FeedPublicKey[] = [PROJECT_PUBLIC_KEY, NEXT_PUBLIC_KEY, ...buildTimeTestKey()];
