// Bundles the CLI (and its parse worker, and the bench) into dist/ with esbuild:
// one file per entry starts in ~170 ms where loading hundreds of modules takes ~500 ms.
import {build} from 'esbuild';
import path from 'node:path';

// Three of Ink 6.8's modules are swapped for drop-ins of ours (src/ui/ink/) that give the same
// frames byte for byte (test/ui/ink-output.test.ts) with a fraction of the work per key:
// its Output (~10 MB of garbage per 120x40 frame), the uncached widest-line its renderer runs on
// every Text of every frame, and its text measuring, whose cache grew with every line ever drawn. Their own imports resolve from Ink's folder, so widths and
// escape codes come from exactly Ink's packages (its own string-width version).
const inkBuild = path.resolve('node_modules/ink/build');
const inkDropIns = new Map([
  [`${path.join(inkBuild, 'renderer.js')}\0./output.js`, path.resolve('src/ui/ink/output.ts')],
  [`${path.join(inkBuild, 'render-node-to-output.js')}\0widest-line`, path.resolve('src/ui/ink/widest-line.ts')],
  [`${path.join(inkBuild, 'dom.js')}\0./measure-text.js`, path.resolve('src/ui/ink/measure-text.ts')],
]);
const dropInPaths = new Set(inkDropIns.values());
const droppedIn = new Set();
const inkDropInPlugin = {
  name: 'ink-drop-ins',
  setup(b) {
    b.onResolve({filter: /^(\.\/output\.js|\.\/measure-text\.js|widest-line)$/}, (args) => {
      const key = `${args.importer}\0${args.path}`;
      const dropIn = inkDropIns.get(key);
      if (dropIn) droppedIn.add(key);
      return dropIn ? {path: dropIn} : undefined;
    });
    b.onResolve({filter: /^[^./]/}, (args) =>
      dropInPaths.has(args.importer) && args.pluginData !== 'ink' ? b.resolve(args.path, {kind: args.kind, resolveDir: inkBuild, pluginData: 'ink'}) : undefined,
    );
  },
};

await build({
  entryPoints: {
    briefing: 'src/cli/main.ts',
    worker: 'src/cli/worker.ts',
    bench: 'bench/bench.ts',
    'state-child': 'test/cli/state/helpers/state-child.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  external: ['node-pty', '@xterm/headless', 'react-devtools-core'], // ink loads devtools only when DEV=true
  // Some CommonJS dependencies call require(); give the ESM bundle one. Some read __filename or
  // __dirname (write-file-atomic hashes __filename into its temp names): define those too.
  banner: {
    js:
      "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);" +
      " import {fileURLToPath as __f2p} from 'node:url'; import {dirname as __dn} from 'node:path';" +
      ' const __filename = __f2p(import.meta.url); const __dirname = __dn(__filename);',
  },
  // Ink draws no live frames when CI is set; ours only ever renders on a terminal (see the shim).
  alias: {'is-in-ci': './src/cli/shims/is-in-ci.ts'},
  plugins: [inkDropInPlugin],
  jsx: 'automatic',
  logLevel: 'warning',
  define: {'process.env.NODE_ENV': '"production"'},
});
// A new Ink whose modules moved would silently lose the drop-ins (and its frames their speed): say so.
for (const [key, dropIn] of inkDropIns) {
  if (!droppedIn.has(key)) throw new Error(`scripts/build.mjs: ${path.relative('.', dropIn)} was not swapped in for ${key.split('\0').reverse().join(' in ')} (check the Ink version)`);
}
