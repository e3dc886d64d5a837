// The article parser: headline, boilerplate, paragraphs, sentences, tokens and publication date.

import * as assert from 'node:assert/strict';
import { parseArticle } from '../../src/core/article';
import { classifyLine } from '../../src/core/boilerplate';
import { Article, POS_TAGS } from '../../src/core/types';

function parse(text: string, externalMeta = {}): Article {
  return parseArticle({ uri: 'file:///corpus/test.txt', text, externalMeta });
}

const sentences = (a: Article) => a.sentences.map((s) => a.text.slice(s.range.start, s.range.end));
const boilerplateTexts = (a: Article) => a.boilerplate.map((b) => [b.kind, a.text.slice(b.range.start, b.range.end)]);

describe('headline detection', () => {
  it('skips photo credits and captions above the headline', () => {
    const a = parse('Photo: EPA\nMinister meets envoy\nPhoto: EPA\nTalks resume in Castora\nStandfirst line here.\n\nBody sentence one. Body two.\n');
    assert.equal(a.headline?.text, 'Talks resume in Castora');
    assert.deepEqual(boilerplateTexts(a).slice(0, 3), [
      ['photo-credit', 'Photo: EPA'],
      ['caption', 'Minister meets envoy'],
      ['photo-credit', 'Photo: EPA'],
    ]);
  });

  it('skips a PHOTO: caption line', () => {
    const a = parse('PHOTO: Kendrow is greeted by the premier on Saturday. (AFP)\nKendrow in Castora for talks\n\nText.\n');
    assert.equal(a.headline?.text, 'Kendrow in Castora for talks');
  });

  it('treats a repeated headline as one headline and the copy as boilerplate', () => {
    const a = parse('Kendrow in Castora\n\nKendrow in Castora\n\nThe minister arrived on Tuesday.\n');
    assert.equal(a.headline?.text, 'Kendrow in Castora');
    assert.deepEqual(boilerplateTexts(a), [['repeated-headline', 'Kendrow in Castora']]);
    assert.deepEqual(sentences(a), ['The minister arrived on Tuesday.']);
  });

  it('takes a first line ending in a full stop as the headline when it stands alone and reads as one', () => {
    const body = '\n\nThe envoy arrived in Castora on Monday and met the council for two hours.\n';
    // Title Case, "Speaker: claim", and present-tense headlinese, each above a blank line.
    for (const h of ['Envoy Brings New Offer To Castora Talks.', 'Kendrow: the deal is close to done.', 'Castora council backs envoy plan, sets vote.']) {
      assert.equal(parse(h + body).headline?.text, h, h);
    }
    // A lead sentence (an article opening it, a weekday, the past tense), interface text, or a line the next one
    // continues stays body text.
    for (const lead of ['The council voted on Monday to back the plan.', 'Castora council backed the envoy plan, aides said.', 'Don’t miss the latest news from Castora today.']) {
      assert.equal(parse(lead + body).headline, undefined, lead);
    }
    assert.equal(parse('Castora council backs envoy plan, sets vote.\nThe envoy arrived.\n').headline, undefined);
  });

  it('finds no headline when the first line is a long body sentence or a wire dateline', () => {
    assert.equal(parse(`${'Word '.repeat(30)}ends here.\n\nMore.\n`).headline, undefined);
    assert.equal(parse('CASTORA (Ledger) - The minister arrived.\n').headline, undefined);
  });

  it('strips markdown heading marks', () => {
    assert.equal(parse('# Talks resume\n\nBody.\n').headline?.text, 'Talks resume');
  });

  it('keeps exact ranges with CRLF line ends', () => {
    const a = parse('Talks resume\r\n\r\nThe minister said "yes." He left.\r\n');
    assert.equal(a.text.slice(a.headline!.range.start, a.headline!.range.end), 'Talks resume');
    assert.deepEqual(sentences(a), ['The minister said "yes."', 'He left.']);
  });
});

describe('boilerplate rules', () => {
  const cases: [string, string | undefined][] = [
    ['Share this article', 'share-widget'],
    ['Copy to clipboard', 'share-widget'],
    ['ADVERTISEMENT', 'advertisement'],
    ['You might also like', 'related-links'],
    ['Photo: EPA', 'photo-credit'],
    ['By Jane Q. Doe', 'byline'],
    ['(Reporting by Jane Doe; Editing by John Roe)', 'byline'],
    ['© 2024 All rights reserved', 'copyright'],
    ['Tags: Iran, Turkey, Syria', 'tags'],
    ['First published: 08.17.17 , 14:32', 'date-line'],
    ['Post a comment', 'comments-prompt'],
    ['Talkback', 'comments-prompt'],
    // near-misses: real sentences that merely start with these words
    ['By the end of the week, the talks had stalled.', undefined],
    ['Share prices fell sharply after the announcement of new sanctions on Tuesday.', undefined],
    ['Posted on the border, soldiers watched the convoy.', undefined],
    ['Comments by the minister were criticised by the opposition in parliament on Monday.', undefined],
  ];
  for (const [line, kind] of cases) {
    it(`${kind ?? 'content'}: ${line}`, () => assert.equal(classifyLine(line)?.kind, kind));
  }

  it('marks lines in another script inside an English article, and their neighbours stay content', () => {
    const a = parse('Headline here\n\nThe talks began on Tuesday in the capital city.\nשליחה לחבר\nהקלידו את הקוד המוצג\nThe talks ended on Wednesday.\n');
    assert.deepEqual(boilerplateTexts(a), [['foreign-script-ui', 'שליחה לחבר'], ['foreign-script-ui', 'הקלידו את הקוד המוצג']]);
    assert.deepEqual(sentences(a), ['The talks began on Tuesday in the capital city.', 'The talks ended on Wednesday.']);
  });

  it('does not treat a right-to-left article as foreign-script boilerplate', () => {
    const a = parse('כותרת הכתבה\n\nשר החוץ הגיע לביקור פתע בבירה.\n');
    assert.equal(a.boilerplate.length, 0);
  });

  it('takes the link titles under "You might also like" with it, up to the next sentence', () => {
    const a = parse('Headline\n\nBody sentence.\n\nYou might also like\nFirst link title\nSecond link title\n\nA closing sentence that is content.\n');
    assert.deepEqual(boilerplateTexts(a), [
      ['related-links', 'You might also like'],
      ['related-links', 'First link title'],
      ['related-links', 'Second link title'],
    ]);
  });

  it('marks a video title shown twice in a row', () => {
    const a = parse('Headline\n\nBody.\n\nGeneral visits the capital\nGeneral visits the capital\n\nMore body.\n');
    assert.equal(a.boilerplate.filter((b) => b.rule === 'repeated-title').length, 2);
  });
});

describe('sentences and tokens', () => {

  it('does not end a sentence at a plural title before names ("Sens.", "Reps.")', () => {
    const a = parse('Headline\n\nSens. Ada Quorn and Hal Baker voted against it. Reps. Otto Brisk and Dov Arlen agreed. He left.\n');
    assert.deepEqual(sentences(a), ['Sens. Ada Quorn and Hal Baker voted against it.', 'Reps. Otto Brisk and Dov Arlen agreed.', 'He left.']);
    const b = parse('Headline\n\nThe vote split the two Sens. Ada Quorn voted against it.\n');
    assert.equal(sentences(b).length, 1, 'a plural title before a name is read as a title even at the end of a clause');
  });
  it('does not split at abbreviations, initials, dates and decimals', () => {
    const a = parse('Headline\n\nThe U.S. envoy, Gen. J. R. Smith, arrived on Nov. 27 with 3.5 million dollars. He left.\n');
    assert.deepEqual(sentences(a), ['The U.S. envoy, Gen. J. R. Smith, arrived on Nov. 27 with 3.5 million dollars.', 'He left.']);
  });

  it('keeps a closing quote with its sentence and splits a multi-sentence quote at its full stops', () => {
    const a = parse('Headline\n\n"We agree. It is good," he said. Then he left.\n');
    assert.deepEqual(sentences(a), ['"We agree.', 'It is good," he said.', 'Then he left.']);
  });

  it('tokenises diacritics as whole words with exact offsets', () => {
    const a = parse('Headline\n\nRecep Tayyip Erdoğan met Mevlüt Çavuşoğlu.\n');
    const s = a.sentences[0];
    const words: string[] = [];
    const tags: string[] = [];
    for (let i = s.firstToken; i < s.firstToken + s.tokenCount; i++) {
      words.push(a.text.slice(a.tokens.starts[i], a.tokens.ends[i]));
      tags.push(POS_TAGS[a.tokens.pos[i]]);
    }
    assert.deepEqual(words, ['Recep', 'Tayyip', 'Erdoğan', 'met', 'Mevlüt', 'Çavuşoğlu', '.']);
    assert.equal(tags[2], 'PROPN');
  });

  it('joins hard-wrapped lines into one paragraph but keeps one-paragraph-per-line layouts apart', () => {
    const wrapped = parse('Headline\n\nThe minister arrived in the capital\non Tuesday for talks.\n');
    assert.equal(wrapped.paragraphs.length, 1);
    assert.deepEqual(sentences(wrapped), ['The minister arrived in the capital\non Tuesday for talks.']);
    const perLine = parse('Headline\nFirst paragraph ends here.\nSecond paragraph starts here.\n');
    assert.equal(perLine.paragraphs.length, 2);
  });
});

describe('publication date', () => {
  it('prefers front matter, then sources.yaml, then the text', () => {
    const front = parse('---\npublished: 2024-12-02\n---\nHeadline\n\nBody.\n', { published: '2020-01-01' });
    assert.deepEqual([front.published?.iso, front.published?.how], ['2024-12-02', 'front-matter']);
    const external = parse('Headline\n\nBody.\n', { published: '2020-01-01', outlet: 'Ledger' });
    assert.deepEqual([external.published?.iso, external.published?.how, external.meta.outlet], ['2020-01-01', 'sources.yaml', 'Ledger']);
  });

  it('reads a date that opens a long first paragraph ("date 2031-05-07 BRELLE, May 7 …") as the publication date', () => {
    const body = 'Tarek Almund arrived in Brelle for talks with Ines Vorhaug, the office of the president said, adding that the two would sign accords on trade, energy, roads and schools before a joint dinner in the old palace of the city.';
    const a = parse(` date 2031-05-07 BRELLE, May 7. ${body}\n\nMore text.\n`);
    assert.equal(a.published?.iso, '2031-05-07');
    // The same date later in a long line is not the page's date (a long line is text, not a date line).
    assert.equal(parse(`Headline\n\n${body} It was signed on 2031-05-07 in Brelle.\n`).published, undefined);
  });

  it('reads "First published: 08.17.17" as 2017-08-17 (only one valid reading)', () => {
    const a = parse('Headline\nFirst published: 08.17.17 , 14:32\n\nBody text.\n');
    assert.equal(a.published?.iso, '2017-08-17');
    assert.equal(a.published?.how, 'text');
    assert.equal(a.published?.ambiguous, undefined);
    assert.equal(a.text.slice(a.published!.range!.start, a.published!.range!.end), '08.17.17');
  });

  it('flags a numeric date that reads both ways', () => {
    const a = parse('Headline\nPublished 03.04.2017\n\nBody text.\n');
    assert.equal(a.published?.iso, '2017-04-03');
    assert.equal(a.published?.ambiguous, true);
  });

  it('reads named-month dates and dates in other languages', () => {
    assert.equal(parse('Headline\nUpdated 27 November 2016\n\nBody.\n').published?.iso, '2016-11-27');
    assert.equal(parse('Headline\nVeröffentlicht: 2016-11-26\n\nBody.\n').published?.iso, '2016-11-26');
    assert.equal(parse('Headline\nפורסם: 17.08.17\n\nBody.\n').published?.iso, '2017-08-17');
  });

  it('does not take a date from the middle of the body', () => {
    const body = Array.from({ length: 30 }, (_, i) => `Paragraph ${i} says something.`).join('\n');
    const a = parse(`Headline\n\n${body.replace('Paragraph 15 says something.', 'The talks were published on 12.12.2012 in full.')}\n`);
    assert.equal(a.published, undefined);
  });
});
