// Every command of `briefing`, in the order `briefing --help` lists them.
// Each lives in its own file; add a command by adding its file and one line here.
import type {Command} from '../command.js';
import {parseCommand} from './parse.js';
import {openCommand} from './open.js';
import {searchCommand} from './search.js';
import {relatedCommand} from './related.js';
import {leadersCommand} from './leaders.js';
import {quotesCommand} from './quotes.js';
import {stateCommand} from './state.js';
import {markCommand} from './mark.js';

export const defaultCommand: Command = openCommand;

export const commands: Command[] = [parseCommand, searchCommand, relatedCommand, leadersCommand, quotesCommand, markCommand, stateCommand];
