import { senderRole } from '@/lib/background/sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const tab = { id: 1 };

describe('senderRole', () => {
  it.each([
    [{ id: ID, url: 'https://huggingface.co/papers/date/2024-08-01', tab }, 'content-script'],
    [{ id: ID, url: 'https://huggingface.co/papers?q=diffusion', tab }, 'content-script'],
    [{ id: ID, url: 'https://huggingface.co/papers', tab }, 'content-script'],
    [{ id: ID, url: `${ORIGIN}popup.html` }, 'extension-page'],
    [{ id: ID, url: `${ORIGIN}library.html`, tab }, 'extension-page'],
  ])('%o → %s', (sender, role) => expect(senderRole(sender, ID, ORIGIN)).toBe(role));

  it.each([
    [{ id: 'another-extension', url: 'https://huggingface.co/papers', tab }],
    [{ id: ID, url: 'https://huggingface.co/models', tab }],
    [{ id: ID, url: 'https://huggingface.co/papersXYZ', tab }],
    [{ id: ID, url: 'https://huggingface.co.evil.example/papers', tab }],
    [{ id: ID, url: 'http://huggingface.co/papers', tab }],
    [{ id: ID, url: 'https://huggingface.co/papers' }],
    [{ id: ID, url: 'not a url', tab }],
    [{ id: ID }],
    [{ id: ID, url: 'chrome-extension://otherextensionidotherextensionid/popup.html' }],
  ])('refuses %o', (sender) => expect(senderRole(sender, ID, ORIGIN)).toBeNull());
});
