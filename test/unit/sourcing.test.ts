// Who says so: quotes and speakers, inherited attribution, anonymous sources, unattributed claims and quote
// variants — with the near-misses that must stay quiet (a claim attributed in its own sentence, a quotation continued from its speaker, a scare quote).

import * as assert from 'node:assert/strict';
import { analyse } from '../../src/core/analyse';
import { Corpus } from '../../src/core/corpus';
import { sourcingFindings, wordDiff } from '../../src/core/sourcing/findings';
import { structureFindings } from '../../src/core/findings/structure';
import { cueCard } from '../../src/server/features/quotes';
import fc from 'fast-check';
import { trailingWords } from '../../src/core/sourcing/extract';

const read = (body: string) => analyse({ uri: 'file:///q/a.txt', text: `Headline\n\n${body}\n` });
const codes = (body: string) => sourcingFindings(read(body)).map((f) => f.code);

describe('quotes and speakers', () => {
  it('finds the speaker before, after and inverted, and via a channel', () => {
    const a = read('"We agreed on everything," Ilsa Kendrow told reporters. Otto Brisk said: "Talks will go on." "It was useful," said Dov Arlen. "Peace matters," Mara Quell was quoted by SANA as saying.');
    assert.deepEqual(a.sourcing.quotes.map((q) => [q.content.replace(/[,.]$/, ''), q.speaker?.name, q.speaker?.type]), [
      ['We agreed on everything', 'Ilsa Kendrow', 'named-person'],
      ['Talks will go on', 'Otto Brisk', 'named-person'],
      ['It was useful', 'Dov Arlen', 'named-person'],
      ['Peace matters', 'Mara Quell', 'named-person'],
    ]);
  });

  it('treats one to three quoted words as a scare quote, not speech', () => {
    const a = read('The group called the plan a "red line" for the region, officials said.');
    assert.deepEqual(a.sourcing.quotes.map((q) => q.kind), ['scare']);
    assert.ok(!codes('The group crossed a "red line" in the region.').includes('quote-unattributed'));
  });

  it('reads the unquoted paragraph after "said, according to his website:" as his words', () => {
    const a = read('Otto Brisk said, according to his website:\n\nThe two countries will cooperate closely on security.');
    const block = a.sourcing.quotes.find((q) => q.kind === 'block')!;
    assert.equal(block.speaker?.name, 'Otto Brisk');
    assert.match(block.content, /^The two countries will cooperate/);
  });

  it('keeps a quote open across paragraphs when the next paragraph reopens it', () => {
    const a = read('"We will talk.\n\n"And we will act," Otto Brisk said.');
    assert.equal(a.sourcing.quotes.length, 1);
    assert.equal(a.sourcing.quotes[0].speaker?.name, 'Otto Brisk');
  });

  it('flags a quotation nobody is said to have spoken', () => {
    assert.deepEqual(codes('"This will change everything for the region and its people."'), ['quote-unattributed']);
  });

  it('takes the speaker from the sentence after a quotation that names where the quote came from', () => {
    assert.deepEqual(codes('"A harbour without ships is a town without bread." That quote from the port commissioner Ada Quorn ran in 1980.'), []);
    assert.deepEqual(codes('"A harbour without ships is a town without bread." The harbour was empty that winter.'), ['quote-unattributed']);
  });

  it('runs no sourcing check on an article that is not English, and says so', () => {
    const text = 'Cimeira em Castora\n\nO ministro Otto Brisk chegou a Castora na segunda-feira para uma visita de dois dias. ' +
      'Segundo a imprensa, 40 acordos serão assinados durante a visita e "a cooperação vai crescer muito". ' +
      'Os dois países têm uma longa história de comércio e de trocas culturais. No segundo dia, o ministro visitará o porto ' +
      'e uma fábrica de tecidos, antes de um jantar oferecido pelo governo. A delegação inclui 42 membros, entre empresários, ' +
      'médicos e funcionários do ministério da indústria, e volta para casa na quarta-feira à noite.\n';
    const a = analyse({ uri: 'file:///q/pt.txt', text });
    assert.deepEqual(sourcingFindings(a), []);
    assert.deepEqual(structureFindings(a.article).map((f) => [f.code, f.severity]).filter(([c]) => c === 'structure/not-english'), [['structure/not-english', 'hint']]);
    assert.ok(!structureFindings(read('"This will change everything," Otto Brisk said on Monday in the capital.').article).some((f) => f.code === 'structure/not-english'));
  });

  it('finds the speaker a reader sees even when it is not a name', () => {
    const implicit = (body: string) => read(body).sourcing.quotes.filter((q) => q.kind === 'direct').map((q) => q.implicit ?? q.speaker?.name ?? null);
    // A pronoun or a common noun with a speech verb after the quotation.
    assert.deepEqual(codes('"We will keep every road open through the winter," the mayor concluded.'), []);
    assert.deepEqual(codes('The hearing ran late. "Can anyone here tell me what changed in March?" she asks.'), []);
    // A colon introduction, in the same paragraph or closing the one before.
    assert.deepEqual(implicit('Varga put it plainly:\n\n"The budget leaves nothing for the harbour this year."'), ['colon']);
    // The next sentence of a quotation the sentence before attributed.
    assert.deepEqual(codes('"The port will reopen in May," said harbour engineer Pell Varga. "Nobody expects the cranes back before then."'), []);
    // A quotation opening the paragraph after the one about its speaker.
    assert.deepEqual(implicit('Councillor Norma Quist has fought the closure for a decade.\n\n"I will not stop until the ferry runs again."'), ['previous paragraph']);
    // A source in brackets after it, as newsletters cite.
    assert.deepEqual(codes('HARBOUR NEWS "The ferry will run twice a day from next spring on." [Coast Gazette.]'), []);
  });

  it('sees a speaker in a tag after the quotation, with rarer speech verbs', () => {
    // A verb of saying beyond "said": assured, remembered, sings, chiding, tweeting that.
    assert.deepEqual(codes('"The bridge will be finished by June," the engineer assured the council. "Nobody will wait longer than that."'), []);
    assert.deepEqual(codes('"We argued about it for weeks and then the money ran out," remembered Tova Renn, who kept the accounts.'), []);
    assert.deepEqual(codes('As the old ferry song goes, the chorus sings, "Row on home before the tide turns on us."'), []);
    assert.deepEqual(codes('She cut the councillor short, chiding him, "Where were you when the harbour flooded last spring?"'), []);
    // A comma closing the quotation hands it to what follows, even with no verb ("…," the mayor from her office).
    assert.deepEqual(codes('"The ferry runs again from Monday and nobody will pay for it," Mayor Olsk from her office.'), []);
  });

  it('keeps the speaker through a dialogue, a fragment quoted in between, or lines of one open quotation', () => {
    // A short quoted title between two quotations by the same speaker does not break the chain.
    assert.deepEqual(codes('"I cannot say where he stands on the tolls," said Pell Varga before the "Open Roads" meeting. "Some kind of fee is part of his plan, I think."'), []);
    // Replies and short tags in a dialogue do not count as the writer's own sentences.
    assert.deepEqual(codes('"Will we close the harbour?" the mayor asked.\n\n"No!"\n\n"Or will we dredge it and keep working?"'), []);
    // One sentence a line: the quotation opened on one line is closed, with its tag, two lines on.
    assert.deepEqual(codes('"The tremor lasted about ten seconds along the coast.\n\nShops emptied in minutes," a civil defence spokesman said.'), []);
  });

  it('sees sources printed as a signature or in brackets, and the speaker a headline introduces', () => {
    // A signature line under the quotation, as fact checks print them.
    assert.deepEqual(codes('"Every harbour town has lost half its jobs since the crash."\n\n- Tova Renn.'), []);
    // A digest item whose source closes the paragraph in brackets.
    assert.deepEqual(codes('FERRY FARES FROZEN "The council froze ferry fares for a second year on Tuesday." Read more online. [Coast Gazette]'), []);
    // "Name: ‘…’" headlines introduce the speaker of the quotation the body opens with.
    const a = analyse({ uri: 'file:///q/h.txt', text: 'Tova Renn: ‘We Will Not Sell The Harbour’\n\n"The harbour is not for sale, and it never will be while I sit on this council."\n' });
    assert.deepEqual(sourcingFindings(a).map((f) => f.code), []);
  });

  it('reads quote marks typed the wrong way round where they close', () => {
    // “…," and "…“ close their quotation: the tag after the first one is outside it.
    const a = read('“The fund is out of balance," the trade group wrote. "A correction is needed before next year or the trend gets worse.“');
    assert.equal(a.sourcing.quotes.length, 2);
    assert.deepEqual(codes('“The fund is out of balance," the trade group wrote. "A correction is needed before next year or the trend gets worse.“'), []);
    // A quoted figure used as a noun's modifier is no speech: the “90 to 95 percent” figure.
    assert.deepEqual(codes('The "forty to fifty percent" figure came from the campaign itself.'), []);
  });

  it('does not take titles or fragments woven into a sentence for speech', () => {
    assert.deepEqual(codes('Voters in the valley rallied behind the slogan "Bread and Bridges For All" last year.'), []);
    assert.deepEqual(codes('The plan was meant to "lift every harbour town out of decline" within a decade.'), []);
  });
});

describe('claims and their sources', () => {
  it('flags a checkable claim with no source, saying what kind of claim it is', () => {
    const [finding] = sourcingFindings(read('Government forces killed 300 fighters in the north.'));
    assert.equal(finding.code, 'unattributed-claim');
    assert.match(finding.message, /^Unattributed casualty figure: nobody is cited for “Government forces killed 300 fighters/);
  });

  it('does not flag a claim attributed in its own sentence; one an earlier sentence attributed is the outlet\'s again', () => {
    assert.deepEqual(codes('Government forces killed 300 fighters in the north, the army said.'), []);
    // News annotated for attribution (PolNeAR) leaves such a following sentence to the outlet about 2 times in 3.
    assert.deepEqual(codes('The army said on Monday that the offensive had begun. It added that troops advanced. Government forces killed 300 fighters.'), ['unattributed-claim']);
    // A quotation continued from its speaker's sentence is still the speaker's.
    assert.deepEqual(codes('"The offensive has begun," the army said. "Government forces killed 300 fighters. We advance."'), []);
  });

  it('does not flag scene-setting, questions or hedged sentences', () => {
    assert.deepEqual(codes('Relations between the two countries have improved. Who killed the envoy? The blast may have killed dozens.'), []);
    assert.deepEqual(codes('It was not immediately clear whether the shots killed 300 seals in the bay.'), []);
  });

  it('names the vague source a claim rests on', () => {
    const found = sourcingFindings(read('Informed sources said 40 people were arrested.'));
    assert.deepEqual(found.map((f) => [f.code, f.message]), [['anonymous-source', 'Rests on a vague or anonymous source: “Informed sources”.']]);
  });

  it('takes vague words as a source only when they say, report or believe something', () => {
    const anon = (body: string) => sourcingFindings(read(body)).filter((f) => f.code === 'anonymous-source').map((f) => f.message.replace(/.*“(.*)”.*/, '$1'));
    assert.deepEqual(anon('The bridge will close in May, officials said on Monday.'), ['officials']);
    assert.deepEqual(anon('The toll rises next year, said two sources familiar with the plan.'), ['sources']);
    assert.deepEqual(anon('Analysts had forecast a smaller loss for the quarter.'), ['Analysts']);
    // A statistic, an object, a subject of something other than saying, or a vague word tied to a named body.
    assert.deepEqual(anon('One in four residents lived below the poverty line in 2019.'), []);
    assert.deepEqual(anon('The mayor met residents of the harbour district on Friday.'), []);
    assert.deepEqual(anon('Officials started to paint the closure as a matter of safety.'), []);
    assert.deepEqual(anon('Harbour Authority officials said the cranes would return.'), []);
    // A country, its people or its capital does not name the body: still vague.
    assert.deepEqual(anon('The talks went well, Turkish officials said.'), ['officials']);
    assert.deepEqual(anon('The talks went well, officials in Ankara said.'), ['officials']);
    assert.deepEqual(anon('Part of the problem, say experts like Dana Ruell, is the soil itself.'), []);
    // A source denied, a vague word after a preposition, "a say", or a vague source inside a named speaker's report.
    assert.deepEqual(anon('The mayor never cited a source for her claim that the pier is sinking.'), []);
    assert.deepEqual(anon('Each spring the harbour board sits down with analysts and tells them the port is growing.'), []);
    assert.deepEqual(anon('The reform gives party officials a say in the ferry contracts.'), []);
    assert.deepEqual(anon('Harbour spokeswoman Tova Renn noted that experts say the channel has silted up.'), []);
    assert.deepEqual(anon('The channel has silted up, according to officials at the port.'), ['officials']);
    // Hedges are no source: "reportedly", "allegedly".
    assert.deepEqual(anon('The councillor reportedly left the meeting early.'), []);
  });

  it('takes polls, reports, filings and ads as the source of a claim', () => {
    assert.deepEqual(codes('A county poll found 300 households had lost power.'), []);
    assert.deepEqual(codes('The campaign ad claims the mayor funded the blockade.'), []);
    assert.deepEqual(codes('The mayor funded the blockade.'), ['unattributed-claim']);
  });

  it('reads a named subject with a stance verb as that subject\'s account, not the outlet\'s claim', () => {
    assert.deepEqual(codes('Councillor Pell Varga blamed the harbour board for the 300 lost jobs.'), []);
    // An apposition and auxiliaries between the subject and the verb.
    assert.deepEqual(codes('Mr. Olsk, who owns 4 percent of the ferry line, has repeatedly defended the $2 million fare rise.'), []);
    assert.deepEqual(codes('The campaign has accused the mayor of wasting $40 million on the bridge.'), []);
    // The same claim with nobody before the verb stays flagged.
    assert.deepEqual(codes('The harbour board was blamed for the 300 lost jobs.'), ['unattributed-claim']);
  });

  it('reads the writer\'s own voice and the outlet\'s notes as no unattributed claim', () => {
    assert.deepEqual(codes('I voted for a Republican for the first time this year.'), []);
    assert.deepEqual(codes('We have lived through the worst winter the valley has known.'), []);
    assert.deepEqual(codes('Editor’s note: The mayor has been accused of fraud in two lawsuits. This note is added to every story about her.'), []);
    assert.deepEqual(codes('Correction: An earlier version of this story gave the ferry fare as $300 million.'), []);
  });

  it('takes a study or poll as the source even with a long name before its verb', () => {
    assert.deepEqual(codes('A 2019 study by the Coastal Institute for Harbour Research found that 40 percent of ferries run late.'), []);
    assert.deepEqual(codes('A Harbour College poll for the Coast Gazette released last week actually showed the mayor at 12 percent.'), []);
  });

  it('names the claim kind by the word\'s sense: hedge funds fund nothing, a court striking down a law is no strike', () => {
    assert.deepEqual(codes('Two hedge funds from the coast hold most of the shares.'), []);
    assert.deepEqual(codes('The court struck down the ferry law on Monday.'), []);
    assert.deepEqual(codes('Her speech captured the mood of the harbour towns.'), []);
    // An earthquake or a storm that struck is no military strike (whatever else the sentence claims).
    assert.deepEqual(codes('A light earthquake has struck the harbour towns overnight.'), []);
    assert.match(sourcingFindings(read('The army struck rebel positions near the harbour.'))[0].message, /^Unattributed military claim/);
  });

  it('flags figures worth a source with no one cited in their paragraph, but not spelled-out small counts', () => {
    assert.deepEqual(codes('The council approved 14 new ferry routes on Monday.'), ['unattributed-claim']);
    assert.deepEqual(codes('Two ferries left the harbour on Monday.'), []);
    // A standfirst before the dateline paragraph summarises like the headline: not a body claim.
    assert.deepEqual(codes('Harbour chief in Brelle for ferry talks; first such visit since 1979.\n\nBRELLE - The harbour chief met the mayor, officials said.'), ['anonymous-source']);
    // A source in another sentence of the paragraph, or in the paragraph after the lead, does not cover it.
    assert.deepEqual(codes('The council approved 14 new ferry routes on Monday. Mayor Tova Renn said the vote was close.'), ['unattributed-claim']);
    assert.deepEqual(codes('The council approved 14 new ferry routes on Monday.\n\nMayor Tova Renn said the vote was close.'), ['unattributed-claim']);
    // "according to X" later in a sentence whose own speech verb names nobody.
    assert.deepEqual(codes('Two more delegates pledged 14 votes to the mayor, according to the party chairman.'), []);
    // A poll's respondents as the source.
    assert.deepEqual(codes('Some 52 percent of harbour voters say the fares are too high.'), []);
    // The headline is the headline findings' business.
    assert.deepEqual(codes('The council approved 14 new ferry routes.').length, 1);
    assert.deepEqual(sourcingFindings(analyse({ uri: 'file:///q/t.txt', text: 'Council approves 14 new ferry routes\n\nThe harbour celebrated.\n' })).map((f) => f.code), []);
  });

  it('leaves routine game statistics and product specifications alone, and takes any name after an inverted cue as the source', () => {
    assert.deepEqual(codes('Varga finished with 31 rebounds and 12 assists in the home win.'), []);
    assert.deepEqual(codes('The new harbour tablet carries 16 GB of memory.'), []);
    // A name the recogniser has no evidence for is still the source right after ", said".
    assert.deepEqual(codes('Sixteen crew members and 40 passengers were aboard the ferry, said Wicharn Pattaravong, its owner.'), []);
    assert.deepEqual(codes('Police allege the skipper was paid 40,000 dollars to sink the ferry.'), []);
  });

  it('finds the source in a long "according to" phrase, after an inverted tag, or in a closing tag', () => {
    assert.deepEqual(codes('Turnout rose to 61 percent, according to a tally of county returns kept by the harbour board.'), []);
    assert.deepEqual(codes('The pier fund is $9 million short, said former harbour master Tollen Varga, who chairs its board.'), []);
    assert.deepEqual(codes('The ferry line lost $3 million last year, the Coast Gazette reports.'), []);
    // Without the tag the same figure stays flagged.
    assert.deepEqual(codes('The ferry line lost $3 million last year.'), ['unattributed-claim']);
  });

  it('takes any noun or personal pronoun as the subject of a speech or stance verb, by part of speech', () => {
    assert.deepEqual(codes('The retired harbour pilot says the channel lost 300 metres of depth.'), []);
    assert.deepEqual(codes('Fishermen expect the catch to fall by 40 percent this winter.'), []);
    assert.deepEqual(codes('The ferry operator is planning to spend $4 million on new berths.'), []);
    assert.deepEqual(codes('The council cut the pier budget by $2 million, saying the repairs could wait.'), []);
    // Numbers that fall, compare or show up are nobody's account.
    assert.deepEqual(codes('Ferry fees declined to $281 million in 2014 from $303 million.'), ['unattributed-claim']);
    assert.deepEqual(codes('Nearly 120,000 people showed up for the regatta in 2008.'), ['unattributed-claim']);
    assert.deepEqual(codes('The harbour board called off 14 sailings on Monday.'), ['unattributed-claim']);
  });

  it('reads a verb of saying, stance, knowing or judging anywhere in the sentence as someone\'s account, whatever its subject', () => {
    // The subject is a long description, a document or a group: the verb still shows whose account it is.
    assert.deepEqual(codes('Several skippers at the quay — two of them retired — said the channel lost 300 metres of depth.'), []);
    assert.deepEqual(codes('In his yearly filing, the harbour master discloses shares worth $2 million.'), []);
    assert.deepEqual(codes('Councillor Varga has railed against the $40 million bridge for a year.'), []);
    assert.deepEqual(codes('The appeals court ruled that the 300 dismissals broke the ferry law.'), []);
    assert.deepEqual(codes('Harbour Weekly published its list of the 100 richest skippers in May.'), []);
    // A progressive is no passive: "is currently pushing for".
    assert.deepEqual(codes('Governor Tova Renn is currently pushing for a $15 minimum wage on the islands.'), []);
    // Phrasal ones too, read by the tag of their first word; not "went on to".
    assert.deepEqual(codes('The harbour board also points out that 300 ferries run late.'), []);
    assert.deepEqual(codes('The mayor played down the $3 million loss on Friday.'), []);
    assert.deepEqual(codes('The harbour won 300 delegates and went on to win the vote.'), ['unattributed-claim']);
    // Intentions and votes are someone's too.
    assert.deepEqual(codes('The ferry line plans to spend $10 million on new berths.'), []);
    assert.deepEqual(codes('Only 12,400 islanders cast a ballot for either candidate.'), []);
    // Not as a modifier, a phrasal verb, an act that is no statement, a noun's plan, or a passive naming nobody.
    assert.deepEqual(codes('The harbour employs an estimated 3,000 people.'), ['unattributed-claim']);
    assert.deepEqual(codes('Nearly 120,000 people showed up for the regatta in 2008.'), ['unattributed-claim']);
    assert.deepEqual(codes('The council approved 14 new ferry routes on Monday.'), ['unattributed-claim']);
    assert.deepEqual(codes('Trade across the strait reached $62 billion, with plans to double it.'), ['unattributed-claim']);
    assert.deepEqual(codes('The harbour board was blamed for the 300 lost jobs.'), ['unattributed-claim']);
    assert.deepEqual(codes('The harbour board was blamed by the mayor for the 300 lost jobs.'), []);
  });

  it('leaves a figure in a long sentence of several clauses alone, but not a casualty figure, and not in a short one', () => {
    assert.deepEqual(codes('The ferry line, which the harbour board bought in 2011 after councillors fought over it for years, now runs 300 sailings a week between the islands.'), []);
    assert.deepEqual(codes('The ferry line, which the harbour board bought in 2011 after councillors fought over it for years, killed 300 seals in the bay last summer.'), ['unattributed-claim']);
    assert.deepEqual(codes('The ferry line runs 300 sailings a week between the islands.'), ['unattributed-claim']);
  });

  it('reads a poll named in the sentence and its respondents as the source', () => {
    assert.deepEqual(codes('The mayor held a 12-point lead in a Coast Gazette poll of harbour voters.'), []);
    assert.deepEqual(codes('Her approval rating in the latest Coast Gazette-Harbour Radio Poll stands at 53 percent.'), []);
    assert.deepEqual(codes('Recent polls from Harbour College and CNN/ORC respectively show 56% and 54% approval.'), []);
    assert.deepEqual(codes('Men under 35 support the mayor by 4 percentage points.'), []);
    assert.deepEqual(codes('The mayor won the ward by 300 votes.'), ['unattributed-claim']);
    // A stance named by its holder's noun, and a vote's result, are someone's say.
    assert.deepEqual(codes('Her decision to close the pier cost the town $3 million.'), []);
    assert.deepEqual(codes('The ferry levy passed with 56 percent of the vote.'), []);
    assert.deepEqual(codes('The mayor received support from six in 10 harbour voters.'), []);
    assert.deepEqual(codes('Among ferry users, 56 percent would vote for the incumbent.'), []);
    assert.deepEqual(codes('Just 30% of harbour voters consider the mayor honest.'), []);
    assert.deepEqual(codes('Those surveyed say the fares should fall by a third by 2030.'), []);
    // A vote count is a result, not a respondent's answer.
    assert.deepEqual(codes('The mayor won 56 percent of the vote in the harbour ward.'), ['unattributed-claim']);
  });

  it('leaves list numbering and name-and-age lines alone, and takes an agent in the passive as the source', () => {
    assert.deepEqual(codes('Ten things to know about the harbour.\n\n2.\n\nThe ferry fares rise in May.\n\nGeert Varga, 56.'), []);
    assert.deepEqual(codes('His fortune is smaller than the $36.5 billion estimated by Harbour Weekly.'), []);
    assert.deepEqual(codes('His fortune is smaller than $36.5 billion.'), ['unattributed-claim']);
  });

  it('leaves schedules and site chrome alone, but not a cause', () => {
    assert.deepEqual(codes('The two mayors were due to sign 20 ferry agreements on Friday.'), []);
    assert.deepEqual(codes('Talks with the port board are scheduled to last 90 minutes.'), []);
    assert.deepEqual(codes('Harbour Gazette 2 min read Last Updated : May 3 2024 | 10:16 PM The mayor met 14 skippers.'), []);
    assert.deepEqual(codes('For the whole archive see our subscription offer, or register for free to open 5 stories a month.'), []);
    assert.deepEqual(codes('The mayor is on a state visit to Brelle from March 20 through 22, her first in six years.'), []);
    assert.deepEqual(codes('The mayor\'s first visit to Brelle in five years will last until July 9.'), []);
    assert.deepEqual(codes('Picture: Tom Varga/Harbour Agency The mayor inspected 300 ferries on the quay.'), []);
    assert.deepEqual(codes('August 10, 2011 -- Updated 0947 GMT (1747 HKT)'), []);
    assert.deepEqual(codes('On August 10, 2011 the ferry carried 300 people.'), ['unattributed-claim']);
    // "due to" naming a cause is still a claim.
    assert.deepEqual(codes('The ferry lost 300 sailings due to the storm.'), ['unattributed-claim']);
  });

  it('does not call money given to a group an accusation', () => {
    const [finding] = sourcingFindings(read('The harbour trust, funded by local donors, spent $300,000 on the pier.'));
    assert.match(finding.message, /^Unattributed numeric claim/);
  });

  it('reads two apostrophes as a double quote, as some archives print them', () => {
    const a = read("''The fees rose 30 percent in a year,'' said Tova Renn, a harbour pilot.");
    assert.deepEqual(a.sourcing.quotes.map((q) => [q.content, q.speaker?.name]), [['The fees rose 30 percent in a year,', 'Tova Renn']]);
    assert.deepEqual(codes("''The fees rose 30 percent in a year,'' said Tova Renn, a harbour pilot."), []);
  });

  it('recognises state media as a source, not an anonymous one', () => {
    const a = read('Syrian state media said government forces killed over 1,300 fighters.');
    assert.equal(a.sourcing.attributions[0].source.type, 'state-media');
    assert.deepEqual(codes('Syrian state media said government forces killed over 1,300 fighters.'), []);
  });
});

describe('quote-variant across outlets', () => {
  it('pairs two versions of one statement by the same speaker, and not different statements', () => {
    const c = new Corpus();
    c.update({ uri: 'file:///q/a.txt', text: 'A\n\n"Preserving the territorial integrity of Iraq and Syria serves both countries," Otto Brisk said.\n', externalMeta: { outlet: 'Ledger' } });
    c.update({ uri: 'file:///q/b.txt', text: 'B\n\n"Maintaining the territorial integrity of Iraq and Syria is in the interest of both countries," Brisk said.\n', externalMeta: { outlet: 'Wire' } });
    c.update({ uri: 'file:///q/c.txt', text: 'C\n\n"The weather in the capital was pleasant all week," Otto Brisk said.\n', externalMeta: { outlet: 'Post' } });
    const found = [...c.allFindings().values()].flat().filter((f) => f.code === 'quote-variant');
    assert.equal(found.length, 2);
    assert.match(found[0].message, /^Wire \(b\.txt\) quotes Otto Brisk saying this in other words: “Maintaining the territorial integrity of Iraq and Syria is in the interest of both countries”\.$/);
    assert.equal(found[0].related[0].uri, 'file:///q/b.txt');
  });

  it('diffs two versions word by word', () => {
    assert.equal(wordDiff('preserving the unity', 'maintaining the unity'), '~~preserving~~ **maintaining** the unity');
  });
});

describe('loaded-term and loaded-label', () => {
  it('names the verdict and the words other outlets use for the same group; wire-neutral words are only named', () => {
    const c = new Corpus();
    c.update({ uri: 'file:///q/a.txt', text: 'A\n\nThe army fought the terrorists near the border.\n', externalMeta: { outlet: 'State TV' } });
    c.update({ uri: 'file:///q/b.txt', text: 'B\n\nThe army fought rebels near the border.\n', externalMeta: { outlet: 'Wire' } });
    const found = [...c.allFindings().values()].flat().filter((f) => /^loaded-/.test(f.code));
    assert.deepEqual(found.map((f) => f.message), [
      '“terrorists” labels a whole group with a verdict (armed opponents of a government); elsewhere in the corpus: “rebels” (Wire).',
    ]);
  });

  it('reports a label for a whole group as information, a verdict word on one act or person as a hint', () => {
    const c = new Corpus();
    c.update({ uri: 'file:///q/a.txt', text: 'A\n\nThe army pushed Takfiri terrorists out of two villages. A terrorist was seen near the market.\n', externalMeta: { outlet: 'State TV' } });
    c.update({ uri: 'file:///q/b.txt', text: 'B\n\nThe army pushed insurgents out of two villages.\n', externalMeta: { outlet: 'Wire' } });
    const found = [...c.allFindings().values()].flat().filter((f) => /^loaded-/.test(f.code));
    assert.deepEqual(found.map((f) => [f.code, f.severity, f.message]), [
      ['loaded-label', 'information', '“Takfiri terrorists” labels a whole group with a verdict (armed opponents of a government); elsewhere in the corpus: “insurgents” (Wire).'],
      ['loaded-term', 'hint', '“terrorist” carries a verdict (armed opponents of a government); elsewhere in the corpus: “insurgents” (Wire).'],
    ]);
  });

  it('leaves a quoted word and an attributed designation to whoever used them', () => {
    const c = new Corpus();
    const texts = [
      'A\n\n"These terrorists will be punished," the governor told reporters.\n',
      'B\n\nPolice said they were treating the blast as a terrorist attack.\n',
      'C\n\nThe group, which Ankara designates a terrorist organisation, denied any role.\n',
      'D\n\nThree men were charged with terrorist offences on Friday.\n',
      'E\n\nThe interior ministry said it was a terrorist attack.\n',
    ];
    texts.forEach((text, i) => c.update({ uri: `file:///q/${i}.txt`, text, externalMeta: { outlet: `Outlet ${i}` } }));
    assert.deepEqual([...c.allFindings().values()].flat().filter((f) => /^loaded-/.test(f.code)).map((f) => f.message), []);
    // In the outlet's own voice the same designation is its choice.
    c.update({ uri: 'file:///q/own.txt', text: 'F\n\nThe terrorist attack killed four people in the square.\n', externalMeta: { outlet: 'Outlet F' } });
    assert.deepEqual([...c.allFindings().values()].flat().filter((f) => /^loaded-/.test(f.code)).map((f) => f.uri), ['file:///q/own.txt']);
  });

  it('leaves ordinary words and other senses alone', () => {
    const c = new Corpus();
    c.update({ uri: 'file:///q/c.txt', text: 'C\n\nThe regimen of talks continued; officials attended.\n' });
    assert.deepEqual([...c.allFindings().values()].flat().filter((f) => /^loaded-/.test(f.code)), []);
  });

  it('a policy phrase or a party name holding a term names no group; the same word as a description still counts', () => {
    const loaded = (text: string) => {
      const c = new Corpus();
      c.update({ uri: 'file:///q/p.txt', text: `P\n\n${text}\n`, externalMeta: { outlet: 'Paper' } });
      return [...c.allFindings().values()].flat().filter((f) => /^loaded-/.test(f.code)).map((f) => f.message.replace(/ .*/, ''));
    };
    assert.deepEqual(loaded('The senator opposed regime change in Velmora from the start.'), []);
    assert.deepEqual(loaded('She argued that regime-change wars rarely end well.'), []);
    assert.deepEqual(loaded('Polls gave the Zionist Union party a narrow lead over its rivals.'), []);
    assert.deepEqual(loaded('The regime in Velmora jailed three reporters.'), ['“regime”']);
    assert.deepEqual(loaded('Terrorists Seize Border Town After Long Siege'), ['“Terrorists”'], 'a title-case headline is not a name');
  });
});

describe('quotes within quotes and cue hovers', () => {
  it('keeps a quotation that quotes someone else as one quotation with one speaker', () => {
    const a = read('"They told us \'never again\' and then they left," Otto Brisk said.');
    assert.equal(a.sourcing.quotes.length, 1);
    assert.equal(a.sourcing.quotes[0].speaker?.name, 'Otto Brisk');
  });

  it('the cue hover gives the whole attribution relation', () => {
    const a = read('Otto Brisk said the talks went well. More rounds would follow soon.');
    const cue = a.sourcing.attributions[0].cueRange;
    const card = cueCard(a, cue.start + 1)!;
    assert.match(card.value, /\| Source \| Otto Brisk \|\n\| Type \| named person \|\n\| Cue \| “said” \|\n\| Covers \| this sentence and 1 following sentence \(carried over\) \|/);
  });
});

// trailingWords replaces a regex that tried every start position of its text; it must capture exactly what the regex
// captured, for every string.
const REGEX = /((?:[\p{L}’']+\s+){0,3})$/u;

describe('trailingWords (the last three words before a stance verb)', () => {
  it('takes up to three words, each followed by whitespace, that reach the end', () => {
    assert.equal(trailingWords('Mr. Ubben, who holds a stake, has repeatedly '), 'has repeatedly ');
    assert.equal(trailingWords('the minister has also '), 'minister has also ');
    assert.equal(trailingWords('no space at the end'), '');
    assert.equal(trailingWords('one, two '), 'two ');
    assert.equal(trailingWords('O’Neill’s  \t'), 'O’Neill’s  \t');
    assert.equal(trailingWords(''), '');
  });

  it('agrees with the regex on random text (letters, apostrophes, spaces, digits, punctuation, astral letters, lone surrogates)', () => {
    const unit = fc.constantFrom('a', 'B', 'é', 'ж', '’', "'", ' ', '  ', '\t', '\n', '\u00A0', '\u2003', ',', '.', '1', '-', '𝐀', '😀', '\uD835', '\uDC00', 'ſ');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        assert.equal(trailingWords(text), REGEX.exec(text)![1], JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
  });
});
