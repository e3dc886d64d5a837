// Entry point of the bundled server (dist/server.js). The transport comes from the command line:
// --node-ipc (VS Code), --stdio (Neovim and other editors), --socket=N.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);

// A bug in one request must never take the server down with the reader's corpus.
process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));

startServer(connection);
