// Extension-host test runner (the contract of @vscode/test-electron's extensionTestsPath): runs every *.test.js
// here with mocha inside VS Code, where require('vscode') works.
const path = require('path');
const fs = require('fs');
const Mocha = require('mocha');

exports.run = () =>
  new Promise((resolve, reject) => {
    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000 });
    for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
    mocha.run((failures) => {
      console.log(`${mocha.suite.total() - failures} passed, ${failures} failed`);
      failures ? reject(new Error(`${failures} failed`)) : resolve();
    });
  });
