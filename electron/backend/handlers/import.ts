import type { HandlerMap } from '../workstation';

// Built out by the Excel import work: preview with row-level errors, then commit.
export const importHandlers: Pick<HandlerMap, 'import.preview' | 'import.commit' | 'import.template' | 'calendar.importCsv'> = {
  'import.preview': () => {
    throw new Error('import.preview is not built yet');
  },
  'import.commit': () => {
    throw new Error('import.commit is not built yet');
  },
  'import.template': () => {
    throw new Error('import.template is not built yet');
  },
  'calendar.importCsv': () => {
    throw new Error('calendar.importCsv is not built yet');
  },
};
