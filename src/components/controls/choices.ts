/**
 * Plain-words names for the values of the enum fields (the config stores short machine names).
 * Sources of the strategies and defenses are in /work/shared/REFERENCE.md.
 */
export const CHOICE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'scenario.dataset': {
    moons: 'Two moons',
    circles: 'Circles',
    xor: 'XOR',
    spiral: 'Spiral',
    blobs: 'Three blobs',
  },
  'attack.strategy': {
    random: 'Random points',
    natural: 'Natural data (Knockoff)',
    active: 'Active learning',
    jacobian: 'Jacobian augmentation',
  },
  'defense.output.mode': {
    probabilities: 'Full probabilities (no defense)',
    rounded: 'Rounded probabilities',
    topk: 'Top-k classes only',
    label: 'Label only',
    noise: 'Noisy probabilities',
    reverseSigmoid: 'Reverse sigmoid (Lee 2019)',
  },
  'victim.activation': { tanh: 'tanh', relu: 'ReLU' },
  'attack.student.activation': { tanh: 'tanh', relu: 'ReLU' },
};

/** The display name of one value of an enum field. */
export function choiceLabel(path: string, value: string): string {
  const labels = Object.hasOwn(CHOICE_LABELS, path) ? CHOICE_LABELS[path] : undefined;
  return labels && Object.hasOwn(labels, value) ? (labels[value] ?? value) : value;
}
