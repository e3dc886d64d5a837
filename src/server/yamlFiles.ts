// The Sourcelens YAML files in the workspace (sources.yaml, the knowledge file, the suppressions file) as the
// server sees them: an open editor's text first, else the file on disk, read safely; and which of them a quick fix
// may write.

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_YAML_BYTES } from '../core/yamlSafe';
import { KNOWLEDGE_FILE } from '../host/knowledge';
import { SOURCES_FILE_NAMES } from '../host/loader';
import { isWritableTarget as isWritableFile, readTextFile } from '../host/safeRead';
import { SUPPRESSIONS_FILE } from '../host/suppressions';
import { fileUri, uriToPath } from '../host/uris';
import { YamlDocument } from './features/yamlEdit';

/** The only files Sourcelens reads as YAML and that its quick fixes write. */
const YAML_FILE_NAMES = [...SOURCES_FILE_NAMES, KNOWLEDGE_FILE, SUPPRESSIONS_FILE];

export class WorkspaceYaml {
  constructor(private readonly documents: TextDocuments<TextDocument>, private readonly roots: () => string[]) {}

  /** The text of a Sourcelens YAML file by URI (open or on disk), for the line index of findings that point at it. */
  sourcesText(uri: string): string | undefined {
    const open = this.documents.get(uri);
    if (open) return open.getText();
    const p = uriToPath(uri);
    if (!p || !YAML_FILE_NAMES.includes(path.basename(p))) return undefined;
    return readYaml(p);
  }

  /** A file's text by path: the open editor's, else the file's. */
  text(p: string): string | undefined {
    const open = this.documents.get(fileUri(p));
    if (open) return open.getText();
    return readYaml(p);
  }

  /** The knowledge file at the top of the first workspace folder (created by the first action that needs it). */
  knowledgeDocument(): YamlDocument {
    const root = this.roots()[0] ?? process.cwd();
    const p = path.join(root, KNOWLEDGE_FILE);
    const uri = fileUri(p);
    const open = this.documents.get(uri);
    if (open) return { uri, text: open.getText() };
    return { uri, text: readYaml(p) };
  }

  sourcesDocument(folder: string): YamlDocument {
    for (const name of SOURCES_FILE_NAMES) {
      const p = path.join(folder, name);
      const uri = fileUri(p);
      const open = this.documents.get(uri);
      if (open) return { uri, text: open.getText() };
      if (existsSync(p)) {
        const text = readYaml(p);
        if (text !== undefined) return { uri, text };
        // unreadable (or a FIFO, or huge): fall through and offer to create beside it
      }
    }
    return { uri: fileUri(path.join(folder, 'sources.yaml')), text: undefined };
  }

  /**
   * Whether a quick fix may write this file: one of the three Sourcelens YAML files, inside a workspace folder once
   * every link in its path is resolved (the file need not exist yet; its folder must).
   */
  isWritableTarget(uri: string): boolean {
    const p = uriToPath(uri);
    return !!p && isWritableFile(p, this.roots(), YAML_FILE_NAMES);
  }
}

/** A Sourcelens YAML file's text: a regular file of at most a few MB (never blocks on a FIFO), else undefined. */
function readYaml(p: string): string | undefined {
  const read = readTextFile(p, MAX_YAML_BYTES);
  return read.ok ? read.text : undefined;
}
