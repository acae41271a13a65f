import { render } from 'preact';

function Options() {
  return <main><h1>Sanctions Lens settings</h1></main>;
}

render(<Options />, document.getElementById('app')!);
