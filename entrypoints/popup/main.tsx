import { render } from 'preact';

function Popup() {
  return <main><h1>Sanctions Lens</h1></main>;
}

render(<Popup />, document.getElementById('app')!);
