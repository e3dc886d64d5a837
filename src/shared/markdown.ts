// Markdown for hovers and tooltips, shared by the server and the client.

/** Escapes the characters Markdown would read as formatting, so names and headlines show as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>|])/g, '\\$1');
}
