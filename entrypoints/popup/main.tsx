// Wiring only: render the popup for the tab named in the address (or the active tab); opened in a
// wide tab (Details from the page) rather than as the toolbar popup, it takes the page layout.
import { render } from 'preact';
import { App, parseParams } from '../../components/popup/App';
import { browserApi, isToolbarPopup } from '../../components/popup/browser-api';
import '../../components/popup/popup.css';

// A tab can be resized: the layout follows the window, not just its width at load.
const toolbar = isToolbarPopup();
const fitLayout = () => document.documentElement.classList.toggle('full-page', !toolbar && window.innerWidth > 560);
fitLayout();
if (!toolbar) window.addEventListener('resize', fitLayout);
render(<App api={browserApi} {...parseParams(location.search)} />, document.getElementById('app')!);
