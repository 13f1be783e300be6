// Validates values with a compiled TypeScript client module's rules and prints, per case, the broken rules as the
// server words them ("field" detail), for StreamGen.E2E.Tests to compare with the C# records' own Validate.
//
//   node validate-cases.mjs MODULE.js CASES.json      (CASES: [{ "type": "Sample", "value": {...}, "view"?: "tiny" }])
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [modulePath, casesPath] = process.argv.slice(2);
const module = await import(pathToFileURL(modulePath).href);
const results = JSON.parse(readFileSync(casesPath, "utf8")).map(({ type, value, view }) => {
  try {
    module.validate(module[type], value, view);
    return [];
  } catch (error) {
    if (!(error instanceof module.ValidationError)) {
      throw error;
    }
    return error.errors.map(e => `"${e.field}" ${e.detail}`);
  }
});
console.log(JSON.stringify(results));
