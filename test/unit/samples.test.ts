// The five sample articles, with expectations written by hand from reading them (see samples/README.md).

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Corpus } from '../../src/core/corpus';
import { meetingLabel } from '../../src/core/meetings/cluster';
import { Article } from '../../src/core/types';
import { DEFAULT_GLOBS } from '../../src/host/discover';
import { indexRoots } from '../../src/host/indexer';
import { SourcesCache } from '../../src/host/loader';

const SAMPLES = path.resolve(__dirname, '../../../samples');

describe('samples/', () => {
  const corpus = new Corpus();
  const byName = new Map<string, Article>();
  before(async () => {
    await indexRoots([SAMPLES], corpus, new SourcesCache(), { globs: DEFAULT_GLOBS, load: { maxFileSizeMB: 5 } });
    for (const a of corpus.list()) byName.set(a.name.slice(0, 3), a);
  });
  const article = (n: string) => byName.get(n)!;
  const lines = (a: Article, kind?: string) => a.boilerplate.filter((b) => !kind || b.kind === kind).map((b) => a.text.slice(b.range.start, b.range.end));
  const sentences = (a: Article) => a.sentences.map((s) => a.text.slice(s.range.start, s.range.end));

  it('reads the five articles and not the folder README', () => {
    assert.deepEqual([...byName.keys()].sort(), ['000', '001', '002', '003', '004']);
  });

  it('000: headline under no caption, the PHOTO caption, share widget and link list as boilerplate', () => {
    const a = article('000');
    assert.equal(a.headline?.text, 'Rouhani calls for closer Iran-Turkey cooperation on Syria and Iraq');
    assert.deepEqual(lines(a).map((l) => l.slice(0, 20)), ['PHOTO: Turkish Forei', 'Share this article', 'Copy to clipboard', 'You might also like', 'Iran and Russia sign', 'Aleppo evacuation st', 'Turkey\'s central ban']);
    assert.equal(a.sentences.length, 8);
    assert.equal(sentences(a)[5], 'The war has killed hundreds of thousands of people.');
    assert.deepEqual([a.published?.iso, a.published?.how], ['2016-11-26', 'sources.yaml']);
  });

  it('001: the dateline opens the body; the website paragraph after "said, according to his website:" is content', () => {
    const a = article('001');
    assert.equal(a.headline?.text, 'Iran, Turkey Can Resolve Regional Crises through Cooperation: Rouhani');
    assert.deepEqual(lines(a), ['Copy to clipboard', 'Post a comment']);
    assert.equal(sentences(a)[2], 'Rouhani said, according to his website:');
    assert.match(sentences(a)[3], /^Consultation and close cooperation between Iran and Turkey/);
    assert.equal(a.meta.outlet, 'Tasnim News Agency');
  });

  it('002: the video widget under the headline and the ADVERTISEMENT line are boilerplate; no date anywhere', () => {
    const a = article('002');
    assert.equal(a.headline?.text, 'Iran and Turkey vow to work together on Syria despite differences');
    assert.deepEqual(lines(a), ['Now Reading', 'Share this article', 'Embed', 'Copy to clipboard', 'ADVERTISEMENT']);
    assert.equal(a.published, undefined);
    assert.equal(a.meta.outlet, 'Euronews');
  });

  it('003: tags and copyright are boilerplate; "Turkey\'s foreign minister," stays inside its sentence', () => {
    const a = article('003');
    assert.deepEqual(lines(a), ['Tags: Iran, Turkey, Syria, Araghchi, Fidan', '© 2024 All rights reserved']);
    assert.match(sentences(a)[1], /^The top Iranian diplomat held talks with Hakan Fidan, Turkey's foreign minister, on bilateral ties/);
  });

  it('004: captions and credits above the headline, Hebrew UI strings, a repeated video title, the printed date', () => {
    const a = article('004');
    assert.equal(a.headline?.text, 'Turkey increasing cooperation with Iran');
    assert.deepEqual(lines(a, 'photo-credit'), ['Photo: EPA', 'Photo: EPA']);
    assert.deepEqual(lines(a, 'caption'), ['Bagheri meets with Erdogan', 'Iranian general visits Turkey', 'Iranian general visits Turkey']);
    assert.equal(lines(a, 'foreign-script-ui').length, 6);
    assert.deepEqual(lines(a, 'comments-prompt'), ['Talkback']);
    assert.deepEqual([a.published?.iso, a.published?.how, a.published?.evidence], ['2017-08-17', 'text', 'First published: 08.17.17 , 14:32']);
    assert.equal(sentences(a)[3], 'He also met President Tayyip Erdogan.');
  });

  it('groups the accounts into the meetings a reader would name', () => {
    const labels = corpus.meetings().all().map((m) => [meetingLabel(m), m.kind, m.accounts.map((x) => path.basename(x.uri).slice(0, 3)).join('+')]);
    const find = (pattern: RegExp) => labels.find(([l]) => pattern.test(l));
    assert.deepEqual(find(/^Rouhani · Cavusoglu/)?.slice(1), ['meeting', '000+001'], 'Cavusoglu with Rouhani in Tehran, both accounts');
    assert.match(find(/^Rouhani · Cavusoglu/)![0], /Tehran, 2016-11-26/);
    assert.deepEqual(find(/^Zarif · Çavuşoğlu — Ankara, 2016-08/)?.slice(1), ['meeting', '001+002'], 'Zarif with Cavusoglu in Ankara, and the back-reference in 001');
    assert.ok(find(/^Araghchi · Fidan — Ankara/), 'Araghchi with Fidan in Ankara');
    assert.ok(find(/^Araghchi · al-Assad — Damascus/), 'Araghchi with Assad in Damascus');
    assert.ok(find(/^Bagheri · Canikli — Ankara, 2017-08-16/), 'Bagheri with Canikli on Wednesday');
    assert.ok(find(/^Bagheri · counterpart — Ankara, 2017-08-15/), 'Bagheri with his Turkish counterpart on Tuesday');
    assert.ok(find(/^Bagheri · Erdogan — Ankara/), 'Bagheri with Erdogan');
    // Must not merge: the Erdogan–Putin meeting in St Petersburg and their phone call "last week".
    assert.deepEqual(find(/^Erdoğan · Putin/)?.slice(1), ['meeting', '002']);
    assert.deepEqual(find(/^Erdogan · Putin/)?.slice(1), ['call', '000']);
  });

  it('raises no figure or date conflict: the accounts agree', () => {
    const cross = [...corpus.allFindings().values()].flat().filter((f) => /conflict|inconsistent/.test(f.code));
    assert.deepEqual(cross, []);
  });
});
