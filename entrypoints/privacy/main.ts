// The policy as written in the repository, bundled at build time: the page needs no network to show it.
import policy from '@/PRIVACY.md?raw';

(document.getElementById('policy') as HTMLElement).textContent = policy;
