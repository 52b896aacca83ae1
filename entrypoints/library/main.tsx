import { render } from 'preact';
import { App } from '@/components/App';
import { openLibraryEarly } from '@/components/hooks/use-library';
import '@/components/app.css';

// Rendered once the first screen has been read (briefly waited for), so the page paints with its rows.
openLibraryEarly().then(() => render(<App fullPage />, document.getElementById('app') as HTMLElement));
