/**
 * Policy cards: one plain-language card per attack strategy and per defense, for the people who
 * write rules rather than code. Each names the frameworks that cover it (MITRE ATLAS, OWASP, NIST
 * AI 100-2, EU AI Act) and quotes only the published figures listed in the project's reference
 * (shared/REFERENCE.md), each with its source. Titles live in policyCardTitles.ts (the buttons
 * beside the controls need them at first paint; this module loads with the cards dialog).
 */
import { CHAT_POLICY_CARDS } from './chatPolicyCards';
import {
  attack,
  CONFIDENCES,
  defense,
  EU_AI_ACT,
  PRICES,
  type PolicyCard,
  type PublishedFigure,
} from './policyCardParts';
import { POLICY_CARD_TITLES } from './policyCardTitles';

export type { PolicyCard, PublishedFigure } from './policyCardParts';

/** The credit kind's cards: credit scoring of natural persons is a high-risk use (REFERENCE.md). */
const CREDIT_EU_AI_ACT = `${EU_AI_ACT} Annex III point 5(b): AI that evaluates the creditworthiness of natural persons or establishes their credit score is high-risk (fraud detection excepted); these obligations apply from 2 August 2026.`;
const CREDIT_LAW = [
  'GDPR Art. 22: automated individual decisions.',
  'CJEU C-634/21 (SCHUFA, 7 December 2023): producing a credit score that a lender relies on can itself be an automated decision.',
];
const EXACT_LOGISTIC: PublishedFigure = {
  claim: 'equation-solving on logistic regression',
  figure: 'exact with d+1 queries',
  source: 'Tramer et al., USENIX Security 2016',
};
const GRADIENTS: PublishedFigure = {
  claim: 'gradient explanations',
  figure: 'reveal a model with orders of magnitude fewer queries than predictions',
  source: 'Milli et al., FAT* 2019',
};

export const POLICY_CARDS: readonly PolicyCard[] = [
  {
    ...attack({
      id: 'equationSolving',
      title: POLICY_CARD_TITLES.equationSolving,
      what: "A lender's logistic model turns d facts about an applicant into a score with d weights and one offset. Each score the API returns is one equation in those unknowns, so d + 1 well-chosen applications give all of them exactly.",
      stakes:
        'A full score is a precise answer: a handful of queries copies the whole credit model. Rounded scores blur the equations, so the attacker needs more of them.',
      inLab:
        'Scenario "Credit scoring", strategy "equation solving": compare queries used with d + 1, then round the answers.',
      figures: [
        EXACT_LOGISTIC,
        {
          claim: 'real service, Amazon ML (logistic regression, Digits)',
          figure: '650 queries, 70 s',
          source: 'Tramer et al. 2016',
        },
        {
          claim: 'BigML decision tree (German Credit)',
          figure: '1,150 queries, 632 s',
          source: 'Tramer et al. 2016',
        },
      ],
    }),
    euAiAct: CREDIT_EU_AI_ACT,
    law: CREDIT_LAW,
  },
  {
    ...attack({
      id: 'lineSearch',
      title: POLICY_CARD_TITLES.lineSearch,
      what: 'With approve or refuse answers only, the attacker moves an application step by step between an approved and a refused one to find where the decision flips, feature by feature. Those boundary points give the weights up to a common factor.',
      stakes:
        'Hiding the score does not hide the model: the decisions alone give it away, at a cost that grows with the number of features and the precision wanted.',
      inLab:
        'Credit scoring, API answers "label only", strategy "line search": count the queries against d + 1.',
      figures: [
        {
          claim: 'label-only linear models',
          figure: 'recovered by line search, queries polynomial in d',
          source: 'Lowd and Meek, KDD 2005',
        },
        CONFIDENCES,
      ],
    }),
    euAiAct: CREDIT_EU_AI_ACT,
    law: CREDIT_LAW,
  },
  {
    ...attack({
      id: 'explanations',
      title: POLICY_CARD_TITLES.explanations,
      what: "When the API explains each decision with how much every feature pushed it, a logistic model's explanation is its weights. One explained application gives the model; a neural network takes more.",
      stakes:
        'Transparency owed to applicants and the secrecy of the model pull against each other: the explanation that tells one applicant why is the model itself.',
      inLab: 'Credit scoring, "Explain decisions" on, strategy "read the explanations": one query.',
      figures: [GRADIENTS],
    }),
    euAiAct: CREDIT_EU_AI_ACT,
    law: CREDIT_LAW,
  },
  attack({
    id: 'random',
    title: POLICY_CARD_TITLES.random,
    what: 'The attacker asks the API about inputs picked at random from the whole input space, with no knowledge of the real data, and trains a copy on the answers.',
    stakes:
      'It needs nothing but an account. Against simple models it is enough: published attacks recovered real cloud models in minutes.',
    inLab: 'Strategy "random": watch the learning curve climb as the budget grows.',
    figures: [
      {
        claim: 'equation-solving on logistic regression',
        figure: 'exact with d+1 queries',
        source: 'Tramer et al., USENIX Security 2016',
      },
      {
        claim: 'real service, Amazon ML (logistic regression, Digits)',
        figure: '650 queries, 70 s',
        source: 'Tramer et al. 2016',
      },
      {
        claim: 'BigML decision tree (German Credit)',
        figure: '1,150 queries, 632 s',
        source: 'Tramer et al. 2016',
      },
    ],
  }),
  attack({
    id: 'natural',
    title: POLICY_CARD_TITLES.natural,
    what: "The attacker sends ordinary-looking inputs from its own unlabeled collection. The closer that collection is to the owner's data, the better the copy.",
    stakes:
      'Its queries look like honest use, so detectors that look for odd query patterns miss it.',
    inLab:
      'Strategy "natural", then move "Pool shift" to see what a worse collection costs the attacker.',
    figures: [
      {
        claim: 'Knockoff Nets',
        figure: 'a reasonable copy of an image API for about $30',
        source: 'Orekondy et al. 2019',
      },
      PRICES,
    ],
  }),
  attack({
    id: 'active',
    title: POLICY_CARD_TITLES.active,
    what: 'The attacker asks in rounds: it trains its copy, then asks about the inputs its copy is least sure of, and repeats.',
    stakes:
      'Each query is spent where it teaches the most, so the same copy costs fewer paid queries.',
    inLab:
      'Strategy "active": compare its learning curve with "random" at the same budget (pin one run as A).',
    figures: [PRICES],
  }),
  attack({
    id: 'jacobian',
    title: POLICY_CARD_TITLES.jacobian,
    what: "Starting from a few real inputs, the attacker makes new ones by nudging each input where its copy's answer changes fastest, doubling its set every round.",
    stakes:
      'Few real inputs are needed; the copy can then be used to craft inputs that fool the original.',
    inLab:
      'Strategy "jacobian" with Detection on: its chained, synthetic queries are what PRADA looks for.',
    figures: [
      {
        claim: 'practical black-box substitute',
        figure: '6,400 queries; 84% of adversarial examples transfer to MetaMind',
        source: 'Papernot et al. 2017',
      },
    ],
  }),
  defense(
    {
      id: 'rounded',
      title: POLICY_CARD_TITLES.rounded,
      what: "The API still returns each class's probability, but rounded to a few decimals.",
      stakes: 'Honest users keep the same top answer; they lose only precision.',
      inLab:
        'API answers "rounded": try 1 decimal and compare the learning curve with full probabilities.',
      atlas: ['AML.M0002 Passive AI Output Obfuscation'],
      figures: [CONFIDENCES],
    },
    'limit logit and logprob exposure',
  ),
  defense(
    {
      id: 'topk',
      title: POLICY_CARD_TITLES.topk,
      what: 'The API returns only the k most likely classes and their probabilities.',
      stakes: 'Honest users keep the top answer; they lose the scores of the less likely classes.',
      inLab: 'API answers "top-k" with k = 1.',
      atlas: ['AML.M0002 Passive AI Output Obfuscation'],
      figures: [
        CONFIDENCES,
        {
          claim: 'production LLM layer stealing',
          figure: 'embedding projection of two OpenAI models for under $20',
          source: 'Carlini et al. 2024',
        },
      ],
    },
    'limit logit and logprob exposure',
  ),
  defense(
    {
      id: 'label',
      title: POLICY_CARD_TITLES.label,
      what: 'The API answers with the class name alone: no confidence score.',
      stakes:
        'Honest users lose every score; applications that rank or threshold on confidence stop working.',
      inLab: 'API answers "label only": compare with full probabilities at a small budget.',
      atlas: ['AML.M0002 Passive AI Output Obfuscation'],
      figures: [CONFIDENCES],
    },
    'limit logit and logprob exposure',
  ),
  defense(
    {
      id: 'noise',
      title: POLICY_CARD_TITLES.noise,
      what: "Random noise is added to each probability before it is returned. For a chat model, noise is added to each word's score, the same every time the same text is asked, so averaging repeated answers does not remove it (Carlini et al. 2024).",
      stakes:
        "Strong noise can flip the top answer, so honest users get wrong answers too. For a chat model, small fixed noise hides the hidden size from logit stealing while barely moving honest users' answers.",
      inLab:
        'API answers "noisy" and move sigma: the ledger shows the honest users\' accuracy drop. Chat scenario: strategy "Logit stealing" and watch the drop in the spectrum vanish.',
      atlas: ['AML.M0002 Passive AI Output Obfuscation'],
      figures: [
        {
          claim: 'prediction poisoning (a related output perturbation)',
          figure: 'attacker error up to 85x',
          source: 'Orekondy et al. 2020',
        },
        {
          claim: 'adaptive misinformation (a related output perturbation)',
          figure: 'clone accuracy down up to 40%, benign accuracy down < 0.5%',
          source: 'Kariyappa and Qureshi 2020',
        },
      ],
    },
    'limit logit and logprob exposure',
  ),
  defense(
    {
      id: 'reverseSigmoid',
      title: POLICY_CARD_TITLES.reverseSigmoid,
      what: 'The probabilities are bent by a function chosen so that the top answer stays the same while the scores mislead a copy trained on them.',
      stakes: 'Honest users keep the top answer but get distorted scores.',
      inLab: 'API answers "reverse sigmoid": watch the distortion in the ledger.',
      atlas: ['AML.M0002 Passive AI Output Obfuscation'],
      figures: [
        {
          claim: 'reverse sigmoid',
          figure: 'stolen accuracy down 20% or more, or 64x more queries',
          source: 'Lee et al. 2019',
        },
      ],
    },
    'limit logit and logprob exposure',
  ),
  defense(
    {
      id: 'misinformation',
      title: POLICY_CARD_TITLES.misinformation,
      what: "Queries that look like the owner's own data get the true answer; queries far from it get the answer of a second model trained to be wrong, blended in smoothly as a query moves away.",
      stakes:
        'Honest users who ask about ordinary cases pay almost nothing; unusual but honest questions get misleading answers. An attacker who asks natural-looking questions is not fooled.',
      inLab:
        'API answers "adaptive misinformation": compare the random attacker with the natural one, whose queries look in-distribution.',
      atlas: ['AML.M0002 Passive AI Output Obfuscation'],
      figures: [
        {
          claim: 'adaptive misinformation',
          figure: 'clone accuracy down up to 40%, benign accuracy down < 0.5%',
          source: 'Kariyappa and Qureshi 2020',
        },
      ],
    },
    'limit logit and logprob exposure',
  ),
  defense(
    {
      id: 'mad',
      title: POLICY_CARD_TITLES.mad,
      what: 'Each answer is nudged, within a set budget, in the direction that most misleads a copy trained on it; one variant never changes the top answer.',
      stakes:
        'Honest users get scores moved by up to the budget; with "keep the top answer" their decisions stay the same.',
      inLab:
        'API answers "prediction poisoning (MAD)" and move the budget: watch the student\'s fidelity against the distortion in the ledger.',
      atlas: ['AML.M0002 Passive AI Output Obfuscation'],
      figures: [
        {
          claim: 'prediction poisoning',
          figure: 'attacker error up to 85x',
          source: 'Orekondy et al. 2020',
        },
      ],
    },
    'limit logit and logprob exposure',
  ),
  defense(
    {
      id: 'rateLimit',
      title: POLICY_CARD_TITLES.rateLimit,
      what: 'Each account may ask only so many questions per day.',
      stakes: 'Heavy honest users hit the limit; an attacker opens more accounts.',
      inLab:
        "Rate limit on, then raise the attacker's Accounts: the cap is accounts x limit x days.",
      chart: {
        region: 'limits',
        label:
          'Limits against accounts: how many accounts beat each limit, and what it costs honest users',
      },
      atlas: [
        'AML.M0004 Restrict Number of AI Model Queries',
        'AML.M0019 Control Access to AI Models',
        'related technique: AML.T0034 Cost Harvesting',
      ],
      figures: [
        {
          claim: 'distillation campaign',
          figure: 'about 24,000 accounts, 16 million queries',
          source: 'MITRE ATLAS AML.CS0056 (2026)',
        },
      ],
    },
    'rate limits and quotas',
  ),
  defense(
    {
      id: 'watermark',
      title: POLICY_CARD_TITLES.watermark,
      what: 'A small share of answers is deliberately wrong, chosen by a secret key. If a suspect model repeats those wrong answers, the owner can show in a statistical test that it was copied.',
      stakes:
        'It proves theft after the fact; it does not prevent it. The wrong answers cost honest users about as much accuracy as the share watermarked.',
      inLab:
        "Watermark on: the ledger shows the p-value for the attacker's copy and for an independent control model.",
      atlas: [
        'responds to AML.T0024.002 Extract AI Model (evidence after the fact; no ATLAS mitigation id)',
      ],
      figures: [
        {
          claim: 'DAWN',
          figure:
            'changes under 0.5% of answers, costs 0.03-0.5% accuracy, proves ownership with confidence above 1 - 2^-64',
          source: 'Szyller et al. 2021',
        },
      ],
    },
    'watermarking',
  ),
  defense(
    {
      id: 'detection',
      title: POLICY_CARD_TITLES.detection,
      what: "The API watches each account's queries. Honest queries are spread the way real data is; synthetic, chained queries are not. An account that looks synthetic is banned.",
      stakes:
        'A strict threshold flags honest accounts too; attackers that send natural data slip through.',
      inLab:
        'Detection on with strategy "jacobian", then "natural": the timeline shows each account\'s score.',
      atlas: ['AML.M0015 Adversarial Input Detection'],
      figures: [
        {
          claim: 'PRADA',
          figure: 'detected all the attacks it was tested on, with no false positives',
          source: 'Juuti et al. 2019',
        },
        {
          claim: 'known weakness',
          figure: 'attackers that query natural data (Knockoff-style) evade it',
          source: 'Atli et al. 2020',
        },
      ],
    },
    'anomaly detection',
  ),
  {
    ...defense(
      {
        id: 'explainDecisions',
        title: POLICY_CARD_TITLES.explainDecisions,
        what: 'Each answer also says how much each fact about the applicant pushed the decision (its feature attribution), as a "why was I refused" service would.',
        stakes:
          "Switching it off keeps the model's weights out of every answer, but applicants lose the reason for their decision: what to change to be approved, and a basis to contest it. That cost is not a number in the lab.",
        inLab:
          'Credit scoring: switch "Explain decisions" on and off with strategy "read the explanations" and compare queries used.',
        atlas: [
          'enables AML.T0024.002 Extract AI Model when on',
          'AML.M0002 Passive AI Output Obfuscation (leaving it off)',
        ],
        figures: [GRADIENTS],
      },
      'limit logit and logprob exposure',
    ),
    euAiAct: CREDIT_EU_AI_ACT,
    law: CREDIT_LAW,
  },
  ...CHAT_POLICY_CARDS,
];

export const POLICY_CARD_BY_ID: ReadonlyMap<string, PolicyCard> = new Map(
  POLICY_CARDS.map((card) => [card.id, card]),
);
