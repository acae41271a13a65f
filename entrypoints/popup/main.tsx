// Wiring only: render the popup for the tab named in the address (or the active tab).
import { render } from 'preact';
import { App, parseParams } from '../../components/popup/App';
import { browserApi } from '../../components/popup/browser-api';
import '../../components/popup/popup.css';

render(<App api={browserApi} {...parseParams(location.search)} />, document.getElementById('app')!);
