// The CLI with the credit kind: `npm run sim -- --set scenario.kind=credit`, a sweep of the
// rounding knob, and share links that carry the kind (k=credit).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { defaultConfig, setPath } from '../../src/core/config';
import { formatShareHash, formatShareLink, parseShareHash } from '../../src/state/url';

function run(script: 'sim' | 'sweep', args: string[]) {
  const out = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('the CLI runs the credit kind', () => {
  it('sim prints the credit measures and parts', () => {
    const { code, stdout, stderr } = run('sim', [
      '--set',
      'scenario.kind=credit',
      '--set',
      'attack.strategy=equationSolving',
      '--set',
      'scenario.features=5',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.config.scenario.kind).toBe('credit');
    expect(result.student.fidelity).toBe(1);
    expect(result.student.weightError).toBeLessThan(1e-9);
    expect(typeof result.student.scoreError).toBe('number');
    expect(result.attacker.queriesAnswered).toBe(7);
    expect(result.credit.unknowns).toBe(6);
    expect(result.credit.victim.weights).toHaveLength(5);
    expect(result).not.toHaveProperty('maps');
  });

  it('sim names the field when a strategy is not offered by the kind', () => {
    const { code, stderr } = run('sim', [
      '--set',
      'scenario.kind=credit',
      '--set',
      'attack.strategy=jacobian',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('attack.strategy');
  });

  it('sweep --knob defense.output.decimals prints one row per level', () => {
    const { code, stdout } = run('sweep', [
      '--knob',
      'defense.output.decimals',
      '--levels',
      'off,3,1',
      '--seeds',
      '1',
      '--set',
      'scenario.kind=credit',
      '--set',
      'attack.strategy=equationSolving',
      '--set',
      'attack.queries=100',
      '--csv',
    ]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^defense\.output\.decimals,off,/);
  });

  it('share links carry the kind and its fields, and the CLI reads them', () => {
    const config = setPath(
      setPath(setPath(defaultConfig(), 'scenario.kind', 'credit'), 'scenario.features', 12),
      'defense.output.explanations',
      true,
    );
    const hash = formatShareHash(config);
    expect(hash).toContain('k=credit');
    expect(hash).toContain('cf=12');
    expect(hash).toContain('ox=1');
    expect(parseShareHash(hash).config).toEqual(config);
    const link = formatShareLink('https://lab.example/extraction/', config);
    const viaLink = run('sim', ['--link', link, '--set', 'attack.queries=50']);
    // The config above keeps random points (the credit kind itself starts from equation solving).
    expect(hash).toContain('a=random');
    const viaSet = run('sim', [
      '--set',
      'scenario.kind=credit',
      '--set',
      'attack.strategy=random',
      '--set',
      'scenario.features=12',
      '--set',
      'defense.output.explanations=true',
      '--set',
      'attack.queries=50',
    ]);
    expect(viaLink.code).toBe(0);
    expect(viaLink.stdout).toBe(viaSet.stdout);
  });
});
