// How a link from the data is labelled: "Official source" only for government and court sites;
// anything else says what it is ("Source: caixinglobal.com"), so a news article is never passed off
// as the list itself. Staging hosts are named as such.
export interface SourceLabel {
  official: boolean;
  host: string;
  words: string;
}

const OFFICIAL_HOSTS = [/\.gov$/, /\.mil$/, /(^|\.)uscourts\.gov$/, /(^|\.)courtlistener\.com$/, /(^|\.)federalregister\.gov$/, /(^|\.)govinfo\.gov$/, /(^|\.)congress\.gov$/, /(^|\.)ecfr\.gov$/];

export function sourceLabel(url: string): SourceLabel {
  let host = '';
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return { official: false, host: '', words: 'Source' };
  }
  if (OFFICIAL_HOSTS.some((pattern) => pattern.test(host))) return { official: true, host, words: 'Official source' };
  if (/^(stage|staging|dev|test)\./.test(host)) return { official: false, host, words: `Source: ${host} (a test copy of a news site)` };
  return { official: false, host, words: `Source: ${host}` };
}
