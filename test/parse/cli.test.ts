// `briefing parse` end to end: the bundled CLI (built by `npm test`'s pretest, or here when missing)
// run as a child process on good and bad inputs made in a temp dir.
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {MAX_ARTICLE_BYTES, type Article} from '../../src/types.js';
import {repoRoot} from './helpers.js';

let dir: string;
const good = 'World\n\nLeaders gather for summit\n\nGeneva, Jun 3 (BNW).- Leaders gathered on Monday.\n\nA second paragraph.\n';

function run(...args: string[]): {code: number | null; stdout: string; stderr: string} {
  const r = spawnSync(process.execPath, ['bin/briefing.js', 'parse', ...args], {cwd: repoRoot, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
  return {code: r.status, stdout: r.stdout, stderr: r.stderr};
}
const file = (name: string): string => path.join(dir, name);
const errLines = (stderr: string): string[] => stderr.split('\n').filter(Boolean);

beforeAll(() => {
  if (!fs.existsSync(path.join(repoRoot, 'dist/briefing.js'))) execFileSync('npm', ['run', '--silent', 'build'], {cwd: repoRoot});
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-parse-'));
  fs.writeFileSync(file('good.txt'), good);
  fs.writeFileSync(file('empty.txt'), '');
  fs.writeFileSync(file('blank.txt'), ' \n\t\r\n  \n');
  fs.writeFileSync(file('binary.txt'), Buffer.from([0x48, 0x69, 0x00, 0x01, 0x02]));
  fs.writeFileSync(file('latin.txt'), Buffer.concat([Buffer.from('Headline here\n\n'), Buffer.from([0x93]), Buffer.from('Quoted'), Buffer.from([0x94]), Buffer.from(' he said.\n')]));
  fs.writeFileSync(file('nohead.txt'), `${Array(60).fill('word').join(' ')}.\n\nMore.\n`);
  fs.writeFileSync(file('big.txt'), '');
  fs.truncateSync(file('big.txt'), MAX_ARTICLE_BYTES + 1);
  fs.mkdirSync(file('none'));
  fs.writeFileSync(file('none/notes.md'), 'not an article');
  fs.mkdirSync(file('folder/sub'), {recursive: true});
  fs.writeFileSync(file('folder/b.txt'), good.replace('Leaders gather', 'Second story'));
  fs.writeFileSync(file('folder/sub/a.txt'), good.replace('Leaders gather', 'Third story'));
});

afterAll(() => {
  fs.rmSync(dir, {recursive: true, force: true});
});

describe('briefing parse (CLI)', () => {
  it('exit 0 and a JSON array of articles for good input', () => {
    const r = run(file('good.txt'), '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const articles = JSON.parse(r.stdout) as Article[];
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({source: file('good.txt'), section: 'World', headline: 'Leaders gather for summit',
      dateline: {place: 'Geneva', date: 'Jun 3', agency: 'BNW'}, paragraphs: ['Leaders gathered on Monday.', 'A second paragraph.']});
  });

  it('walks directories in sorted order and prints plain text without --json', () => {
    const r = run(file('folder'));
    expect(r.code).toBe(0);
    expect(r.stdout.indexOf('Second story')).toBeGreaterThanOrEqual(0);
    expect(r.stdout.indexOf('Second story')).toBeLessThan(r.stdout.indexOf('Third story'));
  });

  it.each([
    ['empty.txt', 'empty file'],
    ['blank.txt', 'empty file (only whitespace)'],
    ['binary.txt', 'binary file (NUL byte at offset 2)'],
    ['big.txt', 'file too large (5.0 MB, limit 5 MB)'],
    ['nohead.txt', 'no recognisable headline (the text starts with a 60-word paragraph)'],
  ])('%s: exit 1, one line naming the file, the good file still printed', (name, reason) => {
    const r = run(file(name), file('good.txt'), '--json');
    expect(r.code).toBe(1);
    expect(errLines(r.stderr)).toEqual([`briefing: ${file(name)}: ${reason}`]);
    expect((JSON.parse(r.stdout) as Article[]).map((a) => a.headline)).toEqual(['Leaders gather for summit']);
  });

  it('invalid UTF-8: decoded as Windows-1252, a one-line warning naming the file, exit 0', () => {
    const r = run(file('latin.txt'), '--json');
    expect(r.code).toBe(0);
    expect(errLines(r.stderr)).toEqual([`briefing: ${file('latin.txt')}: not valid UTF-8 (byte 0x93 at offset 15); decoded as Windows-1252`]);
    expect((JSON.parse(r.stdout) as Article[])[0]!.paragraphs).toEqual(['“Quoted” he said.']);
  });

  it('a missing path: exit 2, one line, the other files still printed', () => {
    const r = run(file('missing.txt'), file('good.txt'), '--json');
    expect(r.code).toBe(2);
    expect(errLines(r.stderr)).toEqual([`briefing: ${file('missing.txt')}: no such file or directory`]);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });

  it('a directory with no articles: exit 2, one line naming it', () => {
    const r = run(file('none'), file('good.txt'), '--json');
    expect(r.code).toBe(2);
    expect(errLines(r.stderr)).toEqual([`briefing: ${file('none')}: no .txt articles in this directory`]);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });

  it('never a stack trace, whatever the mix', () => {
    const r = run(file('empty.txt'), file('binary.txt'), file('big.txt'), file('nohead.txt'), file('missing.txt'), file('none'), file('latin.txt'), file('good.txt'));
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(errLines(r.stderr)).toHaveLength(7);
    expect(r.stdout).toContain('Leaders gather for summit');
  });
});
