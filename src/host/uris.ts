// One spelling per document URI. Clients differ: VS Code encodes ':' in drive letters, Neovim percent-encodes in
// lower case. Every URI is normalised through vscode-uri before it is used as a key.

import { URI } from 'vscode-uri';

export function normaliseUri(uri: string): string {
  try {
    return URI.parse(uri).toString();
  } catch {
    return uri;
  }
}

export function fileUri(fsPath: string): string {
  return URI.file(fsPath).toString();
}

export function uriToPath(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}
