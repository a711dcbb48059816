import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {execFileSync} from 'node:child_process';
import {readArticleFile} from '../../src/cli/commands/parse.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-read-'));
});
afterEach(() => fs.rmSync(dir, {recursive: true, force: true}));

describe('readArticleFile', () => {
  it('reads a file whole, empty ones too', () => {
    const text = 'Headline\n\nBody — with non-ASCII.\n'.repeat(5000);
    fs.writeFileSync(path.join(dir, 'a.txt'), text);
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    expect(Buffer.from(readArticleFile(path.join(dir, 'a.txt')) as Uint8Array).toString('utf8')).toBe(text);
    expect((readArticleFile(path.join(dir, 'empty.txt')) as Uint8Array).length).toBe(0);
  });

  it('refuses what is not a regular file, one line naming it, without waiting on a FIFO', () => {
    expect(readArticleFile(dir)).toBe(`${dir}: not a regular file`);
    expect(readArticleFile(path.join(dir, 'gone.txt'))).toBe(`${path.join(dir, 'gone.txt')}: cannot read (ENOENT)`);
    let fifo: string | null = path.join(dir, 'pipe.txt');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      fifo = null; // no mkfifo here
    }
    if (fifo) expect(readArticleFile(fifo)).toBe(`${fifo}: not a regular file`);
  });
});
