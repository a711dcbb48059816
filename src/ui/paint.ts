// Lines of painted segments -> one pre-composed string per screen line, with inline SGR colour
// spans. Each line is then ONE Ink <Text> (Ink keeps SGR codes in text), instead of a Text per
// segment: far fewer Ink nodes per frame. Widths are display columns.
import type {Line, Paint} from './model.js';
import type {Style, Theme} from './theme.js';
import {truncate, truncateSegments, width as displayWidth} from './text.js';

const COLORS: Readonly<Record<string, number>> = {black: 30, red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, white: 37, gray: 90, grey: 90};
const RESET = '\u001b[0m';

export function styleOf(theme: Theme, paint: Paint | null | undefined): Style {
  if (!paint) return {};
  if (paint.startsWith('speaker')) {
    const n = Number(paint.slice(7));
    return theme.speakers[n % theme.speakers.length]!;
  }
  return theme.roles[paint as keyof Theme['roles']] ?? {};
}

/** The SGR sequence that turns a style on ('' for no style). */
export function sgr(style: Style): string {
  const codes: number[] = [];
  if (style.bold) codes.push(1);
  if (style.dimColor) codes.push(2);
  if (style.italic) codes.push(3);
  if (style.underline) codes.push(4);
  if (style.inverse) codes.push(7);
  const color = style.color ? COLORS[style.color] : undefined;
  if (color !== undefined) codes.push(color);
  return codes.length ? `\u001b[${codes.join(';')}m` : '';
}

/** A segment's style over the line's base style (the selection bar): the segment's colour wins,
 *  emphasis adds up; `strong` (the focused quote in the reader) adds inverse. */
function merge(base: Style, own: Style, strong: boolean): Style {
  return {
    color: own.color ?? base.color,
    bold: base.bold || own.bold,
    dimColor: (base.dimColor || own.dimColor) && !strong,
    italic: base.italic || own.italic,
    underline: base.underline || own.underline,
    inverse: Boolean(base.inverse) !== Boolean(own.inverse) || strong,
  };
}

const span = (text: string, style: Style): string => {
  const open = sgr(style);
  return open ? open + text + RESET : text;
};

export interface PaintOptions {
  /** Style of the whole line (a selection bar). */
  base?: Paint | null;
  /** Pad with spaces to the full width, in the base style (so a selection bar spans the row). */
  pad?: boolean;
}

/** One line cut to `width` columns, as a string with SGR spans. Neighbouring segments of the same
 *  style share one span: every escape code costs Ink a scan per frame. */
export function paint(theme: Theme, line: Line, width: number, options: PaintOptions = {}): string {
  const base = styleOf(theme, options.base);
  let out = '';
  let used = 0;
  let open = '';
  let run = '';
  const flush = (): void => {
    if (run) out += open ? open + run + RESET : run;
    run = '';
  };
  for (const s of truncateSegments(line, Math.max(0, width))) {
    if (!s.text) continue;
    const code = sgr(merge(base, styleOf(theme, s.role), s.strong === true));
    if (code !== open) {
      flush();
      open = code;
    }
    run += s.text;
    used += displayWidth(s.text);
  }
  flush();
  if (options.pad && used < width) out += span(' '.repeat(width - used), base);
  return out;
}

/** Plain text in one role, cut to a width. */
export const paintText = (theme: Theme, text: string, role: Paint | null, width: number): string => paint(theme, [{text, role}], width);

/** A pane's title row: the name (inverse when the pane has focus), a detail, a rule to the edge. */
export function paneTitle(theme: Theme, title: string, detail: string | undefined, focused: boolean, width: number): string {
  const name = truncate(` ${title} `, width);
  const rest = Math.max(0, width - displayWidth(name));
  const info = detail ? truncate(` ${detail} `, Math.max(0, rest - 2)) : '';
  const rule = '─'.repeat(Math.max(0, rest - displayWidth(info) - (info ? 1 : 0)));
  return paint(theme, [{text: name, role: focused ? 'titleFocused' : 'title'}, {text: info ? '─' + info : '', role: 'muted'}, {text: rule, role: 'muted'}], width);
}
