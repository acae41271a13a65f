// Links to quote pages (`/quote/1810.HK`, `/stocks/XIACY`, `?symbol=0941.HK`) tell us the link's
// text is a ticker or a company name, which lets the matcher accept short symbols it would
// otherwise ignore. Only the link's path and query are read; the page URL is never stored.

const QUOTE_PATH = /\/(?:quotes?|stocks?|symbols?|equities|equity|securities|ticker|instrument|market-data\/quotes?)\/[A-Za-z0-9][\w.:^-]{0,15}(?:[/?#]|$)/i;
const QUOTE_QUERY = /[?&](?:symbol|ticker|s|sym|code)=[A-Za-z0-9][\w.:^-]{0,15}(?:&|#|$)/i;

export function isQuoteLink(href: string | null): boolean {
  if (!href || href.length > 2048 || href.startsWith('javascript:') || href.startsWith('mailto:')) return false;
  return QUOTE_PATH.test(href) || QUOTE_QUERY.test(href);
}
