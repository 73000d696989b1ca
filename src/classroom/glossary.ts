/**
 * The glossary: every technical word a reader meets on the page, for all three scenario kinds
 * (2-D points, credit scoring, chat), in plain words for someone with no machine-learning
 * background (a policymaker, shared/USERS.md). One place, plain data: the page shows an entry
 * where its term appears (src/components/classroom/Term.svelte: a button that opens the
 * explanation), a lesson links a term as `[[shown words|id]]` (src/classroom/richText.ts), and a
 * setting's tooltip carries the entry of its field (`fields`). Definitions follow
 * shared/REFERENCE.md ("Words", "Defenses"); they quote no figure.
 * test/classroom/glossary.test.ts checks that every term used on screen resolves and every entry
 * is used somewhere.
 */
import type { ConfigPath } from '../core/config';

export interface GlossaryEntry {
  /** stable id, used in lesson files and components: lower-case, digits, - */
  id: string;
  /** the word as the page writes it */
  term: string;
  /** one to three plain sentences */
  plain: string;
  /** settings whose tooltip carries this entry (their label is this word) */
  fields?: readonly ConfigPath[];
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: 'victim',
    term: 'Victim',
    plain:
      "The owner's model, served behind a prediction API. The attacker can ask it questions but never sees its inside or its training data.",
  },
  {
    id: 'student',
    term: 'Student (the copy)',
    plain:
      "The attacker's own model, trained only on the answers the API gave. The better it imitates the victim, the more was stolen.",
  },
  {
    id: 'fidelity',
    term: 'Agreement (fidelity)',
    plain:
      "The share of test inputs on which the copy gives the same answer as the victim. 100% means the copy decides exactly like the owner's model.",
  },
  {
    id: 'accuracy',
    term: 'Accuracy',
    plain:
      'The share of test inputs a model labels correctly. The victim and the copy each have one; a copy can agree with the victim even where both are wrong.',
  },
  {
    id: 'held-out',
    term: 'Held-out inputs',
    plain:
      'Test inputs drawn like the real data but never used for training. Agreement and accuracy are measured on them, so the numbers say how the models do on new cases.',
    fields: ['scenario.testSize'],
  },
  {
    id: 'uniform',
    term: 'Uniform inputs',
    plain:
      'Inputs spread evenly over the whole range of possible values, including regions where real data never falls. Agreement there shows whether the copy imitates the victim everywhere, not only on typical cases.',
  },
  {
    id: 'query',
    term: 'Query',
    plain:
      'One question sent to the API: an input, answered by the model. The attacker pays for each one and has a budget of them.',
    fields: ['attack.queries'],
  },
  {
    id: 'slice',
    term: 'Slice',
    plain:
      'A step of the attack: the query budget is cut into equal parts, and after each part the copy is measured again. Play and Step move through them; the learning curve has one point per slice.',
  },
  {
    id: 'learning-curve',
    term: 'Learning curve',
    plain:
      "How the copy's agreement with the victim grows as the attacker's queries add up, one point per slice.",
  },
  {
    id: 'decision-map',
    term: 'Decision map',
    plain:
      "A picture of a 2-D model: each colour is the class it answers at that point, paler where it is less sure. Dots are the attacker's queries.",
  },
  {
    id: 'confidence',
    term: 'Probabilities (how sure the model is)',
    plain:
      'Besides its answer, an API may return how likely the model finds each possible answer, for example 80% one class and 20% the other. Those numbers tell an attacker far more than the answer alone.',
  },
  {
    id: 'label-only',
    term: 'Label only',
    plain:
      'The API returns just the answer (the class), without the probabilities. Honest users keep the answer but lose the scores.',
  },
  {
    id: 'l1-distortion',
    term: 'Answer distortion (L1 distance)',
    plain:
      'How much a defense changes the probabilities it returns: add up, over all answers, how far each served probability is from the true one. 0 means unchanged; 2 means a completely different answer.',
  },
  {
    id: 'accuracy-drop',
    term: 'Accuracy drop',
    plain:
      'Percentage points of accuracy honest users lose because a defense changed the answers they got (for example noise that flips some answers).',
  },
  {
    id: 'hit-the-limit',
    term: 'Honest accounts that hit the daily limit',
    plain:
      'The share of simulated honest accounts whose own use went over the daily limit on at least one simulated day. They were not shut out, but their extra questions that day went unanswered.',
    fields: ['defense.rateLimit.perDay'],
  },
  {
    id: 'flagged',
    term: 'Honest accounts wrongly flagged (false positives)',
    plain:
      'The share of honest accounts a detector takes for attackers and bans. Every one is a paying customer lost.',
  },
  {
    id: 'seed',
    term: 'Seed',
    plain:
      'The starting number of the random draws. The same seed and settings always give exactly the same run, so a result can be checked and shared; another seed shows how much is chance.',
    fields: ['seed'],
  },
  {
    id: 'epochs',
    term: 'Epochs',
    plain:
      'How many times a model is trained over its whole training set. More epochs fit the examples more closely, including their quirks.',
    fields: ['victim.epochs', 'attack.student.epochs'],
  },
  {
    id: 'hidden-layers',
    term: 'Hidden layers',
    plain:
      'The size of a neural network: how many layers of units sit between its input and its answer, and how many units each has. Bigger networks can learn more complicated boundaries.',
    fields: ['victim.hidden', 'attack.student.hidden', 'attack.student.width'],
  },
  {
    id: 'pool-shift',
    term: 'Pool shift',
    plain:
      "How different the attacker's own unlabelled examples are from the data the victim learned from. 0 means the attacker has realistic data; more means its questions look less natural.",
    fields: ['attack.poolShift'],
  },
  {
    id: 'seed-set',
    term: 'Seed set',
    plain:
      'The few real examples a Jacobian-augmentation attacker starts from. Each round it makes a slightly changed copy of every point, so the set doubles.',
    fields: ['attack.seedSize'],
  },
  {
    id: 'step-lambda',
    term: 'Step λ (lambda)',
    plain:
      "How far each new point made by Jacobian augmentation moves from the point it came from, in the direction where the copy's answer changes fastest.",
    fields: ['attack.lambda'],
  },
  {
    id: 'shapiro-wilk',
    term: 'Shapiro-Wilk W',
    plain:
      "A standard statistical score of how closely a set of numbers follows the familiar bell curve (1 = perfectly). Detection (PRADA) computes it on the distances between an account's queries: natural questions score high, machine-made ones low.",
  },
  {
    id: 'delta',
    term: 'Threshold δ (delta)',
    plain:
      'Detection raises an alarm and bans an account when its Shapiro-Wilk W falls below δ. A higher δ catches more attackers and also more honest users.',
    fields: ['defense.detection.delta'],
  },
  {
    id: 'fingerprint',
    term: 'Account fingerprint',
    plain:
      'A short summary of how an account uses the API: which wording its requests share with other accounts, at what hours it is active, how much it asks, how often it asks for the steps, on how many days. Campaign detection compares fingerprints across accounts.',
  },
  {
    id: 'look-alike-group',
    term: 'Group of look-alike accounts',
    plain:
      'Accounts whose fingerprints fall in the same box: the same shared wording, the same busiest hours, about the same volume and habits. Campaign detection bans every group at least this large; a smaller size catches smaller campaigns and more honest users who happen to look alike.',
    fields: ['defense.campaign.minCluster'],
  },
  {
    id: 'cover-traffic',
    term: 'Cover traffic',
    plain:
      'Requests an attacker sends only to look like an ordinary customer (ordinary wording, ordinary hours). It pays for them and learns nothing from them; in exchange its accounts look less alike.',
    fields: ['attack.mixing'],
  },
  {
    id: 'principal-components',
    term: 'Principal components',
    plain:
      'The two directions along which a set of points spreads most. Drawing each account on them turns its six-number fingerprint into a point on a page, keeping as much of the differences between accounts as two axes can.',
  },
  {
    id: 'p-value',
    term: 'p-value',
    plain:
      'How likely a result at least this strong would be by pure chance. For the watermark: the chance that an innocent model repeats this many planted wrong answers. The smaller, the stronger the evidence.',
  },
  {
    id: 'significance',
    term: 'Significance threshold',
    plain:
      'The p-value below which the owner counts the evidence as proof. A stricter (smaller) threshold accuses fewer innocent models and misses more copies.',
    fields: ['defense.watermark.alpha'],
  },
  {
    id: 'watermark',
    term: 'Watermark',
    plain:
      'A few answers the API gets wrong on purpose, chosen by a secret key and logged. A copy that learned them repeats them, which the owner can test; it proves theft after the fact and does not prevent it.',
    fields: ['defense.watermark.rate'],
  },
  {
    id: 'equation-solving',
    term: 'Equation solving',
    plain:
      "For a simple scoring formula, each returned score is one equation in the formula's unknown weights; as many answers as unknowns solve it exactly.",
  },
  {
    id: 'line-search',
    term: 'Line search',
    plain:
      'With decisions only, the attacker halves the distance between an approved and a refused applicant again and again to find the exact point where the decision flips; enough such points reveal the formula.',
    fields: ['attack.precision'],
  },
  {
    id: 'explanation',
    term: 'Explanation (attribution)',
    plain:
      'A note with each decision saying how much each fact about the applicant pushed it. For a simple scoring formula it is the formula itself.',
    fields: ['defense.output.explanations'],
  },
  {
    id: 'unknowns',
    term: 'Unknowns (d + 1)',
    plain:
      'The numbers that define a simple scoring formula: one weight per applicant feature (d of them) plus one offset.',
    fields: ['scenario.features'],
  },
  {
    id: 'weight-error',
    term: 'Weight error',
    plain:
      "How far the copy's scoring weights are from the lender's, as a share of the lender's. 0 means the formula was recovered exactly.",
  },
  {
    id: 'reasoning',
    term: 'Reasoning (the steps)',
    plain:
      'The intermediate steps a chat model writes before its answer. They are the most valuable thing to copy: a small model learns a multi-step skill from them that it cannot learn from answers alone.',
    fields: ['defense.chat.reasoning', 'scenario.honestWantSteps'],
  },
  {
    id: 'log-probabilities',
    term: 'Log-probabilities',
    plain:
      'With each word it writes, an API may return the words it found most likely and how likely each was. Like the probabilities of a classifier, they teach a copy more than the text alone.',
    fields: ['defense.output.topLogprobs'],
  },
  {
    id: 'token',
    term: 'Token',
    plain:
      'The unit a chat model reads and writes (here a digit or a symbol). APIs charge per token, hidden reasoning included.',
    fields: ['attack.pricePerMTok'],
  },
  {
    id: 'temperature',
    term: 'Temperature',
    plain:
      'How freely a chat model picks its next word: low temperature makes it pick its favourite almost always, high makes it vary.',
    fields: ['victim.temperature'],
  },
];

const BY_ID: ReadonlyMap<string, GlossaryEntry> = new Map(GLOSSARY.map((e) => [e.id, e]));

/** The entry with this id, or undefined (a Map, so text never reaches an inherited property). */
export function glossaryEntry(id: string): GlossaryEntry | undefined {
  return BY_ID.get(id);
}

const BY_FIELD: ReadonlyMap<string, GlossaryEntry> = new Map(
  GLOSSARY.flatMap((e) => (e.fields ?? []).map((path) => [path, e] as const)),
);

/** The entry a setting's tooltip carries (its label is the entry's word), if any. */
export function glossaryForField(path: string): GlossaryEntry | undefined {
  return BY_FIELD.get(path);
}
