// Fetches the report's JavaScript libraries with the npm client, checks each tarball against the sha512 pinned in the
// POM, and copies the files the library reads into the build's resources (never into the repository).
// Usage: node fetch-js.mjs <tarball dir> <resource dir> "<pkg@version> <sha512-…>"...
// A tarball already in <tarball dir> with the pinned checksum is reused, so an offline rebuild works; otherwise npm
// fetches it (from its own cache when it has it). A checksum mismatch fails the build and deletes the tarball.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, cpSync, readdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [tarballs, resources, ...pins] = process.argv.slice(2);
// what the library reads from each package (and its licence, kept next to the data)
const wanted = {
  'cytoscape': ['dist/cytoscape.min.js', 'LICENSE'],
};
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function integrity(file) {
  return 'sha512-' + createHash('sha512').update(readFileSync(file)).digest('base64');
}

mkdirSync(tarballs, { recursive: true });
for (const pin of pins) {
  const [spec, expected] = pin.trim().split(/\s+/);
  const at = spec.lastIndexOf('@');
  const name = spec.slice(0, at);
  const version = spec.slice(at + 1);
  if (!wanted[name] || !expected || !expected.startsWith('sha512-')) {
    console.error(`fetch-js: cannot read the pin "${pin}"; expected "<package>@<version> sha512-<base64>"`
      + ` for one of ${Object.keys(wanted).join(', ')}`);
    process.exit(2);
  }
  const tarball = join(tarballs, `${name}-${version}.tgz`);
  const into = join(resources, name);
  const marker = join(into, '.sha512');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === expected && existsSync(tarball)
      && integrity(tarball) === expected) {
    continue; // already verified and in place: leave the resources untouched
  }
  if (!existsSync(tarball) || integrity(tarball) !== expected) {
    rmSync(tarball, { force: true });
    try {
      execFileSync(npm, ['pack', spec, '--prefer-offline', '--silent', '--pack-destination', tarballs],
        { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
    } catch (e) {
      console.error(`fetch-js: "npm pack ${spec}" failed (${e.message}); the report module needs the npm client`
        + ' and its registry (or its cache) once; later builds reuse ' + tarball);
      process.exit(1);
    }
    const actual = integrity(tarball);
    if (actual !== expected) {
      rmSync(tarball, { force: true });
      console.error(`fetch-js: CHECKSUM MISMATCH for ${spec}\n  pinned:  ${expected}\n  fetched: ${actual}\n`
        + '  the tarball was deleted. If the new version is intended, update the pin in insight-report/pom.xml'
        + ' (npm view <package>@<version> dist.integrity) after reviewing the change.');
      process.exit(1);
    }
  }
  const unpacked = mkdtempSync(join(tarballs, `${name}-`));
  execFileSync('tar', ['-xzf', tarball, '-C', unpacked], { stdio: 'inherit' });
  rmSync(into, { recursive: true, force: true });
  mkdirSync(into, { recursive: true });
  for (const file of wanted[name]) {
    cpSync(join(unpacked, 'package', file), join(into, file.split('/').pop()), { recursive: true });
  }
  rmSync(unpacked, { recursive: true, force: true });
  writeFileSync(marker, expected);
  console.log(`fetch-js: ${spec} verified (${expected.slice(0, 19)}…), ${readdirSync(into).length} entries`);
}
