// npm run build: bundle src/main.js and copy the page, the stylesheet and the country outlines
// into the Python package's static folder (a build product, ignored by git).

import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'src', 'newsgraph', 'api', 'static');
const require = createRequire(import.meta.url);

await mkdir(out, { recursive: true });
await build({
  entryPoints: [join(here, 'src', 'main.js')],
  bundle: true,
  format: 'iife',
  target: ['es2020'],
  minify: true,
  sourcemap: false,
  legalComments: 'eof', // keep the bundled libraries' licence notices
  outfile: join(out, 'app.js'),
  logLevel: 'info',
});
await copyFile(join(here, 'index.html'), join(out, 'index.html'));
await copyFile(join(here, 'style.css'), join(out, 'style.css'));
await copyFile(require.resolve('world-atlas/countries-110m.json'), join(out, 'countries-110m.json'));
console.log(`built into ${out}`);
