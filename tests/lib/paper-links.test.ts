import { paperLinks, safeHttpsUrl } from '@/lib/paper-links';
import { makePaper } from '../helpers/papers';

describe('paper links', () => {
  it('links arXiv, the PDF, the Hugging Face page, code and project page', () => {
    const paper = makePaper('2509.24002', {
      githubRepo: 'https://github.com/eval-sys/mcpmark',
      projectPage: 'https://mcpmark.ai/',
    });
    expect(paperLinks(paper)).toEqual([
      { label: 'arXiv', href: 'https://arxiv.org/abs/2509.24002' },
      { label: 'PDF', href: 'https://arxiv.org/pdf/2509.24002' },
      { label: 'Hugging Face', href: 'https://huggingface.co/papers/2509.24002' },
      { label: 'Code', href: 'https://github.com/eval-sys/mcpmark' },
      { label: 'Project page', href: 'https://mcpmark.ai/' },
    ]);
  });

  it('never makes a link of anything but https', () => {
    for (const hostile of ['javascript:alert(1)', 'data:text/html,<script>', 'http://example.org', 'not a url', '']) {
      expect(safeHttpsUrl(hostile), hostile).toBeNull();
      const labels = paperLinks(makePaper('2509.24002', { githubRepo: hostile, projectPage: hostile })).map(
        (l) => l.label,
      );
      expect(labels).toEqual(['arXiv', 'PDF', 'Hugging Face']);
    }
  });
});
