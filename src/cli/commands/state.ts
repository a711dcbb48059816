// `briefing state [--json]`: what is saved and where. `briefing state export FILE` and
// `briefing state import FILE`: move reading state between machines, merging by per-field
// timestamps (the newer change wins) and reporting what changed.
import {readFileSync, statSync} from 'node:fs';
import {resolve} from 'node:path';
import type {Command} from '../command.js';
import {CommandError, UsageError, writeLine, type Io} from '../io.js';
import {parseOptions} from '../options.js';
import {openForCommand, stateOptionSpec, type OpenedReadingStore} from '../state/index.js';
import {writeFileAtomicSync} from '../state/file-store.js';
import {countState, parseStateText, serializeState, SCHEMA_VERSION, type MergeReport, type StateData} from '../../state/schema.js';

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

function summary(store: OpenedReadingStore) {
  const counts = countState(store.data);
  return {
    path: store.path,
    dir: store.dir,
    settingsPath: store.settings?.path ?? null,
    schemaVersion: SCHEMA_VERSION,
    fileVersion: store.fileVersion,
    readOnly: store.readOnly,
    ...counts,
    lastArticle: store.global().lastArticle,
    warnings: [...store.warnings],
  };
}

function show(store: OpenedReadingStore, json: boolean, io: Io): void {
  const s = summary(store);
  if (json) return writeLine(io.stdout, JSON.stringify(s, null, 2));
  const file = s.fileVersion === null ? 'no file yet' : `file v${s.fileVersion}`;
  writeLine(io.stdout, `state file  ${s.path}`);
  writeLine(io.stdout, `schema      v${s.schemaVersion} (${file})${s.readOnly ? ', read-only' : ''}`);
  writeLine(io.stdout, `read        ${s.read}`);
  writeLine(io.stdout, `starred     ${s.starred}`);
  writeLine(io.stdout, `articles    ${s.articles} with saved state`);
  for (const w of s.warnings) writeLine(io.stdout, `warning     ${w}`);
}

function exportTo(store: OpenedReadingStore, file: string, io: Io): void {
  try {
    writeFileAtomicSync(file, serializeState(store.data));
  } catch (error) {
    throw new CommandError(`cannot write ${file}: ${errorCode(error)}`);
  }
  const c = countState(store.data);
  writeLine(io.stdout, `exported ${c.articles} articles (${c.read} read, ${c.starred} starred) to ${file}`);
}

/** Reads and checks an import file strictly: anything invalid refuses the whole import. */
export function readImportFile(file: string): StateData {
  let text: string;
  let mtime: number;
  try {
    mtime = statSync(file).mtimeMs;
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CommandError(`cannot read ${file}: ${errorCode(error)}`);
  }
  const parsed = parseStateText(text, mtime);
  if (parsed.kind === 'corrupt') throw new CommandError(`${file} is not a briefing state file: ${parsed.reason}; nothing imported`);
  if (parsed.kind === 'newer') throw new CommandError(`${file} was written by a newer briefing (schema v${parsed.version}; this one knows v${SCHEMA_VERSION}); nothing imported`);
  if (parsed.dropped.length) {
    throw new CommandError(`${file} has ${parsed.dropped.length} invalid entr${parsed.dropped.length === 1 ? 'y' : 'ies'} (first: ${parsed.dropped[0]}); nothing imported`);
  }
  return parsed.data;
}

export function describeReport(file: string, r: MergeReport): string {
  if (r.articles.length === 0 && r.global.length === 0) return `imported ${file}: nothing changed (the saved state was as new or newer)`;
  const fields = Object.entries(r.fields).filter(([, n]) => n > 0).map(([f, n]) => `${f} ${n}`);
  const global = r.global.length ? `; global: ${r.global.join(', ')}` : '';
  return `imported ${file}: ${r.articles.length} article${r.articles.length === 1 ? '' : 's'} changed (${fields.join(', ') || 'none'})${global}`;
}

function importFrom(store: OpenedReadingStore, file: string, json: boolean, io: Io): void {
  const incoming = readImportFile(file);
  let report: MergeReport;
  try {
    report = store.importState(incoming);
  } catch (error) {
    throw new CommandError((error as Error).message);
  }
  if (json) writeLine(io.stdout, JSON.stringify({file, changed: report.articles.length, fields: report.fields, global: report.global, ids: report.articles}, null, 2));
  else writeLine(io.stdout, describeReport(file, report));
}

export const stateCommand: Command = {
  name: 'state',
  summary: 'show the saved reading state (read, starred, file); export or import it between machines',
  usage: 'briefing state [--json] [--state-dir DIR]\nbriefing state export FILE [--state-dir DIR]\nbriefing state import FILE [--json] [--state-dir DIR]',
  async run(args, io) {
    const {values, positionals} = parseOptions(args, {...stateOptionSpec, json: {type: 'boolean'}});
    const [action, file, ...extra] = positionals;
    if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}'`);
    if (action !== undefined && action !== 'export' && action !== 'import') throw new UsageError(`unknown action '${action}' (export or import)`);
    if (action && !file) throw new UsageError(`state ${action} needs a FILE`);
    const store = openForCommand(values, io);
    try {
      if (!action) show(store, values.json === true, io);
      else if (action === 'export') exportTo(store, resolve(io.cwd, file!), io);
      else importFrom(store, resolve(io.cwd, file!), values.json === true, io);
    } finally {
      store.close();
    }
    return 0;
  },
};
