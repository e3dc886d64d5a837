// Code actions that record the reader's decisions about people in sourcelens.entities.yaml: add an alias, say two
// spellings are different people, accept a title variant. Each is a visible, undoable edit of that file.

import { CodeAction, CodeActionKind, Diagnostic } from 'vscode-languageserver';
import type { Corpus } from '../../core/corpus';
import { LineIndex } from '../../core/lines';
import { withAcceptedTitle, withAlias, withDistinct } from '../../core/people/knowledge';
import { replaceYaml, YamlDocument } from './yamlEdit';

function action(title: string, file: YamlDocument, change: (text: string | undefined) => string, diagnostics?: Diagnostic[]): CodeAction | undefined {
  try {
    return { title, kind: CodeActionKind.QuickFix, diagnostics, edit: replaceYaml(file, change(file.text)) };
  } catch (error) {
    return { title, kind: CodeActionKind.QuickFix, disabled: { reason: (error as Error).message } };
  }
}

export function entityActions(corpus: Corpus, uri: string, offset: number, diagnostics: Diagnostic[], file: YamlDocument): CodeAction[] {
  const out: (CodeAction | undefined)[] = [];
  const here = corpus.entities().at(uri, offset);
  const known = here && corpus.knowledge.people.find((p) => p.key === here.entity.id.split('#')[0]);
  const listed = !!known && (known.name === here!.mention.text || known.aliases.includes(here!.mention.text));
  if (here && here.entity.kind === 'person' && !here.mention.descriptive && here.mention.text !== here.entity.canonical && !listed) {
    out.push(action(`Add “${here.mention.text}” as an alias of ${here.entity.canonical} in sourcelens.entities.yaml`, file, (t) => withAlias(t, here.entity.canonical, here.mention.text)));
  }
  for (const d of diagnostics) {
    const found = corpus.entities().at(uri, corpus.get(uri) ? new LineIndex(corpus.get(uri)!.text).offsetAt(d.range.start) : offset);
    if (!found) continue;
    if (d.code === 'name-variant') {
      const other = found.entity.aliases.find((a) => a !== found.mention.text && a.split(/\s+/).pop() !== found.mention.text.split(/\s+/).pop());
      if (other) out.push(action(`These are different people: “${found.mention.text}” and “${other}”`, file, (t) => withDistinct(t, found.mention.text, other), [d]));
    }
    if (d.code === 'title-conflict' && found.mention.roleText) {
      out.push(action(`Accept “${found.mention.roleText}” as a title of ${found.entity.canonical}`, file, (t) => withAcceptedTitle(t, found.entity.canonical, found.mention.roleText!), [d]));
    }
  }
  return out.filter((a): a is CodeAction => !!a);
}
