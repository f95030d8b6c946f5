// A minimal VS Code extension: starts `conclint lsp` for plain-text files.
// Build: `npm install` in this folder, then `npx @vscode/vsce package` and
// install the .vsix (Extensions: Install from VSIX…).
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate() {
  const command = vscode.workspace.getConfiguration("conclint").get("path") || "conclint";
  client = new LanguageClient(
    "conclint",
    "conclint",
    { command, args: ["lsp"] },
    { documentSelector: [{ scheme: "file", language: "plaintext" }] }
  );
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
