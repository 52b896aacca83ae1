import { render } from 'preact';
import { App } from '@/components/App';
import '@/components/app.css';

render(<App fullPage />, document.getElementById('app') as HTMLElement);
