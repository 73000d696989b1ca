// Hostile input to the CLI (issue 15, "Bad input to the CLI"): every case exits 2 with one line
// that names the field and quotes what was typed, never 1 with a stack trace, never 0 doing the
// wrong thing. Each runs the real script in a child process, as a person would.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIELD_BY_PATH } from '../../src/core/config';

function run(script: 'sim' | 'sweep', args: string[]) {
  const out = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** Exit 2, nothing on stdout, exactly one line on stderr, no stack trace; returns that line. */
function refused(result: ReturnType<typeof run>): string {
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr.endsWith('\n')).toBe(true);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.code).toBe(2);
  return result.stderr.trimEnd();
}

const key = (path: string) => FIELD_BY_PATH.get(path)!.key;
const dir = mkdtempSync(join(tmpdir(), 'lab-input-'));

describe('bad input to the CLI', () => {
  it('refuses a config nested 4,000 deep by name, without overflowing the stack', () => {
    const file = join(dir, 'deep.json');
    writeFileSync(file, `${'{"attack":'.repeat(4000)}1${'}'.repeat(4000)}`);
    const line = refused(run('sim', ['--config', file]));
    expect(line).toContain(
      '"attack.attack.attack.attack" holds objects nested deeper than any setting',
    );
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'refuses --knob %s (a name every object inherits)',
    (name) => {
      const line = refused(run('sweep', ['--knob', name, '--seeds', '1']));
      expect(line).toContain(`--knob must be one of defense.output.mode, `);
      expect(line).toContain(`(got "${name}")`);
    },
  );

  it('refuses an empty --config and an empty --link with what was wrong', () => {
    expect(refused(run('sim', ['--config', '']))).toBe(
      '--config needs the name of a JSON file (got "")',
    );
    expect(refused(run('sim', ['--link', '']))).toBe(
      '--link needs a share link copied from the page, or its #fragment (got "")',
    );
  });

  it('names every bad field of #q=%0A5&om=bogus, the decoded newline escaped', () => {
    const line = refused(run('sim', ['--link', '#q=%0A5&om=bogus']));
    expect(line).toContain(
      'Query budget (q="\\n5": spaces or line breaks around a number are not read)',
    );
    expect(line).toContain('API answers (om="bogus") must be one of probabilities');
  });

  it('says 1e400 is too large instead of "(got null)"', () => {
    const line = refused(run('sim', ['--set', 'attack.queries=1e400']));
    expect(line).toBe(
      '--set: attack.queries must be an integer from 10 to 10000 (got "1e400": too large to be a number)',
    );
  });

  it("refuses --levels ',' (it ran levels of 0), a hexadecimal level and --seeds 0x3", () => {
    const empty = refused(run('sweep', ['--knob', 'defense.output.sigma', '--levels', ',']));
    expect(empty).toContain('--levels has an empty item in ","');
    const hex = refused(run('sweep', ['--knob', 'defense.rateLimit.perDay', '--levels', '0x10']));
    expect(hex).toContain('--levels: "0x10" is neither off nor a decimal number');
    const seeds = refused(run('sweep', ['--knob', 'defense.output.sigma', '--seeds', '0x3']));
    expect(seeds).toBe('--seeds must be an integer from 1 to 50 (got "0x3")');
  });

  it('refuses 0x10, 0b11, 0o17 and space-padded numbers in --set, naming each field', () => {
    const line = refused(
      run('sim', [
        ...['--set', 'attack.queries=0x10', '--set', 'attack.days=0b11'],
        ...['--set', 'attack.accounts=0o17', '--set', 'seed= 12', '--set', 'benign.days=1,000'],
      ]),
    );
    expect(line).toContain('attack.queries must be an integer from 10 to 10000 (got "0x10"');
    expect(line).toContain('attack.days must be an integer from 1 to 365 (got "0b11"');
    expect(line).toContain('attack.accounts must be an integer from 1 to 100000 (got "0o17"');
    expect(line).toContain('seed must be an integer from 0 to 2147483647 (got " 12"');
    expect(line).toContain('benign.days must be an integer from 1 to 365 (got "1,000"');
  });

  it('refuses the same forms in a link, naming each field', () => {
    const link = `#${key('attack.queries')}=0x10&${key('attack.days')}=0b11&${key('attack.accounts')}=0o17&${key('seed')}=%2012`;
    const line = refused(run('sim', ['--link', link]));
    for (const [path, text] of [
      ['attack.queries', '0x10'],
      ['attack.days', '0b11'],
      ['attack.accounts', '0o17'],
      ['seed', ' 12'],
    ] as const)
      expect(line).toContain(`(${key(path)}=${JSON.stringify(text)}`);
  });

  it('refuses a config over 1 MiB before parsing it', () => {
    const file = join(dir, 'large.json');
    writeFileSync(file, `{"seed": 1, "pad": "${'x'.repeat(1024 * 1024)}"}`);
    expect(refused(run('sim', ['--config', file]))).toContain(
      'is larger than 1024 KiB; a configuration is about 1.5 KB',
    );
  });

  it('lists ten of 20,000 unknown keys and counts the rest', () => {
    const file = join(dir, 'many.json');
    const keys = Array.from({ length: 20_000 }, (_, i) => `"unknown_${i}": 1`);
    writeFileSync(file, `{${keys.join(',')}}`);
    const line = refused(run('sim', ['--config', file]));
    expect(line).toMatch(/^--config ".*many\.json": "unknown_0" is not a known setting; /);
    expect(line).toMatch(/"unknown_9" is not a known setting; and 19,990 more$/);
    expect(line.length).toBeLessThan(1000);
  });

  it('writes a long error line whole to a slow pipe (no process.exit before the drain)', () => {
    // A 1 MB UsageError through runCli, read by a reader that starts late: process.exit cut it at
    // the pipe's buffer size (64 to 128 KiB).
    const script =
      "import('./src/cli/args.ts').then(({ runCli, UsageError }) => runCli(() => { throw new UsageError('x'.repeat(1e6)); }))";
    const out = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" --import tsx -e "${script}" 2>&1 | (sleep 1; wc -c)`],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(out.stdout.trim()).toBe(String(1e6 + 1));
  });
});
