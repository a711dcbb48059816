#!/usr/bin/env node
import('../dist/briefing.js').then((m) => m.main(process.argv.slice(2)));
