// Validates the API documents streamgen writes, with the tools their users reach for:
//   node validate-documents.mjs asyncapi FILE...          @asyncapi/parser: fails on any error or warning
//   node validate-documents.mjs openapi CONFIG FILE...    redocly lint with CONFIG (redocly.yaml): fails on any error
// Prints one line per problem (and a summary per file), and exits 1 when a document fails.
import { Parser } from '@asyncapi/parser';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const [kind, ...args] = process.argv.slice(2);
const severities = ['error', 'warning', 'info', 'hint'];

async function asyncApi(files) {
  const parser = new Parser();
  let failed = false;
  for (const file of files) {
    const { document, diagnostics } = await parser.parse(await readFile(file, 'utf8'), { source: path.resolve(file) });
    for (const d of diagnostics) {
      console.log(`${file}: ${severities[d.severity]} ${d.code}: ${d.message} (at ${d.path.join('.') || 'the root'})`);
      failed ||= d.severity <= 1;
    }

    if (document === undefined) {
      console.log(`${file}: not parsed`);
      failed = true;
    } else {
      console.log(`${file}: AsyncAPI ${document.version()}, ${document.channels().length} channels, ${document.operations().length} operations, ` +
        `${document.components().messages().length} messages, ${diagnostics.filter(d => d.severity <= 1).length} errors and warnings`);
    }
  }

  return failed;
}

function openApi(config, files) {
  const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
  const run = spawnSync(process.execPath, [cli, 'lint', '--config', config, '--format', 'json', ...files], {
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  });
  const start = run.stdout.indexOf('{');
  if (start < 0) {
    console.log(`redocly lint printed no report (exit ${run.status}):\n${run.stdout}${run.stderr}`);
    return true;
  }

  // One indented JSON report per file, back to back ("}{"): only a report's own braces are at the start of a line.
  const reports = [];
  let current = '';
  for (const line of run.stdout.slice(start).split('\n')) {
    if (line.startsWith('}')) {
      reports.push(JSON.parse(current + '}'));
      current = line.slice(1);
    } else {
      current += line + '\n';
    }
  }

  let errors = 0;
  reports.forEach((report, i) => {
    for (const problem of report.problems) {
      const where = problem.location?.map(l => `${l.source?.ref ?? ''}${l.pointer ?? ''}`).join(', ');
      console.log(`${problem.severity} ${problem.ruleId}: ${problem.message} (at ${where})`);
    }

    console.log(`redocly lint: ${report.totals.errors} errors, ${report.totals.warnings} warnings, ${report.totals.ignored} ignored in ${files[i]}`);
    errors += report.totals.errors;
  });
  return errors > 0 || reports.length !== files.length;
}

const failed = kind === 'asyncapi' ? await asyncApi(args)
  : kind === 'openapi' ? openApi(args[0], args.slice(1))
  : (console.log('usage: node validate-documents.mjs asyncapi FILE... | openapi CONFIG FILE...'), true);
process.exit(failed ? 1 : 0);
