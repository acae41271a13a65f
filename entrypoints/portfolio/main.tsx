// Wiring only: render the portfolio check (for the tab named in the address, when there is one).
import { render } from 'preact';
import { PortfolioApp, parseParams } from '../../components/portfolio/PortfolioApp';
import { browserApi } from '../../components/portfolio/browser-api';
import '../../components/portfolio/portfolio.css';

render(<PortfolioApp api={browserApi} {...parseParams(location.search)} />, document.getElementById('app')!);
