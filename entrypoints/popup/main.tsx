import { render } from 'preact';
import { App } from '@/components/App';
import { openLibraryEarly } from '@/components/use-library';
import '@/components/app.css';

openLibraryEarly(); // before the first render, which the library waits on otherwise
render(<App />, document.getElementById('app') as HTMLElement);
