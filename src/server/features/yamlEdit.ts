// The one edit every quick fix makes to a Sourcelens YAML file (sources.yaml, sourcelens.entities.yaml,
// sourcelens.suppressions.yaml): replace its whole text with the new text, or create it first when it does not exist.

import { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { LineIndex } from '../../core/lines';

/** A Sourcelens YAML file as a quick fix sees it. */
export interface YamlDocument {
  uri: string;
  /** Current text (from the editor if open, else disk); undefined when the file does not exist yet. */
  text: string | undefined;
}

export function replaceYaml(file: YamlDocument, newText: string): WorkspaceEdit {
  if (file.text === undefined) {
    return {
      documentChanges: [
        { kind: 'create', uri: file.uri, options: { ignoreIfExists: true } },
        { textDocument: { uri: file.uri, version: null }, edits: [TextEdit.insert({ line: 0, character: 0 }, newText)] },
      ],
    };
  }
  const end = new LineIndex(file.text).positionAt(file.text.length);
  return { changes: { [file.uri]: [TextEdit.replace({ start: { line: 0, character: 0 }, end }, newText)] } };
}
