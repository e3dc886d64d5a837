// Builds a hostile corpus folder on the fly: every input that once stopped, hung or fooled Sourcelens (issue 19)
// and the ones that survived, plus ordinary articles that must still be analysed beside them. Nothing here is real
// news text; all of it is written for the test.

import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { SHAPES } from './shapes';

export interface HostileCorpus {
  root: string;
  /** Article files (relative paths) that must be in the corpus and answered for: each gets a finding or an analysis. */
  articles: string[];
  /** Files (relative) that must get one of these finding codes (on that file). */
  expectFindings: { file: string; code: string }[];
  /** Whether FIFOs could be made here (mkfifo exists); running as root, unreadable files are readable anyway. */
  fifos: boolean;
}

export interface BuildOptions {
  /** Characters per generated hostile shape (a few hundred KB keeps a protocol test quick; 1 MB for the benchmark). */
  shapeSize?: number;
  /** Include the size-heavy cases (130k boilerplate lines, big sources.yaml). */
  heavy?: boolean;
}

const ARTICLE = (n: number, outlet: string) =>
  `Kendrow meets Brisk in Ankara (${n})\n\nANKARA - Ilsa Kendrow met Otto Brisk in Ankara on Tuesday, officials said. "We agree," Kendrow said.\nPolice arrested some 1,300 people; 32 of 208 diplomats remain, according to ${outlet}.\n`;

function mkfifo(file: string): boolean {
  try {
    execFileSync('mkfifo', [file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function tryLink(target: string, file: string): void {
  try {
    symlinkSync(target, file);
  } catch {
    // a filesystem without links: the case is skipped
  }
}

function aliasBomb(levels = 9): string {
  let out = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i < levels; i++) out += `a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]\n`;
  return out;
}

export function buildHostileCorpus(root: string, options: BuildOptions = {}): HostileCorpus {
  const size = options.shapeSize ?? 200_000;
  const articles: string[] = [];
  const expectFindings: HostileCorpus['expectFindings'] = [];
  const write = (relative: string, content: string | Uint8Array, article = true) => {
    const full = path.join(root, relative);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
    if (article) articles.push(relative);
  };
  mkdirSync(root, { recursive: true });

  // Ordinary articles: the rest of the corpus, analysed as usual whatever sits beside them.
  for (let i = 0; i < 3; i++) write(`plain/article-${i}.txt`, ARTICLE(i, `Outlet ${i}`));
  write('plain/sources.yaml', 'article-0.txt:\n  outlet: Outlet Zero\n  published: 2016-08-12\n', false);

  // Every shape of the text generators, one file each.
  SHAPES.forEach((shape, i) => write(`shapes/${String(i).padStart(2, '0')}-${shape.name.replace(/\W+/g, '-')}.txt`, shape.make(size)));

  // Bytes that are not UTF-8 text.
  const text = ARTICLE(9, 'Encodings Weekly');
  const utf16 = Buffer.from(text, 'utf16le');
  const utf16be = Buffer.from(utf16).swap16();
  const utf32 = Buffer.alloc(text.length * 4);
  for (let i = 0; i < text.length; i++) utf32.writeUInt32LE(text.charCodeAt(i), i * 4);
  write('bytes/binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
  write('bytes/invalid-utf8.txt', Buffer.concat([Buffer.from('Headline\n\nCaf'), Buffer.from([0xe9, 0xff, 0xc3]), Buffer.from(' au lait.\n')]));
  write('bytes/utf16le-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16]));
  write('bytes/utf16be-bom.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]));
  write('bytes/utf16le-no-bom.txt', utf16);
  write('bytes/utf16be-no-bom.txt', utf16be);
  write('bytes/utf32le-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32]));
  write('bytes/utf32le-no-bom.txt', utf32);
  write('bytes/latin1-starting-ythorn.txt', Buffer.from('\xff\xfe caf\xe9 au lait, na\xefve r\xe9sum\xe9.\nSecond line of Latin-1 text.\n', 'latin1'));
  write('bytes/crlf.txt', text.replace(/\n/g, '\r\n'));
  write('bytes/cr-only.txt', text.replace(/\n/g, '\r'));
  write('bytes/bidi-zero-width.txt', `\u202EKendrow\u202C meets \u200BBrisk\u2066 in \u2067Ankara\u2069\n\n${text}`);
  write('bytes/empty.txt', '');
  expectFindings.push(
    { file: 'bytes/binary.txt', code: 'structure/binary-file' },
    { file: 'bytes/invalid-utf8.txt', code: 'structure/encoding' },
    { file: 'bytes/utf32le-bom.txt', code: 'structure/encoding' },
    { file: 'bytes/utf32le-no-bom.txt', code: 'structure/encoding' },
    { file: 'bytes/latin1-starting-ythorn.txt', code: 'structure/encoding' },
  );

  // Front matter and dates.
  write('meta/unclosed-front-matter.txt', `---\ntitle: Never closed\n${ARTICLE(10, 'Fence Times')}`);
  write('meta/cr-front-matter.txt', `---\rtitle: Lone CR\rpublished: 2016-08-12\r---\r${ARTICLE(11, 'CR Herald').replace(/\n/g, '\r')}`);
  write('meta/inf-date.md', `---\npublished: .inf\n---\n${ARTICLE(12, 'Infinity Post')}`);
  write('meta/nan-date.md', `---\npublished: .nan\n---\n${ARTICLE(13, 'NaN Courier')}`);
  write('meta/five-digit-year.txt', `Headline of the five-digit year\nPublished 12 March 12345\n\n${ARTICLE(14, 'Future Ledger')}`);
  write('meta/year-0050.md', `---\npublished: 0050-02-03\n---\n${ARTICLE(15, 'Antique Wire')}`);
  write('meta/front-matter-alias-bomb.md', `---\n${aliasBomb()}title: *a8\n---\n${ARTICLE(16, 'Bomb Gazette')}`);
  write('meta/front-matter-custom-tag.md', `---\ntitle: !evil x\n---\n${ARTICLE(17, 'Tag Tribune')}`);
  expectFindings.push(
    { file: 'meta/unclosed-front-matter.txt', code: 'structure/invalid-metadata' },
    { file: 'meta/inf-date.md', code: 'structure/invalid-metadata' },
    { file: 'meta/nan-date.md', code: 'structure/invalid-metadata' },
    { file: 'meta/front-matter-alias-bomb.md', code: 'structure/invalid-metadata' },
    { file: 'meta/front-matter-custom-tag.md', code: 'structure/invalid-metadata' },
  );

  // sources.yaml in its bad forms, one per folder, each beside an ordinary article.
  const sources: [string, string][] = [
    ['alias-bomb', aliasBomb()],
    ['aliases-101', `d: &d 2016-08-12\n${Array.from({ length: 101 }, (_, i) => `f${i}.txt: { published: *d }`).join('\n')}\narticle.txt: { published: *d, outlet: Alias Daily }\n`],
    ['duplicate-keys', 'article.txt: { outlet: A }\narticle.txt: { outlet: B }\n'],
    ['custom-tag', 'article.txt: !!python/object { outlet: A }\n'],
    ['not-a-mapping', '- just\n- a list\n'],
  ];
  for (const [folder, yaml] of sources) {
    write(`sources/${folder}/sources.yaml`, yaml, false);
    write(`sources/${folder}/article.txt`, ARTICLE(20, folder));
  }
  if (options.heavy) {
    let big = '';
    for (let i = 0; i < 40_000; i++) big += `file-${i}.txt:\n  outlet: Outlet ${i}\n  published: 2016-08-12\n`;
    write('sources/large/sources.yaml', big, false);
    write('sources/large/file-1.txt', ARTICLE(21, 'Large Sources'));
    write('heavy/boilerplate-130k-lines.txt', `Headline over furniture\n\n${'Share this article\n'.repeat(130_000)}`);
    // Past the YAML size cap (4 MB; 600,000 entries once took over 600 s and 1.9 GB): reported, not parsed.
    write('sources/huge/sources.yaml', big.repeat(3), false);
    write('sources/huge/file-2.txt', ARTICLE(22, 'Huge Sources'));
    expectFindings.push({ file: 'sources/huge/sources.yaml', code: 'structure/invalid-sources' });
  }

  // Files that are not regular files, and links.
  mkdirSync(path.join(root, 'special'), { recursive: true });
  let fifos = mkfifo(path.join(root, 'special', 'fifo.txt'));
  mkdirSync(path.join(root, 'special', 'fifo-sources'), { recursive: true });
  fifos = mkfifo(path.join(root, 'special', 'fifo-sources', 'sources.yaml')) && fifos;
  write('special/fifo-sources/article.txt', ARTICLE(30, 'Pipe Press'));
  mkdirSync(path.join(root, 'special', 'zero-sources'), { recursive: true });
  tryLink('/dev/zero', path.join(root, 'special', 'zero-sources', 'sources.yaml'));
  write('special/zero-sources/article.txt', ARTICLE(31, 'Zero Press'));
  tryLink('/dev/zero', path.join(root, 'special', 'dev-zero.txt'));
  tryLink('/etc/passwd', path.join(root, 'special', 'passwd.txt'));
  tryLink('/proc/self/status', path.join(root, 'special', 'proc-status.txt'));
  tryLink('/etc', path.join(root, 'special', 'etc-folder'));
  tryLink('.', path.join(root, 'special', 'loop'));
  tryLink('../plain/article-0.txt', path.join(root, 'special', 'inside-link.txt'));
  tryLink('missing-target.txt', path.join(root, 'special', 'dangling.txt'));
  articles.push('special/passwd.txt', 'special/proc-status.txt', 'special/inside-link.txt', 'special/dev-zero.txt');
  if (fifos) {
    // A FIFO named like an article is listed and reported, never opened for reading.
    articles.push('special/fifo.txt');
    expectFindings.push({ file: 'special/fifo.txt', code: 'structure/unreadable' });
  }
  expectFindings.push(
    { file: 'special/passwd.txt', code: 'structure/outside-folder' },
    { file: 'special/proc-status.txt', code: 'structure/outside-folder' },
    { file: 'special/dev-zero.txt', code: 'structure/outside-folder' },
    { file: 'special/etc-folder', code: 'structure/outside-folder' }, // on the link itself: the folder is not walked
  );
  write('special/unreadable.txt', ARTICLE(32, 'Locked Times'));
  chmodSync(path.join(root, 'special', 'unreadable.txt'), 0);

  // Odd names: control characters, bidi overrides, a newline in a folder name, spaces and non-Latin scripts.
  write('names/esc-\u001b[31mred.txt', ARTICLE(40, 'Escape Daily'));
  write('names/rlo-\u202Etxt.exe.txt', ARTICLE(41, 'Override Post'));
  write('names/new\nline/inside.txt', ARTICLE(42, 'Newline Herald'));
  write('names/with space/ünïcødé שלום.txt', ARTICLE(43, 'Unicode Wire'));
  write('names/#hash%percent?.md', ARTICLE(44, 'Percent Press'));

  // The knowledge and suppressions files at the top, as alias bombs: the corpus is analysed as usual.
  write('sourcelens.entities.yaml', `${aliasBomb()}people: *a8\n`, false);
  write('sourcelens.suppressions.yaml', `x: &x 1\nsuppressions: [${Array.from({ length: 101 }, () => '*x').join(', ')}]\n`, false);
  expectFindings.push({ file: 'sourcelens.entities.yaml', code: 'structure/invalid-metadata' });

  return { root, articles, expectFindings, fifos };
}
