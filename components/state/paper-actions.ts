// What a panel asks of the background about one paper: the background writes, and every open page hears the change.
import { sendMessage } from '@/lib/messages';
import type { Paper, ReadingState } from '@/lib/paper';

export const setReadingState = (paper: Paper, state: ReadingState | null) =>
  sendMessage('setReadingState', { id: paper.id, state }).catch(console.error);

export const toggleStar = (paper: Paper) =>
  sendMessage('setStarred', { id: paper.id, starred: !paper.starred }).catch(console.error);
