// Corpus 4: the real meetings corpus (issue 12). The `meetcorpus` helper replaces this whole file with the real
// module (same export: `corpus: RealCorpus`); the gold is committed under test/real/meetings/, the page text lives
// in $SOURCELENS_REAL_DIR/meetings. Until then this stub says so and the run goes on with the other corpora.

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { RealCorpus } from './framework';

export const corpus: RealCorpus = {
  name: 'meetings',
  title: 'Real meetings corpus (issue 12, corpus 4)',
  available: (ctx) =>
    existsSync(path.join(ctx.repo, 'test', 'real', 'meetings', 'gold.yaml')) ? 'the scorer module is not built yet (src/tools/evalReal/meetings.ts is a stub)' : 'not built yet: no test/real/meetings/gold.yaml',
  howToGet: (ctx) =>
    `The meetings corpus is being built (branch meetcorpus): gold in test/real/meetings/, page text in ${ctx.dir}\n` +
    '(rebuilt from test/real/meetings/rebuild.yaml with the search tool; see its README.md).',
  run: async () => ({ tables: [], json: null }),
};
