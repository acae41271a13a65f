// The sites scanned when the user picks "brokerage and financial-news sites only". Chosen for
// where an investor actually meets a company's name before buying it: the brokerages' own
// position and order pages, the exchanges' quote pages, and the financial press. Entries are
// hostname suffixes (see site.ts), so "schwab.com" covers "client.schwab.com". Country-specific
// domains are listed separately because a suffix cannot cover another top-level domain.
// To propose a site: it must be mainly about investing, and be used by investors who could
// hold the securities on the lists (US persons, or investors in US-listed companies).
import { hostCoveredBy } from './site';

export type FinancialSiteKind = 'broker' | 'exchange' | 'news' | 'data' | 'regulator';

export interface FinancialSite {
  host: string;
  name: string;
  kind: FinancialSiteKind;
  /** Where the site's users mostly are: ISO 3166 code, or 'INT'. */
  region: string;
}

export const FINANCIAL_SITES: readonly FinancialSite[] = [
  // US brokers: where US persons hold the securities an NS-CMIC ban forbids them to buy.
  { host: 'schwab.com', name: 'Charles Schwab (incl. former TD Ameritrade)', kind: 'broker', region: 'US' },
  { host: 'fidelity.com', name: 'Fidelity Investments', kind: 'broker', region: 'US' },
  { host: 'vanguard.com', name: 'Vanguard', kind: 'broker', region: 'US' },
  { host: 'etrade.com', name: 'E*TRADE from Morgan Stanley', kind: 'broker', region: 'US' },
  { host: 'robinhood.com', name: 'Robinhood', kind: 'broker', region: 'US' },
  { host: 'interactivebrokers.com', name: 'Interactive Brokers', kind: 'broker', region: 'INT' },
  { host: 'merrilledge.com', name: 'Merrill Edge', kind: 'broker', region: 'US' },
  { host: 'webull.com', name: 'Webull', kind: 'broker', region: 'US' },
  { host: 'sofi.com', name: 'SoFi Invest', kind: 'broker', region: 'US' },
  { host: 'public.com', name: 'Public', kind: 'broker', region: 'US' },
  { host: 'firstrade.com', name: 'Firstrade', kind: 'broker', region: 'US' },
  { host: 'tastytrade.com', name: 'tastytrade', kind: 'broker', region: 'US' },
  // International brokers that sell US and Hong Kong listings to retail investors.
  { host: 'hl.co.uk', name: 'Hargreaves Lansdown', kind: 'broker', region: 'GB' },
  { host: 'ajbell.co.uk', name: 'AJ Bell', kind: 'broker', region: 'GB' },
  { host: 'trading212.com', name: 'Trading 212', kind: 'broker', region: 'INT' },
  { host: 'degiro.com', name: 'DEGIRO', kind: 'broker', region: 'INT' },
  { host: 'home.saxo', name: 'Saxo Bank', kind: 'broker', region: 'INT' },
  { host: 'futuhk.com', name: 'Futu Securities', kind: 'broker', region: 'HK' },
  { host: 'moomoo.com', name: 'moomoo', kind: 'broker', region: 'INT' },
  { host: 'tigerbrokers.com.sg', name: 'Tiger Brokers', kind: 'broker', region: 'SG' },
  { host: 'questrade.com', name: 'Questrade', kind: 'broker', region: 'CA' },
  { host: 'wealthsimple.com', name: 'Wealthsimple', kind: 'broker', region: 'CA' },
  { host: 'commsec.com.au', name: 'CommSec', kind: 'broker', region: 'AU' },
  // Exchanges: quote and issuer pages where tickers and ISINs appear next to names.
  { host: 'nyse.com', name: 'New York Stock Exchange', kind: 'exchange', region: 'US' },
  { host: 'nasdaq.com', name: 'Nasdaq', kind: 'exchange', region: 'US' },
  { host: 'otcmarkets.com', name: 'OTC Markets (where many Chinese ADRs trade)', kind: 'exchange', region: 'US' },
  { host: 'hkex.com.hk', name: 'Hong Kong Exchanges and Clearing', kind: 'exchange', region: 'HK' },
  { host: 'sse.com.cn', name: 'Shanghai Stock Exchange', kind: 'exchange', region: 'CN' },
  { host: 'szse.cn', name: 'Shenzhen Stock Exchange', kind: 'exchange', region: 'CN' },
  { host: 'londonstockexchange.com', name: 'London Stock Exchange', kind: 'exchange', region: 'GB' },
  { host: 'moex.com', name: 'Moscow Exchange', kind: 'exchange', region: 'RU' },
  { host: 'sgx.com', name: 'Singapore Exchange', kind: 'exchange', region: 'SG' },
  { host: 'boerse-frankfurt.de', name: 'Börse Frankfurt', kind: 'exchange', region: 'DE' },
  { host: 'euronext.com', name: 'Euronext', kind: 'exchange', region: 'INT' },
  // Financial news: where investment ideas start.
  { host: 'bloomberg.com', name: 'Bloomberg', kind: 'news', region: 'INT' },
  { host: 'reuters.com', name: 'Reuters', kind: 'news', region: 'INT' },
  { host: 'wsj.com', name: 'The Wall Street Journal', kind: 'news', region: 'US' },
  { host: 'ft.com', name: 'Financial Times', kind: 'news', region: 'INT' },
  { host: 'cnbc.com', name: 'CNBC', kind: 'news', region: 'US' },
  { host: 'marketwatch.com', name: 'MarketWatch', kind: 'news', region: 'US' },
  { host: 'barrons.com', name: "Barron's", kind: 'news', region: 'US' },
  { host: 'asia.nikkei.com', name: 'Nikkei Asia', kind: 'news', region: 'INT' },
  { host: 'caixinglobal.com', name: 'Caixin Global', kind: 'news', region: 'CN' },
  { host: 'fool.com', name: 'The Motley Fool', kind: 'news', region: 'US' },
  // Quotes, screeners and research: names, tickers and ISINs in tables.
  { host: 'finance.yahoo.com', name: 'Yahoo Finance', kind: 'data', region: 'INT' },
  { host: 'seekingalpha.com', name: 'Seeking Alpha', kind: 'data', region: 'US' },
  { host: 'morningstar.com', name: 'Morningstar', kind: 'data', region: 'INT' },
  { host: 'investing.com', name: 'Investing.com', kind: 'data', region: 'INT' },
  { host: 'tradingview.com', name: 'TradingView', kind: 'data', region: 'INT' },
  { host: 'marketscreener.com', name: 'MarketScreener', kind: 'data', region: 'INT' },
  // Regulators: filings and the lists themselves.
  { host: 'sec.gov', name: 'SEC (EDGAR filings)', kind: 'regulator', region: 'US' },
  { host: 'treasury.gov', name: 'US Treasury (OFAC)', kind: 'regulator', region: 'US' },
];

export const FINANCIAL_HOSTS: readonly string[] = FINANCIAL_SITES.map((site) => site.host);

/** Whether a page's hostname belongs to one of the curated financial sites. */
export function isFinancialHost(hostname: string): boolean {
  return FINANCIAL_HOSTS.some((rule) => hostCoveredBy(rule, hostname));
}
