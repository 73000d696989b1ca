// The headless runner: JSON out, exit code 2 with the field named on bad input, --link support.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, setPath } from '../../src/core/config';
import { formatShareLink } from '../../src/state/url';

function run(script: 'sim' | 'sweep', args: string[]) {
  const out = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('npm run sim', () => {
  it('--help documents every option and field', () => {
    const { code, stdout } = run('sim', ['--help']);
    expect(code).toBe(0);
    for (const option of ['--config', '--set', '--link', '--maps', '--queries'])
      expect(stdout).toContain(option);
    for (const field of [
      'attack.strategy',
      'defense.output.mode',
      'attack.student.hidden',
      'benign.spread',
    ]) {
      expect(stdout).toContain(field);
    }
  });

  it('prints one JSON result with the documented fields', () => {
    const { code, stdout } = run('sim', [
      '--set',
      'attack.queries=200',
      '--set',
      'attack.strategy=natural',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.config.attack.queries).toBe(200);
    expect(result.config.attack.strategy).toBe('natural');
    for (const key of ['accuracy']) expect(typeof result.victim[key]).toBe('number');
    for (const key of ['accuracy', 'fidelity', 'fidelityUniform'])
      expect(typeof result.student[key]).toBe('number');
    for (const key of ['queriesAsked', 'queriesAnswered', 'accountsUsed', 'days', 'costUSD']) {
      expect(typeof result.attacker[key]).toBe('number');
    }
    expect(result.attacker.queriesAsked).toBe(200);
    expect(result.curve).toHaveLength(10);
    expect(Object.keys(result.curve[0]).sort()).toEqual([
      'accuracy',
      'answered',
      'fidelity',
      'fidelityUniform',
      'queries',
    ]);
  });

  it.each([
    [['--set', 'attack.queries=5'], 'attack.queries must be an integer from 10 to 10000'],
    [
      ['--set', 'attack.strategy=magic'],
      'attack.strategy must be one of random, natural, active, jacobian',
    ],
    [['--set', 'nope.field=1'], '"nope.field" is not a known setting'],
    [['--set', 'victim.hidden=16x99'], 'victim.hidden must be 1 to 3 layer sizes'],
    [['--bogus'], 'bogus'],
  ])('rejects %j with exit 2 and one line naming the field', (args, message) => {
    const { code, stderr, stdout } = run('sim', args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });

  it('--config reads a JSON file and reports its bad fields', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ attack: { queries: 120, strategy: 'random' }, seed: 4 }));
    const ok = run('sim', ['--config', good]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).config.seed).toBe(4);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ scenario: { noise: 3 } }));
    const failed = run('sim', ['--config', bad]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('scenario.noise must be a number from 0 to 0.5');
    writeFileSync(bad, '{ not json');
    expect(run('sim', ['--config', bad]).stderr).toContain('is not valid JSON');
  });

  it('--link reproduces the config of a share link', () => {
    const config = setPath(
      setPath(defaultConfig(), 'attack.queries', 150),
      'defense.output.mode',
      'label',
    );
    const link = formatShareLink('https://lab.example/extraction/', config);
    const viaLink = run('sim', ['--link', link]);
    const viaSet = run('sim', [
      '--set',
      'attack.queries=150',
      '--set',
      'defense.output.mode=label',
    ]);
    expect(viaLink.code).toBe(0);
    expect(viaLink.stdout).toBe(viaSet.stdout);
  });
});

describe('npm run sweep', () => {
  it('prints CSV with one row per level', () => {
    const { code, stdout } = run('sweep', [
      '--knob',
      'defense.output.mode',
      '--levels',
      'probabilities,label',
      '--seeds',
      '1',
      '--set',
      'attack.queries=100',
      '--csv',
    ]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('fidelity_mean');
    expect(lines[2]).toMatch(/^defense\.output\.mode,label,label only,/);
  });

  it('rejects an unknown knob and an out-of-range level', () => {
    expect(run('sweep', ['--knob', 'defense.moat']).code).toBe(2);
    const bad = run('sweep', ['--knob', 'defense.output.sigma', '--levels', '0.1,9']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('defense.output.sigma must be a number from 0 to 2');
  });
});

describe('the chat kind from the command line', () => {
  it('npm run sim -- --set scenario.kind=chat runs with the shipped teacher', () => {
    const { code, stdout, stderr } = run('sim', [
      '--set',
      'scenario.kind=chat',
      '--set',
      'attack.queries=100',
      '--set',
      'defense.chat.reasoning=hidden',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.config.attack.strategy).toBe('taskPrompts');
    expect(result.config.defense.output.mode).toBe('text');
    expect(result.chat.victimCapability).toBe(1);
    expect(result.chat.tokens.hidden).toBe(100 * 5);
    expect(typeof result.defenseCost.stepsDenied).toBe('number');
    expect(result.curve).toHaveLength(10);
  });

  it('a strategy of another kind is still refused when asked for by name', () => {
    const { code, stderr } = run('sim', [
      '--set',
      'scenario.kind=chat',
      '--set',
      'attack.strategy=jacobian',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('attack.strategy "jacobian" is not offered');
  });

  it('npm run sweep sweeps the reasoning and the answer formats of the chat kind only', () => {
    const { code, stdout } = run('sweep', [
      '--set',
      'scenario.kind=chat',
      '--set',
      'attack.queries=50',
      '--set',
      'attack.student.steps=50',
      '--knob',
      'defense.output.mode',
      '--seeds',
      '1',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.levels.map((l: { level: string }) => l.level)).toEqual([
      'logprobs',
      'topLogprobs',
      'text',
      // logit noise fixed per context (issue 13): the noise format is offered to chat too
      'noise',
    ]);
    for (const level of result.levels) expect(level.stepsDenied.mean).toBeLessThan(0.05);
    const watermark = run('sweep', [
      '--set',
      'scenario.kind=chat',
      '--knob',
      'defense.watermark.rate',
    ]);
    expect(watermark.code).toBe(2);
    expect(watermark.stderr).toContain('does not apply to the chat scenario');
  });
});
