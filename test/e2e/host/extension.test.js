// Runs inside the VS Code extension host with the extension in development mode and samples/ open.
const assert = require('assert');
const vscode = require('vscode');

async function poll(probe, what, ms = 30000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function sample(name) {
  const [uri] = await vscode.workspace.findFiles(`**/${name}`);
  assert.ok(uri, `${name} not found`);
  return uri;
}

describe('Sourcelens in the extension host', function () {
  before(async () => {
    const ext = vscode.extensions.getExtension('sourcelens.sourcelens');
    assert.ok(ext, 'extension sourcelens.sourcelens is not installed');
    await ext.activate();
  });

  it('indexes all five sample articles: each has diagnostics without being opened', async () => {
    const files = await vscode.workspace.findFiles('**/*.txt');
    const withFindings = await poll(() => {
      const n = files.filter((uri) => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'sourcelens')).length;
      return n === 5 ? n : undefined;
    }, 'diagnostics for all five samples');
    assert.equal(withFindings, 5);
  });

  it('reports structure findings for a file that was never opened', async () => {
    const uri = await sample('004-bagheri-ankara.txt');
    const diagnostics = await poll(() => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'sourcelens');
      return d.length ? d : undefined;
    }, 'diagnostics of 004');
    const codes = diagnostics.map((d) => (typeof d.code === 'object' ? d.code.value : d.code));
    assert.ok(codes.includes('structure/boilerplate'), codes.join(','));
  });

  it('reports structure findings for an opened article', async () => {
    const uri = await sample('000-rouhani-cavusoglu-tehran.txt');
    await vscode.window.showTextDocument(uri);
    const codeOf = (d) => String(typeof d.code === 'object' ? d.code.value : d.code);
    const structure = await poll(() => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'sourcelens' && codeOf(x).startsWith('structure/'));
      return d.length ? d : undefined;
    }, 'structure/ diagnostics of 000');
    // The PHOTO caption under the headline (line 2) is page furniture, reported as a hint the editor renders faded.
    const boilerplate = structure.filter((d) => codeOf(d) === 'structure/boilerplate');
    assert.ok(boilerplate.some((d) => d.range.start.line === 1), boilerplate.map((d) => d.range.start.line).join(','));
    assert.ok(boilerplate.every((d) => d.severity === vscode.DiagnosticSeverity.Hint && (d.tags ?? []).includes(vscode.DiagnosticTag.Unnecessary)));
  });

  it('hovers the headline with the article card', async () => {
    const uri = await sample('000-rouhani-cavusoglu-tehran.txt');
    await vscode.window.showTextDocument(uri);
    const hovers = await poll(async () => {
      const h = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(0, 2));
      return h && h.length ? h : undefined;
    }, 'hover');
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    // The article card: headline, the date sources.yaml gives, the file name.
    assert.match(text, /Rouhani calls for closer Iran-Turkey cooperation on Syria and Iraq/);
    assert.match(text, /\| Published \| 2016-11-26 \(/);
    assert.match(text, /`000-rouhani-cavusoglu-tehran\.txt`/);
  });

  it('hover on "Cavusoglu" shows the title and spelling each outlet used', async () => {
    const uri = await sample('001-tasnim-rouhani-cavusoglu.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    const line = doc.getText().split('\n').findIndex((l) => l.includes('Cavusoglu said.'));
    const character = doc.lineAt(line).text.indexOf('Cavusoglu said.') + 2;
    const hovers = await poll(async () => {
      const h = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(line, character));
      return h && h.length ? h : undefined;
    }, 'entity hover');
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /person: \*\*Mevlut Cavusoglu\*\*/);
    // The outlet links to its mention; the article's name is the link's title (the table keeps to three columns).
    assert.match(text, /\[Euronews\]\(command:sourcelens\.openAccount\?[^ )]+ "002-euronews-zarif-ankara\.txt/);
    assert.match(text, /Mevlüt Çavuşoğlu/);
    assert.match(text, /Turkish Foreign Minister/);
  });

  it('hovering Cavusoglu\'s quote in 000 shows the Tasnim version with a word diff', async () => {
    const uri = await sample('000-rouhani-cavusoglu-tehran.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('"Preserving'));
    const hovers = await poll(async () => {
      const h = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(line, 2));
      return h && h.length ? h : undefined;
    }, 'quote hover');
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Tasnim News Agency\*\* quotes it as/);
    assert.match(text, /~~Preserving~~ \*\*Maintaining\*\*/);
  });

  it('outlines the article', async () => {
    const uri = await sample('000-rouhani-cavusoglu-tehran.txt');
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
    assert.ok(symbols && symbols.length >= 1);
    assert.equal(symbols[0].name, 'Rouhani calls for closer Iran-Turkey cooperation on Syria and Iraq');
  });

  it('shows the resolved date of "on Saturday" as an inlay hint', async () => {
    const uri = await sample('000-rouhani-cavusoglu-tehran.txt');
    const doc = await vscode.workspace.openTextDocument(uri);
    const hints = await vscode.commands.executeCommand('vscode.executeInlayHintProvider', uri, new vscode.Range(0, 0, doc.lineCount, 0));
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    assert.ok(labels.includes('2016-11-26'), labels.join(','));
  });

  it('puts a code lens above the Tehran account naming the other outlet', async () => {
    const uri = await sample('000-rouhani-cavusoglu-tehran.txt');
    const lenses = await poll(async () => {
      const l = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri);
      return l && l.length ? l : undefined;
    }, 'code lenses');
    assert.ok(lenses.some((l) => l.command && /Also reported by Tasnim News Agency \(001-tasnim-rouhani-cavusoglu\.txt\)/.test(l.command.title)), lenses.map((l) => l.command && l.command.title).join(' | '));
  });

  it('"Next account of this meeting" moves from 000 to 001', async () => {
    const uri = await sample('000-rouhani-cavusoglu-tehran.txt');
    const editor = await vscode.window.showTextDocument(uri);
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('Iranian President Hassan Rouhani on Saturday'));
    editor.selection = new vscode.Selection(line, 5, line, 5);
    await vscode.commands.executeCommand('sourcelens.nextAccount');
    await poll(() => /001-tasnim/.test(vscode.window.activeTextEditor?.document.uri.path ?? ''), 'the editor to move to 001', 10000);
  });

  it('shows a figure-conflict between two outlets reporting one flood (not a meeting), naming the event; the event card on hover', async () => {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const write = (name, text) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), Buffer.from(text));
    await write('sources.yaml', (Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'sources.yaml'))).toString()) +
      'x-ledger.txt:\n  outlet: Velorian Daily\n  published: 2031-03-05\nx-wire.txt:\n  outlet: Marnish Wire\n  published: 2031-03-05\n');
    const lead = 'Floodwaters swept through Varnholm after the Tessel river burst its banks near the old mill, officials in the Orrin province said.';
    await write('x-ledger.txt', `Deadly flood hits Varnholm\n\n${lead} At least 31 people were killed. Rescue teams searched the Varnholm riverbank.\n`);
    await write('x-wire.txt', `Varnholm flood toll\n\n${lead} Only 13 people were killed. Rescue teams searched the Varnholm riverbank.\n`);
    const ledger = vscode.Uri.joinPath(folder, 'x-ledger.txt');
    const conflict = await poll(() => vscode.languages.getDiagnostics(ledger).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'figure-conflict'), 'figure-conflict');
    assert.match(conflict.message, /gives at least 31 people; Marnish Wire \(x-wire\.txt\) gives 13 people for the event “[^”]+” \(2 articles; linked by [^)]*varnholm/i);
    assert.equal(conflict.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(conflict.relatedInformation[0].location.uri.path.endsWith('x-wire.txt'));
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', ledger, new vscode.Position(2, 3));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /event \(\w+\): “Deadly flood hits Varnholm”/);
    assert.match(text, /Marnish Wire — x-wire\.txt/);
  });

  it('walks a meeting told by three outlets with Next and Previous account', async () => {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const write = (name, text) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), Buffer.from(text));
    await write('sources.yaml', (Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'sources.yaml'))).toString()) +
      'y-first.txt:\n  outlet: First Wire\n  published: 2032-04-06\ny-second.txt:\n  outlet: Second Daily\n  published: 2032-04-06\ny-third.txt:\n  outlet: Third Post\n  published: 2032-04-07\n');
    await write('y-first.txt', 'Almund meets Vorhaug in Brelle\n\nChilean Foreign Minister Tarek Almund met Kenyan Foreign Minister Ines Vorhaug in Brelle on Monday.\n');
    await write('y-second.txt', 'Ministers talk trade in Brelle\n\nTarek Almund held talks with Ines Vorhaug in Brelle on Monday, officials said.\n');
    await write('y-third.txt', 'Vorhaug hosts Almund\n\nInes Vorhaug received Tarek Almund in Brelle on Monday to discuss trade.\n');
    const names = ['y-first.txt', 'y-second.txt', 'y-third.txt'];
    const first = vscode.Uri.joinPath(folder, 'y-first.txt');
    // The code lens above the first account names the other two outlets once the meeting is formed (code lenses
    // are asked of an open document).
    await vscode.window.showTextDocument(first);
    await poll(async () => {
      const l = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', first);
      const titles = (l || []).map((x) => (x.command ? x.command.title : '')).join(' | ');
      return /Second Daily/.test(titles) && /Third Post/.test(titles);
    }, 'code lenses naming the two other outlets', 60000);
    // Corpus articles switch to the word-wrapping `news-article` language once the Articles view knows them; the
    // switch reopens the document, so place the cursor after it.
    await poll(() => vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.languageId === 'news-article', 'y-first.txt in the news-article language', 30000);
    const editor = await vscode.window.showTextDocument(first);
    editor.selection = new vscode.Selection(2, 10, 2, 10);
    const current = () => (vscode.window.activeTextEditor ? vscode.window.activeTextEditor.document.uri.path.split('/').pop() : '');
    const seen = [current()];
    for (let i = 0; i < 3; i++) {
      const before = current();
      await vscode.commands.executeCommand('sourcelens.nextAccount');
      await poll(() => current() !== before, `Next account from ${before}`, 10000);
      seen.push(current());
    }
    assert.deepEqual([...new Set(seen.slice(0, 3))].sort(), names, seen.join(' > '));
    assert.equal(seen[3], seen[0], `three steps come back to the first account: ${seen.join(' > ')}`);
    const here = current();
    await vscode.commands.executeCommand('sourcelens.previousAccount');
    await poll(() => current() !== here, 'Previous account', 10000);
    assert.equal(current(), seen[2], 'Previous goes back the way Next came');
  });

  it('imports a saved page from the Explorer command: the .md becomes the article, the page stops asking to be imported', async () => {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const html = vscode.Uri.joinPath(folder, 'saved', 'storm.html');
    const page = require('fs').readFileSync(require('path').join(__dirname, '../../fixtures/pages/saved/amp-story.html'));
    await vscode.workspace.fs.writeFile(html, page);
    const codeOf = (d) => String(typeof d.code === 'object' ? d.code.value : d.code);
    await poll(() => vscode.languages.getDiagnostics(html).find((d) => codeOf(d) === 'structure/page-not-imported'), 'structure/page-not-imported on the page');
    await vscode.commands.executeCommand('sourcelens.importPages', html, [html]);
    const md = vscode.Uri.joinPath(folder, 'saved', 'storm.md');
    const text = Buffer.from(await vscode.workspace.fs.readFile(md)).toString();
    assert.match(text, /^---\noutlet: Velor Daily\npublished: 2031-11-14\n/);
    assert.match(text, /\n# Storm floods coastal towns as river bursts its banks\n/);
    assert.deepEqual(Buffer.from(await vscode.workspace.fs.readFile(html)), page, 'the page is never changed');
    await poll(() => !vscode.languages.getDiagnostics(html).some((d) => codeOf(d) === 'structure/page-not-imported'), 'the page reminder to go');
    await poll(() => vscode.languages.getDiagnostics(md).some((d) => codeOf(d) === 'unattributed-claim'), 'findings on the imported article');
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['sourcelens.reindex', 'sourcelens.importPages', 'sourcelens.showLog', 'sourcelens.nextAccount', 'sourcelens.previousAccount', 'sourcelens.compareAccounts', 'sourcelens.showMeeting', 'sourcelens.meetings.hideSingle', 'sourcelens.meetings.showSingle']) {
      assert.ok(commands.includes(c), c);
    }
  });
});
