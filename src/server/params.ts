// Guards every handler shares: params of the wrong shape are refused before a handler reads them, and custom
// requests without params accept the token wherever the client's JSON-RPC library puts it.

import { CancellationToken, Connection, ErrorCodes, RequestType0, ResponseError } from 'vscode-languageserver';

type Need = 'textDocument' | 'position' | 'range' | 'id' | 'uri' | 'query' | 'previousResultIds' | 'meetingId' | 'eventId' | 'head' | 'tail';

/**
 * Refuses params of the wrong shape with InvalidParams (-32602), before a handler dereferences them (which
 * answered InternalError, -32603). `needs` names what the request must carry.
 */
export function checkParams(params: unknown, ...needs: Need[]): void {
  const p = params as Record<string, unknown> | null | undefined;
  const bad = (what: string) => {
    throw new ResponseError(ErrorCodes.InvalidParams, `Invalid params: ${what}`);
  };
  if (!p || typeof p !== 'object') bad('expected an object');
  const isPosition = (x: unknown) => {
    const q = x as { line?: unknown; character?: unknown } | null;
    return !!q && typeof q === 'object' && Number.isInteger(q.line) && Number.isInteger(q.character) && (q.line as number) >= 0 && (q.character as number) >= 0;
  };
  for (const need of needs) {
    const value = p![need];
    if (need === 'textDocument' && !(value && typeof value === 'object' && typeof (value as { uri?: unknown }).uri === 'string')) bad('textDocument.uri must be a string');
    if (need === 'position' && !isPosition(value)) bad('position must be { line, character } with non-negative integers');
    if (need === 'range' && !(value && typeof value === 'object' && isPosition((value as { start?: unknown }).start) && isPosition((value as { end?: unknown }).end))) bad('range must have start and end positions');
    if ((need === 'id' || need === 'uri' || need === 'query' || need === 'meetingId' || need === 'eventId' || need === 'head' || need === 'tail') && typeof value !== 'string') bad(`${need} must be a string`);
    if (need === 'previousResultIds' && !Array.isArray(value)) bad('previousResultIds must be an array');
  }
}

/**
 * A custom request that takes no params. Clients send it without params (vscode-jsonrpc then hands the handler
 * only the token) or with null (the token comes second): take the token from wherever it is.
 */
export function onRequestWithoutParams<R>(connection: Connection, type: RequestType0<R, void>, handler: (token: CancellationToken) => Promise<R>): void {
  connection.onRequest(type.method, (...args: unknown[]) => handler(args.find((a): a is CancellationToken => CancellationToken.is(a)) ?? CancellationToken.None));
}
