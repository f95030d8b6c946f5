// A minimal VS Code extension that starts `conclint lsp` for plain-text
// files. Install: `npm install` in this folder, then copy or symlink the
// folder into ~/.vscode/extensions/conclint (or `npx @vscode/vsce package`
// and install the .vsix). "Fix all" is the source action
// `source.fixAll.conclint`, also usable in "editor.codeActionsOnSave".
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('conclint').get('path', 'conclint');
  const server = { command, args: ['lsp'] };
  client = new LanguageClient(
    'conclint',
    'conclint',
    { run: server, debug: server },
    {
      documentSelector: [
        { scheme: 'file', language: 'plaintext' },
        { scheme: 'untitled', language: 'plaintext' },
      ],
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
