import { fireEvent, render, screen } from '@testing-library/preact';
import { PaperDetail } from '@/components/detail/PaperDetail';
import { AppStateContext, createAppState } from '@/components/state/app-state';
import { makePaper } from '../../helpers/papers';

const paper = makePaper('2611.00003', { title: 'Diffusion policies for grasping' });

function detailIn(state = createAppState()) {
  state.openDetail(paper.id);
  render(
    <AppStateContext.Provider value={state}>
      <PaperDetail paper={paper} similar={undefined} />
    </AppStateContext.Provider>,
  );
  return state;
}

describe('a paper’s detail', () => {
  it('closes itself through the shared state', () => {
    const state = detailIn();
    fireEvent.click(screen.getByRole('button', { name: '← Back to list' }));
    expect(state.detailId.value).toBeNull();
  });

  it('opens the tags and note dialog on its own paper', () => {
    const state = detailIn();
    fireEvent.click(screen.getByRole('button', { name: 'Tags and note…' }));
    expect(state.annotating.value?.id).toBe(paper.id);
    expect(state.detailId.value).toBe(paper.id);
  });
});
