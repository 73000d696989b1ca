// The classroom's small pure modules: rich text, shortcuts, embed snippet, height messages,
// report, policy cards.
import { describe, expect, it, vi } from 'vitest';
import { richParagraphs } from '../../src/classroom/richText';
import { SHORTCUTS, shortcutFor, type KeyLike } from '../../src/classroom/shortcuts';
import { embedSnippet, embedUrl } from '../../src/classroom/embedSnippet';
import { HEIGHT_MESSAGE, isHeightMessage, reportHeightToParent } from '../../src/classroom/height';
import { buildReport } from '../../src/classroom/report';
import { POLICY_CARDS } from '../../src/classroom/policyCards';
import { POLICY_CARD_TITLES, policyCardTitle } from '../../src/classroom/policyCardTitles';
import { NO_VIEW_FLAGS } from '../../src/classroom/viewFlags';
import { defaultConfig, setPath } from '../../src/core/config';
import { ATTACKS, OUTPUT_MODES } from '../../src/core/registry/meta';
import { fakeResult } from '../state/fixtures';

describe('rich text', () => {
  it('splits paragraphs on blank lines and keeps **bold** spans as text', () => {
    expect(richParagraphs('One **two** three\nstill one.\n\n<b>Two</b> **')).toEqual([
      [
        { text: 'One ', bold: false },
        { text: 'two', bold: true },
        { text: ' three still one.', bold: false },
      ],
      [{ text: '<b>Two</b> **', bold: false }],
    ]);
  });
});

describe('presenter shortcuts', () => {
  const key = (k: string, extra: Partial<KeyLike> = {}): KeyLike => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target: { tagName: 'BODY' },
    ...extra,
  });
  it('maps keys to actions, case-insensitively', () => {
    expect(shortcutFor(key('ArrowRight'))).toBe('next');
    expect(shortcutFor(key('N'))).toBe('next');
    expect(shortcutFor(key('3'))).toBe('toggle-watermark');
    expect(shortcutFor(key('?'))).toBe('help');
    expect(shortcutFor(key('x'))).toBeNull();
  });
  it('never fires while typing, on a slider, or with a modifier held', () => {
    expect(shortcutFor(key('n', { target: { tagName: 'INPUT' } }))).toBeNull();
    expect(
      shortcutFor(key('n', { target: { tagName: 'DIV', getAttribute: () => 'slider' } })),
    ).toBeNull();
    expect(shortcutFor(key('r', { ctrlKey: true }))).toBeNull();
  });
  it('gives every action one entry with a description', () => {
    expect(new Set(SHORTCUTS.map((s) => s.action)).size).toBe(SHORTCUTS.length);
    expect(SHORTCUTS.every((s) => s.description.length > 5 && s.keys.length > 0)).toBe(true);
  });
});

describe('embed snippet', () => {
  const options = {
    pageUrl: 'https://example.org/course/lab/#old',
    settingsHash: '#v=1&om=label',
    flags: { ...NO_VIEW_FLAGS, embed: ['maps' as const, 'curve' as const], lock: ['defense'] },
    height: 640,
  };
  it('builds the link from the page, the settings and the view keys', () => {
    expect(embedUrl(options)).toBe(
      'https://example.org/course/lab/#v=1&om=label&embed=maps,curve&lock=defense',
    );
  });
  it('writes an iframe with an escaped src and a script that checks the message source', () => {
    const html = embedSnippet(options);
    expect(html).toContain(
      'src="https://example.org/course/lab/#v=1&amp;om=label&amp;embed=maps,curve&amp;lock=defense"',
    );
    expect(html).toContain('height="640"');
    expect(html).toContain('event.source === frame.contentWindow');
    expect(html).toContain(`'${HEIGHT_MESSAGE}'`);
  });
});

describe('height messages', () => {
  it('recognises only well-formed height messages', () => {
    expect(isHeightMessage({ type: HEIGHT_MESSAGE, height: 812 })).toBe(true);
    expect(isHeightMessage({ type: HEIGHT_MESSAGE, height: '812' })).toBe(false);
    expect(isHeightMessage({ type: 'other', height: 1 })).toBe(false);
    expect(isHeightMessage(null)).toBe(false);
  });
  it('posts the body height to the parent when framed, again only when it changes', () => {
    const posted: unknown[] = [];
    let observed: (() => void) | null = null;
    let height = 812.4;
    const parent = {
      postMessage: (message: unknown, origin: string) => posted.push([message, origin]),
    };
    const win = {
      document: { body: { getBoundingClientRect: () => ({ height }) } },
      ResizeObserver: class {
        constructor(callback: () => void) {
          observed = callback;
        }
        observe() {}
        disconnect = vi.fn();
      },
    } as unknown as Window & typeof globalThis;
    (win as unknown as { parent: unknown }).parent = parent;
    const stop = reportHeightToParent(win);
    observed!();
    height = 900;
    observed!();
    expect(posted).toEqual([
      [{ type: HEIGHT_MESSAGE, height: 813 }, '*'],
      [{ type: HEIGHT_MESSAGE, height: 900 }, '*'],
    ]);
    stop();
  });
  it('does nothing outside a frame', () => {
    const win = {} as Window & typeof globalThis;
    (win as unknown as { parent: unknown }).parent = win;
    expect(reportHeightToParent(win)).toBeTypeOf('function');
  });
});

describe('run report', () => {
  it("lists the changed settings in the controls' words, with run A beside B when pinned", () => {
    const config = setPath(
      setPath(defaultConfig(), 'attack.queries', 300),
      'defense.output.mode',
      'label',
    );
    const report = buildReport(
      fakeResult(config),
      fakeResult(defaultConfig(), { fidelity: 0.5 }),
      'https://x/#v=1',
    );
    expect(report.changed).toEqual([
      {
        path: 'attack.queries',
        label: 'Query budget',
        value: '300 queries',
        pinned: '1,000 queries',
        default: '1,000 queries',
      },
      {
        path: 'defense.output.mode',
        label: 'API answers',
        value: 'Label only',
        pinned: 'Full probabilities (no defense)',
        default: 'Full probabilities (no defense)',
      },
    ]);
    // a switch reads "on"/"off", never "true"; without run A, no A column
    const switched = buildReport(
      fakeResult(setPath(defaultConfig(), 'defense.rateLimit.on', true)),
      null,
      '',
    );
    expect(switched.changed).toEqual([
      {
        path: 'defense.rateLimit.on',
        label: 'Rate limit',
        value: 'on',
        pinned: null,
        default: 'off',
      },
    ]);
    const fidelity = report.numbers.find((n) => n.label === 'Student fidelity (held-out)');
    expect(fidelity).toEqual({
      label: 'Student fidelity (held-out)',
      value: '90.0%',
      pinned: '50.0%',
    });
    expect(report.numbers.find((n) => n.label.startsWith('Watermark'))?.value).toBe('off');
    expect(buildReport(fakeResult(), null, '').numbers.every((n) => n.pinned === null)).toBe(true);
  });
});

describe('policy cards', () => {
  it('has a card for every strategy and every defense, each with its references', () => {
    const ids = POLICY_CARDS.map((c) => c.id);
    for (const { id: strategy } of ATTACKS) expect(ids).toContain(strategy);
    // every mode but the undefended ones (full probabilities, all log-probabilities)
    for (const mode of OUTPUT_MODES.filter((m) => m.strength > 0).map((m) => m.id))
      expect(ids).toContain(mode);
    for (const defense of ['rateLimit', 'watermark', 'detection', 'hiddenReasoning'])
      expect(ids).toContain(defense);
    for (const card of POLICY_CARDS) {
      expect(card.atlas.length, card.id).toBeGreaterThan(0);
      expect(
        card.owasp.some((o) => o.includes('ML05:2023')),
        card.id,
      ).toBe(true);
      expect(card.nist, card.id).toContain('NIST AI 100-2');
      expect(card.euAiAct, card.id).toContain('Article 15(5)');
      expect(
        card.figures.every((f) => f.source.length > 0),
        card.id,
      ).toBe(true);
    }
  });
  it('has one title per card, the same the buttons name before the cards load', () => {
    expect(Object.keys(POLICY_CARD_TITLES).sort()).toEqual(POLICY_CARDS.map((c) => c.id).sort());
    for (const card of POLICY_CARDS) expect(policyCardTitle(card.id)).toBe(card.title);
    expect(policyCardTitle('jacobian')).toBe('Attack: Jacobian augmentation');
    expect(policyCardTitle('probabilities')).toBeUndefined();
    expect(policyCardTitle('toString')).toBeUndefined();
  });
  it('quotes the campaign figure on the rate-limit card with its case study', () => {
    const card = POLICY_CARDS.find((c) => c.id === 'rateLimit');
    expect(card?.figures).toContainEqual({
      claim: 'distillation campaign',
      figure: 'about 24,000 accounts, 16 million queries',
      source: 'MITRE ATLAS AML.CS0056 (2026)',
    });
  });
});
