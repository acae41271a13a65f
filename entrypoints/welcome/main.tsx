// Wiring only: the first-run page, opened once when the extension is installed.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { Welcome } from '../../components/welcome/Welcome';
import '../../components/welcome/welcome.css';

const firefox = browser.runtime.getURL('/').startsWith('moz-extension:');
render(<Welcome browserName={firefox ? 'firefox' : 'chromium'} onOpenSettings={() => void browser.runtime.openOptionsPage()} />, document.getElementById('app')!);
