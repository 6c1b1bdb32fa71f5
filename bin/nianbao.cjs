#!/usr/bin/env node
// The `nianbao` command: runs the built command line (dist/cli.cjs, made by `npm run build`).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(cli)) {
  console.error('年报助手还没有构建。请在项目文件夹中运行：npm run build');
  process.exit(2);
}
require(cli).runFromProcess();
