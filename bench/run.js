#!/usr/bin/env node
// `npm run bench -- <name>` runs bench/<name>.js. Every benchmark measures
// against a baseline in the same run and ends with one JSON line:
// {"bench":"<name>","figures":{...},"targets":{...},"met":true|false}
const fs = require("node:fs")
const path = require("node:path")

const name = process.argv[2]
const available = fs
  .readdirSync(__dirname)
  .filter((file) => file.endsWith(".js") && !file.endsWith(".exec.js") && file !== "run.js" && !file.startsWith("_"))
  .map((file) => file.replace(/\.js$/, ""))

if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>\navailable: ${available.join(", ") || "(none yet)"}`)
  process.exit(2)
}

Promise.resolve(require(path.join(__dirname, `${name}.js`)).run(process.argv.slice(3)))
  .then((result) => {
    console.log(JSON.stringify({ bench: name, ...result }))
    process.exit(result.met ? 0 : 1)
  })
  .catch((error) => {
    console.error(error)
    process.exit(1)
  })
