import { RealCorpus } from './framework';

export const corpus: RealCorpus = {
  name: 'fnc1',
  title: 'fnc1',
  available: () => 'not written yet',
  howToGet: () => 'later',
  run: async () => ({ tables: [], json: null }),
};
