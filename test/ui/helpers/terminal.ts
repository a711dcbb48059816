// A fake terminal for rendering Ink in-process (frame tests, the ui bench): a stdout with columns
// AND rows that reports every write, and a stdin in raw mode that takes keys.
import {EventEmitter} from 'node:events';

export class FakeStdout extends EventEmitter {
  isTTY = true;
  frames: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
    private keep = true,
  ) {
    super();
  }
  write = (chunk: string): boolean => {
    if (this.keep) this.frames.push(chunk);
    this.emit('frame', chunk);
    return true;
  };
}

export class FakeStdin extends EventEmitter {
  isTTY = true;
  private pending: string[] = [];
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
  read = (): string | null => this.pending.shift() ?? null;
  send(data: string): void {
    this.pending.push(data);
    this.emit('readable');
  }
}
