// Turns the PATH arguments into the list of article files: directories are walked recursively
// for `.txt` files (sorted), hidden files and folders are skipped and counted.
import fs from 'node:fs';
import path from 'node:path';

export interface FileList {
  /** Files in argument order; inside a directory, sorted by path. Paths as given, joined. */
  files: string[];
  /** Hidden files or folders skipped inside directories. */
  skippedHidden: number;
  /** Arguments that gave no file, one line each naming the path and the reason
   *  (missing path, directory with no articles, unreadable directory). The rest still load. */
  problems: string[];
}

const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function walk(dir: string, out: string[], counts: {hidden: number}, problems: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, {withFileTypes: true});
  } catch (error) {
    problems.push(`${dir}: cannot read directory (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    return;
  }
  entries.sort((a, b) => byPath(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) {
      counts.hidden++;
      continue;
    }
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out, counts, problems);
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.txt')) out.push(full);
    else if (entry.isSymbolicLink()) {
      try {
        const stat = fs.statSync(full);
        if (stat.isFile() && entry.name.toLowerCase().endsWith('.txt')) out.push(full);
      } catch {
        // a dangling link is not an article
      }
    }
  }
}

/** A file given explicitly is taken whatever its extension. */
export function collectFiles(paths: readonly string[]): FileList {
  const files: string[] = [];
  const problems: string[] = [];
  const counts = {hidden: 0};
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch {
      problems.push(`${given}: no such file or directory`);
      continue;
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      walk(given, found, counts, problems);
      if (found.length === 0) problems.push(`${given}: no .txt articles in this directory`);
      files.push(...found);
    } else {
      files.push(given);
    }
  }
  return {files, skippedHidden: counts.hidden, problems};
}
